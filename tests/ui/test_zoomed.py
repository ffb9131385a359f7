"""A zoomed terminal (32x16 cells, about 200% zoom): every control can be reached by
scrolling, and no label is cut into a misleading word ("En" for "En tiedä")."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button

from assistant.ui.widgets.choice_list import ChoiceList
from assistant.ui.widgets.scale_tiles import ScaleTiles
from tests.ui.helpers import make_app, screen_name, to_conversation

ZOOMED = (32, 16)
_TEXT = re.compile(r'<text class="terminal-\d+-r\d+" [^>]*y="([\d.]+)"[^>]*>([^<]*)</text>')


def screen_lines(app: Any) -> list[str]:
    """What the terminal shows, line by line (from the app's own screenshot)."""
    rows: list[list[str]] = [[] for _ in range(ZOOMED[1])]
    for y, text in _TEXT.findall(app.export_screenshot()):
        row = round((float(y) - 20) / 24.4)  # Textual's screenshot: 24.4 units a line
        rows[row].append(html.unescape(text).replace("\xa0", " "))
    return ["".join(parts) for parts in rows]


def labels(widget: Widget) -> list[str]:
    if isinstance(widget, Button):
        return [str(widget.label)]
    if isinstance(widget, ChoiceList | ScaleTiles):
        return [item.words for item in widget.items]
    return []


async def check_every_control(pilot: Pilot[Any], where: str) -> int:
    """Scroll each control into view; its whole label must be on the screen, word by word."""
    app = pilot.app
    checked = 0
    for widget in list(app.screen.query("Button, ChoiceList, ScaleTiles")):
        if not all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget)):
            continue  # hidden on this step
        widget.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        region = widget.region
        assert region.width > 0 and region.height > 0, f"{where}: {widget!r} cannot be seen"
        assert region.right <= ZOOMED[0] and region.bottom <= ZOOMED[1], f"{where}: {widget!r}"
        shown = " ".join(screen_lines(app)[region.y : region.bottom])
        for label in labels(widget):
            for word in label.split():
                if len(word) > 1 and not re.match(r"\W", word):
                    assert re.search(rf"(?<!\w){re.escape(word)}", shown), (
                        f"{where}: '{word}' of '{label}' is cut or hidden: {shown!r}"
                    )
        checked += 1
    return checked


async def test_every_screen_at_32x16(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    checked: dict[str, int] = {}
    async with app.run_test(size=ZOOMED) as pilot:
        await pilot.pause()
        checked["language"] = await check_every_control(pilot, "language")
        await to_conversation(pilot)
        steps = {"welcome": ["enter"], "name": [*"Maija", "enter"], "mood": ["1"]}
        steps |= {"hobbies": ["1", "ctrl+r"], "music-kind": ["1"], "enough": ["1"]}
        for step, keys in steps.items():
            assert app.session is not None and app.session.step().step_id == step  # type: ignore[union-attr]
            checked[step] = await check_every_control(pilot, step)
            await pilot.press(*keys)
            await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        checked["help"] = await check_every_control(pilot, "help")
        await pilot.press("escape")
        await pilot.click("#tools")
        await pilot.pause()
        checked["tools"] = await check_every_control(pilot, "tools")
        await pilot.press("escape")
        for _ in range(10):  # skip the rest, go on from "thank you"
            if screen_name(app) != "ConversationScreen":
                break
            view = app.session.step()  # type: ignore[union-attr]
            await pilot.press("f7" if view is not None and view.asks else "enter")
            await pilot.pause()
        assert screen_name(app) == "ReadbackScreen"
        checked["readback"] = await check_every_control(pilot, "readback")
        await pilot.press("f10")
        await pilot.pause()
        checked["break"] = await check_every_control(pilot, "break")
    # Finnish labels are the longest: "En halua puhua tästä", "Tukihenkilölle"
    assert all(count > 0 for count in checked.values()), checked
    assert checked["name"] >= 9  # Ready, 4 skips, tools, and the 4 buttons always there
