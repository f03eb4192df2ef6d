"""The main job (`make demo`) end to end on the bundled samples, as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_demo_ingests_assesses_writes_reports_and_is_idempotent(tmp_path):
    db = tmp_path / "demo.db"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo.py"), "--db", f"sqlite:///{db}", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    # Eve of the 2022 invasion (Eyes on Russia rows) versus the end of the autumn-2022 build-up.
    assert "as of 2022-02-20: level 4" in out or "as of 2022-02-20: level 5" in out, out
    assert any(f"as of 2022-12-31: level {n}" in out for n in (1, 2, 3)), out
    assert "0 rejected" in out
    for name in ("report.html", "report.pdf", "report.md"):
        assert (tmp_path / name).stat().st_size > 10_000, name
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Bottom line" in html and "Indicator board" in html
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")

    # Idempotent: a second run over the same store finds every sample unchanged.
    again = subprocess.run(result.args, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "0 documents ingested" in again.stdout
