"""A resident at the page: types a household into the real form (keys and clicks, as on a phone),
checks the summary, shows the code, and reads the code back as the counter does."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from PIL import Image

from kakanai.domain.wareki import era_of
from kakanai.qr.images import decoder_for
from tests.web.browser import page_url


def open_page(driver: Any, page: Path, lang: str = "ja", fragment: str = "") -> None:
    """Load the page fresh in ``lang`` (no draft kept from an earlier test)."""
    driver.get(page_url(page, query=f"lang={lang}"))
    driver.execute_script("localStorage.clear()")
    driver.get("about:blank")  # a change of fragment alone would not load the page again
    driver.get(page_url(page, fragment, query=f"lang={lang}"))


def _type(driver: Any, element_id: str, text: str) -> None:
    element = driver.find_element("id", element_id)
    assert element.is_displayed(), f"{element_id} is not shown"
    element.clear()
    element.send_keys(text)


def _choose(driver: Any, element_id: str, value: str) -> None:
    from selenium.webdriver.support.select import Select

    element = driver.find_element("id", element_id)
    assert element.is_displayed(), f"{element_id} is not shown"
    Select(element).select_by_value(value)


def _click(driver: Any, element_id: str) -> None:
    element = driver.find_element("id", element_id)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def type_date(driver: Any, prefix: str, iso: str, wareki: bool) -> None:
    """A date typed as the resident would: 和暦 (era, year of the era) or 西暦."""
    day = date.fromisoformat(iso)
    year = day.year
    if wareki:
        era, year = era_of(day)
        _choose(driver, f"{prefix}-era", era.name)
    _type(driver, f"{prefix}-y", str(year))
    _type(driver, f"{prefix}-m", str(day.month))
    _type(driver, f"{prefix}-d", str(day.day))


def _address(driver: Any, side: str, address: dict[str, Any]) -> None:
    if address.get("country"):
        _click(driver, f"{side}-abroad")
        _choose(driver, f"{side}-country", address["country"])
    else:
        _type(driver, f"{side}-postal", address["postal"])
    _type(driver, f"{side}-address", address["address"])  # replaces the town the postal code filled in
    if address.get("building"):
        _type(driver, f"{side}-building", address["building"])
    if side == "old":
        _type(driver, "old-head", address.get("head", ""))
    elif address.get("head"):
        _type(driver, "new-head", address["head"])


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _member(driver: Any, k: int, member: dict[str, Any], wareki: bool) -> None:
    for key in ("family", "given", "family_kana", "given_kana", "relation"):
        _type(driver, f"m{k}-{key}", member[key])
    type_date(driver, f"m{k}-birth", member["birth"], wareki)
    _choose(driver, f"m{k}-sex", member["sex"])
    if member.get("insurance"):
        _choose(driver, f"m{k}-insurance", member["insurance"])
    for key in ("card", "care_certified"):
        if member.get(key) is not None:
            _choose(driver, f"m{k}-{key}", _yes_no(member[key]))
    if member.get("nationality"):
        _choose(driver, f"m{k}-nationality", member["nationality"])
    for key, value in member.items():  # the facts the page generates fields for from the model
        if key not in _OWN_MEMBER_FIELDS:
            _set(driver, f"m{k}-{key}", value)


_OWN_MEMBER_FIELDS = {"family", "given", "family_kana", "given_kana", "relation", "birth", "sex", "insurance", "card",
                      "care_certified", "nationality"}


def _set(driver: Any, element_id: str, value: Any) -> None:
    """Answer a generated field the way its kind asks: a choice, a date, a text; an object field by field."""
    if isinstance(value, dict):
        for key, inner in value.items():
            _set(driver, f"{element_id}-{key}", inner)
        return
    element = driver.find_element("id", element_id)
    if element.tag_name == "select":
        _choose(driver, element_id, _yes_no(value) if isinstance(value, bool) else str(value))
    elif element.tag_name == "fieldset":  # a date: 年 月 日
        type_date(driver, element_id, value, wareki=False)
    else:
        _type(driver, element_id, str(value))


_OWN_HOUSEHOLD_FIELDS = {"v", "event", "date", "phone", "new", "old", "notifier", "members", "extras", "subjects", "bank"}


def _notifier(driver: Any, notifier: int | dict[str, str]) -> None:
    if isinstance(notifier, int):
        _choose(driver, "notifier", str(notifier))
        return
    _choose(driver, "notifier", "other")
    for key, value in notifier.items():
        _set(driver, f"n-{key}", value)


def _bank(driver: Any, bank: dict[str, str]) -> None:
    for key in ("bank", "branch", "number", "holder_kana"):
        _type(driver, f"bank-{key}", bank[key])
    _choose(driver, "bank-kind", bank["kind"])


def fill(driver: Any, doc: dict[str, Any], typed: dict[str, Any], wareki: bool = False) -> None:
    """Type ``doc`` (a KKN2 document) into the form; ``typed`` overrides what is typed for some
    member keys (``{"0.family_kana": "やまだ"}``: the kana helper's job is to fix it)."""
    _click(driver, f"event-{doc['event']}")
    type_date(driver, "date", doc["date"], wareki)
    for side in ("new", "old"):
        if side in doc:
            _address(driver, side, doc[side])
    for i, member in enumerate(doc["members"]):
        if i:
            _click(driver, "add-member")
        member = member | {key.split(".", 1)[1]: value for key, value in typed.items() if key.startswith(f"{i}.")}
        if i in doc.get("subjects", []):  # first: some facts are asked of the event's subjects only
            _click(driver, f"m{i}-subject")
        _member(driver, i, member, wareki)
        if i in doc.get("extras", {}).get("seal_registration", []):
            _click(driver, f"m{i}-seal")
    _notifier(driver, doc["notifier"])
    _type(driver, "phone", typed.get("phone", doc.get("phone", "")))
    if doc.get("bank"):
        _bank(driver, doc["bank"])
    for key, value in doc.items():  # the household's facts the page generates fields for
        if key not in _OWN_HOUSEHOLD_FIELDS:
            _set(driver, key if isinstance(value, dict) else f"h-{key}", value)
    for key in ("dogs", "mopeds"):
        count = doc.get("extras", {}).get(key, 0)
        if count:
            _type(driver, key, str(count))


def errors_shown(driver: Any) -> list[str]:
    """The error list's lines (empty when the page accepted the form)."""
    return [li.text for li in driver.find_elements("css selector", "#error-list li") if li.is_displayed()]


def show_code(driver: Any) -> str:
    """Check the form, confirm the summary, show the code; returns the payload text the page shows."""
    _click(driver, "check")
    assert errors_shown(driver) == []
    assert driver.find_element("id", "summary").is_displayed()
    _click(driver, "show-code")
    assert driver.find_element("id", "qr").is_displayed()
    return str(driver.execute_script("return document.getElementById('payload').value"))


def code_in_screenshot(driver: Any, save_to: Path | None = None) -> str:
    """The QR text read by the counter's decoder (zxing-cpp) from a screenshot of the drawn code."""
    png = driver.find_element("id", "qr").screenshot_as_png
    if save_to is not None:
        save_to.write_bytes(png)
    found = decoder_for("zxing").decode(Image.open(io.BytesIO(png)))
    assert len(found) == 1, "no QR code found in the screenshot"
    return found[0]
