"""Property: any sequence of answer / back / skip / jump never crashes and never loses an
answer the client gave (unless the client changed that same answer)."""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.dialogue.answers import Answer, AnswerError, SkipReason
from assistant.dialogue.engine import Conversation, EngineState, resume
from assistant.dialogue.loader import load_dialogue
from assistant.dialogue.model import Step, StepKind
from tests.conftest import EXAMPLE

DIALOGUE = load_dialogue(EXAMPLE)

moves = st.lists(
    st.one_of(
        st.tuples(st.just("answer"), st.integers(0, 10), st.text(max_size=20)),
        st.tuples(st.just("skip"), st.sampled_from(list(SkipReason)), st.just("")),
        st.tuples(st.just("back"), st.just(0), st.just("")),
        st.tuples(st.just("theme"), st.integers(0, 2), st.just("")),
        st.tuples(st.just("save"), st.just(0), st.just("")),
    ),
    max_size=40,
)


def fitting_answer(step: Step, seed: int, words: str) -> Answer:
    values = step.values()
    if step.kind is StepKind.TEXT:
        return Answer.words(words.strip() or "sanat")
    if step.kind is StepKind.MULTI_CHOICE:
        return Answer.pick(*values[: 1 + seed % len(values)])
    return Answer.pick(values[seed % len(values)])


@settings(max_examples=300, deadline=None)
@given(moves)
def test_no_sequence_loses_an_answer_or_crashes(sequence: list[tuple[str, object, str]]) -> None:
    conv = Conversation(DIALOGUE)
    given_answers: dict[str, Answer] = {}
    for move, arg, words in sequence:
        step = conv.current
        if move == "answer" and step is not None:
            if step.asks:
                answer = fitting_answer(step, int(arg), words)  # type: ignore[call-overload]
                conv.answer(answer)
                given_answers[step.id] = answer
            else:
                conv.proceed()
        elif move == "skip" and step is not None:
            if step.asks and not (arg is SkipReason.LATER and step.id in given_answers):
                given_answers.pop(step.id, None)  # the client changed this answer
            conv.skip(arg)  # type: ignore[arg-type]
        elif move == "back":
            conv.back()
        elif move == "theme":
            conv.jump_to_theme(DIALOGUE.themes[int(arg)].id)  # type: ignore[call-overload]
        elif move == "save":
            conv, unplaced = resume(
                DIALOGUE, EngineState.model_validate_json(conv.state.model_dump_json())
            )
            assert unplaced == []
        for step_id, answer in given_answers.items():
            assert conv.answer_to(step_id) == answer
        assert conv.finished == (conv.current is None)


def test_an_unfitting_answer_changes_nothing() -> None:
    conv = Conversation(DIALOGUE)
    conv.proceed()
    before = conv.state.model_copy(deep=True)
    with contextlib.suppress(AnswerError):
        conv.answer(Answer.pick("nope"))
    assert conv.state == before
