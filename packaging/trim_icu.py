"""Make the bundle's ICU data library smaller: keep the Japanese, English and root locale data.

    python packaging/trim_icu.py dist/kakanai/_internal/PySide6/Qt/lib/libicudata.so.73

Qt on Linux links the ICU that the PySide6 wheel ships; its data library (``libicudata.so.NN``,
31 MiB) holds every CLDR locale of ~800 languages. The counter speaks Japanese and English. This
rebuilds the library with the same name and the same one symbol (``icudtNN_dat``) holding a
smaller ICU data package: every locale-independent item (converters, normalisation, break rules
and dictionaries, time zones, collation base ``ucadata``) and, in each tree (main, coll, brkitr,
curr, lang, region, unit, zone, rbnf), only ``root``, ``ja``, ``ja_JP``, ``en``, ``en_US``,
``en_US_POSIX`` and ``en_001``; transliterators beyond root are dropped. ICU falls back to root
for any other locale, as it does for a locale it does not know.

Needs ``icupkg`` (Debian: icu-devtools) and a C compiler; without them the library is left as it
is and the script says so (exit 0: the bundle is then only bigger). Linux only: the Windows Qt
uses the system's ICU and ships none.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEPT_LOCALES = re.compile(r"^(root|ja|ja_JP|en|en_US|en_US_POSIX|en_001|res_index|pool)\.res$")
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")  # af.res, de__PHONEBOOK.res, zh_Hant_TW.res
ASSEMBLY = """    .section .rodata
    .globl {symbol}
    .type {symbol}, @object
    .balign 16
{symbol}:
    .incbin "{data}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack,"",@progbits
"""


def dropped(items: list[str]) -> list[str]:
    """The package items to remove: other languages' locale data and transliterators."""
    out = []
    for item in items:
        folder, _, name = item.rpartition("/")
        if (folder == "translit" and name != "root.res") or (LOCALE.match(name) and not KEPT_LOCALES.match(name)):
            out.append(item)
    return out


def data_symbol(library: Path) -> tuple[str, int, int]:
    """(symbol, file offset, size) of the ICU data in ``library`` (its one exported object)."""
    listing = subprocess.run(["nm", "-D", "--defined-only", "-S", str(library)], capture_output=True, text=True,
                             check=True).stdout
    address, size, _, symbol = next(line.split() for line in listing.splitlines() if re.search(r" icudt\d+_dat$", line))
    sections = subprocess.run(["readelf", "-SW", str(library)], capture_output=True, text=True, check=True).stdout
    for line in sections.splitlines():  # file offset = address - section address + section offset
        parts = line.replace("[ ", "[").split()
        if len(parts) > 5 and parts[1] == ".rodata":
            return symbol, int(address, 16) - int(parts[3], 16) + int(parts[4], 16), int(size, 16)
    raise RuntimeError(f"no .rodata section in {library}")


def trim(library: Path) -> str:
    """Replace ``library`` with the trimmed one; returns what was done, for the build log."""
    missing = [tool for tool in ("icupkg", "cc", "nm", "readelf") if shutil.which(tool) is None]
    if missing:
        return f"trim_icu: {', '.join(missing)} not installed; ICU data left whole ({library.stat().st_size >> 20} MiB)"
    symbol, offset, size = data_symbol(library)
    package = symbol.removesuffix("_dat") + "l"  # icudt73l: the name icupkg expects inside the file
    with tempfile.TemporaryDirectory(prefix="kakanai-icu-") as folder:
        work = Path(folder)
        data = work / f"{package}.dat"
        with library.open("rb") as f:
            f.seek(offset)
            data.write_bytes(f.read(size))
        items = subprocess.run(["icupkg", "-l", str(data)], capture_output=True, text=True, check=True).stdout.split()
        (work / "drop.txt").write_text("\n".join(dropped(items)) + "\n", encoding="utf-8")
        subprocess.run(["icupkg", "-r", str(work / "drop.txt"), str(data)], check=True, capture_output=True)
        (work / "icudata.S").write_text(ASSEMBLY.format(symbol=symbol, data=data.name), encoding="utf-8")
        built = work / library.name
        subprocess.run(["cc", "-shared", "-nostdlib", "-o", str(built), f"-Wl,-soname,{library.name}", "icudata.S"],
                       cwd=work, check=True)
        before = library.stat().st_size
        shutil.copyfile(built, library)
    return (f"trim_icu: {library.name} {before / 2**20:.1f} → {library.stat().st_size / 2**20:.1f} MiB "
            f"(kept root, ja, en of {len(items)} items)")


if __name__ == "__main__":
    print(trim(Path(sys.argv[1])))
