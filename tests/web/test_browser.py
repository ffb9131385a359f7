"""Real Chromium, touch only, against a real `haave serve` on loopback.

A whole short session in Finnish and in Swedish by taps (text through the on-screen keyboard's
path); axe-core with the WCAG 2.1 A/AA rules on every kind of page, in the default and the
strong-colour look, and under the device's own contrast wishes (more contrast, forced
colours); every control at least 44 x 44 CSS px; no sideways scrolling at 320 x 640;
read aloud in the session's language; drafts that survive a reload.
Skips with the reason when Chromium or chromedriver is not installed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.chromium import (
    TABLET,
    ZOOM_400,
    chromium,
    horizontal_overflow,
    missing,
    run_axe,
    small_targets,
    tap,
    type_text,
    viewport,
)
from tests.web.conftest import Served, start_server, stop_server
from tests.web.walk import Walk, find, kind_of

REASON = missing()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(REASON is not None, reason=REASON or ""),
]

VIEW_WORDS = {"fi": "Eero: oma näkemys", "sv": "Eero: egen åsikt"}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Served]:
    served = start_server(tmp_path / "data")
    yield served
    stop_server(served)


@pytest.fixture
def driver(tmp_path: Path) -> Iterator[Any]:
    with chromium(tmp_path / "profile", tmp_path / "downloads") as browser:
        yield browser


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_whole_session_by_touch(lang: str, server: Served, driver: Any, tmp_path: Path) -> None:
    pages: list[tuple[str, str]] = []

    def visit(browser: Any, kind: str) -> None:
        html_lang = browser.execute_script("return document.documentElement.lang")
        pages.append((kind, html_lang))
        if not kind.startswith("step-"):
            return
        if browser.execute_script("return document.body.classList.contains('answering-view')"):
            assert VIEW_WORDS[lang] in browser.find_element("css selector", ".answering").text
        # focus on the new question, and the polite live region announces it
        focused = browser.execute_script("return document.activeElement.id")
        assert focused in ("question", "error-summary"), (kind, focused)
        wanted = browser.execute_script("return document.body.dataset.announce")
        for _ in range(50):
            if browser.execute_script("return document.getElementById('announce').textContent"):
                break
            time.sleep(0.02)
        assert browser.execute_script("return document.getElementById('announce').textContent") in (
            wanted,
            browser.execute_script("return document.body.dataset.draftBack"),
        )

    walk = Walk(driver, server.url, lang, visit)
    walk.start()
    walk.who()
    walk.converse(features=True)
    saved = walk.finish(tmp_path / "downloads")
    assert saved is not None and saved.suffix == ".html"
    assert "Piirrän ja laulan" in saved.read_text(encoding="utf-8")
    kinds = {kind for kind, _ in pages}
    assert {"who", "themes", "step-say", "step-text", "step-multi", "break", "readback"} <= kinds
    assert {"consent", "export"} <= kinds
    tag = {"fi": "fi-FI", "sv": "sv-FI"}[lang]
    assert all(found == tag for kind, found in pages if kind != "language"), pages


def check_page(browser: Any, kind: str, problems: dict[str, list[Any]]) -> None:
    """axe-core in both looks, 44 px targets on a tablet and at 320 px, no sideways scroll at
    320 px, 200 % text with WCAG 1.4.12's spacing, and the main button's symbols on their
    plate: what is wrong goes to `problems`."""
    for look in ("default", "contrast"):
        browser.execute_script(
            "document.documentElement.classList.toggle('contrast', arguments[0])",
            look == "contrast",
        )
        found = run_axe(browser)
        if found:
            problems[f"{kind} ({look}): axe"] = found
    browser.execute_script("document.documentElement.classList.remove('contrast')")
    # dark-outlined symbols on the dark main button keep their light plate
    dark = browser.execute_script(SYMBOLS_WITHOUT_PLATE, ".button.primary .symbol img")
    if dark:
        problems[f"{kind}: symbols lost on the main button"] = dark
    small = small_targets(browser)
    if small:
        problems[f"{kind}: small targets"] = small
    viewport(browser, *ZOOM_400)
    overflow = horizontal_overflow(browser)
    small = small_targets(browser)
    viewport(browser, *TABLET)
    # 200 % text with WCAG 1.4.12's text spacing on a tablet: nothing sideways, nothing cut
    browser.execute_script(TEXT_SPACING_ON)
    spaced = horizontal_overflow(browser)
    cut = browser.execute_script(CUT_WORDS)
    browser.execute_script(TEXT_SPACING_OFF)
    if spaced > 0 or cut:
        problems[f"{kind}: 200 % text with spacing"] = [spaced, *cut]
    if overflow > 0:
        problems[f"{kind}: scrolls sideways at 320 px"] = [overflow]
    if small:
        problems[f"{kind}: small targets at 320 px"] = small


def test_every_kind_of_page_passes_axe_fits_touch_and_reflows(server: Served, driver: Any) -> None:
    problems: dict[str, list[Any]] = {}
    checked: set[str] = set()

    def visit(browser: Any, kind: str) -> None:
        if kind not in checked:
            checked.add(kind)
            check_page(browser, kind, problems)

    walk = Walk(driver, server.url, "fi", visit)
    walk.start()
    walk.who()
    walk.tap('.helpers a[href*="/ways"]')  # the helpers' page: how the view is heard
    walk.tap('button[value="ways"]')
    walk.converse(features=True)
    walk.finish()
    for extra in ("/about?lang=fi", "/s/no-such-session/"):
        driver.get(server.url + extra)
        visit(driver, kind_of(driver) if "about" in extra else "problem")
    expected = {"language", "sessions", "new", "who", "themes", "step-say", "step-text"}
    expected |= {"step-multi", "step-scale", "break", "end", "readback", "consent", "export"}
    expected |= {"step-open", "ways", "important"}
    assert expected <= checked, checked
    assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_read_aloud_speaks_each_new_step_in_the_session_language(
    server: Served, driver: Any
) -> None:
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SPEECH_STUB})
    walk = Walk(driver, server.url, "fi")
    walk.start()
    walk.who()
    walk.tap('button[value="read_aloud"]')  # the client's preference: read each new step
    before = len(driver.execute_script("return window.__spoken")) - 1
    for count in range(1, 5):
        spoken = driver.execute_script("return window.__spoken")
        shown = find(driver, "#read-aloud").get_attribute("data-text")
        assert len(spoken) == before + count, spoken  # each new step once, by itself
        assert spoken[-1] == {"text": shown, "lang": "fi-FI", "voice": "fi-FI"}
        walk.answer()
    assert kind_of(driver) == "themes"  # the opening is over
    walk.answer()  # in order: a question again
    walk.tap('button[name="language"][value="sv"]')
    spoken = driver.execute_script("return window.__spoken")
    assert spoken and spoken[-1]["lang"] == "sv-SE"
    # a device with no voice of the language: the server's WAV plays in an <audio> element
    driver.execute_script("window.__voices = [];")
    tap(driver, find(driver, "#read-aloud"))
    driver.implicitly_wait(2)
    source = find(driver, "#speech-audio").get_attribute("src")
    assert source.endswith(".wav")
    mime = driver.execute_async_script(
        "const done = arguments[0];"
        "fetch(document.getElementById('speech-audio').src)"
        ".then(r => r.arrayBuffer().then(b => done([r.status, r.headers.get('content-type'),"
        " String.fromCharCode(...new Uint8Array(b.slice(0, 4)))])))"
    )
    assert mime[0] in (200, 503)
    if mime[0] == 200:  # espeak-ng is installed
        assert mime[1] == "audio/wav" and mime[2] == "RIFF"


@pytest.mark.parametrize("wish", [("prefers-contrast", "more"), ("forced-colors", "active")])
def test_the_devices_contrast_wish_keeps_every_page_readable_and_every_choice_visible(
    wish: tuple[str, str], server: Served, driver: Any
) -> None:
    """A device set to more contrast, or to a forced-colours theme (Windows contrast themes
    replace every colour and background): axe passes, a chosen box or radio is marked by
    more than a colour the theme may take away (a thicker border and a visible mark), and
    the symbols keep the light plate their dark outlines need."""
    name, value = wish
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"media": "", "features": [{"name": name, "value": value}]}
    )
    problems: dict[str, list[Any]] = {}
    checked: set[str] = set()

    def visit(browser: Any, kind: str) -> None:
        assert browser.execute_script(f"return matchMedia('({name}: {value})').matches")
        if kind in checked:
            return
        checked.add(kind)
        violations = run_axe(browser)
        if violations:
            problems[f"{kind}: axe"] = violations
        unseen = browser.execute_script(CHOSEN_MARKS)
        if unseen:
            problems[f"{kind}: a chosen tile not marked"] = unseen
        if name == "forced-colors":  # dark-outlined drawings keep their light plate
            bare = browser.execute_script(SYMBOLS_WITHOUT_PLATE, ".symbol img")
            if bare:
                problems[f"{kind}: symbols a dark theme would hide"] = bare

    walk = Walk(driver, server.url, "fi", visit)
    walk.start()
    walk.who()
    walk.converse(features=False)
    walk.finish()
    assert {"who", "step-multi", "consent", "export"} <= checked, checked
    assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())
    if name == "prefers-contrast":  # the page's own answer to the wish: black text
        assert driver.execute_script("return getComputedStyle(document.body).color") == (
            "rgb(0, 0, 0)"
        )


def test_own_words_survive_a_reload(server: Served, driver: Any) -> None:
    walk = Walk(driver, server.url, "fi")
    walk.start()
    walk.who()
    while kind_of(driver) != "step-text":
        walk.answer()
    type_text(driver, find(driver, "#words"), "Puolikas vastaus")
    driver.execute_script("document.dispatchEvent(new Event('visibilitychange'))")
    driver.execute_script("window.dispatchEvent(new Event('pagehide'))")
    driver.refresh()
    assert find(driver, "#words").get_attribute("value") == "Puolikas vastaus"
    walk.tap('button[value="ready"]')
    walk.tap('button[value="back"]')  # the saved answer is shown, the draft is gone
    assert find(driver, "#words").get_attribute("value") == "Puolikas vastaus"
    keys = driver.execute_script("return Object.keys(sessionStorage)")
    assert not [k for k in keys if k.startswith("haave:draft:")], keys


#: WCAG 1.4.12's spacing and 200 % text, through the CSSOM (the CSP refuses a <style> element).
TEXT_SPACING_ON = """
const sheet = document.styleSheets[0];
sheet.insertRule('* { line-height: 1.5 !important; letter-spacing: 0.12em !important;'
  + ' word-spacing: 0.16em !important; }', sheet.cssRules.length);
