"""The conversation engine: pull-based and pure (no UI, no storage).

Ask it for the current step, give it an answer or a skip, go back, jump to a theme, and
save its state as JSON. A state saved under an older version of a dialogue resumes under the
new one: answers are mapped by step id, and those that cannot be placed are kept aside and
reported, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from assistant.dialogue.answers import Answer, AnswerError, SkipReason
from assistant.dialogue.conditions import holds
from assistant.dialogue.model import END_THEME, Dialogue, Step, StepKind, Theme

#: More moves than this inside one theme without reaching a step means a loop.
_MAX_MOVES = 1000


class EngineState(BaseModel):
    """Everything needed to stop after any step and resume days later."""

    model_config = ConfigDict(extra="forbid")

    dialogue_id: str
    dialogue_version: int
    step_id: str | None = Field(None, description="The step shown now; None when finished.")
    history: list[str] = Field(default_factory=list, description="Steps shown before, for Back.")
    answers: dict[str, Answer] = Field(default_factory=dict)
    themes_done: list[str] = Field(default_factory=list)
    later_round: bool = Field(False, description="Asking the 'not now' steps again.")
    asked_again: list[str] = Field(default_factory=list)
    unplaced: dict[str, Answer] = Field(
        default_factory=dict, description="Answers from an older version with no place now."
    )
    finished: bool = False


class ThemeState(StrEnum):
    NOT_STARTED = "not_started"
    BEGUN = "begun"
    DONE = "done"
    LATER = "later"


@dataclass(frozen=True)
class Progress:
    """Where the client is, for "Theme 3 of 12: Free time, question 2 of 6"."""

    theme_number: int
    theme_count: int
    theme: Theme | None
    step_number: int
    step_count: int
    themes_done: int


@dataclass(frozen=True)
class UnplacedAnswer:
    """An answer kept from an older dialogue version that has no place in this one."""

    step_id: str
    answer: Answer
    reason: str


class DialogueMismatch(ValueError):
    """A saved state belongs to another dialogue."""


class Conversation:
    """One client's walk through one dialogue."""

    def __init__(self, dialogue: Dialogue, state: EngineState | None = None) -> None:
        self.dialogue = dialogue
        if state is not None and state.dialogue_id != dialogue.id:
            raise DialogueMismatch(
                f"this session is for dialogue '{state.dialogue_id}', not '{dialogue.id}'"
            )
        fresh = state is None
        self.state = state or EngineState(
            dialogue_id=dialogue.id, dialogue_version=dialogue.version
        )
        if fresh:
            self.state.step_id = self._first_step()
            self.state.finished = self.state.step_id is None

    # -- reading -------------------------------------------------------------------------

    @property
    def current(self) -> Step | None:
        """The step to show now, or None when the dialogue is finished."""
        if self.state.step_id is None:
            return None
        found = self.dialogue.find(self.state.step_id)
        return found[1] if found else None

    @property
    def current_theme(self) -> Theme | None:
        if self.state.step_id is None:
            return None
        found = self.dialogue.find(self.state.step_id)
        return found[0] if found else None

    @property
    def finished(self) -> bool:
        return self.state.finished

    def answer_to(self, step_id: str) -> Answer | None:
        """The earlier answer to a step (to show it filled in), or None."""
        return self.state.answers.get(step_id)

    def visible(self, step: Step) -> bool:
        """True when the step's condition holds (or it has none)."""
        return step.when is None or holds(step.when, self.state.answers)

    def theme_state(self, theme: Theme) -> ThemeState:
        ids = {s.id for s in theme.steps}
        answers = [a for sid, a in self.state.answers.items() if sid in ids]
        if theme.id in self.state.themes_done:
            pending = any(a.skipped is SkipReason.LATER for a in answers)
            return ThemeState.LATER if pending else ThemeState.DONE
        if answers or self.state.step_id in ids:
            return ThemeState.BEGUN
        return ThemeState.NOT_STARTED

    def theme_states(self) -> dict[str, ThemeState]:
        return {t.id: self.theme_state(t) for t in self.dialogue.themes}

    def progress(self) -> Progress:
        themes = self.dialogue.themes
        theme = self.current_theme
        done = sum(1 for t in themes if t.id in self.state.themes_done)
        if theme is None:
            return Progress(len(themes), len(themes), None, 0, 0, done)
        questions = [s for s in theme.steps if s.asks and self.visible(s)]
        step = self.current
        number = next((i for i, s in enumerate(questions, 1) if step and s.id == step.id), 0)
        if step is not None and not step.asks:
            # a `say` step counts as being before the next question
            before = theme.steps[: theme.steps.index(step)]
            number = sum(1 for s in before if s in questions)
        return Progress(themes.index(theme) + 1, len(themes), theme, number, len(questions), done)

    # -- moving --------------------------------------------------------------------------

    def answer(self, answer: Answer) -> Step | None:
        """Give the answer to the current step (or a skip) and move on. Returns the new step."""
        step = self._require_current()
        if answer.skipped is not None:
            return self.skip(answer.skipped)
        self._validate(step, answer)
        self.state.answers[step.id] = answer
        return self._move_on(step)

    def skip(self, reason: SkipReason | str) -> Step | None:
        """Skip the current step for a reason. 'later' comes back at the end of the theme."""
        step = self._require_current()
        if not step.asks:
            return self.proceed()
        reason = SkipReason(reason)
        previous = self.state.answers.get(step.id)
        if previous is not None and previous.given and reason is SkipReason.LATER:
            # "Not now" on a question answered before keeps that answer.
            return self._move_on(step)
        # Any other skip is the client's own change; the store keeps the earlier revision.
        self.state.answers[step.id] = Answer.skip(reason)
        return self._move_on(step)

    def proceed(self) -> Step | None:
        """Go on from a `say` step."""
        step = self._require_current()
        if step.asks:
            raise AnswerError(step.id, "this step asks a question: answer or skip it")
        return self._move_on(step)

    def back(self) -> Step | None:
        """Go to the step shown before this one. Answers are kept. Returns the step, or None."""
        if not self.state.history:
            return None
        self.state.step_id = self.state.history.pop()
        self.state.finished = False
        self.state.later_round = False
        return self.current

    def jump_to_theme(self, theme_id: str) -> Step | None:
        """Go to a theme the client chose, at its first step without an answer."""
        theme = self.dialogue.theme(theme_id)
        if theme is None:
            raise KeyError(f"no theme '{theme_id}' in dialogue '{self.dialogue.id}'")
        target = self._resume_point(theme)
        if target is None:
            return self.current
        if self.state.step_id is not None and self.state.step_id != target:
            self.state.history.append(self.state.step_id)
        self.state.step_id = target
        self.state.finished = False
        self.state.later_round = False
        return self.current

    def revisit(self, step_id: str) -> Step | None:
        """Show an earlier step again (e.g. to change it at the read-back). Answers are kept."""
        if self.dialogue.find(step_id) is None:
            raise KeyError(f"no step '{step_id}' in dialogue '{self.dialogue.id}'")
        if self.state.step_id is not None and self.state.step_id != step_id:
            self.state.history.append(self.state.step_id)
        self.state.step_id = step_id
        self.state.finished = False
        self.state.later_round = False
        return self.current

    def return_to(self, step_id: str | None) -> None:
        """Go back to where the client was before a `revisit` (e.g. the end, after a change
        at the read-back). `None` is the end of the dialogue."""
        if step_id is not None and self.dialogue.find(step_id) is None:
            raise KeyError(f"no step '{step_id}' in dialogue '{self.dialogue.id}'")
        self.state.step_id = step_id
        self.state.finished = step_id is None
        self.state.later_round = False

    def record_known(self, answers: dict[str, Answer]) -> None:
        """Record answers the meeting record knows (see `assistant.dialogue.facts`).

        The steps they answer are no longer shown; if the current step is one, the
        conversation moves past it (not into the history: it was never shown)."""
        self.state.answers.update(answers)
        step = self.current
        if step is not None and self._known(step):
            found = self.dialogue.find(step.id)
            assert found is not None
            theme = found[0]
            self.state.step_id = self._first_shown(theme, step.id) or self._end_theme(theme)
            self.state.finished = self.state.step_id is None

    # -- inside ----------------------------------------------------------------------------

    def _require_current(self) -> Step:
        step = self.current
        if step is None:
            raise AnswerError("-", "the conversation is finished")
        return step

    def _validate(self, step: Step, answer: Answer) -> None:
        values = step.values()
        unknown = [c for c in answer.choices if c not in values]
        if unknown:
            raise AnswerError(step.id, f"unknown choice {', '.join(unknown)}")
        if len(set(answer.choices)) != len(answer.choices):
            raise AnswerError(step.id, "a choice is given twice")
        kind = step.kind
        if kind is StepKind.SAY:
            raise AnswerError(step.id, "this step asks nothing: go on with proceed()")
        if kind is StepKind.TEXT:
            if answer.choices or not (answer.text or "").strip():
                raise AnswerError(step.id, "this question wants words: write them or skip")
        elif kind is StepKind.MULTI_CHOICE:
            if not answer.choices:
                raise AnswerError(step.id, "pick at least one choice, or skip")
        elif len(answer.choices) != 1:
            raise AnswerError(step.id, "pick exactly one choice, or skip")

    def _move_on(self, step: Step) -> Step | None:
        self.state.history.append(step.id)
        self.state.step_id = self._after(step)
        if self.state.step_id is None:
            self.state.finished = True
        return self.current

    def _after(self, step: Step) -> str | None:
        """The id of the step after `step`, ending themes and the dialogue as needed."""
        found = self.dialogue.find(step.id)
        assert found is not None
        theme = found[0]
        if self.state.later_round:
            # A "not now" question answered at last may open follow-ups: ask those that
            # have no answer yet, then the next "not now" question.
            follow_up = self._first_open(
                theme, self._target(theme, step, use_branches=True), later_is_open=False
            )
            return follow_up or self._next_later(theme) or self._end_theme(theme)
        shown = self._first_shown(theme, self._target(theme, step, use_branches=True))
        return shown or self._end_theme(theme)

    def _first_shown(self, theme: Theme, target: str | None) -> str | None:
        """Follow the flow from `target` past hidden and declined steps; None at theme end."""
        for _ in range(_MAX_MOVES):
            if target is None:
                return None
            candidate = theme.step(target)
            if candidate is None:
                return None
            if (
                self.visible(candidate)
                and not self._declined(candidate)
                and not self._known(candidate)
            ):
                return candidate.id
            target = self._target(theme, candidate, use_branches=False)
        return None

    def _target(self, theme: Theme, step: Step, *, use_branches: bool) -> str | None:
        if use_branches:
            for branch in step.branches:
                if holds(branch.when, self.state.answers):
                    return None if branch.goto == END_THEME else branch.goto
        if step.next is not None:
            return None if step.next == END_THEME else step.next
        index = theme.steps.index(step)
        return theme.steps[index + 1].id if index + 1 < len(theme.steps) else None

    def _shown(self, step: Step) -> bool:
        """On the flow, a step is shown unless hidden, declined, or answered by the record."""
        return self.visible(step) and not self._declined(step) and not self._known(step)

    def _known(self, step: Step) -> bool:
        """A step the meeting record answered (`when_known: skip`): gone past, not shown."""
        answer = self.state.answers.get(step.id)
        return step.skipped_when_known and answer is not None and answer.given

    def _declined(self, step: Step) -> bool:
        answer = self.state.answers.get(step.id)
        return answer is not None and answer.skipped is SkipReason.DECLINE

    def _next_later(self, theme: Theme) -> str | None:
        for step in theme.steps:
            answer = self.state.answers.get(step.id)
            if (
                answer is not None
                and answer.skipped is SkipReason.LATER
                and step.id not in self.state.asked_again
                and self.visible(step)
            ):
                self.state.asked_again.append(step.id)
                return step.id
        return None

    def _end_theme(self, theme: Theme) -> str | None:
        if not self.state.later_round:
            self.state.later_round = True
            again = self._next_later(theme)
            if again is not None:
                return again
        self.state.later_round = False
        if theme.id not in self.state.themes_done:
            self.state.themes_done.append(theme.id)
        themes = self.dialogue.themes
        start = themes.index(theme) + 1
        ring = themes[start:] + themes[:start]
        # a closing theme ('fixed: last') comes after every other theme, whatever the order
        ring = [t for t in ring if t.fixed != "last"] + [t for t in ring if t.fixed == "last"]
        for candidate in ring:
            if candidate.id in self.state.themes_done:
                continue
            first = self._enter_theme(candidate)
            if first is not None:
                return first
            self.state.themes_done.append(candidate.id)
        return None

    def _first_step(self) -> str | None:
        """The first step of the first theme that shows one."""
        for theme in self.dialogue.themes:
            first = self._enter_theme(theme)
            if first is not None:
                return first
            self.state.themes_done.append(theme.id)
        return None

    def _enter_theme(self, theme: Theme) -> str | None:
        """The first step to show in a theme."""
        return self._first_shown(theme, theme.steps[0].id)

    def _resume_point(self, theme: Theme) -> str | None:
        """The first open question of a theme (on the flow), else its first step."""
        open_step = self._first_open(theme, theme.steps[0].id, later_is_open=True)
        return open_step or self._enter_theme(theme)

    def _first_open(self, theme: Theme, target: str | None, *, later_is_open: bool) -> str | None:
        """Follow the flow from `target` past answered steps to the first one without one."""
        step_id = self._first_shown(theme, target)
        seen: set[str] = set()
        while step_id is not None and step_id not in seen:
            seen.add(step_id)
            step = theme.step(step_id)
            if step is None:
                break
            answer = self.state.answers.get(step.id)
            is_later = answer is not None and answer.skipped is SkipReason.LATER
            if step.asks and (answer is None or (later_is_open and is_later)):
                return step.id
            step_id = self._first_shown(theme, self._target(theme, step, use_branches=True))
        return None


