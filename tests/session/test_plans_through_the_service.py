"""A whole test plan walked through the service alone, as a front-end walks it, stores the
same session as `haave play`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.cli import main
from assistant.dialogue.testplan import read_plan
from assistant.session import Answer, AnsweredBy, Answering, Role, Sessions, StepKind
from assistant.store import open_store

DIALOGUES = Path(__file__).resolve().parents[2] / "dialogues"
PLANS = sorted(DIALOGUES.glob("*/tests/*.yaml"))


def walk_like_a_front_end(sessions: Sessions, plan_path: Path) -> str:
    """Read the plan and make only the moves a screen offers: tap a shown choice, type
    into a shown text box, press Go on, Back, a theme, a skip button."""
    plan, _ = read_plan(plan_path)
    active = sessions.create(plan.session.alias, plan.lang, plan.dialogue)
    people = [(p.name, Role(p.role)) for p in plan.session.participants if p.role != "client"]
    active.start_meeting(people)
    for item in plan.walk:
        view = active.step()
        if item.expect is not None:
            assert view is not None and view.step_id == item.expect
        if not item.moves:
            continue
        assert view is not None
        if item.back:
            active.back()
        elif item.theme is not None:
            assert item.theme in {t.id for t in active.themes()}
            active.jump(item.theme)
        elif item.say:
            assert view.kind is StepKind.SAY
            active.go_on()
        elif item.skip is not None:
            assert item.skip in {s.reason for s in view.skips}
            active.skip(item.skip)
        else:
            person = next((p for p in active.people() if p.name == item.participant), None)
            answer = item.as_answer()
            shown = {c.value for c in view.choices}
            assert set(answer.choices) <= shown, (item, shown)
            assert answer.text is None or view.takes_words
            if item.by == "facilitator_note":
                active.note(answer.text or "", person)
                continue
            by = AnsweredBy(item.by)
            active.answer(answer, Answering(by, person) if person else Answering())
            if by.is_client and item.private:
                active.keep_private(view.step_id)
            if by.is_client and item.confirmed is not None:
                active.confirm(view.step_id, item.confirmed)
    active.close()
    return active.id


def comparable(data_dir: Path, session_id: str) -> dict[str, Any]:
    """The stored session without what differs by nature (ids, times)."""
    with open_store(data_dir).open(session_id) as opened:
        session = opened.session.model_dump(mode="json")
    names = {p["id"]: p["name"] for p in session["participants"]}

    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            out = {}
            for key, raw in value.items():
                if key in ("at", "started", "created", "updated", "confirmed_at", "id"):
                    continue
                named = raw
                if key == "participant" and raw is not None:
                    named = names.get(raw, raw)
                if key == "present":
                    named = [names.get(p, p) for p in raw]
                out[key] = clean(named)
            return out
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    steps = {k: clean(v) for k, v in sorted(session.pop("steps").items())}
    return {"header": clean(session), "steps": steps}


@pytest.mark.parametrize("plan_path", PLANS, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_the_service_stores_what_haave_play_stores(
    plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    played, walked = tmp_path / "played", tmp_path / "walked"
    assert main(["play", str(plan_path), "--data-dir", str(played)]) == 0
    played_id = capsys.readouterr().out.strip()
    walked_id = walk_like_a_front_end(Sessions(walked), plan_path)
    assert comparable(walked, walked_id) == comparable(played, played_id)
    assert comparable(walked, walked_id)["steps"], "the walk stored answers"


def test_the_comparison_sees_a_different_answer(tmp_path: Path) -> None:
    plan_path = DIALOGUES / "example" / "tests" / "full-walk.yaml"
    first = walk_like_a_front_end(Sessions(tmp_path / "a"), plan_path)
    other = Sessions(tmp_path / "b")
    second = walk_like_a_front_end(other, plan_path)
    with other.store.open(second) as opened:
        opened.record("wish", Answer.words("jotain muuta"), opened.step("wish").current.provenance)  # type: ignore[union-attr]
    assert comparable(tmp_path / "a", first) != comparable(tmp_path / "b", second)
