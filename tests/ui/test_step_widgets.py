"""The conversation screen reuses one set of step widgets: each step shows only its own."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from assistant.ui.screens.conversation import ConversationScreen
from assistant.ui.widgets.choice_list import ChoiceList
from assistant.ui.widgets.scale_tiles import ScaleTiles
from tests.ui.helpers import SIZE, current_id, make_app, to_conversation, to_mood, type_text

PARTS = ("#go-on", "#words", "#choices", "#scale", "#ready")


def shown(screen: object) -> set[str]:
    assert isinstance(screen, ConversationScreen)
    return {part for part in PARTS if screen.query_one(part).display}


async def test_each_kind_shows_only_its_own_parts(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot)
        seen: dict[str, set[str]] = {}
        keys = {
            "welcome": ["enter"],
            "name": ["M", "enter"],
            "mood": ["1"],
            "hobbies": ["1", "ctrl+r"],
            "music-kind": ["1"],
            "enough": ["1"],
        }
        while (step := current_id(app)) in keys:
            seen[step] = shown(app.screen)
            await pilot.press(*keys[step])
            await pilot.pause()
        assert seen == {
            "welcome": {"#go-on"},
            "name": {"#words", "#ready"},  # own words are sent with a visible Ready
            "mood": {"#scale", "#words"},  # scale3: three large symbols and "tell me more"
            "hobbies": {"#choices", "#words", "#ready"},  # "other" takes own words
            "music-kind": {"#choices", "#words", "#ready"},  # "other": own words, Ready
            "enough": {"#choices"},
        }
        assert app.focused is app.screen.query_one("#words")  # "wish" is a text step


async def test_choices_change_mode_and_earlier_answers_come_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_mood(pilot)
        await pilot.press("1")  # like
        await pilot.pause()
        assert current_id(app) == "hobbies"
        choices = app.screen.query_one("#choices", ChoiceList)
        assert choices.multi and [i.value for i in choices.items][:2] == ["music", "sport"]
        await pilot.press("escape", "escape")  # back to the name
        await pilot.pause()
        assert current_id(app) == "name"
        assert app.screen.query_one("#words", Input).value == "Maija"  # shown filled in
        await pilot.press("enter", "escape")  # keep it; then back again to the mood
        await pilot.pause()
        assert current_id(app) == "name"
        await pilot.press("enter")
        await pilot.pause()
        assert current_id(app) == "mood"
        assert app.screen.query_one("#scale", ScaleTiles).chosen == ["like"]
        assert app.screen.query_one("#words", Input).value == ""


async def test_a_supporter_view_starts_empty_beside_the_client_words(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_mood(pilot)
        await pilot.press("escape")  # back to the name, answered
        await pilot.pause()
        assert current_id(app) == "name"
        assert app.screen.query_one("#words", Input).value == "Maija"
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("3")  # Anna's own view
        await pilot.pause()
        assert app.screen.query_one("#frame").has_class("-supporter")
        assert app.screen.query_one("#words", Input).value == ""  # not the client's words
        await type_text(pilot, "Mai")
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not None
        view = app.session.step()
        assert view is not None and view.words == "Maija"  # the client's answer is unchanged
        assert [[w for _s, w in v.parts] for v in view.views] == [["Mai"]]
        assert not app.screen.query_one("#frame").has_class("-supporter")
        assert app.screen.query_one("#words", Input).value == "Maija"
