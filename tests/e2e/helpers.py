"""Reading what the app saved: the store on disk, through its own interface."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.dialogue import load_dialogue
from assistant.dialogue.engine import resume
from assistant.dialogue.loader import default_root
from assistant.store import open_store


def saved(data_dir: Path) -> tuple[str, dict[str, Any], str | None, Any]:
    """(session id, {step: the client's current answer}, the current step, the session)."""
    store = open_store(data_dir)
    [summary] = store.list()
    with store.open(summary.id) as s:
        session = s.session
    answers = {}
    for step_id, step in session.steps.items():
        current = step.current
        if current is not None:
            answers[step_id] = current.answer
    current_step = None
    if session.state is not None:
        dialogue = load_dialogue(default_root() / session.dialogue_id)
        conversation, _unplaced = resume(dialogue, session.state)
        current_step = conversation.current.id if conversation.current else None
    return summary.id, answers, current_step, session


def summary_of(answers: dict[str, Any]) -> dict[str, Any]:
    """{step: text or choices} for comparing."""
    out: dict[str, Any] = {}
    for step_id, answer in answers.items():
        out[step_id] = answer.text if answer.text is not None else tuple(answer.choices)
    return out
