"""PyInstaller runtime hook: let pyzbar find the libzbar shipped inside the bundle (Linux).

pyzbar looks for zbar with ``ctypes.util.find_library("zbar")``, which never searches the
bundle folder on Linux. When build.spec shipped a copy, point pyzbar at it; otherwise the
system's libzbar is used, and with neither the zbar decoder reports itself unavailable
(the app still starts; zxing is the default decoder). On Windows pyzbar loads the DLLs that
its wheel carries, and this hook does nothing.
"""

import ctypes.util
import os
import sys

_bundled = os.path.join(getattr(sys, "_MEIPASS", ""), "libzbar.so.0")
if sys.platform.startswith("linux") and os.path.isfile(_bundled):
    _system_find_library = ctypes.util.find_library

    def _find_library(name: str) -> "str | None":
        """The bundled libzbar for ``zbar``; everything else as usual."""
        return _bundled if name == "zbar" else _system_find_library(name)

    ctypes.util.find_library = _find_library