sheet.insertRule('p { margin-bottom: 2em !important; }', sheet.cssRules.length);
document.documentElement.style.fontSize = '250%';
const spacing = getComputedStyle(document.body).letterSpacing;
if (!spacing || spacing === 'normal' || spacing === '0px') throw new Error('no text spacing');
"""
TEXT_SPACING_OFF = """
const sheet = document.styleSheets[0];
sheet.deleteRule(sheet.cssRules.length - 1);
sheet.deleteRule(sheet.cssRules.length - 1);
document.documentElement.style.fontSize = '';
"""
#: Controls whose words do not fit their box (cut or hidden).
CUT_WORDS = """
const out = [];
for (const el of document.querySelectorAll('button, a.button, a.tile, label, summary')) {
  if (el.getClientRects().length === 0) continue;
  if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
    out.push(el.tagName + ': ' + el.textContent.trim().slice(0, 30));
  }
}
return out;
"""

#: A speech engine that records what it is asked to say, with voices for our languages.
SPEECH_STUB = """
window.__spoken = [];
window.__voices = [
  {lang: 'fi-FI', name: 'Finnish', voiceURI: 'fi'},
  {lang: 'sv-SE', name: 'Swedish', voiceURI: 'sv'},
  {lang: 'en-GB', name: 'English', voiceURI: 'en'},
];
class FakeUtterance { constructor(text) { this.text = text; this.lang = ''; this.voice = null; } }
const fake = {
  getVoices: () => window.__voices,
  speak: (u) => window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.lang}),
  cancel: () => {},
  addEventListener: () => {},
};
Object.defineProperty(window, 'speechSynthesis', {value: fake, configurable: true});
Object.defineProperty(
  window, 'SpeechSynthesisUtterance', {value: FakeUtterance, configurable: true});
