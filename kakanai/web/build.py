"""Build the resident page: one self-contained ``index.html`` (scripts, styles, the city's name and
postal list, the KKN2 dictionary, the translations inlined) that makes a KKN2 code offline.

The output depends only on its inputs (catalog, texts, the committed vendor files), so the same
sources always give the same bytes. A Content-Security-Policy in the page allows only its own inline
scripts (by hash) and no connection of any kind.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kakanai.domain.catalog import Catalog
from kakanai.domain.household_doc import household_to_document, parse_household
from kakanai.web import shown_texts
from kakanai.web.spec import page_spec

__all__ = ["MAX_BYTES", "PageError", "PageInputs", "build_page", "missing_texts", "page_texts", "prepare", "render_page"]

HERE = Path(__file__).resolve().parent
PAGE = HERE / "page"
VENDOR = HERE / "vendor"
TEXTS = HERE / "texts.toml"
CITY_TEXTS = "resident_page.toml"  # a city's additions, in its catalog folder
DEMO = HERE.parent / "demo" / "family_move_in.json"
MAX_BYTES = 1_500_000
SCRIPTS = (VENDOR / "fflate.js", VENDOR / "qrcode-generator.js", PAGE / "kkn2page.js", PAGE / "app.js")
# 続柄 as the register writes them: suggestions only, any text the counter accepts may be typed
RELATIONS = ("世帯主", "妻", "夫", "子", "父", "母", "祖父", "祖母", "孫", "兄", "姉", "弟", "妹", "同居人", "本人")


class PageError(ValueError):
    """The page cannot be built: a broken translation file, or a page over the size limit."""


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        out[key] = _merge(out.get(key, {}), value) if isinstance(value, dict) else value
    return out


def page_texts(catalog_root: Path | None = None) -> dict[str, Any]:
    """The translation table: the shipped one, with the city's ``resident_page.toml`` laid over it."""
    texts = tomllib.loads(TEXTS.read_text(encoding="utf-8"))
    city = catalog_root / CITY_TEXTS if catalog_root else None
    if city is not None and city.is_file():
        try:
            texts = _merge(texts, tomllib.loads(city.read_text(encoding="utf-8")))
        except tomllib.TOMLDecodeError as exc:
            raise PageError(f"{city}: TOML として読めません（{exc}）") from None
    for code in texts.get("strings", {}):
        if code not in texts.get("languages", {}):
            raise PageError(f"{CITY_TEXTS}: strings.{code} に languages.{code}（name, html）がありません")
    return texts


def _json_for_script(value: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``</script>``, no HTML comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _script(path: Path) -> tuple[str, str]:
    source = path.read_text(encoding="utf-8").replace("</script", "<\\/script")
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
    return f"<script>{source}</script>", f"'sha256-{digest}'"


def _demo() -> dict[str, Any]:
    household = parse_household(json.loads(DEMO.read_text(encoding="utf-8"))).household
    return household_to_document(household)


@dataclass(frozen=True)
class PageInputs:
    """What the page is built from, worked out once (the spec takes seconds): the spec asked of the
    counter for the catalog's city and the translation table with the city's additions."""

    spec: dict[str, Any]
    texts: dict[str, Any]

    def missing_texts(self) -> list[tuple[str, str]]:
        """(language, key) for each text the page can show that a language of the table has no words
        for: the page would show the counter's Japanese there instead (kakanai/web/shown_texts.py)."""
        return shown_texts.missing_texts(self.spec, self.texts)


def prepare(catalog: Catalog) -> PageInputs:
    """The inputs of the page for ``catalog``'s city; the spec carries how the page finds the words
    of what it asks (``lookup``, worked out with the texts: shown_texts.lookup)."""
    spec, texts = page_spec(catalog), page_texts(catalog.root)
    spec["lookup"] = shown_texts.lookup(spec, texts["strings"]["ja"])
    return PageInputs(spec=spec, texts=texts)


def render(inputs: PageInputs) -> bytes:
    """The page built from ``inputs``, as UTF-8 bytes."""
    scripts, hashes = zip(*(_script(p) for p in SCRIPTS), strict=True)
    csp = ("default-src 'none'; script-src " + " ".join(hashes) + "; style-src 'unsafe-inline'; img-src data: blob:; "
           "connect-src 'none'; form-action 'none'; base-uri 'none'")
    relations = "".join(f'<option value="{html.escape(r)}"></option>' for r in RELATIONS)
    parts = {"csp": csp, "style": (PAGE / "style.css").read_text(encoding="utf-8"), "relations": relations,
             "spec": _json_for_script(inputs.spec), "texts": _json_for_script(inputs.texts),
             "demo": _json_for_script(_demo()), "scripts": "\n".join(scripts)}
    page = (PAGE / "index.html").read_text(encoding="utf-8")
    for key, value in parts.items():
        page = page.replace("{{" + key + "}}", value)
    data = page.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise PageError(f"住民ページが {len(data):,} バイトで、上限 {MAX_BYTES:,} バイトを超えています")
    return data


def render_page(catalog: Catalog) -> bytes:
    """The page for ``catalog``'s city, as UTF-8 bytes."""
    return render(prepare(catalog))


def build_page(catalog: Catalog | PageInputs, out_dir: Path) -> Path:
    """Write ``out_dir/index.html`` for the catalog's city (or from inputs already prepared); returns its path."""
    inputs = catalog if isinstance(catalog, PageInputs) else prepare(catalog)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    target.write_bytes(render(inputs))
    return target


def missing_texts(catalog: Catalog) -> list[tuple[str, str]]:
    """(language, key) for each text the page built for ``catalog`` can show that a language of its
    translation table (with the city's additions) has no words for (`PageInputs.missing_texts`)."""
    return prepare(catalog).missing_texts()
