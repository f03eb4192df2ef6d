"""Global CLI behaviour: version, help, usage errors, the --db option."""

from __future__ import annotations

import subprocess
import sys

from forcewatch.cli.main import main


def _run(*args: str, env_db: str | None = None):
    import os

    env = dict(os.environ)
    if env_db:
        env["FORCEWATCH_DB"] = env_db
    return subprocess.run([sys.executable, "-m", "forcewatch.cli.main", *args], capture_output=True, text=True, env=env)


def test_version_prints_the_package_version():
    import forcewatch

    result = _run("--version")
    assert result.returncode == 0
    assert forcewatch.__version__ in result.stdout


def test_unknown_command_is_a_usage_error_with_exit_2():
    result = _run("no-such-command")
    assert result.returncode == 2
    assert "no-such-command" in result.stderr


def test_main_returns_exit_code_instead_of_raising():
    assert main(["--version"]) == 0
    assert main(["--definitely-not-an-option"]) == 2
