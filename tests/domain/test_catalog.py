"""The catalog in forms/ validates into typed models; a broken one reports every error with file and key."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kakanai.domain.catalog import Catalog, Deadline, load_catalog
from kakanai.domain.problems import InvalidInput


def _errors(folder: Path) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load_catalog(folder)
    return [str(p) for p in caught.value.problems]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(path: Path, text: str) -> int:
    """The 1-based line of the first occurrence of ``text`` in a file."""
    content = path.read_text(encoding="utf-8")
    return content.count("\n", 0, content.index(text)) + 1


def _index(path: Path, procedure_id: str) -> int:
    """The index of a procedure among its file's [[procedure]] blocks."""
    ids = [line.split('"')[1] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("id = ")]
    return ids.index(procedure_id)


def test_the_shipped_catalog_covers_every_life_event(catalog: Catalog) -> None:
    events = {e for p in catalog.procedures for e in p.definition.events}
    assert events == {"move_in", "move_out", "move_within", "birth", "death", "marriage"}
    assert len(catalog.procedures) >= 40 and len(catalog.forms) >= 15
    for procedure in catalog.procedures:
        # a procedure without a form of ours (the 広域連合 mails the card, another office's own form)
        # tells the resident what happens instead
        definition = procedure.definition
        assert definition.forms or definition.note or definition.bring or definition.deadline, \
            f"{procedure.id} fills no form and says nothing"
        assert procedure.definition.basis.strip(), f"{procedure.id} has no basis"


def test_every_error_of_a_broken_catalog_is_listed_with_file_and_key(catalog_copy: Path) -> None:
    # Given a catalog where a clerk made five different mistakes
    shimin = catalog_copy / "procedures" / "shimin.toml"
    _edit(shimin, "member_when = { seal_requested = true, age = { min = 15 } }",
          "member_when = { seal_requested = true, adress = 1 }")
    _edit(shimin, 'forms = ["inkan"]', 'forms = ["inkan_form"]')
    _edit(shimin, 'department = "shimin"', 'department = "shimn"')
    _edit(catalog_copy / "procedures" / "kaigo.toml", 'events = ["move_in"]', 'evnets = ["move_in"]')
    _edit(catalog_copy / "forms" / "other.toml", 'source = "dogs"', 'source = "cats"')
    # When it is loaded, Then each mistake is reported with its file, line, procedure or form id, key
    # path and reason, listing the names that would have been right
    errors = _errors(catalog_copy)
    seal = _index(shimin, "seal_registration")
    where = "forms/procedures/shimin.toml"
    expected = [
        (f"{where}:{_line(shimin, 'adress = 1')} [seal_registration]: procedure[{seal}].member_when.adress: 知らない条件名です"
         " 'adress'（使える名前: age, age_at_visit,"),
        (f"{where}:{_line(shimin, 'inkan_form')} [seal_registration]: procedure[{seal}].forms[0]: 知らない様式"
         " 'inkan_form'（使える様式: "),
        (f"{where}:{_line(shimin, 'shimn')} [juminido_move_in]: procedure[0].department: 知らない担当課"
         " 'shimn'（使える担当課: shimin,"),
        "forms/procedures/kaigo.toml:9 [care_join]: procedure[0].evnets: 知らない項目名です",
        "forms/procedures/kaigo.toml:4 [care_join]: procedure[0].events: 必須の項目がありません",
        "forms/forms/other.toml:9 [inu]: form[0].fields[6].source: 知らない項目 'cats'（使える項目: event,",
    ]
    for want in expected:
        assert any(e.startswith(want) for e in errors), (want, errors)
    assert len(errors) == len(expected)


def test_an_overlay_key_naming_no_value_fails_the_check_not_the_counter(catalog_copy: Path) -> None:
    # Given a city's overlay form with a typo in a key and a checkbox that does not exist
    overlay = catalog_copy / "forms" / "overlay_example.toml"
    _edit(overlay, '"head.kana" = [71', '"hed.kana" = [71')
    _edit(overlay, '"check:所在地の変更" = [', '"check:所在地変更" = [')
    # When the catalog loads (as `forms check` and the window do), Then both are named with their line
    errors = _errors(catalog_copy)
    assert any(e.startswith("forms/forms/overlay_example.toml:30 [inu_overlay]: form[0].overlay.hed.kana: "
                            "重ね書きする項目名が分かりません 'hed.kana'（使える名前: event,") for e in errors), errors
    assert any("check:所在地変更: この様式にないチェック欄です '所在地変更'（使えるチェック欄: 所在地の変更）" in e
               for e in errors), errors


@pytest.mark.parametrize(("key", "numbers", "why"), [
    ("dog.name", [10, 10], "unknown overlay key"),
    ("member.name", [10, 10], "unknown overlay key"),  # a member value needs #n
    ("head.name#1", [10, 10], "unknown overlay key"),  # a household value takes none
    ("mopeds", [10], "coordinates"),
    ("mopeds", [10, -5], "coordinates"),
])
def test_a_bad_overlay_entry_is_named(catalog_copy: Path, key: str, numbers: list[float], why: str) -> None:
    overlay = catalog_copy / "forms" / "overlay_example.toml"
    _edit(overlay, "[form.overlay]\n", f'[form.overlay]\n"{key}" = {numbers}\n')
    with pytest.raises(InvalidInput) as caught:
        load_catalog(catalog_copy)
    assert [why in p.message_en for p in caught.value.problems] == [True]


def test_a_checkbox_condition_with_an_unknown_fact_fails_the_check(catalog_copy: Path) -> None:
    _edit(catalog_copy / "forms" / "overlay_example.toml", "when = { event = [", "when = { evnet = [")
    assert any("form[0].checkboxes[0].when.evnet: 知らない条件名です 'evnet'" in e for e in _errors(catalog_copy))


