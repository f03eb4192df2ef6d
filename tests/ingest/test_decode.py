"""Bytes to text: BOM, UTF-8, cp1251 for Cyrillic, latin-1; binary and undecodable refused."""

from __future__ import annotations

import codecs

import pytest

from forcewatch.errors import UnreadableInput
from forcewatch.ingest.decode import decode

RU = "Колонна из 40 грузовиков и 12 танков движется из Речицы в сторону Хойников."


def test_utf8_with_bom_drops_the_bom():
    text, encoding = decode(codecs.BOM_UTF8 + RU.encode("utf-8"), "a.txt")
    assert text == RU and encoding == "utf-8-sig"


def test_utf16_with_bom_is_read():
    text, _ = decode(RU.encode("utf-16"), "a.txt")
    assert text == RU


def test_cp1251_cyrillic_is_recognised():
    text, encoding = decode(RU.encode("cp1251"), "a.txt")
    assert (text, encoding) == (RU, "cp1251")


def test_latin1_western_text_is_the_last_resort():
    raw = "Le ministère a annoncé des manœuvres près de la frontière.".replace("œ", "oe").encode("latin-1")
    text, encoding = decode(raw, "a.txt")
    assert encoding == "latin-1" and "ministère" in text


def test_binary_file_is_rejected_as_binary():
    png_head = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    with pytest.raises(UnreadableInput, match="binary"):
        decode(png_head, "photo.txt")


def test_ebcdic_export_is_rejected_as_undecodable():
    raw = "Russian tanks were seen near the border on Monday evening.".encode("cp500")
    with pytest.raises(UnreadableInput, match="undecodable") as err:
        decode(raw, "mainframe.txt")
    assert err.value.input == "mainframe.txt"
