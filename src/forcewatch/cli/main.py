"""Entry point: builds the Typer app from every command module in this package.

Exit codes: 0 ok, 1 nothing done or failure, 2 usage error.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from .. import __version__
from ..config import get_settings
from ..errors import ForcewatchError
from ._common import err_console

app = typer.Typer(
    name="forcewatch",
    help="Turn open-source reports about military forces into attributed claims, fuse them and assess warnings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"forcewatch {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: str = typer.Option(
        None, "--db", envvar="FORCEWATCH_DB", help="Database URL (sqlite:///path.db or postgresql+psycopg://...)."
    ),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """forcewatch: attributed claims about military forces, fused and assessed."""
    ctx.obj = get_settings(db_url=db)


def _register_commands() -> None:
    package = importlib.import_module(__package__)
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name == "main":
            continue
        module = importlib.import_module(f"{__package__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_commands()


def main(argv: list[str] | None = None) -> int:
    try:
        app(args=argv, standalone_mode=True)
    except ForcewatchError as exc:
        err_console.print(f"[bold red]error:[/] {exc}", highlight=False)
        return exc.exit_code
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
