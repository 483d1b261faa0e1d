"""Ship numpy without its BLAS/LAPACK library: the bundle's numpy does only what kakanai asks of it.

    python packaging/numpy_without_blas.py dist/kakanai/_internal

numpy's wheel links OpenBLAS (``numpy.libs/libscipy_openblas64_*.so``, 24 MiB, plus libgfortran
and libquadmath, 3 MiB) for matrix products and linear algebra. kakanai uses numpy for QR image
arrays and the KPI cache's packed columns: ``frombuffer``, ``argsort``, ``partition``,
``bincount``, ``repeat``, ``searchsorted``, masks — none of which calls BLAS. This replaces the
library by one with the same name that defines every BLAS/LAPACK function numpy's modules
import: the two dot products of vectors (``sdot``, ``ddot``) are computed (numpy's import checks
``ones(2, float32).dot(...)``: a broken BLAS is refused there); any other says on stderr that
linear algebra is not part of kakanai's bundle and stops the program. libgfortran and libquadmath, needed only by OpenBLAS, are removed.
`scripts/build_bundle.sh` then runs the bundle's self-test, a QR round trip and `kakanai-cli report`
(the KPI figures) against it.

Needs a C compiler, ``nm`` and ``readelf``; without them numpy is left whole (the bundle is only
bigger). Linux only (Windows builds keep numpy as it is).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MESSAGE = "kakanai: numpy linear algebra (BLAS/LAPACK) is not part of this bundle: {name}\\n"
FUNCTION = """void {name}(void) {{
    static const char m[] = "{message}";
    write(2, m, sizeof m - 1);
    abort();
}}
"""


DOT = """{kind} {name}(long n, const {kind} *x, long incx, const {kind} *y, long incy) {{
    {kind} sum = 0;
    for (long i = 0; i < n; i++) sum += x[i * incx] * y[i * incy];
    return sum;
}}
"""  # cblas_?dot with ILP64 (64-bit) integers, as numpy's "64_" OpenBLAS; negative strides are not used by numpy's check


def _function(name: str) -> str:
    for kind, dot in (("float", "sdot"), ("double", "ddot")):
        if re.fullmatch(rf"scipy_cblas_{dot}64_", name):
            return DOT.format(kind=kind, name=name)
    return FUNCTION.format(name=name, message=MESSAGE.format(name=name))


def _undefined_blas(internal: Path) -> list[str]:
    names: set[str] = set()
    for module in (internal / "numpy").rglob("*.so"):
        listing = subprocess.run(["nm", "-D", "--undefined-only", str(module)], capture_output=True, text=True,
                                 check=True).stdout
        names.update(line.split()[-1] for line in listing.splitlines() if re.search(r"\bscipy_\w+$", line))
    return sorted(names)


def _soname(library: Path) -> str:
    dynamic = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"SONAME\)\s+Library soname: \[([^]]+)\]", dynamic)
    return found[1] if found else library.name


def replace(internal: Path) -> str:
    """Put the stub in place of numpy's OpenBLAS; returns what was done, for the build log."""
    libraries = sorted((internal / "numpy.libs").glob("libscipy_openblas*.so"))
    missing = [tool for tool in ("cc", "nm", "readelf") if shutil.which(tool) is None]
    if not libraries or missing:
        return f"numpy_without_blas: left as it is ({'no OpenBLAS' if not libraries else ', '.join(missing) + ' missing'})"
    library, names = libraries[0], _undefined_blas(internal)
    source = "#include <stdlib.h>\n#include <unistd.h>\n" + "".join(map(_function, names))
    before = library.stat().st_size
    with tempfile.TemporaryDirectory(prefix="kakanai-blas-") as folder:
        (Path(folder) / "blas.c").write_text(source, encoding="utf-8")
        built = Path(folder) / library.name
        subprocess.run(["cc", "-shared", "-fPIC", "-O1", "-s", "-o", str(built), f"-Wl,-soname,{_soname(library)}",
                        "blas.c"], cwd=folder, check=True)
        shutil.copyfile(built, library)
    gone = [p for p in (internal / "numpy.libs").iterdir() if p.name.startswith(("libgfortran", "libquadmath"))]
    freed = before - library.stat().st_size + sum(p.stat().st_size for p in gone)
    for path in gone:
        path.unlink()
    for link in internal.iterdir():  # PyInstaller's top-level links to them
        if link.is_symlink() and not link.exists():
            link.unlink()
    return f"numpy_without_blas: {len(names)} BLAS/LAPACK functions replaced, {freed / 2**20:.1f} MiB freed"


if __name__ == "__main__":
    print(replace(Path(sys.argv[1])))
