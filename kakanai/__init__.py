"""kakanai (書かない): the no-writing counter for Japanese city halls."""

import os

__version__ = "0.1.0"

# kakanai uses no pydantic plugins: without this, the first model scans every installed package's
# entry points (importlib.metadata), ~15-20 ms of each start before the window shows
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
