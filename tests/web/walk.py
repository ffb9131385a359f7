"""A whole short session by touch in real Chromium: the path the browser tests, the
screenshots and the bench share. Elements are found by what they do (names, values, ids),
never by their words, so one walk serves every language."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.web.chromium import tap, type_text

Visit = Callable[[Any, str], None]


def find(driver: Any, css: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, css)


def exists(driver: Any, css: str) -> bool:
    from selenium.webdriver.common.by import By

    return bool(driver.find_elements(By.CSS_SELECTOR, css))


def kind_of(driver: Any) -> str:
    """The kind of page shown: for axe, screenshots and the walk."""
    path = driver.execute_script("return location.pathname")
    body = driver.execute_script("return document.body.className")
    if "open-first" in body.split():
        return "step-open"  # "own words first": asked openly, the choices hidden
    for kind in ("say", "text", "multi", "choice", "yes-no", "scale"):
        if f"kind-{kind}" in body.split():
            return f"step-{kind}"
    parts = [p for p in path.split("/") if p]
    if not parts:
        return "language"
    if parts[0] == "s":
        return parts[2] if len(parts) > 2 else "session"
    if parts[0] in ("about", "sign-in"):
        return parts[0]
    return "sessions" if len(parts) == 1 else parts[1]


class Walk:
    """One session walked by touch; `visit(driver, kind)` is called on every page."""

    def __init__(self, driver: Any, url: str, lang: str, visit: Visit | None = None) -> None:
        self.driver = driver
        self.url = url
        self.lang = lang
        self.visit = visit or (lambda _d, _k: None)
        self.taps = 0

    def seen(self) -> None:
        self.visit(self.driver, kind_of(self.driver))

    def tap(self, css: str, navigates: bool = True) -> None:
        tap(self.driver, find(self.driver, css), navigates=navigates)
        self.taps += 1
        if navigates:
            self.seen()

    def start(self, alias: str = "Aino", dialogue: str = "first-meeting") -> None:
        self.driver.get(self.url + "/")
        self.seen()
        self.tap(f'a.tile[href="/{self.lang}/"]')
        self.tap(f'a[href="/{self.lang}/new"]')
        type_text(self.driver, find(self.driver, "#alias"), alias)
        self.tap(f'input[name="dialogue"][value="{dialogue}"]', navigates=False)
        self.tap("form.step-form button.primary")

    def who(self, helper: str = "Eero", ways: tuple[str, ...] = ("speech",)) -> None:
        """Who is here, and (in the helpers' box) how the client's view is heard; then
        straight into the opening."""
        type_text(self.driver, find(self.driver, "#name"), helper)
        self.tap("#role-experience_expert", navigates=False)
        self.tap('.who-add button[value="add"]')
        for way in ways:
            self.tap(f"#way-{way}", navigates=False)
        self.tap('button[value="go_on"]')

    def opening(self) -> None:
        """The opening's screens, up to the theme picker."""
        for _ in range(10):
            if kind_of(self.driver) == "themes":
                return
            self.answer()
        raise AssertionError("the opening did not end")

    def answer(self) -> None:
        """Answer the step shown, the simple way for its kind."""
        kind = kind_of(self.driver)
        if kind == "themes":  # the theme picker (after the opening): in order
            self.tap('button[value="order"]')
        elif kind == "step-say":
            self.tap('button[value="go_on"]')
        elif kind == "step-open":  # asked openly: the words are the own-words choice
            type_text(self.driver, find(self.driver, "#words"), "Laulan kuorossa")
            self.tap('button[value="own_words"]')
        elif kind == "step-text":
            type_text(self.driver, find(self.driver, "#words"), "Piirrän ja laulan 🎵")
            self.tap('button[value="ready"]')
        elif kind == "step-multi":
            self.tap('input[name="choice"]', navigates=False)
            self.tap('button[value="ready"]')
        else:
            self.tap('button.tile[name="choice"]:not([data-own-words])')

    def as_view(self, person: str = "p2") -> None:
        """The helper's own view of this step, then back to the client."""
        self.tap(f'input[name="answering"][value="view:{person}"]', navigates=False)
        self.tap('button[value="answering"]')
        assert exists(self.driver, "body.answering-view")
        self.answer()  # kept beside the client's answer: the same step again
        self.tap('input[name="answering"][value="client"]', navigates=False)
        self.tap('button[value="answering"]')

    def note(self, words: str = "Puhui mielellään.") -> None:
        self.tap("details:has(#note) > summary", navigates=False)
        type_text(self.driver, find(self.driver, "#note"), words)
        self.tap('button[value="note"]')

    def jump_to_last_theme(self) -> None:
        self.tap('.helpers a[href$="/themes"]')
        buttons = self.driver.execute_script(
            "return document.querySelectorAll('button[name=theme]').length"
        )
        self.tap(f'li:nth-child({buttons}) button[name="theme"]')

    def take_break(self) -> None:
        self.tap('button[value="break"]')
        self.tap('button[value="open"]')
        self.tap('button[value="same"]')

    def converse(self, features: bool = True, limit: int = 80) -> None:
        """Every step to the end (the opening first, then the themes in order); with
        `features`, a view, a note, a jump (after the opening) and a break."""
        done: set[str] = set()
        for _ in range(limit):
            kind = kind_of(self.driver)
            if kind == "end":
                return
            if kind == "themes":
                self.tap('button[value="order"]')
                continue
            asks = exists(self.driver, 'button[name="skip"]')
            acts = {
                "view": self.as_view,
                "note": self.note,
                "jump": self.jump_to_last_theme,
                "break": self.take_break,
            }
            feature = next((f for f in acts if f not in done), None) if features else None
            if feature == "jump" and not exists(self.driver, '.helpers a[href$="/themes"]'):
                feature = None  # the theme picker comes after the opening
            if asks and feature is not None:
                done.add(feature)
                acts[feature]()
                continue
            self.answer()
        raise AssertionError("the conversation did not end")

    def mat(self) -> None:
        """A support-plan session after its opening: the "What I like" theme's cards, the
        topic mat (a move, a card set aside, confirmed), then its own-words question."""
        self.tap('button[name="theme"][value="likes"]')
        for value in ("like", "unsure", "dislike", "like"):
            self.tap(f'button[name="choice"][value="{value}"]')
        self.tap('#card-likes-music button[value="dislike"]')
        self.tap('#card-likes-crowds button[value="aside"]')
        self.tap("#mat-confirm")
        self.answer()

    def finish(self, downloads: Path | None = None) -> Path | None:
        """Read-back of every theme, consent, and the client's own copy as a download."""
        self.tap('form[action$="/readback"] button')
        while kind_of(self.driver) == "readback":
            self.tap('button[value="all_right"]')
        if kind_of(self.driver) == "important":  # the client's top three
            self.tap("#important-1", navigates=False)
            self.tap('button[value="ready"]')
        self.tap("#audience-caseworker", navigates=False)
        self.tap('button[value="ready"]')
        self.tap("#export-mine", navigates=False)
        if downloads is None:
            return None
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            files = [p for p in downloads.glob("*") if not p.name.endswith(".crdownload")]
            if files:
                return files[0]
            time.sleep(0.1)
        raise AssertionError("no file was downloaded")
