"""Which keys of the translation table (texts.toml, with a city's resident_page.toml over it) the
built page can look up, worked out from the page's spec, so that a key a language lacks — which the
page would show in the counter's Japanese (or as the bare key) — is found at build time, not by a
resident. How a generated field finds its words (which facts have the page's own fields, an object
field's label key, a choice's vocabulary list) is one table, `lookup`, that the build writes into
the page (``spec.lookup``): app.js reads it, and the keys here are read off the same table.

The keys are: those the page's sources name literally (``data-t="…"``, ``t("…")``, an error's
``key: "…"``), those made from the spec (each event's date, subjects and hints; each sex and
insurance; each fact the page asks by a generated field: its label, an object's legend and leaves,
the notifier's fields), and the words of each code of a generated choice (``choice.<list>.<code>``,
the vocabulary list being the first that has every code, ``lookup``'s ``choices``). A choice of
numbers no vocabulary list names (学年 1–6) shows the number itself in every language and needs none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["HAND", "PAGE_SOURCES", "lookup", "missing_texts", "shown_keys"]

PAGE = Path(__file__).resolve().parent / "page"
PAGE_SOURCES = (PAGE / "index.html", PAGE / "app.js", PAGE / "kkn2page.js")
# the page's own fields (made by hand in app.js); every other asked key has a field generated from the model
HAND = {"member": ["insurance", "card", "care_certified", "seal", "nationality"],
        "household": ["extras.dogs", "extras.mopeds", "old.head", "new.head"]}
_LITERAL = re.compile(r'data-t(?:-label)?(?:=|"\s*:\s*)"([\w.-]+)"|\bt\("([\w.-]+)"[,)]|'
                      r'\bkey\s*:\s*"([\w.-]+)"|\.key\s*=\s*"([\w.-]+)"|\bthrow\s+"([\w.-]+)"')


def literal_keys(sources: Iterable[str]) -> set[str]:
    """The keys the page's sources name as written (not those they put together from the spec)."""
    found: set[str] = set()
    for text in sources:
        for match in _LITERAL.finditer(text):
            found |= {g for g in match.groups() if g and not g.endswith(".")}  # "event." + code: from the spec
    return found


