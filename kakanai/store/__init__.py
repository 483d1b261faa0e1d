"""Persistence: the visit-time log on SQLite or PostgreSQL (SQLAlchemy 2 + Alembic)."""
