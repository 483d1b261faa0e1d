"""kakanai (書かない): the no-writing counter for Japanese city halls."""

__version__ = "0.1.0"
