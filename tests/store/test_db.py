"""The Alembic chain builds the same schema on an empty SQLite or PostgreSQL database."""

from __future__ import annotations

from sqlalchemy import inspect

from kakanai.store.db import current_revision, make_engine, upgrade


def test_upgrade_from_empty_creates_every_table(db_url: str) -> None:
    engine = make_engine(db_url)
    assert current_revision(engine) is None
    upgrade(db_url)
    assert current_revision(engine) == "0002"
    assert {"visit_events", "visits", "visit_procedures", "kpi_days", "kpi_dirty_days"} <= set(inspect(engine).get_table_names())


def test_upgrade_twice_is_harmless(db_url: str) -> None:
    upgrade(db_url)
    upgrade(db_url)
    assert current_revision(make_engine(db_url)) == "0002"


def test_migrations_match_the_schema_the_code_uses(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from kakanai.store.schema import metadata

    upgrade(db_url)
    with make_engine(db_url).connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    assert diff == []


def test_the_head_read_from_the_scripts_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    from kakanai.store.db import alembic_config, head_revision

    assert head_revision() == ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def test_a_database_at_the_head_is_not_migrated_and_one_behind_is(db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Given a database one revision behind
    from kakanai.store import db

    engine = make_engine(db_url)
    upgrade(db_url, "0001")
    # When the counter starts twice
    ran: list[str] = []
    real_upgrade = db.upgrade
    monkeypatch.setattr(db, "upgrade", lambda url, revision="head": (ran.append(revision), real_upgrade(url))[1])
    first, second = db.upgrade_if_behind(engine, db_url), db.upgrade_if_behind(engine, db_url)
    # Then only the first start migrates (the daily start reads one row and goes on)
    assert (first, second, ran) == (True, False, ["head"])
    assert current_revision(engine) == db.head_revision()
    engine.dispose()
