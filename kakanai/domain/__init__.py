"""The pure domain: households, life events, the form catalog and the rules.

Nothing here imports Qt, SQLAlchemy or reportlab (tests/domain/test_purity.py enforces it).
"""
