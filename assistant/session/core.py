"""What every action of a session stands on: who and what it is, who is here, where the
conversation is, and the one way to save (`_saving`: save, or put everything back).

`ActiveSession` (active.py) is this plus the actions, kept by topic: answering in
active.py, the read-back in readback.py, the mat and the top three in picture.py, consent
and files in outputs.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from assistant.dialogue import AnswerError, Conversation, Dialogue, Step
from assistant.dialogue.facts import MeetingFacts, known_answers
from assistant.i18n import N_, translator
from assistant.session.errors import Problem, SessionError
from assistant.session.view import Answering, Person, Place, ThemeView
from assistant.session.viewing import theme_views
from assistant.store.api import OpenSession, SessionStore
from assistant.store.errors import StoreError
from assistant.store.model import Participant, Preferences, Provenance, Role

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


class SessionCore:
    """One client's session, opened (and locked) for work: the state the actions share."""

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

    @property
    def in_opening(self) -> bool:
        """The conversation is in the opening theme ('fixed: first'), shown before the
        client picks a theme."""
        theme = self._conversation.current_theme
        return theme is not None and theme.fixed == "first"

    def themes(self) -> list[ThemeView]:
        return theme_views(self._dialogue, self._conversation, self.language)

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
