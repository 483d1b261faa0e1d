"""The resident page for everyone: axe-core finds no violation (labels, AA contrast, names, roles)
on each of its screens and languages, and at 320 CSS px wide (a phone at 200 % zoom) nothing needs
sideways scrolling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kakanai.web import build
from tests.web.browser import chromium
from tests.web.resident import open_page

AXE = (Path(build.__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")


def Select(element: Any) -> Any:  # selenium's name; imported only where the browser is
    from selenium.webdriver.support.select import Select as _Select

    return _Select(element)


def _violations(driver: Any) -> list[str]:
    driver.execute_script(AXE)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
        "v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))));")
    return list(result)


@pytest.mark.parametrize("lang", ["ja", "ja-easy", "en", "zh", "ko", "vi", "pt"])
def test_no_violation_on_any_screen(browser: Any, built_page: Path, lang: str) -> None:
    open_page(browser, built_page, lang)
    browser.find_element("id", "event-move_in").click()
    browser.find_element("id", "add-member").click()
    # every section shown: a foreign resident's generated fields, a notifier from outside, the bank
    Select(browser.find_element("id", "m1-nationality")).select_by_value("VN")
    Select(browser.find_element("id", "notifier")).select_by_value("other")
    browser.find_element("id", "old-abroad").click()
    assert browser.find_element("id", "m1-residence-card").is_displayed()
    assert browser.find_element("id", "n-family").is_displayed() and browser.find_element("id", "bank-bank").is_displayed()
    assert _violations(browser) == []
    browser.find_element("id", "check").click()  # an empty form: every error shown and linked
    assert browser.find_element("id", "errors").is_displayed()
    assert _violations(browser) == []
    open_page(browser, built_page, lang, "demo")
    assert browser.find_element("id", "code").is_displayed()
    assert _violations(browser) == []
    browser.find_element("id", "back-to-summary").click()
    assert _violations(browser) == []


@pytest.mark.parametrize("event", ["death", "marriage", "birth"])
def test_no_violation_in_the_facts_generated_from_the_model(browser: Any, built_page: Path, event: str) -> None:
    """The fieldsets the page makes from the household model (a death's time and funeral, a marriage's
    surname, the claimant, a newborn's time of birth …) are labelled and reachable like the rest."""
    open_page(browser, built_page, "en")
    browser.find_element("id", f"event-{event}").click()
    browser.find_element("id", "add-member").click()
    browser.find_element("id", "m1-subject").click()
    if event == "marriage":
        browser.find_element("id", "m0-subject").click()
    generated = browser.find_elements("css selector", "#f-death, #f-marriage, #f-child_allowance, [id^='m1-birth_']")
    assert any(e.is_displayed() for e in generated)
    assert _violations(browser) == []
    browser.find_element("id", "check").click()
    assert _violations(browser) == []


def test_it_reflows_at_320_css_pixels(built_page: Path) -> None:
    with chromium(size=(320, 640)) as driver:
        open_page(driver, built_page, "pt")
        driver.find_element("id", "event-move_in").click()
        Select(driver.find_element("id", "notifier")).select_by_value("other")
        Select(driver.find_element("id", "m0-nationality")).select_by_value("BR")
        driver.find_element("id", "check").click()
        wide = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0
        open_page(driver, built_page, "pt", "demo")
        assert driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_the_check_itself_can_fail(browser: Any, built_page: Path) -> None:
    open_page(browser, built_page, "ja")
    browser.execute_script("document.querySelector('main').append(Object.assign("
                           "document.createElement('input'), {id: 'unlabelled'}))")
    assert any(v.startswith("label: #unlabelled") for v in _violations(browser))


# every shown dropdown set to its longest choice; for each: its text, whether the closed dropdown cuts
# it (by how many px the text, measured in a span of the dropdown's font, is wider than the dropdown
# less its padding and arrow), the whole-choice line under it, if shown, and whether that line fits
_LONGEST_CHOICES = """
var out = [];
document.querySelectorAll('main select').forEach(function (s) {
  if (!s.getClientRects().length) { return; }
  var best = 0;
  Array.from(s.options).forEach(function (o, i) { if (o.text.length > s.options[best].text.length) { best = i; } });
  s.selectedIndex = best;
  s.dispatchEvent(new Event('change', {bubbles: true}));
});
document.querySelectorAll('main select').forEach(function (s) {
  if (!s.getClientRects().length || s.value === '') { return; }
  var style = getComputedStyle(s), span = document.createElement('span');
  span.style.cssText = 'position:absolute;white-space:nowrap;visibility:hidden;font:' + style.font;
  span.textContent = s.options[s.selectedIndex].text;
  document.body.append(span);
  var room = s.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
  var note = s.nextElementSibling, shown = note && note.classList.contains('whole') && note.getClientRects().length;
  out.push([s.id, span.textContent, span.getBoundingClientRect().width - room, shown ? note.textContent : null,
            shown ? note.scrollWidth <= note.clientWidth : null]);
  span.remove();
});
return out;
"""


@pytest.mark.parametrize("lang", ["ja", "en", "pt"])
def test_a_choice_a_closed_dropdown_cuts_is_shown_whole_at_320_px(built_page: Path, lang: str) -> None:
    with chromium(size=(320, 640)) as driver:
        open_page(driver, built_page, lang)
        driver.find_element("id", "event-move_in").click()
        Select(driver.find_element("id", "m0-nationality")).select_by_value("VN")
        rows = driver.execute_script(_LONGEST_CHOICES)
        cut = [row for row in rows if row[2] > 0]
        assert cut, "nothing is cut at 320 px: the check would prove nothing"
        for select_id, text, _, whole, fits in cut:
            assert whole == text and fits, (select_id, text, whole)
        # a choice that clearly fits is not written twice
        assert all(row[3] is None for row in rows if row[2] < -12), [row for row in rows if row[2] < -12]
