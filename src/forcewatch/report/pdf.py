"""PDF rendering: the HTML brief through a real layout engine.

Engines, tried in order: WeasyPrint (Python; needs Debian's libpango-1.0-0 and
libpangoft2-1.0-0), then headless Chromium's print-to-PDF (Debian's `chromium`).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ConfigError


def weasyprint_pdf(html: str, path: Path) -> bool:
    """Render with WeasyPrint; False when it (or the pango it needs) is not installed."""
    try:
        import weasyprint
    except (ImportError, OSError):  # OSError: the package is there but pango is not
        return False
    weasyprint.HTML(string=html, base_url=str(path.parent)).write_pdf(path)
    return True


def chromium_binary() -> str | None:
    """The first Chromium or Chrome binary on PATH, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome", "headless_shell"):
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_pdf(html: str, path: Path) -> bool:
    """Render with headless Chromium's print-to-PDF; False when no browser is installed."""
    binary = chromium_binary()
    if binary is None:
        return False
    with tempfile.TemporaryDirectory(prefix="fw-report-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        subprocess.run([binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={path}", page.as_uri()], check=True, capture_output=True, timeout=120)
    return True


ENGINES = (weasyprint_pdf, chromium_pdf)


def write_pdf(html: str, path: Path) -> str:
    """Render `html` to `path`; returns the engine's name."""
    for engine in ENGINES:
        if engine(html, path):
            return engine.__name__.removesuffix("_pdf")
    raise ConfigError(
        "no PDF renderer: pip install weasyprint==70.0 and apt-get install libpango-1.0-0 libpangoft2-1.0-0, "
        "or install Debian's chromium; or choose --format html."
    )
