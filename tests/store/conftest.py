"""Database fixtures: every store test runs on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.pg_server import PgServer, find_bin


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A private PostgreSQL server for the whole run (skipped only where PostgreSQL is absent and
    KAKANAI_REQUIRE_PG is not set; the README's test command installs it and sets it)."""
    bin_dir = find_bin()
    if bin_dir is None:
        if os.environ.get("KAKANAI_REQUIRE_PG") == "1":
            pytest.fail("PostgreSQL is required (KAKANAI_REQUIRE_PG=1) but initdb was not found")
        pytest.skip("PostgreSQL not installed")
    server = PgServer(bin_dir)
    server.init()
    server.start()
    yield server
    server.destroy()


def _new_pg_database(server: PgServer) -> str:
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server.url(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL, once for SQLite and once for PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kakanai.db'}"
    return _new_pg_database(request.getfixturevalue("pg_server"))


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """An empty PostgreSQL database URL."""
    return _new_pg_database(pg_server)
