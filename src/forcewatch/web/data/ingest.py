"""Ingest over HTTP: uploaded files land in a private temporary folder, then `forcewatch.ingest.ingest`.

Uploads are checked here, before any reader sees them: the name is reduced to a safe
base name (no folders, so no path traversal), the suffix must be one the readers
handle, and the size is counted while streaming so an oversized file is refused early.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi import UploadFile
from starlette.concurrency import run_in_threadpool

from ...config import Settings
from ...store import Store
from ..problems import ApiError
from .stages import optional, require

ALLOWED_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xml", ".rss", ".atom", ".opml", ".json", ".jsonl",
                    ".ndjson", ".csv", ".tsv"}
MAX_FILES = 50
MAX_URLS = 50
CHUNK = 1 << 20
CLAIMS_HOOK = "forcewatch.extract.store_hook"  # registers claim extraction as an ingest processor


def safe_name(filename: str | None, index: int) -> str:
    """A base name with only harmless characters; the suffix must be an allowed one."""
    base = re.split(r"[\\/]", filename or "")[-1]
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip(".") or f"upload-{index}"
    suffix = Path(base).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise ApiError(415, "unsupported_type", f"{filename!r}: files ending in {suffix or '(nothing)'} are not "
                       f"accepted; upload one of {', '.join(sorted(ALLOWED_SUFFIXES))}.",
                       [{"field": "files", "message": "unsupported file type"}])
    return base


async def save_upload(upload: UploadFile, folder: Path, index: int, max_bytes: int) -> Path:
    """Stream one upload into its own subfolder of `folder` (so the document id is the
    file's own stem, as on the command line), refusing it once it passes `max_bytes`."""
    name = safe_name(upload.filename, index)
    (folder / f"{index:03d}").mkdir()
    target = folder / f"{index:03d}" / name
    size = 0
    with open(target, "wb") as out:
        while chunk := await upload.read(CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise ApiError(413, "too_large", f"{upload.filename!r} is over the {max_bytes:,}-byte limit "
                               "(FORCEWATCH_MAX_BYTES); split it or raise the limit.",
                               [{"field": "files", "message": "file too large"}])
            out.write(chunk)
    return target


def check_urls(urls: list[str]) -> list[str]:
    """Only http(s) URLs, at most MAX_URLS; anything else is named in the error."""
    cleaned = [u.strip() for u in urls if u and u.strip()]
    bad = [u for u in cleaned if not re.match(r"^https?://[^\s/$.?#].[^\s]*$", u, re.IGNORECASE)]
    if bad:
        raise ApiError(422, "invalid", f"not an http(s) URL: {bad[0]!r}.", [{"field": "urls", "message": "not a URL"}])
    if len(cleaned) > MAX_URLS:
        raise ApiError(422, "invalid", f"at most {MAX_URLS} URLs per request.", [{"field": "urls", "message": "too many"}])
    return cleaned


def _jsonable(result: Any) -> Any:
    if hasattr(result, "to_dict"):
        return result.to_dict()
    if dataclasses.is_dataclass(result):
        return dataclasses.asdict(result)
    return result


def default_processors() -> tuple:
    """The processors `forcewatch ingest` runs: claim extraction, and any plugin's.

    Importing the extraction hook registers it (as the `extract` CLI module does); then
    the ingest stage's own loader adds built-ins and entry-point plugins.
    """
    optional(CLAIMS_HOOK)
    return require("forcewatch.ingest.hooks", "load_all")()


def call_ingest(inputs: list[str], store: Store, settings: Settings) -> dict:
    """`forcewatch.ingest.ingest` with the default processors; its report as a dict."""
    ingest = require("forcewatch.ingest", "ingest")
    report = ingest(inputs, store, processors=default_processors(), max_bytes=settings.max_bytes)
    result = _jsonable(report)
    result["documents"] = list(getattr(report, "document_ids", []))
    result["processors"] = require("forcewatch.ingest.hooks", "names")()
    return result


async def ingest_uploads(files: list[UploadFile], urls: list[str], store: Store, settings: Settings) -> dict:
    """Save the uploads, ingest them and the URLs in one run, and report what happened.

    Reading, extraction and fetching block, so they run in a worker thread and the
    server keeps answering other requests meanwhile.
    """
    if len(files) > MAX_FILES:
        raise ApiError(422, "invalid", f"at most {MAX_FILES} files per upload.", [{"field": "files", "message": "too many"}])
    urls = check_urls(urls)
    if not files and not urls:
        raise ApiError(422, "invalid", "send at least one file or URL.", [{"field": "files", "message": "nothing to ingest"}])
    with tempfile.TemporaryDirectory(prefix="fw-upload-") as tmp:
        paths = [str(await save_upload(f, Path(tmp), i, settings.max_bytes)) for i, f in enumerate(files)]
        result = await run_in_threadpool(call_ingest, paths + urls, store, settings)
    return {"inputs": [f.filename for f in files] + urls, "result": result}
