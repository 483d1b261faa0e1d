"""Benchmarks and the corpora they use (not shipped with the app)."""
