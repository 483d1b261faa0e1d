"""Alembic environment: runs migrations on the URL given in the config (see store/db.py)."""

from __future__ import annotations

from alembic import context

from kakanai.store.db import make_engine
from kakanai.store.schema import metadata

config = context.config
url = config.get_main_option("sqlalchemy.url")
engine = make_engine(url)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=url.startswith("sqlite"))
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
