"""The like / not sure / don't like question: three large symbols side by side."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Input

from assistant.session import Answer
from assistant.ui.app import HaaveApp
from assistant.ui.widgets.scale_tiles import FACES, ScaleTiles, Tile
from tests.ui import helpers
from tests.ui.helpers import SIZE, current_id, make_app, type_text


async def to_mood(pilot: Pilot[Any], lang: str = "fi") -> ScaleTiles:
    await helpers.to_mood(pilot, lang)
    return pilot.app.screen.query_one("#scale", ScaleTiles)


def tile_texts(scale: ScaleTiles) -> list[str]:
    return [str(tile.render()) for tile in scale.query(Tile)]


def cursor_words(app: HaaveApp) -> str:
    """The line of the tile where the terminal cursor is (a screen reader reads that line)."""
    for tile in app.screen.query(Tile):
        region = tile.content_region
        if region.contains_point(app.cursor_position):
            return str(tile.render()).splitlines()[app.cursor_position.y - region.y].strip()
    return ""


MESSAGES: list[Message] = []


@pytest.fixture(autouse=True)
def _fresh_messages() -> None:
    MESSAGES.clear()


def mood(app: HaaveApp) -> tuple[str, ...]:
    """The client's latest answer to the mood question, as the screen sent it."""
    return answer_to_mood().choices


def answer_to_mood() -> Answer:
    return [m for m in helpers.given(MESSAGES) if m.step_id == "mood"][-1].answer


async def test_three_large_faces_with_numbers_and_words(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE, message_hook=MESSAGES.append) as pilot:
        scale = await to_mood(pilot)
        assert app.focused is scale
        texts = tile_texts(scale)
        assert len(texts) == 3
        for number, (text, face) in enumerate(zip(texts, FACES, strict=True), 1):
            assert text.startswith(str(number))
            assert all(line in text for line in face)  # the large face, not colour alone
        assert "Pidän" in texts[0] and "En pidä" in texts[2]
        assert all(t.region.height >= len(FACES[0]) + 3 for t in scale.query(Tile))


async def test_arrows_and_enter_pick_and_the_cursor_follows(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE, message_hook=MESSAGES.append) as pilot:
        scale = await to_mood(pilot)
        tiles = list(scale.query(Tile))
        await pilot.pause()
        assert cursor_words(app) == "😊 Pidän"  # a screen reader reads the words there
        await pilot.press("right", "right")
        await pilot.pause()
        assert scale.highlighted == 2 and tiles[2].has_class("-highlighted")
        assert cursor_words(app) == "🙁 En pidä"
        assert tiles[2].content_region.contains_point(app.cursor_position)
        await pilot.press("left", "enter")
        await pilot.pause()
        assert mood(app) == ("unsure",)
        assert current_id(app) == "hobbies"
        await pilot.press("escape")  # back: the earlier answer is marked and highlighted
        await pilot.pause()
        scale = app.screen.query_one("#scale", ScaleTiles)
        assert scale.chosen == ["unsure"] and scale.highlighted == 1
        assert tile_texts(scale)[1].startswith("✔ 2")


async def test_a_number_or_a_click_picks(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE, message_hook=MESSAGES.append) as pilot:
        await to_mood(pilot)
        await pilot.press("3")
        await pilot.pause()
        assert mood(app) == ("dislike",)
        await pilot.press("escape")
        await pilot.pause()
        assert current_id(app) == "mood"
        await pilot.click("#scale Tile", offset=(3, 3))  # the first tile
        await pilot.pause()
        assert mood(app) == ("like",)
        assert current_id(app) == "hobbies"


async def test_words_with_the_choice_are_kept(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE, message_hook=MESSAGES.append) as pilot:
        await to_mood(pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, Input)
        await type_text(pilot, "metsä")
        await pilot.press("enter")  # from the text box back to the three symbols
        await pilot.pause()
        assert isinstance(app.focused, ScaleTiles)
        await pilot.press("1")
        await pilot.pause()
        assert app.session is not None
        answer = answer_to_mood()
        assert (answer.choices, answer.text) == (("like",), "metsä")


async def test_a_low_screen_leaves_the_faces_out_and_the_text_box_in_sight(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE, message_hook=MESSAGES.append) as pilot:
        scale = await to_mood(pilot)
        frame = app.screen.query_one("#frame")
        words = app.screen.query_one("#words")
        assert not scale.compact
        await pilot.press("ctrl+t")  # the supporter's tip takes room from the frame
        await pilot.pause()
        await pilot.pause()
        assert scale.compact
        assert not any(FACES[0][1] in t for t in tile_texts(scale))
        assert frame.content_region.contains_region(words.region)
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.pause()
        assert not scale.compact  # room again: the faces come back
        assert frame.content_region.contains_region(words.region)
        await pilot.resize_terminal(80, 40)
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.pause()
        assert not scale.compact  # a taller terminal has room for the faces and the tip


async def test_a_narrow_screen_leaves_the_faces_out(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE, message_hook=MESSAGES.append) as pilot:
        scale = await to_mood(pilot)
        assert not scale.compact
        await pilot.resize_terminal(44, 30)  # a zoomed terminal: the tiles are narrow
        await pilot.pause()
        await pilot.pause()
        assert scale.compact
        assert all("Pidän" in t or "varma" in t or "pidä" in t for t in tile_texts(scale))
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        await pilot.pause()
        assert not scale.compact


async def test_a_supporter_view_above_the_tiles_keeps_the_text_box_in_sight(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE, message_hook=MESSAGES.append) as pilot:
        scale = await to_mood(pilot)
        for view in ("3", "2"):  # Anna's own view, twice: two lines above the tiles
            await pilot.press("f3")
            await pilot.pause()
            await pilot.press("3")
            await pilot.pause()
            await pilot.press(view)
            await pilot.pause()
        await pilot.pause()
        assert current_id(app) == "mood"
        assert app.screen.query_one("#views").display
        frame = app.screen.query_one("#frame")
        assert frame.content_region.contains_region(app.screen.query_one("#words").region)
        assert frame.content_region.contains_region(scale.region)


async def test_tiles_are_as_tall_as_each_other_when_words_wrap(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE, message_hook=MESSAGES.append) as pilot:
        scale = await to_mood(pilot, "sv")
        await pilot.pause()
        texts = tile_texts(scale)
        assert "säkert" in texts[1]  # "Jag vet inte säkert" wraps in a tile 24 wide
        heights = {tile.region.height for tile in scale.query(Tile)}
        assert len(heights) == 1