"""

#: Each box and radio tile, chosen for a moment (no event: nothing is sent), must show it by
#: a 4 px border and a mark drawn in a colour other than the box's own background.
CHOSEN_MARKS = """
const out = [];
for (const input of document.querySelectorAll('.check-tile input, .radio-tile input')) {
  const label = input.nextElementSibling;
  const box = label && label.querySelector('.box');
  if (!box || label.getClientRects().length === 0) continue;
  const was = input.checked;
  input.checked = true;
  const mark = getComputedStyle(box, '::after');
  const drawn = input.type === 'checkbox'
    ? mark.content.includes('✓') && mark.color !== getComputedStyle(box).backgroundColor
    : mark.backgroundColor !== getComputedStyle(box).backgroundColor && mark.width !== '0px';
  const border = parseFloat(getComputedStyle(label).borderTopWidth);
  input.checked = was;
  if (!drawn || border < 4) out.push(`${input.id}: mark ${drawn}, border ${border}px`);
}
return out;
"""

#: The symbols' drawings (of the elements `arguments[0]` selects) shown with no light plate.
SYMBOLS_WITHOUT_PLATE = """
return [...document.querySelectorAll(arguments[0])]
  .filter(img => img.getClientRects().length > 0)
  .filter(img => getComputedStyle(img).backgroundColor !== 'rgb(255, 255, 255)')
  .map(img => img.getAttribute('src').slice(0, 40));
"""
