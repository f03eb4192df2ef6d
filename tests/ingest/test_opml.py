"""OPML feed lists: the listed feeds are fetched from a local http.server (never the internet).

`fixtures/ingest/opml/watchlist.opml` lists, in nested folders, an RSS feed (twice), an
Atom feed without a title of its own and a feed that is gone (404). Both live feeds carry
the same Gomel train report, so one copy must end up a duplicate.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from forcewatch.cli.main import main
from forcewatch.errors import EmptyInput, MalformedInput
from forcewatch.ingest import ingest
from forcewatch.ingest.readers import known_extensions, pick
from forcewatch.ingest.readers.opml import parse_opml
from forcewatch.ingest.sources import Expander
from forcewatch.store import Document


@pytest.fixture
def watchlist(fixtures, http_base, tmp_path):
    """The fixture list with `{base}` pointing at the test server, written where the test can read it."""
    text = (fixtures / "opml" / "watchlist.opml").read_text("utf-8").replace("{base}", http_base)
    path = tmp_path / "lists" / "watchlist.opml"
    path.parent.mkdir()
    path.write_text(text, "utf-8")
    return path


def _docs(store):
    with store.transaction() as session:
        return {d.id: d for d in session.scalars(select(Document))}


def test_opml_feeds_are_read_and_the_dead_feed_is_one_reject(store, watchlist, http_base):
    report = ingest([watchlist], store)
    assert (report.ingested, report.duplicates, report.unchanged) == (3, 1, 0)
    assert report.rejected == [{"input": f"{http_base}/opml/gomel-monitor.rss", "reason": "fetch failed: HTTP 404"}]
    assert all(d.reader == "feed" for d in _docs(store).values())


def test_outline_name_is_the_outlet_only_when_the_feed_has_no_title(store, watchlist):
    ingest([watchlist], store)
    outlets = {d.title: d.outlet for d in _docs(store).values()}
    assert outlets["Second echelon with BMP-2s unloaded at Yelsk"] == "Rail Watch Belarus"  # the feed's own title
    assert outlets["Column of Tigr vehicles on the M10 near Rechitsa"] == "Convoy Tracker"  # from the outline


def test_documents_record_the_list_and_the_folder_that_named_their_feed(store, watchlist, http_base):
    ingest([watchlist], store)
    by_title = {d.title: d for d in _docs(store).values()}
    yelsk = by_title["Second echelon with BMP-2s unloaded at Yelsk"]
    assert yelsk.meta["opml"] == str(watchlist) and yelsk.meta["opml_folder"] == "Belarus/Rail"
    assert yelsk.meta["feed"] == f"{http_base}/opml/rail-watch.rss"
    assert yelsk.input == f"{http_base}/opml/rail-watch.rss#rw-2022-02-13-yelsk"


def test_same_report_in_two_feeds_is_stored_once_and_then_as_duplicate(store, watchlist):
    ingest([watchlist], store)
    gomel = [d for d in _docs(store).values() if "through Gomel on Monday evening" in d.text]
    assert sorted(d.status for d in gomel) == ["duplicate", "ok"]
    canonical = next(d for d in gomel if d.status == "ok")
    assert next(d for d in gomel if d.status == "duplicate").canonical_id == canonical.id


def test_rerunning_the_list_changes_nothing(store, watchlist):
    ingest([watchlist], store)
    again = ingest([watchlist], store)
    assert (again.ingested, again.duplicates, again.unchanged) == (0, 0, 4)
    assert len(again.rejected) == 1


def test_follow_reads_the_pages_the_list_feeds_link_to(store, watchlist, http_base):
    ingest([watchlist], store, follow=True)
    yelsk = next(d for d in _docs(store).values() if d.url == f"{http_base}/html/readiness-check.html")
    assert yelsk.meta["followed"] is True and "38th Air Assault Brigade" in yelsk.text
    assert yelsk.meta["opml_folder"] == "Belarus/Rail"


def test_outline_pointing_at_a_web_page_is_rejected_as_not_a_feed(store, http_base, tmp_path):
    listed = tmp_path / "pages.opml"
    listed.write_text(
        '<opml version="1.0"><body>'
        f'<outline text="Frontline" xmlUrl="{http_base}/html/readiness-check.html"/>'
        f'<outline text="Convoys" xmlUrl="{http_base}/opml/convoys.atom"/>'
        "</body></opml>", "utf-8")
    report = ingest([listed], store)
    assert report.rejected == [{"input": f"{http_base}/html/readiness-check.html",
                                "reason": "not an RSS/Atom feed (text/html)"}]
    assert report.ingested == 2


def test_cli_ingests_a_list_beside_a_report_folder_with_json(capsys, sqlite_url, watchlist, corpus, http_base):
    code = main(["--db", sqlite_url, "ingest", str(corpus / "news" / "002.txt"), str(watchlist),
                 "--no-processors", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["ingested"] == 4 and data["duplicates"] == 1
    assert [r["input"] for r in data["rejected"]] == [f"{http_base}/opml/gomel-monitor.rss"]


def test_opml_is_recognised_by_extension_and_by_its_root_element(watchlist, tmp_path):
    as_xml = tmp_path / "subscriptions.xml"
    as_xml.write_bytes(watchlist.read_bytes())
    sources = list(Expander(10**7, known_extensions()).expand([str(watchlist.parent), str(as_xml)]))
    assert [pick(s).name for s in sources] == ["opml", "opml"]


def test_nested_outlines_give_each_feed_once_with_its_folder(watchlist):
    outlines = parse_opml(watchlist.read_bytes(), "watchlist.opml")
    assert [(o.url.rsplit("/", 1)[1], o.name, o.folder) for o in outlines] == [
        ("rail-watch.rss", "Rail Watch Belarus", "Belarus/Rail"),
        ("convoys.atom", "Convoy Tracker", "Belarus"),
        ("gomel-monitor.rss", "Gomel Monitor", "Archive"),
    ]


def test_unescaped_ampersand_is_malformed_with_its_line():
    data = b'<?xml version="1.0"?>\n<opml version="2.0"><body>\n<outline xmlUrl="https://x.example/rss?a=1&b=2"/>\n</body></opml>'
    with pytest.raises(MalformedInput) as err:
        parse_opml(data, "subs.opml")
    assert err.value.line == 3 and "not well-formed XML" in err.value.reason


def test_list_without_feeds_is_empty_input():
    data = b'<opml version="2.0"><head><title>Empty</title></head><body><outline text="Belarus"/></body></opml>'
    with pytest.raises(EmptyInput, match="lists no feeds"):
        parse_opml(data, "empty.opml")


def test_external_entity_in_an_opml_is_refused_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do-not-read", "utf-8")
    data = (f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<opml><body><outline text="&x;" xmlUrl="https://x.example/feed.xml"/></body></opml>').encode()
    with pytest.raises(MalformedInput) as err:
        parse_opml(data, "evil.opml")
    assert "external entity" in err.value.reason and "do-not-read" not in str(err.value)
