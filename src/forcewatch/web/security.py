"""Who may do what: reads are open, writes need the token, public binds need a token.

The token comes from `Settings.token` (FORCEWATCH_TOKEN). A write request carries it as
`Authorization: Bearer <token>`, an `X-Forcewatch-Token` header, or a `token` form field
(the dashboard's upload form). Comparison is constant-time.
"""

from __future__ import annotations

import hmac
import ipaddress

from fastapi import Request

from ..errors import ConfigError
from .problems import ApiError

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}

# Headers every response carries: no framing, no sniffing, scripts only from this server.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def is_loopback(host: str) -> bool:
    """True when `host` (a name or an address) only reaches this machine."""
    name = host.strip().strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The name in a Host header, without port, brackets or trailing dot: "[::1]:8350" -> "::1"."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value[1:]
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def loopback_name(name: str) -> bool:
    """Names only this machine answers to, including `*.localhost`, which browsers never resolve elsewhere."""
    return is_loopback(name) or name.endswith(".localhost")


def rebinding_refusal(local_address: str | None, host_header: str | None, allowed: frozenset[str]) -> str | None:
    """Why a request must be refused as DNS rebinding, or None when it may go on.

    A request that reached this server on a loopback address came from this machine,
    but a web page can still make the browser send it by pointing its own name at
    127.0.0.1 (DNS rebinding). The Host header gives that away: it names the page's
    domain, not localhost. So on loopback only loopback names (and `allowed` ones) pass.
    """
    if not local_address or not is_loopback(local_address):
        return None
    name = host_name(host_header or "")
    if name and (loopback_name(name) or name in allowed):
        return None
    return (f"Host header {host_header!r} is not a name of this machine; this server listens on loopback and "
            "answers only to localhost, 127.0.0.1 or [::1] (a foreign name there is how DNS rebinding attacks "
            "look). Open it as http://127.0.0.1:<port>/, or allow the name with create_app(allowed_hosts=...).")


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve on a non-loopback address without a token (anyone could write)."""
    if not is_loopback(host) and not token:
        raise ConfigError(
            f"refusing to serve on {host!r} without a token: anyone on the network could ingest or delete. "
            "Set FORCEWATCH_TOKEN (or pass --token) or bind to 127.0.0.1."
        )


def presented_token(request: Request, form_token: str | None = None) -> str | None:
    """The token a request carries, from the header or the upload form."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-forcewatch-token") or form_token


def require_token(request: Request, form_token: str | None = None) -> None:
    """Raise a 401/403 `ApiError` unless the request carries the configured token."""
    expected = request.app.state.settings.token
    if not expected:
        raise ApiError(
            403,
            "writes_disabled",
            "this server has no token, so write endpoints are off; restart it with FORCEWATCH_TOKEN set.",
        )
    given = presented_token(request, form_token)
    if not given:
        raise ApiError(401, "token_required", "this endpoint changes data; send 'Authorization: Bearer <token>'.")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(403, "token_invalid", "the token does not match FORCEWATCH_TOKEN on the server.")


async def write_guard(request: Request) -> None:
    """FastAPI dependency for JSON write endpoints (header token only)."""
    require_token(request)
