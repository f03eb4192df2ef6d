"""Telegram Desktop exports (`result.json`): each text message of a channel is a document.

A message's `text` is a string or a list mixing strings and entity objects
(`{"type": "link", "text": "..."}`); both are flattened to plain text. Service messages
and media without a caption carry no report and are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

from ...errors import InputError, MalformedInput
from ..model import RawDocument
from ..sources import Source
from . import register
from ._util import slug, source_text


def _sniff(source: Source, head: bytes) -> bool:
    return source.suffix == ".json" and head.startswith(b"{") and b'"messages"' in head and b'"type"' in head


@register("telegram", sniff=_sniff)
def read_telegram(source: Source, ctx) -> Iterator[RawDocument | InputError]:
    """Messages of one exported channel or chat."""
    try:
        export = json.loads(source_text(source))
    except json.JSONDecodeError as exc:
        yield MalformedInput(source.label, f"invalid JSON on line {exc.lineno}: {exc.msg}", "re-export the chat",
                             exc.lineno)
        return
    channel = export.get("name") or str(export.get("id", "telegram"))
    for message in export.get("messages", []):
        doc = message_document(message, channel, export, source)
        if doc is not None:
            yield doc


def flatten(text) -> str:
    """Telegram's text field (string or list of strings and entities) as plain text."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(part if isinstance(part, str) else str(part.get("text", "")) for part in text)
    return ""


def message_document(message: dict, channel: str, export: dict, source: Source) -> RawDocument | None:
    text = flatten(message.get("text"))
    if message.get("type") != "message" or not text.strip():
        return None
    published = _date(message)
    username = export.get("username")
    return RawDocument(
        doc_id=f"tg-{slug(channel)}-{message.get('id')}",
        input=f"{source.label}#{message.get('id')}",
        reader="telegram",
        text=text,
        outlet=channel,
        url=f"https://t.me/{username}/{message.get('id')}" if username else None,
        published=published,
        published_how="telegram" if published else None,
        meta=_meta(message, channel, export),
    )


def _date(message: dict) -> str | None:
    """UTC from `date_unixtime` when the export has it; else the local time as written."""
    stamp = message.get("date_unixtime")
    if stamp and str(stamp).isdigit():
        return datetime.fromtimestamp(int(stamp), UTC).isoformat()
    return message.get("date")


def _meta(message: dict, channel: str, export: dict) -> dict:
    meta = {"channel": channel, "channel_id": export.get("id"), "message_id": message.get("id")}
    for key in ("from", "forwarded_from", "reply_to_message_id", "edited"):
        if message.get(key) is not None:
            meta[key] = message[key]
    return meta
