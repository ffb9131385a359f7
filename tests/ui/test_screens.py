"""Every screen at 80x24: nothing cut off, the action bar always in the same place."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button

from assistant.ui.screens.conversation import ConversationScreen
from tests.ui.helpers import SIZE, make_app, screen_name, to_conversation, type_text


def check_fits(app) -> None:  # type: ignore[no-untyped-def]
    width, height = SIZE
    for widget in app.screen.query("*"):
        if not widget.display or not widget.region:
            continue
        region = widget.region
        assert region.right <= width, f"{widget!r} is cut at the right"
        assert region.bottom <= height, f"{widget!r} is cut at the bottom"
    bars = list(app.screen.query("#action-bar"))
    if bars:
        assert bars[0].region.bottom == height  # always at the bottom


async def test_every_screen_fits_80x24(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    seen = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        check_fits(app)
        seen.append(screen_name(app))
        await to_conversation(pilot)
        check_fits(app)
        for key_steps in (["enter"], ["M", "enter"], ["1"], [], ["ctrl+t"]):
            await pilot.press(*key_steps)
            await pilot.pause()
            check_fits(app)
        assert isinstance(app.screen, ConversationScreen)
        for key in ("f1", "f3"):
            await pilot.press(key)
            await pilot.pause()
            seen.append(screen_name(app))
            check_fits(app)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.click("#tools")
        await pilot.pause()
        seen.append(screen_name(app))
        check_fits(app)
        await pilot.press("escape")
        await pilot.press("f4")
        await pilot.pause()
        seen.append(screen_name(app))
        check_fits(app)
        await pilot.press("1")
        await pilot.pause()
        for key in ("f7", "f7", "f7", "f7", "enter"):
            await pilot.press(key)
            await pilot.pause()
        seen.append(screen_name(app))
        check_fits(app)
        for _ in range(8):
            if screen_name(app) != "ReadbackScreen":
                break
            await pilot.click("#all-right")
            await pilot.pause()
        seen.append(screen_name(app))
        check_fits(app)
        await pilot.click("#skip")  # no top three today
        await pilot.pause()
        seen.append(screen_name(app))
        check_fits(app)
        await pilot.press("f10")
        await pilot.pause()
        seen.append(screen_name(app))
        check_fits(app)
    assert seen == [
        "LanguageScreen",
        "HelpScreen",
        "AnsweringScreen",
        "PickScreen",
        "ThemesScreen",
        "ReadbackScreen",
        "ImportantScreen",
        "ExportScreen",
        "BreakScreen",
    ]


async def test_archive_and_delete_ask_which_and_then_ask_first(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot)
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("enter")  # go on: to the sessions
        await pilot.pause()
        assert screen_name(app) == "SessionsScreen"
        await pilot.click("#delete")
        await pilot.pause()
        assert screen_name(app) == "PickScreen"  # which session: by touch, no highlight
        await pilot.press("1")
        await pilot.pause()
        assert screen_name(app) == "ConfirmScreen"
        check_fits(app)
        await pilot.click("#no")
        await pilot.pause()
        assert len(app.sessions.summaries()) == 1
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert app.sessions.summaries() == []
        assert len(app.sessions.summaries(archived=True)) == 1


async def test_read_aloud_without_espeak_explains_once(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot)
        await pilot.press("f5")
        await pilot.press("f5")
        await pilot.pause()
        assert len(app._notifications) == 1


async def test_terminal_cursor_sits_on_the_focused_control(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot)
        await pilot.press("enter")
        await type_text(pilot, "M")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        focused = app.focused
        assert focused is not None
        region = focused.content_region
        assert region.contains(app.cursor_position.x, app.cursor_position.y)
        await pilot.click(Button)  # mouse works too; no crash
