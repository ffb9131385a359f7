"""The core flow with the Pilot at 80x24: language, sessions, who is here, themes, steps."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message
from textual.widgets import Input

from assistant.dialogue import SkipReason
from assistant.ui.screens.conversation import AnswerGiven, ConversationScreen, StepShown
from assistant.ui.service import Service
from assistant.ui.widgets.who_bar import Answering
from tests.ui.helpers import SIZE, current_id, make_app, screen_name, to_conversation, type_text


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
        assert app.session is not None
        answers = app.session.conversation.state.answers
    assert answers["hobbies"].choices == ("music", "games")
    assert answers["music-kind"].choices == ("rock",)
    assert answers["enough"].choices == ("no",)
    assert answers["name"].text == "Maija"
    # the hook sees a message at each node it bubbles through: count each once
    given = list({id(m): m for m in messages if isinstance(m, AnswerGiven)}.values())
    assert [m.step_id for m in given] == [
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
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
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
        assert current_id(app) == "mood" or current_id(app) == "hobbies"
        assert app.session is not None
        state = app.session.conversation.state
        assert state.answers["mood"].skipped is SkipReason.LATER
        # "not now" comes back at the end of the theme
        assert current_id(app) == "mood"
        await pilot.press("f6")  # I don't know
        await pilot.pause()
        assert state.answers["mood"].skipped is SkipReason.DONT_KNOW
        assert current_id(app) == "hobbies"
        await pilot.press("f7")  # skip
        await pilot.pause()
        assert state.answers["hobbies"].skipped is SkipReason.SKIP
        assert current_id(app) == "wish"
        await pilot.press("f9")  # I don't want to talk about this
        await pilot.pause()
        assert state.answers["wish"].skipped is SkipReason.DECLINE
        # "anything else" is asked only when name and mood were answered
        assert current_id(app) == "thanks"


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
        assert screen.answering == Answering("supporter_view", "Anna")
        assert screen.query_one("#frame").has_class("-supporter")
        await pilot.press("3")  # Anna's view: dislike
        await pilot.pause()
        assert current_id(app) == "mood"  # the engine did not move
        assert app.session is not None
        assert "mood" not in app.session.conversation.state.answers
        await pilot.press("1")  # the client's own answer: like
        await pilot.pause()
        assert current_id(app) == "hobbies"
        session = app.session
        assert session.conversation.state.answers["mood"].choices == ("like",)
        views = session.views("mood")
        assert [(v.by, v.answer.choices) for v in views] == [("Anna", ("dislike",))]
        # a client answer with support carries the helper's name
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("2", "ctrl+r")
        await pilot.pause()
        record = session.provenance("hobbies")
        assert record is not None
        assert (record.kind, record.by) == ("client_with_support", "Anna")


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
    service = Service(tmp_path / "data", "example")
    [summary] = service.list()
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
        await pilot.press("down", "down", "enter")  # experience expert
        await pilot.press("f9")
        await pilot.pause()
        assert current_id(app2) == "mood"
        assert app2.session is not None
        present = [(p.name, p.role) for p in app2.session.present]
        assert ("Ville", "experience_expert") in present
        assert app2.session.conversation.state.answers["name"].text == "Maija"
        assert app2.session.meetings == 2


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


async def test_read_back_confirms_and_keeps_private(tmp_path: Path) -> None:
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
        await pilot.press("1")  # name: yes, right
        await pilot.pause()
        await pilot.press("3")  # mood (skipped): keep private
        await pilot.pause()
        assert app.session is not None
        assert app.session.confirmed("name") is True
        assert app.session.private("mood") is True
        await pilot.press("f4")  # all as a list
        await pilot.pause()
        assert "Maija" in str(app.screen.query_one("#answers-list").render())
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("2")  # hobbies: change it
        await pilot.pause()
        assert current_id(app) == "hobbies"


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
        await pilot.press("enter")
        await pilot.pause()
        assert current_id(app) == "name"  # the note does not answer the question
        assert app.session is not None
        step = app.session.handle.step("name")
        assert step is not None and step.current is None  # no client answer
        [note] = step.notes
        assert note.answer.text == "Vastasi [bold]itse[/]"
        assert note.provenance.by.value == "facilitator_note"


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
        assert [p.name for p in screen.people] == ["Anna"]  # type: ignore[attr-defined]
        await pilot.press("f9")
        await pilot.pause()
        assert app.session is not None
        assert [p.name for p in app.session.present] == ["Maija", "Anna"]
