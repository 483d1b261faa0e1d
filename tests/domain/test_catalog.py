"""The catalog in forms/ validates into typed models; a broken one reports every error with file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakanai.domain.catalog import Catalog, load_catalog
from kakanai.domain.problems import InvalidInput


def _errors(folder: Path) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load_catalog(folder)
    return [str(p) for p in caught.value.problems]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_catalog_covers_every_life_event(catalog: Catalog) -> None:
    events = {e for p in catalog.procedures for e in p.definition.events}
    assert events == {"move_in", "move_out", "move_within", "birth", "death", "marriage"}
    assert len(catalog.procedures) >= 40 and len(catalog.forms) >= 15
    for procedure in catalog.procedures:
        assert procedure.definition.forms, f"{procedure.id} fills no form"


def test_every_error_of_a_broken_catalog_is_listed_with_file_and_key(catalog_copy: Path) -> None:
    # Given a catalog where a clerk made five different mistakes
    shimin = catalog_copy / "procedures" / "shimin.toml"
    _edit(shimin, "member_when = { seal_requested = true, age = { min = 15 } }",
          "member_when = { seal_requested = true, adress = 1 }")
    _edit(shimin, 'forms = ["inkan"]', 'forms = ["inkan_form"]')
    _edit(shimin, 'department = "shimin"', 'department = "shimn"')
    _edit(catalog_copy / "procedures" / "kaigo.toml", 'events = ["move_in"]', 'evnets = ["move_in"]')
    _edit(catalog_copy / "forms" / "other.toml", 'source = "dogs"', 'source = "cats"')
    # When it is loaded, Then each mistake is reported with its file, key path and reason
    errors = _errors(catalog_copy)
    expected = [
        "forms/procedures/shimin.toml: procedure[7].member_when.adress: 知らない条件名です 'adress'",
        "forms/procedures/shimin.toml: procedure[7].forms[0]: 知らない様式 'inkan_form'",
        "forms/procedures/shimin.toml: procedure[0].department: 知らない担当課 'shimn'",
        "forms/procedures/kaigo.toml: procedure[0].evnets: 知らない項目名です",
        "forms/procedures/kaigo.toml: procedure[0].events: 必須の項目がありません",
        "forms/forms/other.toml: form[0].fields[6].source: 知らない項目 'cats'",
    ]
    for want in expected:
        assert any(e.startswith(want) for e in errors), (want, errors)


def test_a_toml_syntax_error_names_the_file(catalog_copy: Path) -> None:
    (catalog_copy / "forms" / "other.toml").write_text("[[form]\nid = ", encoding="utf-8")
    errors = _errors(catalog_copy)
    assert any(e.startswith("forms/forms/other.toml: TOML として読めません") for e in errors)


def test_a_wrong_value_in_a_condition_is_named(catalog_copy: Path) -> None:
    _edit(catalog_copy / "procedures" / "hoken_nenkin.toml", 'insurance = ["nhi", "none"]', 'insurance = ["nhi", "kokuho"]')
    _edit(catalog_copy / "procedures" / "other.toml", "dogs = { min = 1 }", 'dogs = "many"')
    errors = _errors(catalog_copy)
    assert any("procedure[0].member_when.insurance: 使えない値です ['kokuho']" in e for e in errors)
    assert any("procedure[0].household_when.dogs: 整数か" in e for e in errors)


def test_duplicate_ids_and_unsupported_schema_versions_are_refused(catalog_copy: Path) -> None:
    _edit(catalog_copy / "procedures" / "other.toml", 'id = "dog_registration_address"', 'id = "dog_registration_move_in"')
    _edit(catalog_copy / "forms" / "kaigo_kodomo.toml", "schema_version = 1", "schema_version = 9")
    errors = _errors(catalog_copy)
    assert any("procedure[1].id: 手続ID 'dog_registration_move_in' が重複" in e for e in errors)
    assert any(e.startswith("forms/forms/kaigo_kodomo.toml: schema_version: 対応していない版") for e in errors)


def test_a_missing_catalog_folder_is_a_clear_error(tmp_path: Path) -> None:
    assert any("catalog.toml" in e and "ありません" in e for e in _errors(tmp_path / "nowhere"))


def test_a_city_can_change_the_child_medical_age_in_data_alone(catalog_copy: Path) -> None:
    # Given a city whose 子ども医療費助成 stops at the end of 中学校 (grade 9)
    _edit(catalog_copy / "procedures" / "kodomo.toml",
          'id = "child_medical_apply"\ntitle = "子ども医療費助成 受給者証の申請"\ndepartment = "kodomo"\n'
          'events = ["move_in"]\nscope = "members"\nmember_when = { grade = { max = 12 } }',
          'id = "child_medical_apply"\ntitle = "子ども医療費助成 受給者証の申請"\ndepartment = "kodomo"\n'
          'events = ["move_in"]\nscope = "members"\nmember_when = { grade = { max = 9 } }')
    catalog = load_catalog(catalog_copy)
    assert catalog.procedure("child_medical_apply").member_when.clauses[0].high == 9


def test_the_city_postal_codes_load_and_a_bad_line_is_named(catalog: Catalog, catalog_copy: Path) -> None:
    assert catalog.postal["090-0001"] == "北海道見本市北1条西"
    with (catalog_copy / "postal_codes.csv").open("a", encoding="utf-8") as handle:
        handle.write("12-345,どこか\n")
    assert any(e.startswith("forms/postal_codes.csv: ") and "郵便番号として読めません: '12-345'" in e
               for e in _errors(catalog_copy))
