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
