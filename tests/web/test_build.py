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
        "birth_after", "too_big", "required", "era", "unknown_check")}
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
    assert events["move_in"]["member"] == ["insurance", "card", "care_certified", "seal", "nationality"]
    assert events["move_in"]["household"] == ["extras.dogs", "extras.mopeds"]
    assert events["marriage"]["member"] == ["card", "nationality"] and events["marriage"]["subjects"] == [2, 2]
    assert events["move_out"]["addresses"] == ["old", "new"]
