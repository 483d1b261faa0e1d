"""The visit-time log: append-only events and the visit/procedure projection.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "visit_events",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("visit_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_visit_events_visit_id", "visit_events", ["visit_id"])
    op.create_table(
        "visits",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("office", sa.String(60), nullable=False),
        sa.Column("counter", sa.String(60), nullable=False),
        sa.Column("clerk_id", sa.String(60), nullable=False),
        sa.Column("event", sa.String(20), nullable=False),
        sa.Column("household_size", sa.Integer, nullable=False),
        sa.Column("ticket", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True)),
        sa.Column("ended_at", sa.DateTime(timezone=True)),
        sa.Column("wait_seconds", sa.Float),
        sa.Column("handling_seconds", sa.Float, nullable=False),
        sa.Column("serving_seconds", sa.Float, nullable=False),
        sa.Column("suspended_seconds", sa.Float, nullable=False),
        sa.Column("printing_seconds", sa.Float, nullable=False),
        sa.Column("signing_seconds", sa.Float, nullable=False),
        sa.Column("forms", sa.Integer, nullable=False),
        sa.Column("procedure_count", sa.Integer, nullable=False),
        sa.Column("inaccurate", sa.String(20), nullable=False),
        sa.Column("local_day", sa.String(10), nullable=False),
        sa.Column("local_hour", sa.Integer, nullable=False),
    )
    op.create_index("ix_visits_day", "visits", ["local_day", "status"])
    op.create_table(
        "visit_procedures",
        sa.Column("visit_id", sa.String(32), sa.ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("procedure_id", sa.String(60), primary_key=True),
        sa.Column("share_seconds", sa.Float, nullable=False),
        sa.Column("added_by_clerk", sa.Boolean, nullable=False),
    )
    op.create_index("ix_visit_procedures_procedure", "visit_procedures", ["procedure_id"])


def downgrade() -> None:
    op.drop_table("visit_procedures")
    op.drop_table("visits")
    op.drop_table("visit_events")
