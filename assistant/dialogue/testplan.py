"""Test plans: a small YAML file that walks a dialogue and says where the walk ends.

Like Yarn Spinner's test plans: each item names the step expected now and what the client
does there (goes on, answers, skips, goes back, jumps to a theme). `haave check` runs every
plan in `dialogues/<id>/tests/`; `haave play` walks one and saves the result as a session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.dialogue.answers import Answer, AnswerError, SkipReason
from assistant.dialogue.conditions import holds
from assistant.dialogue.engine import Conversation
from assistant.dialogue.facts import MeetingFacts, known_answers
from assistant.dialogue.model import Dialogue, Lang
from assistant.dialogue.yamlio import DataFileError, Problem, YamlDoc, read_yaml

AnsweredBy = Literal["client", "client_with_support", "supporter_view", "facilitator_note"]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlanParticipant(_Data):
    name: str = Field(min_length=1)
    role: str = Field(min_length=1)


class PlanSession(_Data):
    """Who the session in `haave play` is for."""

    alias: str = Field("Testi", min_length=1)
    participants: list[PlanParticipant] = Field(default_factory=list)

    def facts(self, lang: str) -> MeetingFacts:
        """What "who is here today" would record for this session."""
        others = [p.name for p in self.participants if p.role != "client"]
        return MeetingFacts(client_name=self.alias, others=others, lang=lang)


class WalkItem(_Data):
    """One move in a walk: one of say, answer/text, skip, back or theme, or only `expect`.

    An answer `by: supporter_view` (or `facilitator_note`) is kept beside the client's answer
    to the current step and does not move the walk: give it before the client's answer.
    """

    expect: str | None = Field(None, description="The step expected now.")
    say: bool | None = Field(None, description="Go on from a `say` step.")
    answer: str | list[str] | None = Field(None, description="Choice id(s), yes/no, like/...")
    text: str | None = Field(None, description="Own words.")
    skip: SkipReason | None = None
    back: bool | None = None
    theme: str | None = Field(None, description="Jump to this theme.")
    by: AnsweredBy = Field("client", description="Who gives this answer.")
    participant: str | None = Field(None, description="Who helped, or whose view it is.")
    private: bool = False
    confirmed: bool | None = None

    @model_validator(mode="after")
    def _one_move(self) -> WalkItem:
        moves = [
            self.say,
            self.answer is not None or self.text is not None or None,
            self.skip,
            self.back,
            self.theme,
        ]
        count = sum(1 for m in moves if m)
        if count > 1 or (count == 0 and self.expect is None):
            raise ValueError("give one move (say, answer/text, skip, back or theme) or 'expect'")
        return self

    @property
    def moves(self) -> bool:
        """False for an item that only checks where the walk is."""
        return any(
            (
                self.say,
                self.answer is not None,
                self.text is not None,
                self.skip,
                self.back,
                self.theme,
            )
        )

    def as_answer(self) -> Answer:
        if self.skip is not None:
            return Answer.skip(self.skip)
        choices = [self.answer] if isinstance(self.answer, str) else list(self.answer or [])
        return Answer(choices=tuple(choices), text=self.text)


class EndAt(_Data):
    at: str


class TestPlan(_Data):
    """A walk through one dialogue and where it must end."""

    __test__ = False  # not a pytest test class

    dialogue: str
    lang: Lang = "fi"
    description: str = ""
    session: PlanSession = Field(default_factory=PlanSession)
    walk: list[WalkItem] = Field(min_length=1)
    ends: Literal["finished"] | EndAt = "finished"


@dataclass
class PlanRun:
    """The result of walking a plan."""

    plan: TestPlan
    path: Path
    conversation: Conversation
    problems: list[Problem] = field(default_factory=list)
    #: (step id, branch index) of every branch the walk took
    branches: set[tuple[str, int]] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.problems


def read_plan(path: Path, folder: Path | None = None) -> tuple[TestPlan, YamlDoc]:
    """Read and validate a test plan file. Raises `DataFileError`.

    With `folder` (the dialogue folder), a plan that is, or links to, a file outside it is
    refused before it is read, so nothing from such a file reaches the output."""
    if folder is not None and not _inside(path, folder):
        raise DataFileError(
            [Problem(path, None, None, "a test plan must be a file inside the dialogue folder")]
        )
    doc = read_yaml(path)
    try:
        return TestPlan.model_validate(doc.data), doc
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(p for p in error["loc"] if isinstance(p, (str, int)))
            where = ".".join(str(p) for p in loc) or "the file"
            msg = str(error["msg"]).removeprefix("Value error, ")
            problems.append(Problem(path, doc.line(loc), None, f"{where}: {msg}"))
        raise DataFileError(problems) from None


def run_plan(
    path: Path, dialogue: Dialogue, plan: TestPlan | None = None, folder: Path | None = None
) -> PlanRun:
    """Walk the plan at `path` through `dialogue`; every mismatch becomes a problem.

    `folder` is the dialogue folder the plan must be inside (see `read_plan`)."""
    doc: YamlDoc | None = None
    if plan is None:
        plan, doc = read_plan(path, folder)
    run = PlanRun(plan, path, Conversation(dialogue))
    facts = plan.session.facts(plan.lang)
    run.conversation.record_known(known_answers(dialogue, facts, run.conversation.state.answers))
    if plan.dialogue != dialogue.id:
        run.problems.append(
            Problem(path, 1, None, f"this plan is for '{plan.dialogue}', not '{dialogue.id}'")
        )
        return run
    conv = run.conversation
    for index, item in enumerate(plan.walk):
        line = doc.line(("walk", index)) if doc else None
        here = conv.current.id if conv.current else None
        if item.expect is not None and item.expect != here:
            now = f"at '{here}'" if here else "finished"
            run.problems.append(
                Problem(
                    path, line, item.expect, f"expected step '{item.expect}' but the walk is {now}"
                )
            )
            return run
        try:
            _move(run, item)
        except (AnswerError, KeyError) as exc:
            run.problems.append(Problem(path, line, here, f"{exc}; fix the walk or the dialogue"))
            return run
    _check_end(run, doc)
    return run


def _move(run: PlanRun, item: WalkItem) -> None:
    conv = run.conversation
    if not item.moves:
        return
    if item.back:
        conv.back()
    elif item.theme is not None:
        conv.jump_to_theme(item.theme)
    elif item.say:
        conv.proceed()
    elif item.by in ("supporter_view", "facilitator_note"):
        step = conv.current
        if step is None:
            raise AnswerError("-", "the conversation is finished")
        # A supporter's view or a note is kept beside the client's answer: it moves nothing.
    else:
        step = conv.current
        conv.answer(item.as_answer())
        if step is not None:
            for i, branch in enumerate(step.branches):
                if holds(branch.when, conv.state.answers):
                    run.branches.add((step.id, i))
                    break


def _check_end(run: PlanRun, doc: YamlDoc | None) -> None:
    conv, plan = run.conversation, run.plan
    line = doc.line(("ends",)) if doc else None
    here = conv.current.id if conv.current else None
    if plan.ends == "finished":
        if not conv.finished:
            run.problems.append(
                Problem(run.path, line, here, f"the walk should finish but stops at '{here}'")
            )
    elif isinstance(plan.ends, EndAt) and plan.ends.at != here:
        where = f"'{here}'" if here else "the end"
        run.problems.append(
            Problem(run.path, line, here, f"the walk should stop at '{plan.ends.at}', not {where}")
        )


def _inside(path: Path, folder: Path) -> bool:
    resolved = path.resolve()
    base = folder.resolve()
    return base in resolved.parents


def plan_paths(folder: Path) -> list[Path]:
    """The test plans of a dialogue folder."""
    tests = folder / "tests"
    return sorted([*tests.glob("*.yaml"), *tests.glob("*.yml")]) if tests.is_dir() else []