def resume(dialogue: Dialogue, state: EngineState) -> tuple[Conversation, list[UnplacedAnswer]]:
    """Resume a saved state, mapping answers by step id when the dialogue version changed.

    Returns the conversation and the answers it could not place (kept in `state.unplaced`).
    """
    if state.dialogue_id != dialogue.id:
        raise DialogueMismatch(
            f"this session is for dialogue '{state.dialogue_id}', not '{dialogue.id}'"
        )
    unplaced: list[UnplacedAnswer] = []
    if state.dialogue_version != dialogue.version:
        state = state.model_copy(deep=True)
        kept: dict[str, Answer] = {}
        for step_id, answer in state.answers.items():
            reason = _misfit(dialogue, step_id, answer)
            if reason is None:
                kept[step_id] = answer
            else:
                state.unplaced[step_id] = answer
                unplaced.append(UnplacedAnswer(step_id, answer, reason))
        state.answers = kept
        state.history = [s for s in state.history if dialogue.find(s) is not None]
        themes = {t.id for t in dialogue.themes}
        state.themes_done = [t for t in state.themes_done if t in themes]
        state.asked_again = [s for s in state.asked_again if dialogue.find(s) is not None]
        state.dialogue_version = dialogue.version
        conversation = Conversation(dialogue, state)
        if state.step_id is not None and dialogue.find(state.step_id) is None:
            state.step_id = None
            state.later_round = False
            for theme in dialogue.themes:
                if theme.id not in state.themes_done:
                    state.step_id = conversation._resume_point(theme)
                    if state.step_id is not None:
                        break
            state.finished = state.step_id is None
        return conversation, unplaced
    return Conversation(dialogue, state), unplaced


def _misfit(dialogue: Dialogue, step_id: str, answer: Answer) -> str | None:
    """Why an answer has no place in this dialogue, or None when it fits."""
    found = dialogue.find(step_id)
    if found is None:
        return "the question is no longer in the dialogue"
    step = found[1]
    if not step.asks:
        return "the question no longer asks for an answer"
    if answer.skipped is not None:
        return None
    unknown = [c for c in answer.choices if c not in step.values()]
    if unknown:
        return f"the choices {', '.join(unknown)} are no longer offered"
    if step.kind is StepKind.TEXT and answer.choices:
        return "the question now asks for words, not choices"
    if step.kind in (StepKind.CHOICE, StepKind.YES_NO, StepKind.SCALE3) and len(answer.choices) > 1:
        return "the question now takes one choice only"
    if step.kind is not StepKind.TEXT and not answer.choices and answer.text:
        return "the question now asks for a choice, not words"
    return None
