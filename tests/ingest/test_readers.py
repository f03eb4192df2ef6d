"""Every reader on real inputs: the shared corpus and fixtures written in the genre."""

from __future__ import annotations

import gzip
import shutil
import zipfile

import pytest

from forcewatch.errors import InputError, MalformedInput
from forcewatch.ingest.readers import ReadContext, known_extensions, pick, read
from forcewatch.ingest.readers.table import clean_country
from forcewatch.ingest.sources import Expander

CTX = ReadContext(max_bytes=50 * 1024 * 1024)


def _read_all(*inputs, max_bytes=50 * 1024 * 1024):
    docs, errors = [], []
    for source in Expander(max_bytes, known_extensions()).expand([str(i) for i in inputs]):
        if isinstance(source, InputError):
            errors.append(source)
            continue
        for item in read(source, CTX):
            (errors if isinstance(item, InputError) else docs).append(item)
    return docs, errors


def test_text_files_take_their_stem_as_id(corpus):
    docs, _ = _read_all(corpus / "news" / "002.txt")
    assert [d.doc_id for d in docs] == ["002"]
    assert docs[0].reader == "text" and "170 tanks" in docs[0].text


def test_news_folder_skips_readme_and_meta_json_and_rejects_the_gold_file(corpus):
    docs, errors = _read_all(corpus / "news")
    assert sorted(d.doc_id for d in docs) == ["001", "002"]
    assert [e.input for e in errors] == [str(corpus / "news" / "gold-claims.jsonl")]
    assert "not a document collection" in errors[0].reason


def test_event_table_rows_become_documents_with_place_and_equipment(corpus):
    docs, errors = _read_all(corpus / "eyesonrussia" / "events.csv")
    assert len(docs) == 6650 and not errors
    by_id = {d.doc_id: d for d in docs}
    row = by_id["eor-UW0065"]
    assert row.text == "Train transporting russian military equipment"
    assert row.published == "2022-01-16" and row.published_how == "table"
    assert row.meta["lat"] == pytest.approx(57.145359) and row.meta["town"] == "Tyumen"
    assert row.meta["arms"] == "2S3 Akatsiya self-propelled howitzers and MT-LBus"
    assert row.meta["link"].startswith("https://twitter.com/worldonalert/")
    assert row.language == "en" and not row.needs_cleaning


def test_event_table_country_spellings_are_cleaned_and_raw_kept(corpus):
    docs, _ = _read_all(corpus / "eyesonrussia" / "events.csv")
    misspelt = [d for d in docs if d.meta.get("country_raw") == "Belaurs"]
    assert misspelt and all(d.meta["country"] == "Belarus" for d in misspelt)
    assert clean_country("Russa") == "Russia" and clean_country("Other (type name in cell)") is None


def test_re3d_documents_json_is_read_and_annotations_skipped(corpus):
    docs, errors = _read_all(corpus / "re3d" / "CENTCOM")
    assert len(docs) == 23 and not errors
    first = next(d for d in docs if d.doc_id == "re3d-001C9C3F3DFE16B4921B1E906F66E161")
    assert first.outlet == "CENTCOM" and first.title == "CENTCOM reinforces support for Syrian Arab Coalition"
    assert first.url.startswith("http://www.centcom.mil/") and first.text.startswith("Photographs of U.S.")


def test_html_page_gives_main_text_title_date_and_site(fixtures):
    [doc], _ = _read_all(fixtures / "html" / "border-buildup.html")
    assert doc.reader == "html" and doc.title == "Satellite images show new tank park near Yelnya"
    assert doc.published == "2021-11-02" and doc.published_how == "html-meta"
    assert doc.outlet == "Frontline Monitor"
    assert "41st Combined Arms Army" in doc.text and "Black Sea Fleet" not in doc.text


def test_rss_entries_are_documents_with_feed_dates(fixtures):
    docs, _ = _read_all(fixtures / "feeds" / "buildup.rss")
    assert [d.title for d in docs] == ["Satellite images show new tank park near Yelnya",
                                      "Belarus announces snap readiness checks in Brest region"]
    assert docs[0].published == "2021-11-02T08:30:00+00:00" and docs[0].published_how == "feed"
    assert docs[0].outlet == "Frontline Monitor - Defence"
    assert "more than 1,200 armoured vehicles" in docs[0].text and "<p>" not in docs[0].text


def test_atom_entries_use_published_then_updated(fixtures):
    docs, _ = _read_all(fixtures / "feeds" / "buildup.atom")
    assert [d.published[:10] for d in docs] == ["2022-02-14", "2022-02-15"]
    assert "PMP pontoon bridge sections" in docs[1].text and "&lt;" not in docs[1].text


def test_telegram_export_flattens_entities_and_skips_service_and_media(fixtures):
    docs, _ = _read_all(fixtures / "telegram" / "result.json")
    assert [d.doc_id for d in docs] == ["tg-belarusian-hajun-102", "tg-belarusian-hajun-103"]
    assert docs[1].text == "Echelon with Iskander launchers arrived at the station in #Mozyr. Video: https://t.me/hajun_by/103"
    assert docs[0].outlet == "Belarusian Hajun" and docs[0].published == "2022-02-10T11:42:15+00:00"
    assert docs[0].meta["channel"] == "Belarusian Hajun" and docs[0].published_how == "telegram"


def test_json_list_reads_text_and_content_keys_and_source_objects(fixtures):
    docs, errors = _read_all(fixtures / "json" / "reports.json")
    assert [d.doc_id for d in docs] == ["osint-001", "osint-002"] and not errors
    assert docs[1].outlet == "Osint Digest" and docs[1].published == "2022-02-21"
    assert docs[1].text.startswith("A field hospital was set up")


def test_jsonl_invalid_line_is_rejected_with_its_number_and_the_rest_read(fixtures):
    docs, errors = _read_all(fixtures / "json" / "reports.jsonl")
    assert [d.doc_id for d in docs] == ["tg-digest-1", "tg-digest-2", "tg-digest-4"]
    assert len(errors) == 1 and isinstance(errors[0], MalformedInput)
    assert errors[0].line == 3 and "line 3" in errors[0].reason


def test_zip_members_are_read_as_files_with_bang_labels(corpus, tmp_path):
    archive = tmp_path / "news.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name in ("001.txt", "002.txt", "meta.json", "README.md"):
            zf.write(corpus / "news" / name, f"inner/{name}")
    docs, errors = _read_all(archive)
    assert [d.input for d in docs] == [f"{archive}!inner/001.txt", f"{archive}!inner/002.txt"] and not errors
    assert [d.doc_id for d in docs] == ["001", "002"]


def test_gz_file_is_read_through_its_inner_name(fixtures, tmp_path):
    packed = tmp_path / "reports.jsonl.gz"
    with open(fixtures / "json" / "reports.jsonl", "rb") as src, gzip.open(packed, "wb") as dst:
        shutil.copyfileobj(src, dst)
    docs, errors = _read_all(packed)
    assert len(docs) == 3 and errors[0].line == 3
    assert docs[0].input == f"{packed}#tg-digest-1"


def test_reader_is_picked_by_content_not_only_extension(fixtures, tmp_path):
    disguised = tmp_path / "export.json"
    disguised.write_bytes((fixtures / "telegram" / "result.json").read_bytes())
    feed_as_txt = tmp_path / "feed.txt"
    feed_as_txt.write_bytes((fixtures / "feeds" / "buildup.atom").read_bytes())
    sources = list(Expander(10**7, known_extensions()).expand([str(disguised), str(feed_as_txt)]))
    assert [pick(s).name for s in sources] == ["telegram", "feed"]
