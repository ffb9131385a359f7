"""Snapshots of each screen in Finnish, and the conversation in sv, en and high contrast.

Update after a deliberate change with `pytest tests/ui/test_snapshots.py --snapshot-update`
and look at `snapshot_report.html` before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from assistant.settings import Settings
from tests.ui.helpers import SIZE, make_app, to_mood, type_text

Steps = Callable[[Pilot[Any]], Awaitable[None]]


async def language(pilot: Pilot[Any]) -> None:
    await pilot.pause()


async def sessions(pilot: Pilot[Any]) -> None:
    await pilot.press("1")
    await pilot.pause()


async def who(pilot: Pilot[Any]) -> None:
    await pilot.press("1")
    await pilot.pause()
    await pilot.press("1")
    await pilot.pause()
    await type_text(pilot, "Maija")
    await pilot.press("enter")
    await type_text(pilot, "Anna")
    await pilot.press("enter", "enter")
    await pilot.pause()
    await pilot.press("tab")  # off the text box: no blinking caret in the picture


async def themes(pilot: Pilot[Any]) -> None:
    await who(pilot)
    await pilot.press("f9")
    await pilot.pause()


def conversation_in(lang: str) -> Steps:
    async def steps(pilot: Pilot[Any]) -> None:
        await to_mood(pilot, lang)

    return steps


async def multi_choice(pilot: Pilot[Any]) -> None:
    await conversation_in("fi")(pilot)
    await pilot.press("1")
    await pilot.pause()
    await pilot.press("1", "3")
    await pilot.pause()


async def supporter_view(pilot: Pilot[Any]) -> None:
    await conversation_in("fi")(pilot)
    await pilot.press("f3")
    await pilot.pause()
    await pilot.press("3", "ctrl+t")
    await pilot.pause()


async def help_modal(pilot: Pilot[Any]) -> None:
    await conversation_in("fi")(pilot)
    await pilot.press("f1")
    await pilot.pause()


async def pause_screen(pilot: Pilot[Any]) -> None:
    await conversation_in("fi")(pilot)
    await pilot.press("f10")
    await pilot.pause()


async def readback(pilot: Pilot[Any]) -> None:
    await conversation_in("fi")(pilot)
    for key in ("1", "f7", "f9", "f7"):
        await pilot.press(key)
        await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def export(pilot: Pilot[Any]) -> None:
    await readback(pilot)
    for _ in range(8):  # "All right" on each theme's read-back
        if type(pilot.app.screen).__name__ != "ReadbackScreen":
            break
        await pilot.click("#all-right")
        await pilot.pause()


async def tools(pilot: Pilot[Any]) -> None:
    await conversation_in("fi")(pilot)
    await pilot.click("#tools")
    await pilot.pause()


CASES: dict[str, tuple[Steps, str] | tuple[Steps, str, tuple[int, int]]] = {
    "fi_language": (language, "haave"),
    "fi_sessions": (sessions, "haave"),
    "fi_who": (who, "haave"),
    "fi_themes": (themes, "haave"),
    "fi_conversation": (conversation_in("fi"), "haave"),
    "fi_multi_choice": (multi_choice, "haave"),
    "fi_supporter_view": (supporter_view, "haave"),
    "fi_help": (help_modal, "haave"),
    "fi_break": (pause_screen, "haave"),
    "fi_readback": (readback, "haave"),
    "fi_export": (export, "haave"),
    "sv_conversation": (conversation_in("sv"), "haave"),
    "en_conversation": (conversation_in("en"), "haave"),
    "fi_conversation_high_contrast": (conversation_in("fi"), "haave-high-contrast"),
    "fi_tools": (tools, "haave"),
    # a zoomed terminal: buttons stack, labels wrap, the rest scrolls
    "fi_conversation_32x16": (conversation_in("fi"), "haave", (32, 16)),
    "fi_readback_32x16": (readback, "haave", (32, 16)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_snapshot(case: str, snap_compare: Any, tmp_path: Path) -> None:
    steps, theme, *size = CASES[case]
    app = make_app(tmp_path, settings=Settings(language="fi", theme=theme))
    assert snap_compare(app, terminal_size=size[0] if size else SIZE, run_before=steps)
