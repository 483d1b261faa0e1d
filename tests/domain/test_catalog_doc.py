"""docs/procedures.md is the shipped catalog in words: regenerate it with
``scripts/dev kakanai forms doc -o docs/procedures.md`` whenever forms/ changes."""

from __future__ import annotations

from pathlib import Path

from kakanai.domain.catalog import Catalog
from kakanai.domain.catalog_doc import procedures_markdown
from kakanai.domain.vocabulary import EVENT_LABELS

DOC = Path(__file__).resolve().parents[2] / "docs" / "procedures.md"


def test_docs_procedures_md_is_the_catalog_as_shipped(catalog: Catalog) -> None:
    assert DOC.read_text(encoding="utf-8") == procedures_markdown(catalog), (
        "docs/procedures.md is stale: run `scripts/dev kakanai forms doc -o docs/procedures.md`")


def test_every_event_lists_each_of_its_procedures_with_its_basis(catalog: Catalog) -> None:
    text = procedures_markdown(catalog)
    for event, label in EVENT_LABELS.items():
        assert f"## {label}（{event.value}）" in text
    for procedure in catalog.procedures:
        assert procedure.definition.title in text and procedure.definition.basis in text
    # a condition reads in words, e.g. the 後期高齢者医療 age counted on the birthday itself
    assert "誕生日で数えた年齢（後期高齢者医療） 75以上" in text
