"""The core flow with the Pilot at 80x24: language, sessions, who is here, themes, steps."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message
from textual.widgets import Input

from assistant.dialogue import SkipReason
from assistant.session import AnsweredBy, Role, Sessions
from assistant.ui.screens.conversation import ConversationScreen, StepShown
from tests.ui.helpers import (
    SIZE,
    current_id,
    given,
    make_app,
    screen_name,
    stored,
    to_conversation,
    type_text,
)


async def test_full_walk_through_the_example(tmp_path: Path) -> None:
    messages: list[Message] = []
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        await to_conversation(pilot)
        assert current_id(app) == "welcome"
        await pilot.press("enter")  # say step: go on
        await pilot.pause()
        assert current_id(app) == "name"
        await type_text(pilot, "Maija")
        await pilot.press("enter")
        await pilot.pause()
        assert current_id(app) == "mood"
        await pilot.press("1")  # like
        await pilot.pause()
        assert current_id(app) == "hobbies"
        await pilot.press("1", "3")  # music, games
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert current_id(app) == "music-kind"
        await pilot.press("2")  # rock
        await pilot.pause()
        assert current_id(app) == "enough"
        await pilot.press("2")  # no
        await pilot.pause()
        assert current_id(app) == "wish"
        await type_text(pilot, "Uida")
        await pilot.press("enter")
        await pilot.pause()
        assert current_id(app) == "anything-else"
        await type_text(pilot, "Ei")
        await pilot.press("enter")
        await pilot.pause()
        assert current_id(app) == "thanks"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "ReadbackScreen"
    session = stored(tmp_path)
    answers = {k: v.current.answer for k, v in session.steps.items() if v.current}
    assert answers["hobbies"].choices == ("music", "games")
    assert answers["music-kind"].choices == ("rock",)
    assert answers["enough"].choices == ("no",)
    assert answers["name"].text == "Maija"
    assert [m.step_id for m in given(messages)] == [
        "name",
        "mood",
        "hobbies",
        "music-kind",
        "enough",
        "wish",
        "anything-else",
    ]
    assert any(isinstance(m, StepShown) and m.step_id == "thanks" for m in messages)


async def test_back_skip_later_decline(tmp_path: Path) -> None:
    messages: list[Message] = []
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        await to_conversation(pilot)
        await pilot.press("enter")
        await type_text(pilot, "Maija")
        await pilot.press("enter")
        await pilot.pause()
        assert current_id(app) == "mood"
        await pilot.press("escape")  # back: the earlier answer is filled in
        await pilot.pause()
        assert current_id(app) == "name"
        assert app.screen.query_one("#words", Input).value == "Maija"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f8")  # not now
        await pilot.pause()
        # "not now" comes back at the end of the theme
        assert current_id(app) == "mood"
        await pilot.press("f6")  # I don't know
        await pilot.pause()
        assert current_id(app) == "hobbies"
        await pilot.press("f7")  # skip
        await pilot.pause()
        assert current_id(app) == "wish"
        await pilot.press("f9")  # I don't want to talk about this
        await pilot.pause()
        # "anything else" is asked only when name and mood were answered
        assert current_id(app) == "thanks"
    skips = [(m.step_id, m.answer.skipped) for m in given(messages) if m.answer.skipped]
    assert skips == [
        ("mood", SkipReason.LATER),
        ("mood", SkipReason.DONT_KNOW),
        ("hobbies", SkipReason.SKIP),
        ("wish", SkipReason.DECLINE),
    ]
    steps = stored(tmp_path).steps
    assert steps["mood"].current.answer.skipped is SkipReason.DONT_KNOW  # type: ignore[union-attr]
    assert steps["wish"].current.answer.skipped is SkipReason.DECLINE  # type: ignore[union-attr]


async def test_supporter_view_beside_the_client_answer(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot)
        await pilot.press("enter")
        await type_text(pilot, "Maija")
        await pilot.press("enter")
        await pilot.pause()
        assert current_id(app) == "mood"
        await pilot.press("f3")  # who answers: 1 client, 2 with help of Anna, 3 Anna's view
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        anna = screen.answering.person
        assert screen.answering.by is AnsweredBy.SUPPORTER_VIEW and anna is not None
        assert anna.name == "Anna" and anna.role is Role.SUPPORTER
        assert screen.query_one("#frame").has_class("-supporter")
        await pilot.press("3")  # Anna's view: dislike
        await pilot.pause()
        assert current_id(app) == "mood"  # the conversation did not move
        await pilot.press("1")  # the client's own answer: like
        await pilot.pause()
        assert current_id(app) == "hobbies"
        # a client answer with support carries the helper's id
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("2", "ctrl+r")
        await pilot.pause()
    steps = stored(tmp_path).steps
    mood = steps["mood"]
    assert mood.current is not None and mood.current.answer.choices == ("like",)
    [view] = mood.views
    assert view.answer.choices == ("dislike",) and view.provenance.participant == anna.id
    hobbies = steps["hobbies"].current
    assert hobbies is not None and hobbies.provenance.by is AnsweredBy.CLIENT_WITH_SUPPORT
    assert hobbies.provenance.participant == anna.id


async def test_break_and_resume_with_other_people(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot)
        await pilot.press("enter")
        await type_text(pilot, "Maija")
        await pilot.press("enter")
        await pilot.pause()
        assert current_id(app) == "mood"
        await pilot.press("f10")
        await pilot.pause()
        assert screen_name(app) == "BreakScreen"
    [summary] = Sessions(tmp_path / "data", "example").summaries()
    assert summary.last_meeting is not None
    assert summary.alias == "Maija"

    app2 = make_app(tmp_path)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1")  # suomi
        await pilot.pause()
        await pilot.press("2")  # the session
        await pilot.pause()
        assert screen_name(app2) == "WhoScreen"
        await pilot.press("tab")  # past "same people" to the name of another person
        await type_text(pilot, "Ville")
        await pilot.press("enter")
        await pilot.press("down", "enter")  # experience expert (the second role)
        await pilot.press("f9")
        await pilot.pause()
        assert current_id(app2) == "mood"
        assert app2.session is not None
        present = [(p.name, p.role) for p in app2.session.present]
        assert ("Ville", Role.EXPERIENCE_EXPERT) in present
        assert app2.session.meetings == 2
        await pilot.press("escape")  # back: the earlier answer comes back filled
        await pilot.pause()
        assert app2.screen.query_one("#words", Input).value == "Maija"


async def test_same_people_with_one_key(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot)
        await pilot.press("f10")
    app2 = make_app(tmp_path)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app2.screen, ConversationScreen)
        assert app2.session is not None
        assert [p.name for p in app2.session.present] == ["Maija", "Anna"]


async def test_read_back_per_theme_confirms_keeps_private_and_returns(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot, lang="en")
        await pilot.press("enter")
        await type_text(pilot, "Maija")
        await pilot.press("enter")
        await pilot.pause()
        for key in ("f7", "f7", "f9", "f7"):
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("enter")  # thanks
        await pilot.pause()
        assert screen_name(app) == "ReadbackScreen"
        assert app.session is not None and app.session.readback_theme == "hello"
        await pilot.click("#private-1")  # mood (skipped): keep private
        await pilot.pause()
        await pilot.click("#change-0")  # the name: change it
        await pilot.pause()
        assert current_id(app) == "name"
        await type_text(pilot, " K")
        await pilot.press("enter")
        await pilot.pause()
        # back to the same theme's read-back, not to the start
        assert screen_name(app) == "ReadbackScreen" and app.session.readback_theme == "hello"
        await pilot.click("#all-right")
        await pilot.pause()
        assert screen_name(app) == "ReadbackScreen" and app.session.readback_theme == "free-time"
    steps = stored(tmp_path).steps
    assert steps["name"].confirmed is True and steps["name"].current.answer.text == "Maija K"  # type: ignore[union-attr]
    assert steps["mood"].private is True and steps["mood"].confirmed is True
    assert steps["hobbies"].confirmed is None


async def test_language_switch_in_the_middle_of_a_step(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot)
        await pilot.press("enter")
        await type_text(pilot, "Mai")
        await pilot.press("f2")
        await pilot.pause()
        assert screen_name(app) == "LanguageScreen"
        await pilot.press("2")  # svenska
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        question = str(app.screen.query_one("#question").render())
        assert "Vad heter du?" in question
        assert app.screen.query_one("#words", Input).value == "Mai"  # nothing lost
        assert app.settings.language == "sv"


async def test_high_contrast_and_terminal_themes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.theme == "haave-high-contrast"
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.theme == "ansi-dark"  # the terminal's own colours
        assert app.settings.theme == "ansi-dark"


async def test_facilitator_note_is_kept_beside_and_moves_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert current_id(app) == "name"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen_name(app) == "NoteScreen"
        await type_text(pilot, "Vastasi [bold]itse[/]")
        await pilot.click("#save")
        await pilot.pause()
        assert current_id(app) == "name"  # the note does not answer the question
    step = stored(tmp_path).steps["name"]
    assert step.current is None  # no client answer
    [note] = step.notes
    assert note.answer.text == "Vastasi [bold]itse[/]"
    assert note.provenance.by is AnsweredBy.FACILITATOR_NOTE


async def test_no_note_when_only_the_client_is_here(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot, helper=None)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen_name(app) == "ConversationScreen"


async def test_a_person_added_by_mistake_can_be_removed(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await type_text(pilot, "Maija")
        await pilot.press("enter")
        for name in ("Anna", "Vaara"):
            await type_text(pilot, name)
            await pilot.press("enter")
            await pilot.press("enter")  # the first role: supporter
            await pilot.pause()
        await pilot.press("f8")  # "Vaara" was a mistake
        await pilot.pause()
        screen = app.screen
        assert [name for name, _role in screen.people] == ["Anna"]  # type: ignore[attr-defined]
        await pilot.press("f9")
        await pilot.pause()
        assert app.session is not None
        assert [p.name for p in app.session.present] == ["Maija", "Anna"]
