"""Real Chromium, touch only: a support-plan session through the opening, the topic mat and
the client's top three, with axe-core, 44 px targets and 320 px reflow on the mat.

Skips with the reason when Chromium or chromedriver is not installed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.chromium import chromium, missing
from tests.web.conftest import Served, start_server, stop_server
from tests.web.test_browser import check_page
from tests.web.walk import Walk, exists, find, kind_of

REASON = missing()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(REASON is not None, reason=REASON or ""),
]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Served]:
    served = start_server(tmp_path / "data")
    yield served
    stop_server(served)


@pytest.fixture
def driver(tmp_path: Path) -> Iterator[Any]:
    with chromium(tmp_path / "profile", tmp_path / "downloads") as browser:
        yield browser


def cards(driver: Any, place: str) -> list[str]:
    return list(
        driver.execute_script(
            "return [...document.querySelectorAll(arguments[0])].map(c => c.id.slice(5));",
            f".mat-{place} .mat-card",
        )
    )


def announced(driver: Any) -> str:
    for _ in range(50):
        words = str(driver.execute_script("return document.getElementById('announce').textContent"))
        if words:
            return words
        time.sleep(0.02)
    return ""


def test_a_support_plan_by_touch_through_the_opening_the_mat_and_the_top_three(
    server: Served, driver: Any, tmp_path: Path
) -> None:
    problems: dict[str, list[Any]] = {}
    kinds: list[str] = []

    def visit(browser: Any, kind: str) -> None:
        if kind in ("mat", "important", "step-open") and kind not in kinds:
            check_page(browser, kind, problems)
        kinds.append(kind)

    walk = Walk(driver, server.url, "fi", visit)
    walk.start(dialogue="support-plan")
    walk.who(ways=("speech", "talking_mat"))
    assert kinds[-1] == "step-say"  # straight into the opening, no theme picker first
    walk.opening()
    themes = driver.execute_script(
        "return [...document.querySelectorAll('button[name=theme]')].map(b => b.value)"
    )
    assert "opening" not in themes and "closing" not in themes and "likes" in themes
    # the client picks "What I like": four like / not sure / don't like questions
    walk.tap('button[name="theme"][value="likes"]')
    intro = find(driver, "#question .intro").text
    assert intro == "Nyt puhumme siitä, mistä pidät."
    for value in ("like", "unsure", "dislike", "like"):
        walk.tap(f'button[name="choice"][value="{value}"]')
    assert kind_of(driver) == "mat"
    assert cards(driver, "like") == ["likes-music", "likes-crowds"]
    # move "music" under "I do not like it": the card keeps the focus, its place is said
    walk.tap('#card-likes-music button[value="dislike"]')
    assert cards(driver, "dislike") == ["likes-music", "likes-cooking"]
    assert driver.execute_script("return document.activeElement.id") == "card-likes-music"
    assert announced(driver) == "Musiikki: En pidä."
    # set one aside, then confirm the mat: the conversation goes on
    walk.tap('#card-likes-crowds button[value="aside"]')
    assert cards(driver, "aside") == ["likes-crowds"]
    walk.tap('#card-likes-outdoors button[value="like"]')
    walk.tap('#card-likes-cooking button[value="like"]')
    assert cards(driver, "like") == ["likes-outdoors", "likes-cooking"]
    walk.tap("#mat-confirm")
    assert kind_of(driver) == "step-text"
    walk.answer()
    # the read-back of what was said, then the client's top three
    walk.tap('.helpers a[href$="/themes"]')
    walk.tap('form[action$="/readback"] button')
    while kind_of(driver) == "readback":
        walk.tap('button[value="all_right"]')
    assert kind_of(driver) == "important"
    boxes = driver.execute_script(
        "return [...document.querySelectorAll('input[name=important]')].map(b => b.value)"
    )
    assert "likes-outdoors" in boxes and "likes-music" not in boxes  # moved off "I like it"
    for number in (1, 2, 3, 4):  # a fourth tick is taken back, and the page says why
        walk.tap(f"#important-{number}", navigates=False)
    ticked = driver.execute_script(
        "return [...document.querySelectorAll('input[name=important]:checked')].length"
    )
    assert ticked == 3 and exists(driver, ".too-many:not([hidden])")
    walk.tap('button[value="ready"]')
    assert kind_of(driver) == "consent"
    walk.tap("#audience-caseworker", navigates=False)
    walk.tap('button[value="ready"]')
    # the one-page profile as a PDF/A download
    walk.tap("#profile-format-pdf", navigates=False)
    walk.tap("#export-profile", navigates=False)
    deadline = time.monotonic() + 30
    found: list[Path] = []
    while time.monotonic() < deadline and not found:
        found = [p for p in (tmp_path / "downloads").glob("*.pdf")]
        time.sleep(0.1)
    assert found and found[0].read_bytes().startswith(b"%PDF-")
    assert {"mat", "important"} <= set(kinds)
    assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())
