"""The one place the UI talks to the engine and to the session store (`assistant.store`).

Screens call this module only; they never see tinydb, locks or provenance ids. People are
shown by name here and kept by participant id in the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from assistant.dialogue import Answer, Conversation, Dialogue, load_dialogue
from assistant.dialogue.engine import UnplacedAnswer, resume
from assistant.dialogue.loader import default_root, dialogue_folders
from assistant.dialogue.yamlio import DataFileError
from assistant.store import open_store
from assistant.store import resolve_data_dir as store_data_dir
from assistant.store.api import OpenSession as StoreSession
from assistant.store.model import AnswerRecord, Provenance, Role
from assistant.store.model import Participant as StoreParticipant

ROLES: tuple[str, ...] = (
    "supporter",
    "support_ring",
    "experience_expert",
    "relative",
    "caseworker",
)


@dataclass(frozen=True)
class Participant:
    """A person in the room, as the UI shows them."""

    name: str
    role: str = "client"


@dataclass
class SessionSummary:
    id: str
    alias: str
    last_meeting: datetime | None
    themes_done: int
    theme_count: int
    archived: bool


@dataclass(frozen=True)
class View:
    """A supporter's own view (or a record of the client's answer), with a person's name."""

    by: str | None
    answer: Answer
    kind: str


def resolve_data_dir(value: str | None) -> Path:
    """The data folder: the given one, `HAAVE_DATA_DIR`, or the platform's data folder."""
    return store_data_dir(value)


#: The dialogue a new session follows unless `haave --dialogue` names another.
DEFAULT_DIALOGUE = "support-plan"


def find_dialogue(dialogue: str | None) -> Dialogue:
    """A dialogue by folder path or id; the full support plan when None."""
    if dialogue and Path(dialogue).exists():
        return load_dialogue(Path(dialogue))
    folders = dialogue_folders(default_root())
    wanted = dialogue or DEFAULT_DIALOGUE
    for folder in folders:
        if folder.name == wanted:
            return load_dialogue(folder)
    if dialogue is None and folders:
        return load_dialogue(folders[0])
    raise FileNotFoundError(dialogue or str(default_root()))


@dataclass
class OpenSession:
    """A session in use: the store's locked session, the conversation, and who is here."""

    handle: StoreSession
    dialogue: Dialogue
    conversation: Conversation
    present: list[Participant] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    """Plain words for the user about the opening (a repair, answers kept aside)."""

    @property
    def id(self) -> str:
        return self.handle.id

    @property
    def alias(self) -> str:
        return self.handle.session.alias

    @property
    def meetings(self) -> int:
        return len(self.handle.session.meetings)

    def last_present(self) -> list[Participant]:
        """The people at the last meeting (the client first)."""
        session = self.handle.session
        if not session.meetings:
            return [self._person(p) for p in session.participants]
        out = []
        for pid in session.meetings[-1].present:
            found = session.participant(pid)
            if found is not None:
                out.append(self._person(found))
        return out

    @staticmethod
    def _person(p: StoreParticipant) -> Participant:
        return Participant(name=p.name, role=p.role.value)

    def _participant_id(self, person: Participant) -> str:
        session = self.handle.session
        if person.role == "client":
            client = next((p for p in session.participants if p.role is Role.CLIENT), None)
            if client is not None:
                return client.id
        for p in session.participants:
            if p.name == person.name and p.role.value == person.role:
                return p.id
        new_id = f"p{len(session.participants) + 1}"
        while session.participant(new_id) is not None:
            new_id += "x"
        self.handle.add_participant(
            StoreParticipant(id=new_id, name=person.name, role=Role(person.role))
        )
        return new_id

    def _name_id(self, name: str | None) -> str:
        for person in self.present:
            if person.name == name:
                return self._participant_id(person)
        raise KeyError(name)

    def _name(self, participant_id: str | None) -> str | None:
        if participant_id is None:
            return None
        found = self.handle.session.participant(participant_id)
        return found.name if found else participant_id

    def start_meeting(self, present: list[Participant]) -> None:
        self.present = list(present)
        ids = [self._participant_id(p) for p in present]
        self.handle.start_meeting(list(dict.fromkeys(ids)))

    def answer(self, answer: Answer, kind: str = "client", by: str | None = None) -> None:
        """The client's answer (or skip) to the current step: the engine moves, all is saved."""
        if kind == "client_with_support":
            provenance = Provenance.with_support(self._name_id(by))
        else:
            provenance = Provenance.client()
        self.handle.answer_step(self.conversation, answer, provenance)

    def supporter_view(self, step_id: str, answer: Answer, by: str) -> None:
        """A supporter's own view: kept beside the client's answer; the engine does not move."""
        self.handle.record(step_id, answer, Provenance.supporter_view(self._name_id(by)))

    def note(self, step_id: str, text: str, by: str) -> None:
        """A facilitator's note on a step, for the caseworker; the engine does not move."""
        self.handle.record(step_id, Answer.words(text), Provenance.note(self._name_id(by)))

    def note_writer(self) -> str | None:
        """Who writes notes today: the experience expert, else the first helper present."""
        others = [p for p in self.present if p.role != "client"]
        for role in ("experience_expert", "supporter", "support_ring", "caseworker"):
            for person in others:
                if person.role == role:
                    return person.name
        return others[0].name if others else None

    def views(self, step_id: str) -> list[View]:
        """The supporters' own views on a step (the latest per person)."""
        latest: dict[str | None, AnswerRecord] = {}
        for rec in self.handle.supporter_views(step_id):
            latest[rec.provenance.participant] = rec
        return [
            View(self._name(pid), rec.answer, rec.provenance.by.value)
            for pid, rec in latest.items()
        ]

    def provenance(self, step_id: str) -> View | None:
        """Who gave the client's current answer to a step."""
        history = self.handle.history(step_id)
        if not history:
            return None
        rec = history[-1]
        return View(self._name(rec.provenance.participant), rec.answer, rec.provenance.by.value)

    def confirmed(self, step_id: str) -> bool | None:
        found = self.handle.step(step_id)
        return found.confirmed if found else None

    def private(self, step_id: str) -> bool:
        found = self.handle.step(step_id)
        return bool(found and found.private)

    def confirm(self, step_id: str, ok: bool) -> None:
        self.handle.confirm(step_id, ok)

    def set_private(self, step_id: str, private: bool) -> None:
        self.handle.set_private(step_id, private)

    def change(self, step_id: str) -> None:
        """Go back to a step to change its answer (from the read-back)."""
        self.conversation.revisit(step_id)
        self.save()

    def save(self) -> None:
        self.handle.save_state(self.conversation.state)

    def close(self) -> None:
        self.handle.close()


