"""Telegram Desktop export folders, end to end: `forcewatch ingest telegram_export/ --json`.

Fixtures (written in the genre of a Belarusian rail and convoy monitoring channel):
`telegram_export/` is a one-chat export (result.json, photos/, files/, video_files/,
meta.json giving the channel's username); `telegram_export_all/` is an "all chats"
account export (chats.list and left_chats.list, media under chats/chat_002/, the
export's HTML index beside it).
"""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest
from sqlalchemy import select

from forcewatch.cli.main import main
from forcewatch.errors import InputError
from forcewatch.ingest import ingest
from forcewatch.ingest.readers import ReadContext, known_extensions, pick, read
from forcewatch.ingest.sources import Expander, Source
from forcewatch.store import Document, open_store


@pytest.fixture
def export(fixtures, tmp_path):
    """A copy of the one-chat export, so labels and meta.json lookups use a fresh path."""
    return shutil.copytree(fixtures / "telegram_export", tmp_path / "telegram_export")


@pytest.fixture
def account_export(fixtures, tmp_path):
    return shutil.copytree(fixtures / "telegram_export_all", tmp_path / "DataExport_2022-02-14")


def _cli(capsys, db_url, *inputs) -> tuple[int, dict]:
    code = main(["--db", db_url, "ingest", *map(str, inputs), "--no-processors", "--json"])
    return code, json.loads(capsys.readouterr().out)


def _docs(db_url) -> dict[str, Document]:
    store = open_store(db_url)
    try:
        with store.transaction() as session:
            return {d.id: d for d in session.scalars(select(Document))}
    finally:
        store.close()


def _expand(*inputs) -> tuple[list, Expander]:
    expander = Expander(10**7, known_extensions())
    return list(expander.expand([str(i) for i in inputs])), expander


def test_cli_reads_every_text_message_of_an_export_folder_and_rejects_nothing(capsys, sqlite_url, export):
    code, data = _cli(capsys, sqlite_url, export)
    assert code == 0 and data["rejected"] == [] and data["complete"] is True
    assert data["ingested"] == 7  # 11 messages less 2 service messages and 2 media without caption
    assert sorted(_docs(sqlite_url)) == [f"tg-belarus-rail-watch-{n}" for n in (2412, 2413, 2414, 2416, 2418, 2419, 2421)]


def test_export_messages_keep_channel_link_date_and_forward(capsys, sqlite_url, export):
    _cli(capsys, sqlite_url, export)
    docs = _docs(sqlite_url)
    first = docs["tg-belarus-rail-watch-2412"]
    assert first.url == "https://t.me/by_rail_watch/2412" and first.outlet == "Belarus Rail Watch"
    assert first.published.startswith("2022-02-13T08:15:02")  # date_unixtime (UTC), not the Minsk local time
    assert first.input == f"{export / 'result.json'}#2412"
    forwarded = docs["tg-belarus-rail-watch-2416"]
    assert forwarded.meta["forwarded_from"] == "Gomel Residents Chat" and "Ka-52" in forwarded.text
    assert docs["tg-belarus-rail-watch-2418"].meta["reply_to_message_id"] == 2412


def test_entity_list_text_is_flattened_and_its_links_kept(capsys, sqlite_url, export):
    _cli(capsys, sqlite_url, export)
    convoy = _docs(sqlite_url)["tg-belarus-rail-watch-2413"]
    assert convoy.text.startswith("\u26a1\ufe0f Convoy on the M10\nAbout 40 vehicles: Tigr armoured cars")
    assert "#Gomel_region\nVideo from a subscriber: watch\n" in convoy.text
    assert convoy.meta["links"] == ["https://t.me/gomel_residents_chat/5521"]


def test_media_folders_of_an_export_are_skipped_and_counted(export):
    sources, expander = _expand(export)
    assert [s.name for s in sources] == ["result.json"]
    assert expander.skipped == {str(export / "files"): 2, str(export / "photos"): 3, str(export / "video_files"): 1}


def test_media_folder_given_on_its_own_is_read_like_any_folder(store, export):
    # What the skip spares the user: the attachment becomes a document, the spreadsheet a reject.
    report = ingest([export / "files"], store)
    assert report.ingested == 1
    assert report.rejected == [{"input": str(export / "files" / "wagons.csv"), "reason": "binary file, not text"}]


