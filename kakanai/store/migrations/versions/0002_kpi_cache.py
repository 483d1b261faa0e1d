"""The KPI cache: each office-local day's figures per office as packed columns, and the stale days.

An existing log gets an empty cache with every day marked stale; the days are rebuilt in the
background the first time a supervisor asks for figures (kakanai.store.kpi_cache).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kpi_days",
        sa.Column("local_day", sa.String(10), primary_key=True),
        sa.Column("office", sa.String(60), primary_key=True),
        sa.Column("format", sa.Integer, nullable=False),
        sa.Column("visits", sa.Integer, nullable=False),
        sa.Column("procedures", sa.Integer, nullable=False),
        sa.Column("labels", sa.String, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "kpi_dirty_days",
        sa.Column("local_day", sa.String(10), primary_key=True),
        sa.Column("marks", sa.Integer, nullable=False),
    )
    op.execute("INSERT INTO kpi_dirty_days (local_day, marks) SELECT DISTINCT local_day, 1 FROM visits")


def downgrade() -> None:
    op.drop_table("kpi_dirty_days")
    op.drop_table("kpi_days")
