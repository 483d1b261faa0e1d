"""Tables of the visit-time log. No column holds a resident's personal data.

``visit_events`` is the append-only truth; ``visits`` and ``visit_procedures`` are a projection
rebuilt from it whenever a visit's events change, shaped for the KPI queries. ``kpi_days`` caches
each office-local day's figures per office as packed columns (`kakanai.store.kpi_cache`), and
``kpi_dirty_days`` lists the days whose cache is stale.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
)

from kakanai.store.columns import NAME_LENGTH

metadata = MetaData()

visit_events = Table(
    "visit_events", metadata,
    Column("id", String(32), primary_key=True),
    Column("visit_id", String(32), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

visits = Table(
    "visits", metadata,
    Column("id", String(32), primary_key=True),
    Column("office", String(NAME_LENGTH["office"]), nullable=False),
    Column("counter", String(NAME_LENGTH["counter"]), nullable=False),
    Column("clerk_id", String(NAME_LENGTH["clerk_id"]), nullable=False),
    Column("event", String(20), nullable=False),
    Column("household_size", Integer, nullable=False),
    Column("ticket", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("started_at", DateTime(timezone=True)),
    Column("ended_at", DateTime(timezone=True)),
    Column("wait_seconds", Float),
    Column("handling_seconds", Float, nullable=False),
    Column("serving_seconds", Float, nullable=False),
    Column("suspended_seconds", Float, nullable=False),
    Column("printing_seconds", Float, nullable=False),
    Column("signing_seconds", Float, nullable=False),
    Column("forms", Integer, nullable=False),
    Column("procedure_count", Integer, nullable=False),
    Column("inaccurate", String(20), nullable=False),
    Column("local_day", String(10), nullable=False),
    Column("local_hour", Integer, nullable=False),
    Index("ix_visits_day", "local_day", "status"),
)

visit_procedures = Table(
    "visit_procedures", metadata,
    Column("visit_id", String(32), ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True),
    Column("procedure_id", String(60), primary_key=True),
    Column("share_seconds", Float, nullable=False),
    Column("added_by_clerk", Boolean, nullable=False),
    Index("ix_visit_procedures_procedure", "procedure_id"),
)

kpi_days = Table(
    "kpi_days", metadata,
    Column("local_day", String(10), primary_key=True),
    Column("office", String(60), primary_key=True),
    Column("format", Integer, nullable=False),  # layout of ``data`` (kpi_cache.FORMAT)
    Column("visits", Integer, nullable=False),
    Column("procedures", Integer, nullable=False),
    Column("labels", String, nullable=False),  # JSON: what the codes stand for (events, counters, clerks, procedures)
    Column("data", LargeBinary, nullable=False),
)

kpi_dirty_days = Table(
    "kpi_dirty_days", metadata,
    Column("local_day", String(10), primary_key=True),
    Column("marks", Integer, nullable=False),  # bumped by every write; a rebuild clears only the marks it saw
)
