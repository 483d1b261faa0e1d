"""Column sizes of the visit log that other layers check against, without importing SQLAlchemy
(the settings are read before the window shows; `kakanai.store.schema` builds its tables from these)."""

from __future__ import annotations

NAME_LENGTH = {"office": 60, "counter": 60, "clerk_id": 60}  # visits.office, .counter, .clerk_id
