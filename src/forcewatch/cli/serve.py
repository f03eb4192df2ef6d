"""`forcewatch serve`: the web dashboard and REST API."""

from __future__ import annotations

import typer

from ._common import console, fail, settings


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; anything but loopback needs a token."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    token: str = typer.Option(None, "--token", envvar="FORCEWATCH_TOKEN", show_envvar=True,
                              help="Token that write endpoints (ingest, delete) require."),
    allowed_host: list[str] = typer.Option(None, "--allowed-host", help="Extra Host name to accept on loopback "
                                           "(a reverse proxy's); repeatable. Env: FORCEWATCH_ALLOWED_HOSTS."),
) -> None:
    """Serve the dashboard (map, timeline, claims, sources, indicators) and the REST API.

    Example: forcewatch --db sqlite:///fw.db serve --port 8000
    """
    from ..errors import ConfigError
    from ..web.security import check_bind

    config = settings(ctx)
    config.token = token or config.token
    config.allowed_hosts = [*config.allowed_hosts, *(allowed_host or [])]
    try:
        check_bind(host, config.token)
    except ConfigError as exc:
        fail(str(exc), code=2)
    import uvicorn

    from ..web.app import create_app

    console.print(f"forcewatch dashboard on http://{host}:{port}/ (API docs at /api/docs)")
    uvicorn.run(create_app(config), host=host, port=port, log_level="info")