class Service:
    """Sessions in the data folder and the dialogue they follow."""

    def __init__(self, data_dir: str | Path | None, dialogue: str | None = None) -> None:
        self.data_dir = resolve_data_dir(str(data_dir) if data_dir else None)
        self._dialogue_name = dialogue
        self._dialogue: Dialogue | None = None
        self._by_id: dict[str, Dialogue] = {}
        self.store = open_store(self.data_dir)

    @property
    def dialogue(self) -> Dialogue:
        if self._dialogue is None:
            self._dialogue = find_dialogue(self._dialogue_name)
        return self._dialogue

    def dialogue_of(self, dialogue_id: str) -> Dialogue:
        """The dialogue a stored session pinned (each session keeps its own)."""
        if dialogue_id == self.dialogue.id:
            return self.dialogue
        if dialogue_id not in self._by_id:
            self._by_id[dialogue_id] = find_dialogue(dialogue_id)
        return self._by_id[dialogue_id]

    def list(self, archived: bool = False) -> list[SessionSummary]:
        """Sessions of every dialogue, newest meeting first (only archived ones if asked)."""
        out = []
        for s in self.store.list(archived=True):
            if s.archived != archived:
                continue
            try:
                themes = len(self.dialogue_of(s.dialogue_id).themes)
            except (FileNotFoundError, DataFileError):
                themes = 0  # its dialogue is not on this device; it still lists
            out.append(
                SessionSummary(
                    id=s.id,
                    alias=s.alias,
                    last_meeting=s.last_meeting,
                    themes_done=s.progress.themes_done,
                    theme_count=themes,
                    archived=s.archived,
                )
            )
        return out

    def create(self, alias: str, language: str) -> OpenSession:
        session = self.store.create(alias, self.dialogue, language)
        return self.open(session.id)

    def open(self, session_id: str) -> OpenSession:
        handle = self.store.open(session_id)
        try:
            dialogue = self.dialogue_of(handle.session.dialogue_id)
        except BaseException:
            handle.close()  # the lock must not stay held
            raise
        state = handle.session.state
        unplaced: list[UnplacedAnswer] = []
        if state is None:
            conversation = Conversation(dialogue)
        else:
            conversation, unplaced = resume(dialogue, state)
        session = OpenSession(handle, dialogue, conversation)
        session.present = session.last_present()
        session.notices = list(getattr(handle, "notices", []) or [])
        session.notices += [f"{u.step_id}: {u.reason}" for u in unplaced]
        return session

    def archive(self, session_id: str) -> None:
        self.store.archive(session_id, True)

    def delete(self, session_id: str) -> None:
        self.store.delete(session_id)
