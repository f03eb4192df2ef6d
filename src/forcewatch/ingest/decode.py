"""Bytes to text, in a principled order, and refusal of binary data.

Order: a byte-order mark (UTF-8, UTF-16), strict UTF-8, then cp1251 when the high bytes
look like Cyrillic letters (Russian and Belarusian sites still serve it), then latin-1
as the last resort, refused when it would yield control characters (the bytes were not
text in any of these encodings).
"""

from __future__ import annotations

import codecs

from ..errors import UnreadableInput

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# ASCII control characters that never occur in text (tab, newline, CR, FF, ESC are allowed).
_CONTROL = set(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F} | set(range(0x10, 0x1B)) | set(range(0x1C, 0x20))
SNIFF_BYTES = 8192
MAX_CONTROL_RATIO = 0.05
MAX_C1_RATIO = 0.01


def is_binary(data: bytes) -> bool:
    """True when the head of `data` has a NUL byte or too many control characters."""
    head = data[:SNIFF_BYTES]
    if not head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > MAX_CONTROL_RATIO


def looks_cyrillic(data: bytes) -> bool:
    """cp1251 puts Cyrillic letters at 0xC0-0xFF. In Russian text most letters are there
    (in French or German only a few accented ones), and few bytes fall in 0x80-0xBF
    (where other single-byte encodings such as EBCDIC put their letters)."""
    sample = data[: SNIFF_BYTES * 4]
    cyrillic = sum(1 for b in sample if b >= 0xC0)
    other_high = sum(1 for b in sample if 0x80 <= b < 0xC0)
    latin = sum(1 for b in sample if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    return cyrillic > 0 and cyrillic / (cyrillic + latin) > 0.3 and cyrillic / (cyrillic + other_high) > 0.7


def _c1_ratio(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for ch in text if 0x80 <= ord(ch) <= 0x9F) / len(text)


def decode(data: bytes, input: str) -> tuple[str, str]:
    """Return `(text, encoding)` or raise `UnreadableInput` for binary or undecodable bytes."""
    if is_binary(data):
        raise UnreadableInput(input, "binary file, not text", "give a text, HTML, JSON, CSV or feed file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, input), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if looks_cyrillic(data):
        try:
            return data.decode("cp1251"), "cp1251"
        except UnicodeDecodeError:
            pass
    text = data.decode("latin-1")
    if _c1_ratio(text) > MAX_C1_RATIO:
        raise UnreadableInput(
            input, "undecodable text: not UTF-8, cp1251 or latin-1", "convert the file to UTF-8 and ingest it again"
        )
    return text, "latin-1"


def _strict(data: bytes, encoding: str, input: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            input, f"undecodable text: invalid {encoding} at byte {exc.start}", "convert the file to UTF-8"
        ) from exc
