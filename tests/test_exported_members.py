"""The public API: everything in `forcewatch.__all__` exists, and nothing private leaks."""

import forcewatch


def test_all_exports_exist_and_are_public():
    for name in forcewatch.__all__:
        assert hasattr(forcewatch, name), name
        assert not name.startswith("_") or name == "__version__"


def test_errors_share_one_base():
    errors = [getattr(forcewatch, n) for n in forcewatch.__all__ if n.endswith(("Error", "Input", "NotFound"))]
    assert errors
    for err in errors:
        assert issubclass(err, forcewatch.ForcewatchError), err


def test_importing_the_package_does_not_load_spacy():
    """Stage entry points are lazy: `import forcewatch` must stay cheap for CLI start-up."""
    import subprocess
    import sys

    code = "import sys, forcewatch; print('spacy' in sys.modules, 'sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_lazy_stage_entry_points_resolve_to_callables():
    for name in ("extract_claims", "extract_mentions", "build_report", "write_report", "open_store", "load_problem"):
        assert callable(getattr(forcewatch, name)), name
