#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle (dist/kakanai/) from build.spec and prove it runs:
# the bundle's own --selftest (offscreen, one scripted visit, exit 0) from outside the checkout,
# with no user settings, plus a check of the catalog shipped inside it. Prints the bundle size.
#
#   scripts/build_bundle.sh            build + check (.ci/run: scripts/dev bundle, then the tests)
#
# Needs the project venv (.venv, made by scripts/dev); installs PyInstaller into it if missing.
# Takes about a minute on a 2-core machine. Exits non-zero if the build or a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=$ROOT/.venv
DIST=$ROOT/dist/kakanai
PYINSTALLER_REQ="pyinstaller>=6.5"  # as in pyproject.toml [project.optional-dependencies] build

ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    echo "==> no .venv yet: setting it up with scripts/dev"
    scripts/dev kakanai --help >/dev/null
  fi
  if ! "$VENV/bin/python" -c "import PyInstaller" 2>/dev/null; then
    echo "==> pip install $PYINSTALLER_REQ"
    "$VENV/bin/python" -m pip install -q "$PYINSTALLER_REQ"
  fi
}

# The size steps after PyInstaller (build.spec: trim_icu, numpy_without_blas) need icupkg, a C compiler
# and binutils; without them they leave the libraries whole and the bundle is ~45 MiB bigger. Installed
# here when missing (Debian, as root), else named.
ensure_size_tools() {
  local missing=()
  command -v icupkg >/dev/null || missing+=(icu-devtools)
  command -v cc >/dev/null || missing+=(gcc)
  command -v readelf >/dev/null || missing+=(binutils)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "==> apt-get install ${missing[*]} (the bundle's size steps)"
    apt-get install -y -qq "${missing[@]}" >/dev/null || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }
  else
    echo "!! ${missing[*]} not installed: ICU data and numpy's BLAS stay whole (bundle ~45 MiB bigger)" >&2
  fi
}

build() {
  echo "==> pyinstaller build.spec → $DIST"
  local started=$SECONDS log="$ROOT/build/pyinstaller.log"
  mkdir -p "$ROOT/build"
  "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
      --distpath "$ROOT/dist" --workpath "$ROOT/build" build.spec 2>&1 | tee "$log"
  echo "    built in $((SECONDS - started)) s"
  check_libraries "$log"
}

# A shared library that a bundled Qt plugin links to but this machine lacks is left out with only a
# warning, and the bundle then depends on what the build machine happened to have installed
# (libxcb-icccm4 and libxcb-keysyms1 came and went). scripts/dev bundle installs the whole set
# (APT_BUNDLE); a build that still misses one fails here, naming the library. Warnings about a
# binary that build.spec leaves out afterwards (the GTK theme plugin) do not count.
check_libraries() {
  local missing="" library referrer
  while IFS=$'\t' read -r library referrer; do
    [ -n "$(find "$DIST" -name "$(basename "$referrer")" -print -quit)" ] || continue
    missing+="   $library (needed by $(basename "$referrer"))"$'\n'
  done < <(sed -n "s/.*Library not found: could not resolve '\([^']*\)', dependency of '\([^']*\)'.*/\1\t\2/p" "$1" | sort -u)
  [ -z "$missing" ] && return 0
  echo "!! libraries the bundle needs are not installed on this machine; install them (scripts/dev bundle" >&2
  echo "   installs the whole set, APT_BUNDLE in scripts/dev) and build again:" >&2
  printf "%s" "$missing" >&2
  exit 1
}

# Every module a kakanai module imports must be in the bundle (PyInstaller only warns): this is
# what catches a runtime dependency missing from the venv or excluded in build.spec. Names in the
# warnings that are attributes, not modules (``from pydantic import BaseModel``), are ignored.
check_collected() {
  "$VENV/bin/python" - "$ROOT/build/build/warn-build.txt" <<'PY'
import importlib.util, os, re, sys
OTHER_PLATFORM = ({"fcntl", "termios", "pwd", "grp", "resource"} if sys.platform == "win32"
                  else {"msvcrt", "winreg", "_winapi", "winsound", "_overlapped", "nt"})
OPTIONAL_CAMERA = os.environ.get("KAKANAI_CAMERA", "") != "1"
problems = []
for line in open(sys.argv[1], encoding="utf-8"):
    found = re.match(r"(missing|excluded) module named '?([\w.]+)'? - imported by (.*)", line)
    if not found or not re.search(r"\bkakanai\.", found[3]):
        continue
    kind, name = found[1], found[2]
    if OPTIONAL_CAMERA and kind == "excluded" and name.startswith("PySide6.QtMultimedia"):
        continue  # build.spec leaves the camera out unless KAKANAI_CAMERA=1; the app then says so
    if name in OTHER_PLATFORM and "conditional" in found[3]:
        continue  # e.g. msvcrt behind `if sys.platform == "win32"`: the other OS's bundle has it
    try:
        is_module = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        is_module = False
    if kind == "excluded" or is_module or "." not in name:
        problems.append(line.strip())
if problems:
    print("!! modules imported by kakanai are not in the bundle:", *problems, sep="\n", file=sys.stderr)
    sys.exit(1)
PY
}

# Run the bundle from an empty folder with empty config/data homes: it must need nothing from
# the checkout or from a developer's settings.
check() {
  local scratch; scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' RETURN
  mkdir -p "$scratch/config" "$scratch/data"
  echo "==> $DIST/kakanai --selftest (offscreen)"
  (cd "$scratch" && env QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$scratch/config" \
      XDG_DATA_HOME="$scratch/data" timeout 300 "$DIST/kakanai" --selftest)
  echo "==> $DIST/kakanai-cli forms check (the catalog inside the bundle)"
  (cd "$scratch" && XDG_CONFIG_HOME="$scratch/config" timeout 120 "$DIST/kakanai-cli" forms check)
  echo "==> $DIST/kakanai-cli qr make + qr read (qrcode, Pillow, numpy without BLAS, zxing-cpp inside the bundle)"
  "$DIST/kakanai-cli" qr make "$ROOT/kakanai/demo/family_move_in.json" -o "$scratch/qr.png" >/dev/null
  "$DIST/kakanai-cli" qr read "$scratch/qr.png" >/dev/null && echo "read back OK"
  echo "==> $DIST/kakanai-cli web build (the resident page from the installed app)"
  "$DIST/kakanai-cli" web build -o "$scratch/web" >/dev/null && test -s "$scratch/web/index.html" && echo "page OK"
}

report_size() {
  local mb files
  mb=$(du -sm "$DIST" | cut -f1)
  files=$(find "$DIST" -type f | wc -l)
  echo "==> bundle: $DIST  ${mb} MB, ${files} files"
}

ensure_venv
ensure_size_tools
build
check_collected
check
report_size
echo "==> bundle OK"
