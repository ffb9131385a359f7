"""A session in use: the only code that moves a conversation and saves it.

Every action a front-end offers is a method of `ActiveSession`: who is here, answer (by the
client, with support, or as someone's own view), skip, go on, back, jump to a theme, a
facilitator's note, keep private, the read-back per theme, consent, the client's
preferences, export. This module holds the answering and the preferences; the rest is kept
by topic in core.py (state, people, saving), readback.py, picture.py (the mat, the top
three, how the view was obtained) and outputs.py (consent and files).
Each one moves the engine (when it moves at all) and saves in one durable write before it
returns; if saving fails, the engine is put back as it was and `SessionError(NOT_SAVED)` is
raised, so the front-end keeps what was typed and nothing saved before is lost.
"""

from assistant.dialogue import Answer, SkipReason, Step
from assistant.dialogue.facts import prefilled
from assistant.languages import is_known
from assistant.session.core import SessionCore
from assistant.session.errors import Problem, SessionError
from assistant.session.outputs import OutputActions
from assistant.session.picture import PictureActions
from assistant.session.readback import ReadbackActions
from assistant.session.view import Answering, Person, StepView
from assistant.session.viewing import step_view
from assistant.store.model import Provenance


class ActiveSession(ReadbackActions, PictureActions, OutputActions, SessionCore):
    """One client's session, opened (and locked) for work.

    The shared state and the saving are in `SessionCore` (core.py); the read-back, the
    picture (mat, top three) and the outputs are in their own modules."""

    def step(self, answering: Answering | None = None) -> StepView | None:
        """The step to show now, answered by `answering` (the client by default)."""
        step = self._conversation.current
        if step is None:
            return None
        answering = answering or Answering()
        facts = self._facts()
        return step_view(
            dialogue=self._dialogue,
            conversation=self._conversation,
            stored=self._stored.session,
            step=step,
            answering=answering,
            people={p.id: p for p in self.people()},
            lang=self.language,
            prefill=prefilled(step, facts),
            can_note=self.note_writer() is not None,
            others_here=bool(self.others),
            folder=self._folder,
        )

    # -- answering ---------------------------------------------------------------------------

    def _moved_from(self, theme_before: str | None) -> None:
        """After a move: leaving the opening means the client picks a theme next."""
        before = self._dialogue.theme(theme_before) if theme_before else None
        now = self._conversation.current_theme
        if before is None or before.fixed != "first":
            self.theme_choice_due = False
            return
        self.theme_choice_due = now is None or now.id != before.id

    def _theme_now(self) -> str | None:
        theme = self._conversation.current_theme
        return theme.id if theme is not None else None

    def answer(self, answer: Answer, answering: Answering | None = None) -> None:
        """The answer to the step shown now (or a skip).

        The client's answer (alone or with support) moves the conversation on; someone's own
        view is kept beside the client's answer and moves nothing."""
        step = self._require_step()
        answering = answering or Answering()
        provenance = self._provenance(answering)
        if answering.is_view:
            with self._saving():
                self._stored.record(step.id, answer, provenance)
            return
        theme_before = self._theme_now()
        with self._saving(), self._unfit(step):
            self._conversation.answer(answer)
            held = self._conversation.state.answers.get(step.id)
            found = self._stored.step(step.id)
            last = found.current if found else None
            if held is None or (last and last.answer == held and last.provenance == provenance):
                # unchanged (e.g. "not now" on an answered question): only the state moves
                self._stored.save_state(self._conversation.state)
            else:
                self._stored.record(step.id, held, provenance, state=self._conversation.state)
            if held is not None and held.given:
                self._apply_sets(step, held)
            self._after_change()
        self._moved_from(theme_before)

    def skip(self, reason: SkipReason | str, answering: Answering | None = None) -> None:
        self.answer(Answer.skip(reason), answering)

    def go_on(self) -> None:
        """Go on from a step that only says something."""
        step = self._require_step()
        theme_before = self._theme_now()
        with self._saving(), self._unfit(step):
            self._conversation.proceed()
            self._stored.save_state(self._conversation.state)
            self._after_change()
        self._moved_from(theme_before)

    def back(self) -> bool:
        """The step before. False when there is none (the front-end shows the themes)."""
        if self._returning is not None:  # Back from a change: to the read-back
            self._finish_change()
            return True
        with self._saving():
            if self._conversation.back() is None:
                return False
            self._stored.save_state(self._conversation.state)
        return True

    def jump(self, theme_id: str) -> None:
        """Talk about this theme now (at its first open question)."""
        if self._dialogue.theme(theme_id) is None:
            raise SessionError(Problem.NOT_NOW, f"no theme '{theme_id}'")
        with self._saving():
            self._returning = None
            self._readback = None
            self.theme_choice_due = False
            self._conversation.jump_to_theme(theme_id)
            self._stored.save_state(self._conversation.state)

    def note(self, text: str, by: Person | None = None) -> None:
        """A facilitator's note on the step shown now, for the caseworker."""
        step = self._require_step()
        writer = by or self.note_writer()
        if writer is None or not text.strip():
            raise SessionError(Problem.NOT_NOW, "a note needs a writer and words")
        with self._saving():
            self._stored.record(step.id, Answer.words(text), Provenance.note(writer.id))

    def set_language(self, lang: str) -> None:
        if not is_known(lang):
            raise SessionError(Problem.NOT_NOW, f"unknown language '{lang}'")
        with self._saving():
            self._stored.set_preferences(self.preferences, language=lang)

    def set_preferences(
        self,
        *,
        read_aloud: bool | None = None,
        high_contrast: bool | None = None,
        large_text: bool | None = None,
    ) -> None:
        """Change the client's own preferences (None: unchanged)."""
        changes = {
            "read_aloud": read_aloud,
            "high_contrast": high_contrast,
            "large_text": large_text,
        }
        wanted = self.preferences.model_copy(
            update={k: v for k, v in changes.items() if v is not None}
        )
        if wanted != self.preferences:
            with self._saving():
                self._stored.set_preferences(wanted)

    def _apply_sets(self, step: Step, answer: Answer) -> None:
        for value in answer.choices:
            choice = step.choice(value)
            if choice is not None and choice.sets is not None:
                self.set_preferences(**choice.sets.model_dump())

    def close(self) -> None:
        """Let go of the session (its lock). Everything was saved already."""
        self._stored.close()
