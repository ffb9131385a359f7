"""One click does one thing on every screen: Back goes one step, Help opens one window,
Read aloud starts one speech, Break takes one break (a click used to run the action twice)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from assistant.settings import Settings
from assistant.ui.app import HaaveApp
from tests.ui.helpers import SIZE, current_id, screen_name, to_conversation, type_text


def app_with_speech_log(tmp_path: Path) -> tuple[HaaveApp, Path]:
    """An app whose read-aloud program writes one line per time it is started."""
    log = tmp_path / "spoken.log"
    script = tmp_path / "speak.py"
    script.write_text(
        f"import sys\nwith open({str(log)!r}, 'a') as f:\n    f.write('spoken\\n')\n",
        encoding="utf-8",
    )
    settings = Settings(language="fi", speech_command=f"{sys.executable} {script} {{text}}")
    app = HaaveApp(data_dir=str(tmp_path / "data"), dialogue="example", settings=settings)
    return app, log


async def spoken_times(app: HaaveApp, log: Path, pilot: Pilot[Any]) -> int:
    for _ in range(50):  # the program runs on its own: wait for it to end
        if app._speaker is None or not app._speaker.speaking:
            break
        await pilot.pause(0.05)
    return len(log.read_text().splitlines()) if log.exists() else 0


async def click_help_read_and_check(
    app: HaaveApp, log: Path, pilot: Pilot[Any], where: str
) -> None:
    depth = len(app.screen_stack)
    await pilot.click("#action-help")
    await pilot.pause()
    assert len(app.screen_stack) == depth + 1, f"{where}: Help opened more than one window"
    assert screen_name(app) == "HelpScreen"
    await pilot.click("#close")
    await pilot.pause()
    assert len(app.screen_stack) == depth
    before = await spoken_times(app, log, pilot)
    await pilot.click("#action-read")
    await pilot.pause()
    assert await spoken_times(app, log, pilot) == before + 1, f"{where}: read more than once"


async def test_one_click_is_one_action_on_every_screen(tmp_path: Path) -> None:
    app, log = app_with_speech_log(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await click_help_read_and_check(app, log, pilot, "language")
        await pilot.press("1")
        await pilot.pause()
        await click_help_read_and_check(app, log, pilot, "sessions")
        await pilot.press("1")
        await pilot.pause()
        await click_help_read_and_check(app, log, pilot, "who")
        await pilot.click("#client-name")  # a tap on the box, then the name
        await type_text(pilot, "Maija")
        await pilot.click("#go-on")
        await pilot.pause()
        assert screen_name(app) == "ThemesScreen"
        await click_help_read_and_check(app, log, pilot, "themes")
        await pilot.press("1")
        await pilot.pause()
        await click_help_read_and_check(app, log, pilot, "conversation")
        await pilot.click("#go-on")
        await pilot.click("#words")
        await type_text(pilot, "Maija")
        await pilot.click("#ready")
        await pilot.pause()
        assert current_id(app) == "mood"
        await pilot.click("#skip-dont_know")
        await pilot.pause()
        assert current_id(app) == "hobbies"  # one step on, not two
        await pilot.click("#action-back")
        await pilot.pause()
        assert current_id(app) == "mood"  # one step back, not two
        # a second tap on the same button within 0.2 s counts as the same tap (Textual's
        # "active" effect): a shaking hand does not go back twice; wait like a person
        await pilot.pause(0.3)
        await pilot.click("#action-back")
        await pilot.pause()
        assert current_id(app) == "name"
        await pilot.click("#action-break")
        await pilot.pause()
        assert screen_name(app) == "BreakScreen" and len(app.screen_stack) == 2
        await click_help_read_and_check(app, log, pilot, "break")


async def test_every_supporter_tool_by_touch(tmp_path: Path) -> None:
    app, _log = app_with_speech_log(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot)
        await pilot.click("#go-on")
        await pilot.pause()
        seen = []
        for tool in range(6):
            await pilot.click("#tools")
            await pilot.pause()
            assert screen_name(app) == "PickScreen"
            await pilot.press(str(tool + 1))
            await pilot.pause()
            seen.append(screen_name(app))
            if screen_name(app) in ("AnsweringScreen", "NoteScreen", "LanguageScreen"):
                await pilot.press("escape")
                await pilot.pause()
            elif screen_name(app) == "ThemesScreen":
                await pilot.press("1")  # in order: back to the question
                await pilot.pause()
        assert app.theme == "haave-high-contrast"  # colours, by touch
        assert app.session is not None and app.session.preferences.high_contrast
    assert seen == [
        "AnsweringScreen",
        "NoteScreen",
        "ConversationScreen",  # the tip is shown on the step
        "ThemesScreen",
        "LanguageScreen",
        "ConversationScreen",
    ]


@pytest.mark.parametrize("lang", ["fi", "sv"])
async def test_a_remapped_key_shows_its_new_name(tmp_path: Path, lang: str) -> None:
    settings = Settings(language=lang, keymap={"haave.read_aloud": "f12", "haave.back": "ctrl+b"})
    app = HaaveApp(data_dir=str(tmp_path / "data"), dialogue="example", settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        read = str(app.screen.query_one("#action-read").render())
        assert "(F12)" in read and "(F5)" not in read
        await pilot.press("1")
        await pilot.pause()
        assert "(Ctrl+B)" in str(app.screen.query_one("#action-back").render())
        await pilot.press("f1")
        await pilot.pause()
        keys = str(app.screen.query_one("#help-keys").render())
        assert "F12:" in keys and "Ctrl+B:" in keys and "F5:" not in keys
