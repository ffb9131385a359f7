"""`haave play`: walk a test plan through the session service into a new session.

This is how demos and end-to-end tests fill a session without a front-end. The plan is
first walked on its own (`run_plan`); only a plan that passes is played into the store, by
the same calls a front-end makes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.dialogue.loader import load_dialogue
from assistant.dialogue.testplan import TestPlan, WalkItem, read_plan, run_plan
from assistant.dialogue.yamlio import Problem as FileProblem
from assistant.session.active import ActiveSession
from assistant.session.desk import Sessions
from assistant.session.dialogues import Dialogues
from assistant.session.errors import Problem, SessionError
from assistant.session.view import Answering, Person
from assistant.store.model import AnsweredBy, Role


@dataclass
class PlayResult:
    session_id: str | None
    problems: list[FileProblem]


def play(data_dir: Path | str | None, plan_path: Path) -> PlayResult:
    """Walk the plan at `plan_path` (in `<dialogue folder>/tests/`) into a new session."""
    plan, _ = read_plan(plan_path)
    folder = plan_path.resolve().parent.parent
    dialogue = load_dialogue(folder)
    run = run_plan(plan_path, dialogue, plan)
    if not run.ok:
        return PlayResult(None, run.problems)
    sessions = Sessions(data_dir, dialogues=Dialogues(folder.parent))
    active = sessions.create(plan.session.alias, plan.lang, dialogue.id)
    try:
        others = [(p.name, Role(p.role)) for p in plan.session.participants if p.role != "client"]
        active.start_meeting(others)
        for item in plan.walk:
            play_item(active, plan, item)
    finally:
        active.close()
    return PlayResult(active.id, [])


def _person(active: ActiveSession, key: str | None) -> Person | None:
    return next((p for p in active.people() if key in (p.name, p.id)), None) if key else None


def play_item(active: ActiveSession, plan: TestPlan, item: WalkItem) -> None:
    """One move of a walk, made the way a front-end makes it."""
    if not item.moves:
        return
    if item.back:
        active.back()
        return
    if item.theme is not None:
        active.jump(item.theme)
        return
    if item.say:
        active.go_on()
        return
    step = active.step()
    if step is None:
        raise SessionError(Problem.NOT_NOW, "the walk is finished; nothing to answer")
    by = AnsweredBy(item.by)
    person = _person(active, item.participant)
    if by is AnsweredBy.FACILITATOR_NOTE:
        active.note(item.as_answer().text or "", person)
        return
    answering = Answering(by, person) if by is not AnsweredBy.CLIENT else Answering()
    active.answer(item.as_answer(), answering)
    if by.is_client:
        if item.private:
            active.keep_private(step.step_id)
        if item.confirmed is not None:
            active.confirm(step.step_id, item.confirmed)
