"""Telegram Desktop exports (`result.json`): each text message of a chat is a document.

Two layouts, both written by Telegram Desktop's "Machine-readable JSON" export:

- one chat ("Export chat history"): `{"name", "type", "id", "messages": [...]}`;
- a whole account ("Export Telegram data"): `{"about", "personal_information", ...,
  "chats": {"list": [chat, ...]}, "left_chats": {"list": [...]}}`, each chat as above.

A message's `text` is a string or a list mixing strings and entity objects
(`{"type": "link", "text": "..."}`); both are flattened to plain text, and the links in it
are kept in `meta["links"]`. Service messages and media without a caption carry no report
and are skipped. The media folders beside `result.json` (`photos/`, `files/`, ...) are
skipped by the folder walk (`MEDIA_DIRS` and `EXPORT_PAGES`, used by `sources.py`).

Telegram Desktop does not write a channel's public username, which message links
(`https://t.me/<username>/<id>`) need: it is taken from the chat object when a tool wrote
one, else from a `meta.json` beside the export: `{"result": {"username": "hajun_by"}}`, or
for several chats `{"result": {"usernames": {"<chat id or name>": "hajun_by"}}}`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime

from ...errors import InputError, MalformedInput
from ..model import RawDocument
from ..sources import Source
from . import register
from ._util import slug, source_text

EXPORT_FILE = "result.json"
# Folders Telegram Desktop writes beside result.json: attachments of messages (and, when
# HTML was exported too, the pages and their assets). None holds the export's text.
MEDIA_DIRS = frozenset({
    "photos", "files", "video_files", "voice_messages", "round_video_messages", "stickers", "animations",
    "contacts", "profile_pictures", "stories", "chats", "lists", "css", "js", "images",
})
# The HTML rendering of the same export ("HTML and JSON"): it repeats result.json's messages.
EXPORT_PAGES = re.compile(r"(messages\d*|export_results)\.html")
_ACCOUNT_KEYS = (b'"personal_information"', b'"chats"', b'"left_chats"')
_LINK_ENTITIES = ("link", "text_link")
_META_KEYS = ("from", "forwarded_from", "saved_from", "reply_to_message_id", "edited")


def is_export(name: str, head: bytes) -> bool:
    """Whether a JSON file starting with `head` is a Telegram Desktop export."""
    if not name.lower().endswith(".json") or not head.startswith(b"{"):
        return False
    one_chat = b'"messages"' in head and b'"type"' in head
    account = name.lower().endswith(EXPORT_FILE) and any(key in head for key in _ACCOUNT_KEYS)
    return one_chat or account


def _sniff(source: Source, head: bytes) -> bool:
    return is_export(source.name, head)


@register("telegram", sniff=_sniff)
def read_telegram(source: Source, ctx) -> Iterator[RawDocument | InputError]:
    """Messages of every chat in the export (one chat, or all chats of an account)."""
    try:
        export = json.loads(source_text(source))
    except json.JSONDecodeError as exc:
        yield MalformedInput(source.label, f"invalid JSON on line {exc.lineno}: {exc.msg}", "re-export the chat",
                             exc.lineno)
        return
    if not isinstance(export, dict):
        yield MalformedInput(source.label, "not a Telegram export: the top level is not an object",
                             "give the result.json of a Telegram Desktop JSON export")
        return
    account = "messages" not in export
    usernames = _usernames(source.sidecar)
    for chat in chats(export):
        yield from _chat_documents(chat, source, account, usernames)


def chats(export: dict) -> list[dict]:
    """The chats of an export: the export itself, or `chats.list` and `left_chats.list`."""
    if "messages" in export:
        return [export]
    found = []
    for key in ("chats", "left_chats"):
        section = export.get(key) or {}
        listed = section.get("list", []) if isinstance(section, dict) else section
        found.extend(chat for chat in listed if isinstance(chat, dict))
    return found


def _chat_documents(chat: dict, source: Source, account: bool, usernames: dict) -> Iterator[RawDocument | InputError]:
    name = chat.get("name") or str(chat.get("id", "telegram"))
    messages = chat.get("messages", [])
    if not isinstance(messages, list):
        yield MalformedInput(source.label, f"chat {name!r}: 'messages' is not a list", "re-export the chat")
        return
    context = _Chat(name, chat, _username(chat, name, usernames, account), source.label, account)
    for message in messages:
        if not isinstance(message, dict):
            yield MalformedInput(source.label, f"chat {name!r}: a message is not an object", "re-export the chat")
            continue
        doc = message_document(message, context)
        if doc is not None:
            yield doc


class _Chat:
    """What every message of one chat shares: names, link base, how inputs are labelled."""

    def __init__(self, name: str, chat: dict, username: str | None, label: str, account: bool):
        self.name, self.id, self.type, self.username = name, chat.get("id"), chat.get("type"), username
        # Message ids restart in every chat, so an account export labels them with the chat id.
        self.input_prefix = f"{label}#{self.id}/" if account else f"{label}#"


def flatten(text) -> str:
    """Telegram's text field (string or list of strings and entities) as plain text."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(part if isinstance(part, str) else str(part.get("text", "")) for part in text)
    return ""


def message_document(message: dict, chat: _Chat) -> RawDocument | None:
    """The document of one message; None for service messages and media without a caption."""
    text = flatten(message.get("text"))
    if message.get("type") != "message" or not text.strip():
        return None
    published = _date(message)
    msg_id = message.get("id")
    return RawDocument(
        doc_id=f"tg-{slug(chat.name)}-{msg_id}",
        input=f"{chat.input_prefix}{msg_id}",
        reader="telegram",
        text=text,
        outlet=chat.name,
        url=f"https://t.me/{chat.username}/{msg_id}" if chat.username else None,
        published=published,
        published_how="telegram" if published else None,
        meta=_meta(message, chat),
    )


def _date(message: dict) -> str | None:
    """UTC from `date_unixtime` when the export has it; else the local time as written."""
    stamp = message.get("date_unixtime")
    if stamp and str(stamp).isdigit():
        return datetime.fromtimestamp(int(stamp), UTC).isoformat()
    return message.get("date")


def _meta(message: dict, chat: _Chat) -> dict:
    meta = {"channel": chat.name, "channel_id": chat.id, "message_id": message.get("id")}
    if chat.type:
        meta["chat_type"] = chat.type
    for key in _META_KEYS:
        if message.get(key) is not None:
            meta[key] = message[key]
    links = _links(message.get("text"))
    if links:
        meta["links"] = links
    return meta


def _links(text) -> list[str]:
    """URLs in a message, in order, once each: link entities and the targets of text links."""
    if not isinstance(text, list):
        return []
    found: dict[str, None] = {}
    for part in text:
        if isinstance(part, dict) and part.get("type") in _LINK_ENTITIES:
            url = part.get("href") or part.get("text")
            if isinstance(url, str) and url.strip():
                found.setdefault(url.strip(), None)
    return list(found)


def _usernames(sidecar: dict) -> dict:
    """Usernames given in a meta.json entry for the export: {"username": ...} or {"usernames": {...}}."""
    named = sidecar.get("usernames")
    usernames = {str(key): value for key, value in named.items()} if isinstance(named, dict) else {}
    if isinstance(sidecar.get("username"), str):
        usernames[""] = sidecar["username"]  # a single-chat export: whatever the chat is
    return usernames


def _username(chat: dict, name: str, usernames: dict, account: bool) -> str | None:
    found = chat.get("username") or usernames.get(str(chat.get("id"))) or usernames.get(name)
    if not found and not account:
        found = usernames.get("")
    return found.lstrip("@") if isinstance(found, str) and found.strip() else None
