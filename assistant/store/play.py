"""`haave play`: walk a test plan headless and save the walk as a session.

This is how demos and end-to-end tests fill a session without the UI. The plan is first
walked on its own; only a plan that passes is written to the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from assistant.dialogue.engine import Conversation
from assistant.dialogue.loader import load_dialogue
from assistant.dialogue.testplan import TestPlan, WalkItem, read_plan, run_plan
from assistant.dialogue.yamlio import Problem
from assistant.store.api import OpenSession, SessionStore
from assistant.store.errors import StoreError
from assistant.store.model import AnsweredBy, Participant, Provenance, Role


@dataclass
class PlayResult:
    session_id: str | None
    problems: list[Problem]


def play(store: SessionStore, plan_path: Path) -> PlayResult:
    """Walk the plan at `plan_path` (in `dialogues/<id>/tests/`) into a new session."""
    plan, _ = read_plan(plan_path)
    dialogue = load_dialogue(plan_path.resolve().parent.parent)
    run = run_plan(plan_path, dialogue, plan)
    if not run.ok:
        return PlayResult(None, run.problems)
    people = _participants(plan)
    session = store.create(plan.session.alias, dialogue, plan.lang, people)
    with store.open(session.id) as opened:
        opened.start_meeting([p.id for p in opened.session.participants])
        conversation = Conversation(dialogue)
        opened.save_state(conversation.state)
        ids = {p.name: p.id for p in people} | {p.id: p.id for p in people}
        for item in plan.walk:
            _play(opened, conversation, item, ids)
    return PlayResult(session.id, [])


def _participants(plan: TestPlan) -> list[Participant]:
    out: list[Participant] = []
    for person in plan.session.participants:
        base = re.sub(r"[^a-z0-9]+", "-", person.name.lower()).strip("-") or "person"
        pid, n = base, 1
        while any(p.id == pid for p in out):
            n += 1
            pid = f"{base}-{n}"
        out.append(Participant(id=pid, name=person.name, role=Role(person.role)))
    return out


def _play(opened: OpenSession, conv: Conversation, item: WalkItem, ids: dict[str, str]) -> None:
    if not item.moves:
        return
    if item.back or item.theme is not None or item.say:
        if item.back:
            conv.back()
        elif item.theme is not None:
            conv.jump_to_theme(item.theme)
        else:
            conv.proceed()
        opened.save_state(conv.state)
        return
    step = conv.current
    if step is None:
        raise StoreError("the walk is finished; nothing to answer")
    by = AnsweredBy(item.by)
    participant = ids.get(item.participant or "", item.participant)
    provenance = Provenance(by=by, participant=participant)
    if by.is_client:
        opened.answer_step(conv, item.as_answer(), provenance)
    else:
        opened.record(step.id, item.as_answer(), provenance)
    if item.private:
        opened.set_private(step.id, True)
    if item.confirmed is not None and by.is_client and item.as_answer().given:
        opened.confirm(step.id, item.confirmed)
