"""A session in use: the only code that moves a conversation and saves it.

Every action a front-end offers is a method here: who is here, answer (by the client, with
support, or as someone's own view), skip, go on, back, jump to a theme, a facilitator's
note, keep private, the read-back per theme, consent, the client's preferences, export.
Each one moves the engine (when it moves at all) and saves in one durable write before it
returns; if saving fails, the engine is put back as it was and `SessionError(NOT_SAVED)` is
raised, so the front-end keeps what was typed and nothing saved before is lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from assistant.dialogue import Answer, AnswerError, Conversation, Dialogue, SkipReason, Step
from assistant.dialogue.facts import MeetingFacts, known_answers, prefilled
from assistant.i18n import N_, translator
from assistant.languages import is_known
from assistant.plan.consent import CONSENT_KEY, make_consent
from assistant.plan.errors import ExportError
from assistant.plan.export import PlanFile, make_file
from assistant.plan.source import source_from_session
from assistant.session import important
from assistant.session import mat as topic_mat
from assistant.session.errors import Problem, SessionError
from assistant.session.view import (
    Answering,
    Person,
    Place,
    ReadbackView,
    StepView,
    ThemeView,
)
from assistant.session.viewing import readback_view, step_view, theme_views
from assistant.store.api import OpenSession, SessionStore
from assistant.store.durable import atomic_write_plain
from assistant.store.errors import StoreError
from assistant.store.files import make_private_dirs
from assistant.store.model import Participant, Preferences, Provenance, Role, ViewWay

#: Who writes a facilitator's note when several people are here: the first role found.
NOTE_WRITERS = (Role.EXPERIENCE_EXPERT, Role.SUPPORTER, Role.SUPPORT_RING, Role.CASEWORKER)


class NoticeKind(StrEnum):
    REPAIRED = "repaired"
    UNPLACED = "unplaced"


_NOTICE_WORDS = {
    NoticeKind.REPAIRED: N_(
        "The saved answers were damaged. Haave took the last good copy. "
        "Check the last answer, please."
    ),
    NoticeKind.UNPLACED: N_(
        "The questions have changed. Some earlier answers are kept aside for the caseworker."
    ),
}


@dataclass(frozen=True)
class Notice:
    """Something the user should know about the opening, in plain words by code."""

    kind: NoticeKind
    detail: str = ""

    def words(self, lang: str) -> str:
        return translator(lang)(_NOTICE_WORDS[self.kind])


@dataclass(frozen=True)
class Exported:
    """A file made from the session and kept in the data folder."""

    path: Path
    file: PlanFile


class ActiveSession:
    """One client's session, opened (and locked) for work."""

    def __init__(
        self,
        store: SessionStore,
        stored: OpenSession,
        dialogue: Dialogue,
        conversation: Conversation,
        notices: list[Notice],
        folder: Path | None = None,
    ) -> None:
        self._store = store
        self._stored = stored
        self._dialogue = dialogue
        self._conversation = conversation
        self.notices = notices
        self._folder = folder  # the dialogue's folder: recorded audio lives there
        self._readback: str | None = None
        #: The opening ('fixed: first') just ended: the client picks a theme now.
        self.theme_choice_due = False
        #: After "Change" at a read-back: (theme, where the client was) to return to.
        self._returning: tuple[str, str | None] | None = None

    # -- who and what ----------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self._stored.id

    @property
    def alias(self) -> str:
        return self._stored.session.alias

    @property
    def language(self) -> str:
        return self._stored.session.language

    @property
    def preferences(self) -> Preferences:
        return self._stored.session.preferences

    @property
    def dialogue_id(self) -> str:
        return self._dialogue.id

    @property
    def meetings(self) -> int:
        return len(self._stored.session.meetings)

    def people(self) -> list[Person]:
        """Everyone who has taken part, the client first."""
        return [_person(p) for p in self._stored.session.participants]

    @property
    def present(self) -> list[Person]:
        """The people at the latest meeting, the client first."""
        session = self._stored.session
        if not session.meetings:
            return [p for p in self.people() if p.role is Role.CLIENT]
        by_id = {p.id: p for p in self.people()}
        return [by_id[pid] for pid in session.meetings[-1].present if pid in by_id]

    @property
    def others(self) -> list[Person]:
        """The people here today beside the client."""
        return [p for p in self.present if p.role is not Role.CLIENT]

    def note_writer(self) -> Person | None:
        """Who writes notes today: the experience expert, else the first helper here."""
        others = self.others
        for role in NOTE_WRITERS:
            found = next((p for p in others if p.role is role), None)
            if found is not None:
                return found
        return others[0] if others else None

    # -- where the conversation is -----------------------------------------------------------

    @property
    def place(self) -> Place:
        if self._readback is not None:
            return Place.READBACK
        return Place.END if self._conversation.finished else Place.STEP

    @property
    def readback_theme(self) -> str | None:
        """The theme whose read-back is shown now."""
        return self._readback

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

    @property
    def in_opening(self) -> bool:
        """The conversation is in the opening theme ('fixed: first'), shown before the
        client picks a theme."""
        theme = self._conversation.current_theme
        return theme is not None and theme.fixed == "first"

    def themes(self) -> list[ThemeView]:
        return theme_views(self._dialogue, self._conversation, self.language)

    def readback(self, theme_id: str | None = None) -> ReadbackView:
        """A theme's read-back (the one shown now by default)."""
        theme_id = theme_id or self._readback or self._first_readback()
        if theme_id is None or self._dialogue.theme(theme_id) is None:
            raise SessionError(Problem.NOT_NOW, f"no read-back for theme '{theme_id}'")
        return readback_view(
            self._dialogue, self._conversation, self._stored.session, theme_id, self.language
        )

    def readback_themes(self) -> list[ThemeView]:
        """The themes that have answers (or skips) to read back."""
        return [t for t in self.themes() if self.readback(t.id).items]

    # -- people ------------------------------------------------------------------------------

    def start_meeting(self, others: list[tuple[str, Role]], client_name: str | None = None) -> None:
        """Who is here today: the client, and these people (by name and role).

        People who took part before keep their id; new ones are added. Facts the dialogue
        takes from the meeting record are filled in now."""
        with self._saving():
            if client_name and client_name.strip() and client_name.strip() != self.alias:
                self._stored.rename(client_name)
            ids = [self._client().id]
            for name, role in others:
                ids.append(self._participant_id(name.strip(), role))
            self._stored.start_meeting(list(dict.fromkeys(ids)))
            known = known_answers(self._dialogue, self._facts(), self._conversation.state.answers)
            if known:
                self._conversation.record_known(known)
                for step_id, answer in known.items():
                    self._stored.record(
                        step_id, answer, Provenance.client(), state=self._conversation.state
                    )

    def _client(self) -> Person:
        client = next((p for p in self.people() if p.role is Role.CLIENT), None)
        if client is None:  # a session made without one (an old import)
            client_record = Participant(id="client", name=self.alias, role=Role.CLIENT)
            self._stored.add_participant(client_record)
            return self._client()
        return client

    def _participant_id(self, name: str, role: Role) -> str:
        for p in self._stored.session.participants:
            if p.name == name and p.role is role:
                return p.id
        taken = {p.id for p in self._stored.session.participants}
        number = len(taken) + 1
        while f"p{number}" in taken:
            number += 1
        new = Participant(id=f"p{number}", name=name, role=role)
        self._stored.add_participant(new)
        return new.id

    def _facts(self) -> MeetingFacts:
        # once "who is here today" was answered, the record knows it, nobody else too
        lang = self.language if self._stored.session.meetings else None
        return MeetingFacts(client_name=self.alias, others=[p.name for p in self.others], lang=lang)

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

    # -- read-back -----------------------------------------------------------------------------

    def open_readback(self, theme_id: str | None = None) -> str | None:
        """Show a theme's read-back (the first one not yet confirmed by default)."""
        theme_id = theme_id or self._first_readback()
        self._readback = theme_id
        return theme_id

    def close_readback(self) -> None:
        self._readback = None

    def keep_private(self, step_id: str, private: bool = True) -> None:
        """Kept on this device, never exported."""
        self._require_answered(step_id)
        with self._saving():
            self._stored.set_private(step_id, private)

    def confirm(self, step_id: str, ok: bool = True) -> None:
        self._require_answered(step_id)
        with self._saving():
            self._stored.confirm(step_id, ok)

    def confirm_theme(self, theme_id: str) -> str | None:
        """"All right" on a theme's read-back: every answer in it is confirmed.

        At the end of the dialogue, returns the next theme to read back (None: all are
        confirmed) and shows it; a read-back opened on the way goes back to the question."""
        view = self.readback(theme_id)
        with self._saving():
            for item in view.items:
                if not item.confirmed:
                    self._stored.confirm(item.step_id, True)
        if not self._conversation.finished:
            self._readback = None  # a read-back opened on the way: back to the question
            return None
        order = [t.id for t in self.readback_themes()]
        after = order[order.index(theme_id) + 1 :] if theme_id in order else order
        following = next((t for t in after if not self.readback(t).confirmed), None)
        self._readback = following
        return following

    def change(self, step_id: str) -> None:
        """"Change" at the read-back: show the question again; after the answer (and any
        new follow-up question it opens) the client comes back to the same read-back."""
        found = self._dialogue.find(step_id)
        if found is None:
            raise SessionError(Problem.NOT_NOW, f"no step '{step_id}'")
        theme = self._readback or found[0].id
        with self._saving():
            self._returning = (theme, self._conversation.state.step_id)
            self._readback = None
            self._conversation.revisit(step_id)
            self._stored.save_state(self._conversation.state)

    def _after_change(self) -> None:
        """Back to the read-back after a change, unless the answer opened a new question
        in the same theme (a follow-up is asked first)."""
        if self._returning is None:
            return
        theme_id = self._returning[0]
        step = self._conversation.current
        theme = self._dialogue.theme(theme_id)
        follow_up = (
            step is not None
            and step.asks
            and theme is not None
            and theme.step(step.id) is not None
            and self._conversation.answer_to(step.id) is None
        )
        if not follow_up:
            self._finish_change()

    def _finish_change(self) -> None:
        assert self._returning is not None
        theme_id, where = self._returning
        self._returning = None
        self._conversation.return_to(where)
        self._stored.save_state(self._conversation.state)
        self._readback = theme_id

    def _first_readback(self) -> str | None:
        for theme in self.readback_themes():
            if not self.readback(theme.id).confirmed:
                return theme.id
        return None

    # -- consent, preferences, export ------------------------------------------------------------

    def consent(self, audience: list[str], caseworker: str | None = None) -> None:
        """Who the client lets see the plan ('caseworker', 'supporter'; none: nobody yet),
        recorded with the date and printed in the draft. The names are the session's
        caseworker and supporter unless `caseworker` names one."""
        named = {p.role: p.name for p in reversed(self.people())}
        caseworker = caseworker or named.get(Role.CASEWORKER)
        record = make_consent(audience, caseworker, named.get(Role.SUPPORTER))
        with self._saving():
            self._stored.set_extra(CONSENT_KEY, record.model_dump(mode="json"))

    @property
    def consented(self) -> bool:
        return CONSENT_KEY in self._stored.session.extra

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

    def make_file(
        self, fmt: str, lang: str | None = None, mine: bool = False, kind: str | None = None
    ) -> PlanFile:
        """The plan as a file (`mine`: the client's own easy-read copy; `kind`: draft, mine
        or profile, see `assistant.plan.formats`), not yet written."""
        source = source_from_session(self._stored.session)
        try:
            return make_file(source, self._dialogue, fmt, lang or self.language, mine, kind=kind)
        except (ExportError, ValueError) as exc:
            raise SessionError(Problem.EXPORT_FAILED, str(exc)) from exc

    def export(
        self, fmt: str, lang: str | None = None, mine: bool = False, kind: str | None = None
    ) -> Exported:
        """Make a file of the plan and keep it in the data folder (erased with the session)."""
        made = self.make_file(fmt, lang, mine, kind)
        try:
            path = self._store.keep_file(self.id, made.name, made.data)
        except (StoreError, OSError) as exc:
            raise SessionError(Problem.EXPORT_FAILED, str(exc)) from exc
        return Exported(path, made)

    def save_copy(
        self,
        fmt: str,
        folder: Path,
        lang: str | None = None,
        mine: bool = False,
        kind: str | None = None,
    ) -> Path:
        """Write the plan where the user chose, to share it: NOT encrypted (the client agreed
        to share it; the front-end says so). Folders made here are private (0700)."""
        made = self.make_file(fmt, lang, mine, kind)
        target = folder.expanduser() / made.name
        try:
            make_private_dirs(target.parent)
            atomic_write_plain(target, made.data)
        except OSError as exc:
            raise SessionError(Problem.EXPORT_FAILED, f"cannot write {target}: {exc}") from exc
        return target

    def close(self) -> None:
        """Let go of the session (its lock). Everything was saved already."""
        self._stored.close()

    # -- the topic mat, the top three, how the view was obtained (see mat.py, important.py) --

    @property
    def mat_due(self) -> str | None:
        """A topic mat to show now (its id), or None; not during a read-back or a change."""
        if self._readback is not None or self._returning is not None:
            return None
        return topic_mat.due(self._dialogue, self._conversation, self._stored.session)

    def mat(self, mat_id: str) -> topic_mat.MatView:
        try:
            return topic_mat.mat_view(
                self._dialogue, self._conversation, self._stored.session, mat_id, self.language
            )
        except KeyError:
            raise SessionError(Problem.NOT_NOW, f"no mat '{mat_id}'") from None

    def mat_place(
        self, step_id: str, value: str | None, answering: Answering | None = None
    ) -> None:
        """Put a card under a face ('like', 'unsure', 'dislike'); None sets it aside."""
        found = self._dialogue.find(step_id)
        if found is None or found[1].mat is None:
            raise SessionError(Problem.NOT_NOW, f"'{step_id}' is not on a mat")
        step = found[1]
        provenance = self._provenance(answering or Answering())
        try:
            new = topic_mat.mat_answer(step, self._conversation.answer_to(step_id), value)
        except ValueError as exc:
            raise SessionError(Problem.ANSWER_UNFIT, f"{step_id}: {exc}") from exc
        with self._saving():
            # only the value of a scale question changes: the step is not shown again
            self._conversation.state.answers[step_id] = new
            self._stored.record(step_id, new, provenance, state=self._conversation.state)

    def mat_set_aside(self, step_id: str, answering: Answering | None = None) -> None:
        """"I don't want to talk about this" for one card of the mat."""
        self.mat_place(step_id, None, answering)

    def mat_confirm(self, mat_id: str) -> None:
        """The client says the whole mat is right."""
        self.mat(mat_id)  # an unknown mat is refused
        with self._saving():
            self._stored.confirm_mat(mat_id)

    def important_choices(self) -> important.ImportantView:
        return important.important_view(
            self._dialogue, self._conversation, self._stored.session, self.language
        )

    def pick_important(self, keys: list[str]) -> None:
        """The client's top three (option keys of `important_choices`, in their order)."""
        try:
            picks = important.picks_for(self.important_choices(), keys)
        except ValueError as exc:
            raise SessionError(Problem.NOT_NOW, str(exc)) from exc
        with self._saving():
            self._stored.set_important(picks)

    def view_way_choices(self) -> tuple[important.ViewWayChoice, ...]:
        return important.view_way_choices(self._stored.session, self.language)

    def set_view_ways(self, ways: list[str]) -> None:
        """How the client's view was obtained in this meeting (speech, pictures, ...)."""
        try:
            chosen = [ViewWay(w) for w in ways]
        except ValueError as exc:
            raise SessionError(Problem.NOT_NOW, str(exc)) from exc
        if not self._stored.session.meetings:
            raise SessionError(Problem.NOT_NOW, "no meeting yet: say who is here first")
        with self._saving():
            self._stored.set_ways(chosen)

    # -- inside ----------------------------------------------------------------------------------

    def _require_step(self) -> Step:
        step = self._conversation.current
        if step is None:
            raise SessionError(Problem.NOT_NOW, "the conversation is finished")
        return step

    def _require_answered(self, step_id: str) -> None:
        if self._conversation.answer_to(step_id) is None:
            raise SessionError(Problem.NOT_NOW, f"'{step_id}' has no answer")

    def _provenance(self, answering: Answering) -> Provenance:
        if answering.person is None:
            return Provenance.client()
        if answering.person.id not in {p.id for p in self.people()}:
            raise SessionError(Problem.NOT_NOW, f"no person '{answering.person.id}' here")
        return Provenance(by=answering.by, participant=answering.person.id)

    @contextmanager
    def _unfit(self, step: Step) -> Iterator[None]:
        try:
            yield
        except AnswerError as exc:
            raise SessionError(Problem.ANSWER_UNFIT, f"{step.id}: {exc.message}") from exc

    @contextmanager
    def _saving(self) -> Iterator[None]:
        """Save or put everything back: on a failed save the engine returns to its state
        before the action, and the store has already re-read the disk."""
        before = self._conversation.state.model_copy(deep=True)
        marks = (self._readback, self._returning)
        try:
            yield
        except (StoreError, OSError) as exc:
            self._conversation.state = before
            self._readback, self._returning = marks
            raise SessionError(Problem.NOT_SAVED, str(exc)) from exc
        except SessionError:
            self._conversation.state = before
            self._readback, self._returning = marks
            raise


def _person(p: Participant) -> Person:
    return Person(p.id, p.name, p.role)
