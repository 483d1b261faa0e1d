"""Shared fixtures: the shipped catalog, example households, a scratch copy of the catalog, and
databases (SQLite and one private PostgreSQL server for the whole run)."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, text

from kakanai.domain.catalog import Catalog, load_catalog
from kakanai.resources import forms_dir
from tests.cups_pdf import holding_queue, stopped_queue  # noqa: F401  (CUPS queues made for one test)
from tests.pg_server import PgServer, find_bin

FIXTURES = Path(__file__).parent / "fixtures"

# Property tests: a quick profile while developing, the full one in CI (CI=true) or when asked
# for (HYPOTHESIS_PROFILE=ci). Tests that set their own example counts scale with the profile.
hypothesis_settings.register_profile("ci", max_examples=300, deadline=None)
hypothesis_settings.register_profile("dev", max_examples=30, deadline=None)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
hypothesis_settings.load_profile(HYPOTHESIS_PROFILE)
FULL = HYPOTHESIS_PROFILE == "ci"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The default catalog shipped in forms/."""
    return load_catalog(forms_dir())


def household_doc(name: str) -> dict[str, Any]:
    """An example household document from tests/fixtures/households."""
    return json.loads((FIXTURES / "households" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped catalog folder, to break on purpose."""
    target = tmp_path / "forms"
    shutil.copytree(forms_dir(), target)
    return target


# -- databases: store, services and dashboard tests run on SQLite and on a real PostgreSQL ------

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


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 4 MB filesystem (tmpfs), mounted for this test (needs root; skipped otherwise)."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not root?)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill_disk(folder: Path) -> Path:
    """Write zeros into ``folder`` until its disk is full (ENOSPC); the file written."""
    filler = folder / "filler"
    with open(filler, "wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler
