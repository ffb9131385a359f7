"""The conversation engine: every step kind, skip reason, back, theme jumps, conditions,
save and resume, and resume after a version change."""

from __future__ import annotations

import pytest

from assistant.dialogue.answers import Answer, AnswerError, SkipReason
from assistant.dialogue.engine import Conversation, EngineState, ThemeState, resume
from assistant.dialogue.loader import load_dialogue
from assistant.dialogue.model import Dialogue
from tests.conftest import EXAMPLE


@pytest.fixture
def dialogue() -> Dialogue:
    return load_dialogue(EXAMPLE)


def start(dialogue: Dialogue) -> Conversation:
    conv = Conversation(dialogue)
    assert conv.current is not None and conv.current.id == "welcome"
    conv.proceed()
    return conv


def at(conv: Conversation) -> str | None:
    return conv.current.id if conv.current else None


def test_every_kind_in_a_full_walk(dialogue: Dialogue) -> None:
    conv = start(dialogue)
    assert at(conv) == "name"  # text
    conv.answer(Answer.words("Maija"))
    assert at(conv) == "mood"  # scale3
    conv.answer(Answer.pick("like"))
    assert at(conv) == "hobbies"  # multi_choice
    conv.answer(Answer.pick("music", "other", text="Leivon"))
    assert at(conv) == "music-kind"  # choice, reached by a `contains` branch
    conv.answer(Answer.pick("rock"))
    assert at(conv) == "enough"  # yes_no
    conv.answer(Answer.pick("no"))
    assert at(conv) == "wish"  # `any` condition holds
    conv.answer(Answer.words("Uida"))
    assert at(conv) == "anything-else"  # `all` condition holds
    conv.answer(Answer.words("Ei"))
    assert at(conv) == "thanks"
    conv.proceed()
    assert conv.finished and conv.current is None
    assert set(conv.theme_states().values()) == {ThemeState.DONE}


def test_answers_must_fit_the_step(dialogue: Dialogue) -> None:
    conv = start(dialogue)
    with pytest.raises(AnswerError):
        conv.answer(Answer.words("   "))  # text needs words
    with pytest.raises(AnswerError):
        conv.answer(Answer.pick("music"))  # a text step has no choices
    conv.answer(Answer.words("Maija"))
    with pytest.raises(AnswerError, match="unknown choice"):
        conv.answer(Answer.pick("love"))
    with pytest.raises(AnswerError, match="exactly one"):
        conv.answer(Answer.pick("like", "dislike"))
    conv.answer(Answer.pick("dislike"))
    with pytest.raises(AnswerError, match="at least one"):
        conv.answer(Answer())
    with pytest.raises(AnswerError, match="twice"):
        conv.answer(Answer.pick("sport", "sport"))
    with pytest.raises(AnswerError):
        conv.proceed()  # a question is not passed over silently
    assert at(conv) == "hobbies"


def test_default_route_skips_the_branch(dialogue: Dialogue) -> None:
    conv = start(dialogue)
    conv.answer(Answer.words("A"))
    conv.answer(Answer.pick("unsure"))
    conv.answer(Answer.pick("sport"))
    assert at(conv) == "enough"  # `next: enough`, music-kind not shown
    conv.answer(Answer.pick("yes"))
    # wish is hidden: enough is yes, hobbies answered and contains sport
    assert at(conv) == "anything-else"


def test_skip_reasons(dialogue: Dialogue) -> None:
    conv = start(dialogue)
    conv.skip(SkipReason.LATER)  # name: comes back at the end of the theme
    assert at(conv) == "mood"
    conv.skip("dont_know")
    assert at(conv) == "name"  # the 'later' question is asked again
    conv.skip(SkipReason.LATER)  # later again: the theme is left for later
    assert at(conv) == "hobbies"
    assert conv.theme_state(dialogue.themes[0]) is ThemeState.LATER
    conv.skip(SkipReason.SKIP)  # hobbies not answered: branch to wish
    assert at(conv) == "wish"
    conv.skip(SkipReason.DECLINE)
    assert at(conv) == "thanks"  # anything-else hidden: name never answered
    assert conv.answer_to("mood") == Answer.skip("dont_know")
    # a declined question is never asked again, even on a jump back to its theme
    conv.jump_to_theme("free-time")
    assert at(conv) == "hobbies"
    conv.skip("skip")
    assert at(conv) == "thanks"


def test_later_on_an_answered_question_keeps_the_answer(dialogue: Dialogue) -> None:
    conv = start(dialogue)
    conv.answer(Answer.words("Maija"))
    conv.back()
    conv.skip("later")
    assert conv.answer_to("name") == Answer.words("Maija")


def test_back_keeps_later_answers(dialogue: Dialogue) -> None:
    conv = start(dialogue)
    conv.answer(Answer.words("Maija"))
    conv.answer(Answer.pick("like"))
    assert conv.back() is not None and at(conv) == "mood"
    assert conv.answer_to("mood") == Answer.pick("like")  # shown filled in
    conv.back()
    conv.back()
    assert at(conv) == "welcome"
    assert conv.back() is None  # nothing before the first step
    assert conv.answer_to("name") == Answer.words("Maija")
    conv.proceed()
    conv.answer(Answer.words("Maija M."))
    assert at(conv) == "mood"
    assert conv.answer_to("mood") == Answer.pick("like")


