"""Every text the resident page can show has words in every language of its table: a fact added to
the model (asked by a field the page generates, labelled with the counter's Japanese) fails here,
naming the key and the language, until texts.toml says it in all seven."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from kakanai.cli import main
from kakanai.domain.catalog import Catalog, load_catalog
from kakanai.resources import forms_dir
from kakanai.web.build import missing_texts, page_texts
from kakanai.web.shown_texts import missing_texts as missing_for
from kakanai.web.shown_texts import shown_keys
from kakanai.web.spec import page_spec
from tests.web.browser import chromium
from tests.web.resident import open_page

LANGUAGES = ["ja", "ja-easy", "en", "zh", "ko", "vi", "pt"]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def spec(catalog: Catalog) -> dict[str, Any]:
    return page_spec(catalog)


# the words of a shown label or legend (Latin script: CJK breaks between any two characters) that are
# wider than the box they are in, so the page's overflow-wrap breaks them in the middle
_WORDS_WIDER_THAN_THEIR_BOX = """
var ctx = document.createElement("canvas").getContext("2d"), out = [];
document.querySelectorAll("label, legend").forEach(function (n) {
  if (!n.getClientRects().length) { return; }
  var style = getComputedStyle(n), room = n.parentElement.clientWidth;
  ctx.font = style.fontWeight + " " + style.fontSize + " " + style.fontFamily;
  n.textContent.split(/\\s+/).forEach(function (w) {
    if (/^[\\x21-\\x7e\\u00c0-\\u024f\\u1e00-\\u1eff]+$/.test(w) && ctx.measureText(w).width > room) { out.push(w); }
  });
});
return out;
"""


def _named(missing: list[tuple[str, str]]) -> str:
    return "\n".join(f'kakanai/web/texts.toml [strings.{lang}] has no "{key}"' for lang, key in missing)


def test_every_text_the_page_can_show_is_in_every_language(catalog: Catalog) -> None:
    missing = missing_texts(catalog)
    assert not missing, "the page would show the counter's Japanese for:\n" + _named(missing)


def test_the_generated_fields_of_every_event_are_among_the_keys(spec: dict[str, Any]) -> None:
    """The keys found are the page's: each event's generated questions, legends, leaves and choices."""
    keys = shown_keys(spec, page_texts()["strings"]["ja"], [])
    assert {"member.residence.card", "member.civil_servant", "member.birth_order", "bank.kind", "death.legend",
            "death.mourner", "marriage.surname_of", "child_allowance.claimant", "notifier.agent"} <= keys
    # the notifier from outside: own words, not the counter's 氏・名 that the page fell back to before
    assert {"notifier.family", "notifier.given", "notifier.family_kana", "notifier.given_kana"} <= keys
    assert {"choice.pension_class.3", "choice.residence_category.birth", "choice.account_kind.current",
            "choice.school_kind.nursery", "choice.disability_kind.mental", "choice.insured_kind.dependent"} <= keys
    assert not {k for k in keys if k.startswith("choice.") and k.split(".")[-1].isdigit() and k.count(".") == 1}


def test_a_new_fact_without_words_is_named_in_each_language(spec: dict[str, Any]) -> None:
    # Given the model gains a member's yes/no and a household object with a choice, asked at a birth
    spec = copy.deepcopy(spec)
    defs = spec["schema"]["$defs"]
    defs["MemberDocV2"]["properties"]["vaccinated"] = {"anyOf": [{"type": "boolean"}, {"type": "null"}]}
    defs["PetDoc"] = {"type": "object", "properties": {"kind": {"enum": ["cat", "dog"], "type": "string"}}}
    spec["schema"]["properties"]["pet"] = {"anyOf": [{"$ref": "#/$defs/PetDoc"}, {"type": "null"}]}
    birth = next(e for e in spec["events"] if e["code"] == "birth")
    birth["member"].append("vaccinated")
    birth["household"].append("pet")
    # When the texts are checked
    missing = missing_for(spec, page_texts())
    # Then each new key is named for every language, the rest is complete
    new = {"member.vaccinated", "pet.legend", "pet.kind", "choice.cat", "choice.dog"}
    assert set(missing) == {(lang, key) for lang in LANGUAGES for key in new}


def test_a_language_missing_one_word_is_named(spec: dict[str, Any]) -> None:
    texts = page_texts()
    del texts["strings"]["vi"]["choice.pension_class.2"]
    del texts["strings"]["ja-easy"]["notifier.given_kana"]
    assert missing_for(spec, texts) == [("ja-easy", "notifier.given_kana"), ("vi", "choice.pension_class.2")]


def test_a_key_the_page_scripts_name_is_checked_too(spec: dict[str, Any]) -> None:
    """A text app.js asks for by name (a hint added later) is checked though no table has it yet."""
    source = 'box.append(el("p", { "class": "hint", "data-t": "help.residence" })); message = t("err.new_rule");'
    missing = missing_for(spec, page_texts(), [source])
    assert {key for _, key in missing} == {"help.residence", "err.new_rule"}


def test_a_city_language_is_checked_like_the_shipped_ones(tmp_path: Path) -> None:
    # Given a city adding Nepali with only a title
    shutil.copytree(forms_dir(), tmp_path / "forms")
    (tmp_path / "forms" / "resident_page.toml").write_text(
        '[languages.ne]\nname = "नेपाली"\nhtml = "ne"\n[strings.ne]\ntitle = "फारम"\n', encoding="utf-8")
    missing = missing_texts(load_catalog(tmp_path / "forms"))
    # Then the build reports every other text for Nepali, and nothing for the seven shipped
    assert {lang for lang, _ in missing} == {"ne"}
    assert ("ne", "member.residence.card") in missing and ("ne", "title") not in missing


def test_the_build_command_names_a_city_language_s_missing_texts(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    # Given the same city with Nepali half-done: the page is still written, and IT is told what shows in Japanese
    shutil.copytree(forms_dir(), tmp_path / "forms")
    (tmp_path / "forms" / "resident_page.toml").write_text(
        '[languages.ne]\nname = "नेपाली"\nhtml = "ne"\n[strings.ne]\ntitle = "फारम"\n', encoding="utf-8")
    assert main(["web", "build", "-o", str(tmp_path / "site"), "--forms", str(tmp_path / "forms")]) == 0
    err = capsys.readouterr().err
    assert "注意: 言語 ne に訳のない文言" in err and "（日本語で表示されます）" in err
    # And the shipped catalog builds with no such note
    assert main(["web", "build", "-o", str(tmp_path / "shipped")]) == 0
    assert "訳のない文言" not in capsys.readouterr().err


def test_the_real_page_looks_up_only_keys_every_language_has(built_page: Path) -> None:
    """In Chromium, every label, legend and option the page made (all events' fields are in the DOM,
    hidden or shown) names a key each language has; a non-Japanese page shows no text copied from
    the Japanese table; and at 320 px, the narrowest phone, every event's words fit the width."""
    with chromium((320, 640)) as driver:
        for lang in LANGUAGES:
            open_page(driver, built_page, lang)
            lacking = driver.execute_script(
                "var texts = JSON.parse(document.getElementById('kakanai-texts').textContent).strings[arguments[0]];"
                "var keys = [];"
                "document.querySelectorAll('[data-t]').forEach(function (n) { keys.push(n.dataset.t); });"
                "document.querySelectorAll('[data-t-label]').forEach(function (n) { keys.push(n.dataset.tLabel); });"
                "return keys.filter(function (k) { return texts[k] === undefined; });", lang)
            assert not lacking, f"{lang}: {sorted(set(lacking))}"
            if lang in ("en", "vi", "pt"):
                shown = driver.execute_script(
                    "return Array.from(document.querySelectorAll('label, legend, option[data-choice]'))"
                    ".map(function (n) { return n.textContent; });")
                copied = [text for text in shown if JAPANESE.match(text)]  # a Japanese term after the words is fine
                assert not copied, f"{lang}: {copied}"
            for event in ("move_in", "birth", "death", "marriage"):
                driver.find_element("id", f"event-{event}").click()
                width = driver.execute_script("return document.documentElement.scrollWidth")
                assert width <= 320, f"{lang} {event}: the page is {width} px wide at 320"
                broken = driver.execute_script(_WORDS_WIDER_THAN_THEIR_BOX)
                assert not broken, f"{lang} {event}: words broken in the middle at 320 px: {broken}"


