"""The store opens, migrates and behaves the same on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from forcewatch.errors import ConfigError, StoreError
from forcewatch.store import Document, IngestRun, open_store
from forcewatch.store.db import alembic_config, migrate
from forcewatch.store.models import Base


def _document(doc_id: str, run_id: int | None = None, **extra) -> Document:
    fields = dict(
        id=doc_id,
        input=f"{doc_id}.txt",
        reader="text",
        raw_text="Russia will send some 170 tanks to Belarus.",
        text="Russia will send some 170 tanks to Belarus.",
        content_hash=doc_id * 4,
        status="ok",
        meta={"lat": 52.35, "lon": 30.4},
        run_id=run_id,
    )
    fields.update(extra)
    return Document(**fields)


def test_open_migrates_to_head_with_every_table(db_url):
    store = open_store(db_url)
    assert {"documents", "ingest_runs", "rejects", "alembic_version"} <= set(store.table_names())
    with store.engine.connect() as conn:
        head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    from alembic.script import ScriptDirectory

    assert head == ScriptDirectory.from_config(alembic_config(store.engine)).get_current_head()
    store.close()


def test_schema_matches_models_after_migration(db_url):
    """Migrations and the ORM models describe the same columns (nothing forgotten in either)."""
    from sqlalchemy import inspect

    store = open_store(db_url)
    inspector = inspect(store.engine)
    for table in Base.metadata.sorted_tables:
        migrated = {c["name"] for c in inspector.get_columns(table.name)}
        assert migrated == set(table.columns.keys()), table.name
    store.close()


def test_document_round_trips_with_json_meta(db_url):
    store = open_store(db_url)
    with store.transaction() as s:
        run = IngestRun(inputs=["a.txt"], counts={}, options={})
        s.add(run)
        s.flush()
        s.add(_document("002", run_id=run.id, published="2022-10-17", published_how="meta.json"))
    with store.session() as s:
        doc = s.get(Document, "002")
        assert doc.meta == {"lat": 52.35, "lon": 30.4}
        assert doc.published == "2022-10-17"
        assert doc.run_id is not None
    store.close()


def test_failed_transaction_leaves_nothing_behind(db_url):
    store = open_store(db_url)
    with pytest.raises(RuntimeError), store.transaction() as s:
        s.add(_document("half"))
        s.flush()
        raise RuntimeError("crash after the row was written")
    with store.session() as s:
        assert s.scalars(select(Document)).all() == []
    store.close()


def test_canonical_id_must_name_an_existing_document(db_url):
    """Foreign keys are enforced on both databases (SQLite needs the pragma)."""
    store = open_store(db_url)
    with pytest.raises(Exception) as info, store.transaction() as s:
        s.add(_document("copy", canonical_id="no-such-document", status="duplicate"))
    assert "foreign" in str(info.value).lower() or "constraint" in str(info.value).lower()
    store.close()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url):
    store = open_store(sqlite_url)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one().lower() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    store.close()


def test_reopening_a_migrated_store_changes_nothing(sqlite_url):
    store = open_store(sqlite_url)
    with store.transaction() as s:
        s.add(_document("001"))
    store.close()
    again = open_store(sqlite_url)
    with again.session() as s:
        assert [d.id for d in s.scalars(select(Document))] == ["001"]
    again.close()


def test_downgrade_to_base_and_upgrade_again(db_url):
    store = open_store(db_url)
    from alembic import command

    command.downgrade(alembic_config(store.engine), "base")
    assert "documents" not in store.table_names()
    migrate(store.engine)
    assert "documents" in store.table_names()
    store.close()


def test_invalid_database_url_is_a_config_error():
    with pytest.raises(ConfigError, match="not valid"):
        open_store("not a url at all")


def test_unreachable_postgres_is_a_store_error_naming_the_server():
    with pytest.raises(StoreError, match="127.0.0.1"):
        open_store("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
