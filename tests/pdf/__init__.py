"""Tests of kakanai.pdf (a package, so its test module names do not clash with other folders')."""