def _plain(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """app.js ``plain``: a ``$ref`` followed, an optional's non-null branch (an object's first)."""
    if "anyOf" in node:
        branches = [_plain(schema, n) for n in node["anyOf"] if n.get("type") != "null"]
        node = next((b for b in branches if b.get("type") == "object"), branches[0])
    if "$ref" in node:
        return _plain(schema, schema["$defs"][node["$ref"].split("/")[-1]])
    return node


def _node_at(schema: dict[str, Any], path: str) -> dict[str, Any]:
    """app.js ``nodeAt``: the node of a document path ("bank", "members.residence.card")."""
    node = schema
    for key in path.split("."):
        node = _plain(schema, node["properties"][key])
        if node.get("type") == "array":
            node = _plain(schema, node["items"])
    return node


def _codes(node: dict[str, Any]) -> list[str] | None:
    """The codes of a node the page asks as a choice (app.js ``kindOf`` = "choice"), else None."""
    if "enum" in node:
        return None if "JP" in node["enum"] and len(node["enum"]) > 100 else [str(c) for c in node["enum"]]
    if node.get("type") == "integer" and "maximum" in node and node["maximum"] - node.get("minimum", 0) < 10:
        return [str(n) for n in range(node["minimum"], node["maximum"] + 1)]
    return None


def _choice_table(spec: dict[str, Any], codes: list[str]) -> str | None:
    """The vocabulary list that has every code of a choice (so "birth" of 30条の45区分 is not the
    event), None when none has them all (学年 1–6: the codes are their own words)."""
    return next((name for name, words in spec["choiceLabels"].items() if all(c in words for c in codes)), None)


def _label_key(ja: dict[str, str], labels: dict[str, str], prefix: str, key: str) -> str:
    """An object's own key, else the member's key of that name (the notifier's 氏名 are a member's)."""
    own = f"{prefix}.{key}"
    return f"member.{key}" if own not in ja and own not in labels and f"member.{key}" in ja else own


def _generated_keys(spec: dict[str, Any], scope: str) -> list[str]:
    """The ``scope`` ("member" or "household") keys asked by a generated field, in the events' order."""
    keys: list[str] = []
    for event in spec["events"]:
        keys += [k for k in event[scope] if k not in HAND[scope] and k not in keys]
    return keys


def lookup(spec: dict[str, Any], ja: dict[str, str]) -> dict[str, Any]:
    """How the page finds the words of what it asks, one table the build writes into the page
    (``spec.lookup``) and that `shown_keys` reads: ``hand`` (the facts with the page's own fields),
    ``labels`` (each generated field of an object → its label's key) and ``choices`` (each
    generated choice's path → the vocabulary list of its codes' words, or None)."""
    schema = spec["schema"]
    household = _generated_keys(spec, "household")
    objects = [k for k in household if _node_at(schema, k).get("type") == "object"] + ["notifier"]
    leaves = [f"{obj}.{leaf}" for obj in objects for leaf in _node_at(schema, obj).get("properties", {})]
    labels = {path: _label_key(ja, spec["labels"], *path.split(".", 1)) for path in leaves}
    paths = [f"members.{k}" for k in _generated_keys(spec, "member")] + [k for k in household if k not in objects] + leaves
    choices = {}
    for path in paths:
        codes = _codes(_node_at(schema, path))
        if codes is not None:
            choices[path] = _choice_table(spec, codes)
    return {"hand": HAND, "labels": labels, "choices": choices}


def _generated(spec: dict[str, Any], ja: dict[str, str]) -> set[str]:
    """The keys of the fields the page makes from the model, their legends and their choices."""
    schema, table = spec["schema"], lookup(spec, ja)
    keys = {f"member.{k}" for k in _generated_keys(spec, "member")}
    for key in _generated_keys(spec, "household"):
        keys |= {f"{key}.legend", *(f"{key}.{leaf}" for leaf in _node_at(schema, key).get("properties", {}))} \
            if _node_at(schema, key).get("type") == "object" else {key}  # an object's legend, the summary's words
    keys |= set(table["labels"].values())
    for path, words in table["choices"].items():
        codes = _codes(_node_at(schema, path)) or []
        keys |= {f"choice.{words}.{c}" for c in codes} if words else {f"choice.{c}" for c in codes if not c.isdigit()}
    return keys


def shown_keys(spec: dict[str, Any], ja: dict[str, str], sources: Iterable[str]) -> set[str]:
    """Every key the page built from ``spec`` can look up in its translation table."""
    keys = literal_keys(sources) | set(ja)
    for event in spec["events"]:
        code = event["code"]
        keys |= {f"event.{code}", f"date.{code}"}
        if event["subjects"]:
            keys |= {f"subjects.{code}", f"subject.{code}", f"err.subjects.{code}"}
        keys |= {f"{side}.{part}" for side in event["addresses"] for part in ("legend", "abroad", "country", "head")}
    keys |= {f"sex.{s}" for s in spec["sexes"]} | {f"ins.{s}" for s in spec["insurances"]}
    return keys | _generated(spec, ja)


def missing_texts(spec: dict[str, Any], texts: dict[str, Any], sources: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(language, key) for each key the page can show that a language of ``texts`` has no words for
    (the page would show the counter's Japanese or the key itself), sorted."""
    if sources is None:
        sources = [p.read_text(encoding="utf-8") for p in PAGE_SOURCES]
    strings = texts.get("strings", {})
    keys = shown_keys(spec, strings.get("ja", {}), sources)
    return sorted((lang, key) for lang in texts.get("languages", {}) for key in keys
                  if key not in strings.get(lang, {}))