def test_member_when_on_a_household_procedure_is_refused(catalog_copy: Path) -> None:
    _edit(catalog_copy / "procedures" / "other.toml", 'scope = "household"\n',
          'scope = "household"\nmember_when = { age = { min = 20 } }\n')
    assert any(e.startswith("forms/procedures/other.toml:11 [dog_registration_move_in]: procedure[0].member_when: "
                            "member_when は scope が members か each_member の手続でだけ使えます") for e in _errors(catalog_copy))


def test_bring_if_is_checked_like_any_condition(catalog_copy: Path) -> None:
    # a conditional item on a household procedure, and one with a misspelt fact: both named with file and key
    _edit(catalog_copy / "procedures" / "other.toml", 'scope = "household"\n',
          'scope = "household"\nbring_if = [{ text = "犬の鑑札", member_when = { age = 20 } }]\n')
    _edit(catalog_copy / "procedures" / "shimin.toml", "member_when = { foreign = true } }]",
          "member_when = { foriegn = true } }]")
    errors = _errors(catalog_copy)
    assert any(e.startswith("forms/procedures/other.toml:11 [dog_registration_move_in]: procedure[0].bring_if: "
                            "bring_if は scope が members か each_member の手続でだけ使えます") for e in errors), errors
    assert any(".bring_if[0].member_when.foriegn: 知らない条件名です 'foriegn'" in e for e in errors), errors


def test_deadlines_counted_from_the_event_date_get_their_last_day(catalog: Catalog) -> None:
    moved = date(2026, 4, 1)
    assert catalog.procedure("juminido_move_in").deadline.last_day(moved) == date(2026, 4, 15)  # 住み始めた日から14日以内
    assert catalog.procedure("child_allowance_claim").deadline.last_day(moved) == date(2026, 4, 16)  # 翌日から15日以内
    assert catalog.procedure("birth_registration").deadline.last_day(moved) == date(2026, 4, 14)  # 生まれた日を含めて14日以内
    assert Deadline("葬儀の日から2年以内").last_day(moved) is None
    assert Deadline("14日以内").last_day(moved) is None


def test_a_toml_syntax_error_names_the_file(catalog_copy: Path) -> None:
    (catalog_copy / "forms" / "other.toml").write_text("[[form]\nid = ", encoding="utf-8")
    errors = _errors(catalog_copy)
    assert any(e.startswith("forms/forms/other.toml: TOML として読めません") for e in errors)


def test_a_toml_nested_thousands_deep_names_the_file(catalog_copy: Path) -> None:
    (catalog_copy / "forms" / "other.toml").write_text("a = " + "[" * 50_000 + "]" * 50_000, encoding="utf-8")
    errors = _errors(catalog_copy)
    assert any(e.startswith("forms/forms/other.toml: TOML として読めません: 入れ子が深すぎます") for e in errors)


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
    assert any(e.startswith("forms/forms/kaigo_kodomo.toml:") and "schema_version: 対応していない版" in e for e in errors)


def test_a_missing_catalog_folder_is_a_clear_error(tmp_path: Path) -> None:
    assert any("catalog.toml" in e and "ありません" in e for e in _errors(tmp_path / "nowhere"))


def test_a_city_can_change_the_child_medical_age_in_data_alone(catalog_copy: Path) -> None:
    # Given a city whose 子ども医療費助成 stops at the end of 中学校 (grade 9)
    _edit(catalog_copy / "procedures" / "kodomo.toml",
          'id = "child_medical_apply"\ntitle = "子ども医療費助成 受給者証の申請"\ndepartment = "kodomo"\n'
          'events = ["move_in"]\nscope = "members"\n',
          'id = "child_medical_apply"\ntitle = "子ども医療費助成 受給者証の申請"\ndepartment = "kodomo"\n'
          'events = ["move_in"]\nscope = "members"\nmember_when = { grade = { max = 9 } }\nbasis = "市の条例"\n'
          'bring = []\nforms = ["kodomo_iryo"]\n[[procedure]]\nid = "child_medical_apply_old"\n'
          'title = "旧"\ndepartment = "kodomo"\nevents = ["move_in"]\nscope = "members"\n')
    catalog = load_catalog(catalog_copy)
    assert catalog.procedure("child_medical_apply").member_when.clauses[0].high == 9


def test_the_city_postal_codes_load_and_a_bad_line_is_named(catalog: Catalog, catalog_copy: Path) -> None:
    assert catalog.postal["090-0001"] == "北海道見本市北1条西"
    with (catalog_copy / "postal_codes.csv").open("a", encoding="utf-8") as handle:
        handle.write("12-345,どこか\n")
    assert any(e.startswith("forms/postal_codes.csv: ") and "郵便番号として読めません: '12-345'" in e
               for e in _errors(catalog_copy))


def test_a_deadline_counted_from_the_filing_needs_the_filing_day(catalog: Catalog) -> None:
    # マイナンバーカード 継続利用: 90 days from the 転入届 (the visit), not from the move
    deadline = catalog.procedure("mynumber_continue").deadline
    assert deadline is not None and deadline.counts_from == "filing"
    assert deadline.last_day(date(2026, 4, 1), filed=date(2026, 12, 1)) == date(2027, 3, 1)
    assert deadline.last_day(date(2026, 4, 1)) is None  # without the filing day there is no last day to show
    assert not deadline.passed(date(2026, 4, 1), date(2026, 12, 1))
    move_in = catalog.procedure("juminido_move_in").deadline
    assert move_in is not None and move_in.passed(date(2026, 4, 1), date(2026, 12, 1))
