"""Store tests drive the store as the session service does: the engine moves, then the
answer and the state are recorded in one write."""

from __future__ import annotations

from assistant.dialogue import Answer, Conversation
from assistant.store.api import OpenSession
from assistant.store.model import AnswerRecord, Provenance


def answer_step(
    opened: OpenSession, conversation: Conversation, answer: Answer, by: Provenance
) -> AnswerRecord | None:
    """Answer the current step; a new client revision unless the value is unchanged."""
    step = conversation.current
    assert step is not None
    conversation.answer(answer)
    held = conversation.state.answers.get(step.id)
    found = opened.step(step.id)
    last = found.current if found else None
    if held is None or (last is not None and last.answer == held and last.provenance == by):
        opened.save_state(conversation.state)
        return None
    return opened.record(step.id, held, by, state=conversation.state)