def test_the_committed_table_is_one_table_per_language() -> None:
    texts = page_texts()
    assert list(texts["languages"]) == LANGUAGES
    for lang in LANGUAGES:
        extra = set(texts["strings"][lang]) ^ set(texts["strings"]["ja"])
        assert not extra, f"{lang}: {sorted(extra)}"
        empty = [k for k, v in texts["strings"][lang].items() if not str(v).strip()]
        assert not empty, f"{lang}: {empty}"


def test_every_language_keeps_the_placeholders_of_the_japanese() -> None:
    """"{n}人目" numbers a person: a translation without {n} would call everyone the same."""
    strings = page_texts()["strings"]
    for key, text in strings["ja"].items():
        wanted = sorted(re.findall(r"\{\w+\}", text))
        for lang in LANGUAGES:
            assert sorted(re.findall(r"\{\w+\}", strings[lang][key])) == wanted, f"{lang} {key}"


def test_the_page_finds_its_words_by_the_table_the_build_wrote(built_page: Path, catalog: Catalog) -> None:
    """app.js looks up a generated choice's words and an object field's label by the build's table
    (shown_texts.lookup, in the page as spec.lookup), the same table the keys above are read off."""
    from kakanai.web.shown_texts import lookup

    table = lookup(page_spec(catalog), page_texts()["strings"]["ja"])
    english = page_texts()["strings"]["en"]
    with chromium((390, 844)) as driver:
        open_page(driver, built_page, "en")
        written = driver.execute_script("return JSON.parse(document.getElementById('kakanai-spec').textContent).lookup")
        assert written == table
        options = driver.execute_script(
            "return Array.from(document.querySelectorAll('select[data-choice]')).flatMap(function (s) {"
            "  return Array.from(s.querySelectorAll('option[data-choice]')).map(function (o) {"
            "    return [s.dataset.choice, o.value, o.textContent]; }); });")
        labels = driver.execute_script(
            "return Array.from(document.querySelectorAll('fieldset[id^=\"f-\"] > .field > label, fieldset[id^=\"f-\"] > .date > legend'))"
            ".map(function (l) { return [l.htmlFor || l.parentNode.id, l.dataset.t]; });")  # a date's words: its legend
    assert options and labels
    for path, code, text in options:
        words = table["choices"][path]
        assert text == english.get(f"choice.{words}.{code}" if words else f"choice.{code}", code), (path, code, text)
    shown = {field: key for field, key in labels}
    for path, key in table["labels"].items():
        obj, leaf = path.split(".", 1)
        field = f"n-{leaf}" if obj == "notifier" else f"{obj}-{leaf}"
        assert shown.get(field) == key, (path, field, shown.get(field))