def test_a_reports_folder_holding_an_export_reads_both(capsys, sqlite_url, export, corpus, tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(corpus / "news" / "002.txt", reports / "002.txt")
    shutil.move(export, reports / "telegram_export")
    code, data = _cli(capsys, sqlite_url, reports)
    assert code == 0 and data["ingested"] == 8 and data["rejected"] == []


def test_rerunning_an_export_changes_nothing(capsys, sqlite_url, export):
    _cli(capsys, sqlite_url, export)
    code, data = _cli(capsys, sqlite_url, export)
    assert code == 0 and (data["ingested"], data["unchanged"], data["rejected"]) == (0, 7, [])


def test_cli_reads_all_chats_and_left_chats_of_an_account_export(capsys, sqlite_url, account_export):
    code, data = _cli(capsys, sqlite_url, account_export)
    assert code == 0 and data["rejected"] == [] and data["ingested"] == 4
    docs = _docs(sqlite_url)
    assert sorted(docs) == ["tg-belarus-rail-watch-2412", "tg-belarus-rail-watch-2416", "tg-border-watch-gomel-88",
                            "tg-mazyr-convoy-reports-2412"]
    group = docs["tg-mazyr-convoy-reports-2412"]
    assert group.input == f"{account_export / 'result.json'}#4100228311/2412"  # message ids restart per chat
    assert group.meta["chat_type"] == "private_group" and group.meta["from"] == "Siarhei" and group.url is None


def test_account_export_usernames_come_from_meta_json_by_chat_id_or_name(capsys, sqlite_url, account_export):
    _cli(capsys, sqlite_url, account_export)
    docs = _docs(sqlite_url)
    assert docs["tg-belarus-rail-watch-2416"].url == "https://t.me/by_rail_watch/2416"  # by id
    assert docs["tg-border-watch-gomel-88"].url == "https://t.me/border_watch_gomel/88"  # by name


def test_account_export_media_and_html_index_are_skipped(account_export):
    sources, expander = _expand(account_export)
    assert [s.name for s in sources] == ["result.json"]
    assert expander.skipped == {str(account_export / "chats"): 1, str(account_export / "export_results.html"): 1}


def test_zipped_export_skips_its_media_too(store, export, tmp_path):
    packed = tmp_path / "ChatExport_2022-02-14.zip"
    with zipfile.ZipFile(packed, "w") as archive:
        for path in sorted(export.rglob("*")):
            archive.write(path, f"ChatExport_2022-02-14/{path.relative_to(export)}")
    sources, expander = _expand(packed)
    assert [s.label for s in sources] == [f"{packed}!ChatExport_2022-02-14/result.json"]
    assert expander.skipped[f"{packed}!ChatExport_2022-02-14/files"] == 2
    report = ingest([packed], store)
    assert report.ingested == 7 and report.rejected == []


def test_account_export_is_recognised_when_messages_come_after_a_long_contact_list(tmp_path):
    contacts = [{"first_name": f"Contact {n}", "last_name": "", "phone_number": "+00 000", "date": "2021-01-01T00:00:00"}
                for n in range(200)]
    chat = {"name": "Belarus Rail Watch", "type": "public_channel", "id": 1711409327,
            "messages": [{"id": 5, "type": "message", "date": "2022-02-13T11:15:02", "date_unixtime": "1644740102",
                          "text": "Echelon with BMP-2s passed Zhlobin toward Gomel."}]}
    data = json.dumps({"about": "Here is the data you requested.", "personal_information": {"user_id": 1},
                       "contacts": {"about": "", "list": contacts}, "chats": {"about": "", "list": [chat]}},
                      indent=1).encode()
    assert data.index(b'"messages"') > 4096
    source = Source(str(tmp_path / "result.json"), "result.json", data)
    assert pick(source).name == "telegram"
    [doc] = read(source, ReadContext(max_bytes=10**7))
    assert doc.doc_id == "tg-belarus-rail-watch-5" and doc.published == "2022-02-13T08:15:02+00:00"


def test_bad_chat_and_bad_message_are_rejected_and_the_rest_read(tmp_path):
    data = json.dumps({"chats": {"list": [
        {"name": "Broken", "id": 1, "messages": {"id": 1}},
        {"name": "Border Watch Gomel", "id": 2, "type": "public_channel", "messages": [
            "not a message",
            {"id": 9, "type": "message", "date": "2022-02-11T18:30:00", "text": "Tents seen near Braghin."}]},
    ]}}).encode()
    items = list(read(Source("result.json", "result.json", data), ReadContext(max_bytes=10**7)))
    errors = [i.reason for i in items if isinstance(i, InputError)]
    assert errors == ["chat 'Broken': 'messages' is not a list", "chat 'Border Watch Gomel': a message is not an object"]
    assert [i.doc_id for i in items if not isinstance(i, InputError)] == ["tg-border-watch-gomel-9"]


def test_cli_json_counts_skipped_media_per_folder(capsys, sqlite_url, export):
    code, data = _cli(capsys, sqlite_url, export)
    assert code == 0
    assert data["skipped"] == {str(export / "files"): 2, str(export / "photos"): 3, str(export / "video_files"): 1}
