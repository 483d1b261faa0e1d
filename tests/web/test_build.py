"""``kakanai web build`` without a browser: one self-contained file, reproducible, within its size,
from the committed vendor files that match the lockfile, with every text in every language."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from pydantic import AfterValidator

from kakanai.cli import main
from kakanai.domain import household_schema
from kakanai.domain.catalog import Catalog, load_catalog
from kakanai.resources import forms_dir
from kakanai.web import build, spec
from kakanai.web.build import MAX_BYTES, page_texts, render_page

WEB = Path(build.__file__).parent
LANGUAGES = ["ja", "ja-easy", "en", "zh", "ko", "vi", "pt"]


def test_the_command_writes_one_self_contained_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["web", "build", "-o", str(tmp_path / "site")]) == 0
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["index.html"]
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "見本市" in capsys.readouterr().out
    assert len(page.encode()) <= MAX_BYTES
    # nothing fetched: no src/href to anywhere, no url(), no import, and a policy that forbids connecting
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "url(" not in page and "@import" not in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy and "default-src 'none'" in policy[1] and "connect-src 'none'" in policy[1]
    assert "unsafe-inline" not in policy[1].split("script-src")[1].split(";")[0]


def test_the_build_is_reproducible(catalog: Catalog) -> None:
    assert render_page(catalog) == render_page(catalog)


def test_the_vendored_libraries_match_the_lockfile() -> None:
    """scripts/vendor-web wrote them from package-lock.json; a changed pin or file without it fails."""
    lock = json.loads((WEB / "package-lock.json").read_text(encoding="utf-8"))
    manifest = json.loads((WEB / "vendor" / "MANIFEST.json").read_text(encoding="utf-8"))
    for file, entry in manifest.items():
        assert lock["packages"][f"node_modules/{entry['package']}"]["version"] == entry["version"], file
        assert hashlib.sha256((WEB / "vendor" / file).read_bytes()).hexdigest() == entry["sha256"], file
    assert {e["package"] for e in manifest.values()} == set(lock["packages"][""]["dependencies"]) | set(
        lock["packages"][""]["devDependencies"])


def test_every_text_of_the_page_is_in_every_language() -> None:
    texts = page_texts()
    sources = "".join((WEB / "page" / name).read_text(encoding="utf-8") for name in ("index.html", "app.js"))
    used = set(re.findall(r'data-t(?:-label)?="([\w.-]+)"', sources)) | set(re.findall(r'"((?:err|event|date|subjects?|'
                                                                                     r'member|sex|ins|code)\.[\w.]+)"',
                                                                                     sources))
    used |= {f"err.subjects.{e}" for e in ("birth", "death", "marriage")} | {"err." + k for k in (
        "characters", "kana", "postal", "phone", "date", "year", "type", "choice", "range", "format", "too_long", "count",
        "birth_after", "too_big", "required", "era", "unknown_check", "bank", "branch", "member")}
    assert list(texts["languages"]) == LANGUAGES
    for lang in LANGUAGES:
        assert sorted(used - set(texts["strings"][lang])) == [], lang
        assert set(texts["strings"][lang]) == set(texts["strings"]["ja"]), lang


def test_a_city_extends_the_texts_with_its_own_file(tmp_path: Path) -> None:
    # Given the city's catalog with a resident_page.toml adding Nepali and changing a title
    shutil.copytree(forms_dir(), tmp_path / "forms")
    (tmp_path / "forms" / "resident_page.toml").write_text(
        '[languages.ne]\nname = "नेपाली"\nhtml = "ne"\n[strings.ne]\ntitle = "फारम"\n[strings.en]\ntitle = "Pre-fill"\n',
        encoding="utf-8")
    page = render_page(load_catalog(tmp_path / "forms")).decode()
    # Then both are in the page's table, the rest kept
    texts = json.loads(re.search(r'id="kakanai-texts">(.*?)</script>', page, re.DOTALL)[1])
    assert texts["strings"]["ne"]["title"] == "फारम" and texts["strings"]["en"]["title"] == "Pre-fill"
    assert texts["strings"]["en"]["check"] == "Check my entries"


def test_the_schema_names_every_check_of_the_model() -> None:
    schema = spec.household_schema()
    member = schema["$defs"]["MemberDocV2"]["properties"]
    assert member["family_kana"]["x-checks"] == ["characters", "not_blank", "kana"]
    assert member["sex"]["enum"] == ["M", "F"]
    assert "VN" in member["nationality"]["anyOf"][0]["enum"]
    assert schema["properties"]["v"]["const"] == 2


def test_a_check_the_page_does_not_know_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """A validator added to the model without teaching the page must not pass silently."""
    def _new_rule(value: str) -> str:
        return value

    model = household_schema.HouseholdDocV2
    field = model.model_fields["phone"]
    monkeypatch.setattr(field, "metadata", [*field.metadata, AfterValidator(_new_rule)])
    model.model_rebuild(force=True)
    try:
        with pytest.raises(spec.UnknownCheck, match="_new_rule"):
            spec.household_schema()
    finally:
        monkeypatch.undo()
        model.model_rebuild(force=True)


def test_each_event_asks_what_its_procedures_need(catalog: Catalog) -> None:
    events = {e["code"]: e for e in spec.page_spec(catalog)["events"]}
    # the facts the move-in's conditions decide on, and what the 住民異動届 prints beyond the basics:
    # 本籍・筆頭者, 通称 and the 在留カード facts
    assert {"insurance", "card", "care_certified", "seal", "nationality", "domicile", "domicile_head", "alias",
            "residence.card", "residence.until"} <= set(events["move_in"]["member"])
    assert {"old.head", "extras.dogs", "extras.mopeds", "new.head", "bank"} <= set(events["move_in"]["household"])
    # a marriage asks what decides the name changes (card, 国保, …) and the 婚姻届's 本籍・筆頭者, not dogs
    assert {"card", "insurance", "nationality", "domicile", "domicile_head"} <= set(events["marriage"]["member"])
    assert "extras.dogs" not in events["marriage"]["household"] and events["marriage"]["subjects"] == [2, 2]
    # the addresses the interview asks: a move's two, the household's own for a birth, death or marriage
    assert set(events["move_out"]["addresses"]) == {"old", "new"} and events["birth"]["addresses"] == ["new"]
    assert "bank" in events["birth"]["household"] and "bank" in events["death"]["household"]
    # a birth never asks a move's questions
    assert not {"extras.mopeds", "new.head", "old.head"} & set(events["birth"]["household"])


def test_a_fact_a_form_prints_is_asked_by_the_page(tmp_path: Path) -> None:
    """A city that prints 通称 on its 婚姻届 gets the question on the page at its next build (for a
    foreign resident who marries)."""
    shutil.copytree(forms_dir(), tmp_path / "forms")
    events = {e["code"]: e for e in spec.page_spec(load_catalog(tmp_path / "forms"))["events"]}
    assert "alias" not in events["marriage"]["member"]
    shimin = tmp_path / "forms" / "forms" / "shimin.toml"  # the 婚姻届 (konin) is there
    text = shimin.read_text(encoding="utf-8")
    columns = text.index("member_columns = [\n", text.index('id = "konin"')) + len("member_columns = [\n")
    alias = '  { source = "member.alias", label = "通称", required = false },\n'
    shimin.write_text(text[:columns] + alias + text[columns:], encoding="utf-8")
    events = {e["code"]: e for e in spec.page_spec(load_catalog(tmp_path / "forms"))["events"]}
    assert "alias" in events["marriage"]["member"]


def test_addresses_abroad_are_offered_only_where_the_counter_accepts_them(catalog: Catalog) -> None:
    events = {e["code"]: e for e in spec.page_spec(catalog)["events"]}
    assert events["move_in"]["abroad"] == ["old"]
    # a move out to another country: offered as soon as the counter accepts new.country for 転出
    from kakanai.domain.household_doc import parse_household
    from kakanai.domain.problems import InvalidInput

    try:
        parse_household({"v": 2, "event": "move_out", "date": "2026-04-01", "notifier": 0,
                         "old": {"postal": "090-0001", "address": "見本市"}, "new": {"country": "US", "address": "NY"},
                         "members": [{"family": "見本", "given": "", "family_kana": "ミホン", "given_kana": "",
                                      "birth": "1990-01-01", "sex": "F", "relation": "世帯主"}]})
        counter_accepts = True
    except InvalidInput:
        counter_accepts = False
    assert events["move_out"]["abroad"] == (["new"] if counter_accepts else [])
    assert events["move_within"]["abroad"] == [] and events["birth"]["abroad"] == []


def test_every_fact_the_page_asks_has_words(catalog: Catalog) -> None:
    """A fact the page generates a field for is labelled (the page's text, else the counter's own
    Japanese words found by the probe), never shown as a key name; the shipped facts are translated."""
    page = spec.page_spec(catalog)
    texts = page_texts()["strings"]
    for event in page["events"]:
        for key in event["member"]:
            assert texts["ja"].get(f"member.{key}") or page["labels"].get(f"member.{key}"), key
        for key in set(event["household"]) - {"extras.dogs", "extras.mopeds", "old.head"}:  # the page's own fields
            assert texts["ja"].get(key) or texts["ja"].get(f"{key}.legend") or page["labels"].get(key), key
    assert page["choiceLabels"]["account_kind"]["ordinary"] == "普通"
    assert texts["en"]["member.residence.card"].startswith("Residence card number")


def test_the_bank_list_is_the_counter_s(catalog: Catalog) -> None:
    from kakanai.domain.banks import bank_name, branch_name

    banks = spec.page_spec(catalog)["banks"]
    assert banks["0005"][0] == bank_name("0005") and banks["0005"][1]["001"] == branch_name("0005", "001")
    assert "9999" not in banks and len(banks) > 1000


COMMITTED = Path(__file__).parents[2] / "site" / "index.html"


def test_the_committed_page_is_built_from_the_sources(catalog: Catalog) -> None:
    """site/index.html is what `scripts/dev kakanai web build -o site` writes from today's model,
    catalog, texts and vendor files; a change to any of them without rebuilding fails here."""
    assert COMMITTED.is_file(), "no site/index.html: run scripts/dev kakanai web build -o site"
    assert COMMITTED.read_bytes() == render_page(catalog), (
        "site/index.html is stale (the household model, the catalog or the page changed): "
        "run scripts/dev kakanai web build -o site and commit it")


def test_the_command_works_out_the_page_s_spec_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The spec (seconds of asking the counter) serves both the page and the note on missing texts."""
    calls: list[Catalog] = []

    def counted(catalog: Catalog) -> dict[str, object]:
        calls.append(catalog)
        return spec.page_spec(catalog)

    monkeypatch.setattr(build, "page_spec", counted)
    assert main(["web", "build", "-o", str(tmp_path / "site")]) == 0
    assert len(calls) == 1
