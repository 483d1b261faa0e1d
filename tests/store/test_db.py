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