def test_jump_to_a_theme_and_back(dialogue: Dialogue) -> None:
    conv = start(dialogue)
    conv.jump_to_theme("free-time")
    assert at(conv) == "hobbies"
    assert conv.progress().theme_number == 2
    conv.back()
    assert at(conv) == "name"
    conv.jump_to_theme("free-time")
    conv.answer(Answer.pick("games"))
    conv.answer(Answer.pick("yes"))
    conv.answer(Answer.words("Lukea"))
    # the theme ended: the flow goes on to the next theme not done
    assert at(conv) == "anything-else" or at(conv) == "thanks"
    with pytest.raises(KeyError):
        conv.jump_to_theme("no-such-theme")


def test_jump_resumes_at_the_first_open_question(dialogue: Dialogue) -> None:
    conv = start(dialogue)
    conv.answer(Answer.words("Maija"))
    conv.jump_to_theme("goodbye")
    conv.jump_to_theme("hello")
    assert at(conv) == "mood"


def test_progress_in_words(dialogue: Dialogue) -> None:
    conv = start(dialogue)
    progress = conv.progress()
    assert (progress.theme_number, progress.theme_count) == (1, 3)
    assert (progress.step_number, progress.step_count) == (1, 2)
    assert progress.theme is not None and progress.theme.id == "hello"


def test_state_round_trips_through_json(dialogue: Dialogue) -> None:
    conv = start(dialogue)
    conv.answer(Answer.words("Maija ❤️ [bold]x[/]"))
    conv.skip("later")
    text = conv.state.model_dump_json()
    again, unplaced = resume(dialogue, EngineState.model_validate_json(text))
    assert unplaced == []
    assert again.state == conv.state
    assert at(again) == at(conv)
    assert again.answer_to("name") == Answer.words("Maija ❤️ [bold]x[/]")


def test_resume_under_a_new_version_maps_by_step_id(dialogue: Dialogue) -> None:
    conv = start(dialogue)
    conv.answer(Answer.words("Maija"))
    conv.answer(Answer.pick("like"))
    conv.answer(Answer.pick("music", "sport"))
    assert at(conv) == "music-kind"
    data = dialogue.model_dump(by_alias=True)
    data["version"] = 2
    free_time = data["themes"][1]
    free_time["steps"] = [s for s in free_time["steps"] if s["id"] != "music-kind"]
    hobbies = free_time["steps"][0]
    hobbies["branches"] = []
    hobbies["kind"] = "choice"  # now one choice only
    changed = Dialogue.model_validate(data)
    again, unplaced = resume(changed, EngineState.model_validate_json(conv.state.model_dump_json()))
    assert [u.step_id for u in unplaced] == ["hobbies"]
    assert "one choice" in unplaced[0].reason
    assert again.state.unplaced["hobbies"] == Answer.pick("music", "sport")  # kept, not dropped
    assert again.answer_to("name") == Answer.words("Maija")
    assert again.state.dialogue_version == 2
    assert at(again) == "hobbies"  # the step it was on is gone: first open question


def test_resume_refuses_another_dialogue(dialogue: Dialogue) -> None:
    state = EngineState(dialogue_id="other", dialogue_version=1)
    with pytest.raises(ValueError, match="other"):
        resume(dialogue, state)


def test_a_later_answer_opens_its_follow_ups(dialogue: Dialogue) -> None:
    conv = start(dialogue)
    conv.answer(Answer.words("Maija"))
    conv.answer(Answer.pick("like"))
    conv.skip("later")  # hobbies: its branch to music-kind is not taken yet
    assert at(conv) == "wish"  # hobbies not answered -> branch to wish
    conv.answer(Answer.words("Uida"))
    assert at(conv) == "hobbies"  # asked again at the end of the theme
    conv.answer(Answer.pick("music"))
    assert at(conv) == "music-kind"  # the follow-up it opens is asked now
    conv.answer(Answer.pick("pop"))
    assert at(conv) == "enough"  # still open on the flow
    conv.answer(Answer.pick("yes"))
    assert at(conv) == "anything-else"  # wish is answered: the theme ends


def test_revisit_a_step_from_the_read_back(dialogue: Dialogue) -> None:
    conv = start(dialogue)
    conv.answer(Answer.words("Maija"))
    conv.answer(Answer.pick("like"))
    conv.revisit("name")
    assert at(conv) == "name" and conv.answer_to("name") == Answer.words("Maija")
    conv.answer(Answer.words("Maija M."))
    assert at(conv) == "mood"  # the flow goes on from the changed step
    conv.back()
    assert at(conv) == "name"
    conv.back()
    assert at(conv) == "hobbies"  # where the client was before the revisit
    with pytest.raises(KeyError):
        conv.revisit("nope")
