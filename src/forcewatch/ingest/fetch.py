"""Fetching URLs with httpx: a timeout, a size limit, and errors a user can act on."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from .. import __version__
from ..errors import UnreadableInput

USER_AGENT = f"forcewatch/{__version__} (+https://github.com/forcewatch)"
DEFAULT_TIMEOUT = 20.0


@dataclass
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str


def fetch(url: str, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> Fetched:
    """GET `url`, refusing bodies over `max_bytes`; raises `UnreadableInput` on any failure."""
    headers = {"User-Agent": USER_AGENT}
    try:
        with httpx.stream("GET", url, headers=headers, timeout=timeout, follow_redirects=True) as resp:
            if resp.status_code >= 400:
                raise UnreadableInput(url, f"fetch failed: HTTP {resp.status_code}", "check the URL or try later")
            data = _read_limited(resp, url, max_bytes)
            return Fetched(str(resp.url), data, resp.headers.get("content-type", ""))
    except httpx.HTTPError as exc:
        raise UnreadableInput(url, f"fetch failed: {type(exc).__name__}: {exc}", "check the URL and the network") from exc


def _read_limited(resp: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise UnreadableInput(url, too_large_reason(int(declared), max_bytes), RAISE_LIMIT_HINT)
    chunks, size = [], 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise UnreadableInput(url, too_large_reason(size, max_bytes, at_least=True), RAISE_LIMIT_HINT)
        chunks.append(chunk)
    return b"".join(chunks)


RAISE_LIMIT_HINT = "raise FORCEWATCH_MAX_BYTES to read it"


def too_large_reason(size: int, limit: int, at_least: bool = False) -> str:
    prefix = "over " if at_least else ""
    return f"too large: {prefix}{size} bytes, the limit is {limit} bytes"
