"""Hostile text in answers and aliases: shown literally, stored verbatim, no crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from assistant.session import Sessions
from assistant.ui.widgets.text import plain
from tests.ui.helpers import SIZE, current_id, make_app, stored, to_conversation

HOSTILE = [
    "[bold]big[/] [/]",
    "\x1b[31mred\x1b[0m \x1b]0;title\x07",
    "😀👩‍👩‍👧 🇫🇮",
    "שלום עולם مرحبا",
    "x" * 10_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=["markup", "ansi", "emoji", "rtl", "long"])
async def test_hostile_answer_and_alias(tmp_path: Path, text: str) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot, client="X", helper=None)
        await pilot.press("enter")
        await pilot.pause()
        assert current_id(app) == "name"
        app.screen.query_one("#words", Input).value = text  # as if pasted
        await pilot.press("enter")
        await pilot.pause()
        assert current_id(app) == "mood"
        await pilot.press("escape")  # shown again, filled in
        await pilot.pause()
        assert app.screen.query_one("#words", Input).value == text
    answer = stored(tmp_path).steps["name"].current
    assert answer is not None and answer.answer.text == text


async def test_hostile_alias_in_the_session_list(tmp_path: Path) -> None:
    service = Sessions(tmp_path / "data", "example")
    for text in HOSTILE:
        session = service.create(text, "fi")
        session.start_meeting([])
        session.close()
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert type(app.screen).__name__ == "SessionsScreen"
    assert sorted(s.alias for s in service.summaries()) == sorted(HOSTILE)


def test_plain_keeps_markup_literal() -> None:
    assert plain("[bold]x[/]").plain == "[bold]x[/]"
    assert "\x1b" not in plain("\x1b[31mred").plain
