"""The store's interface: what the UI, `haave` and the export call.

`SessionStore` and `OpenSession` are abstract so a server backend can be added beside the
local one (`assistant.store.local`, tinydb files) without changing their callers.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from types import TracebackType
from typing import Any

from assistant.dialogue.answers import Answer
from assistant.dialogue.engine import EngineState
from assistant.dialogue.model import Dialogue
from assistant.store.model import (
    AnswerRecord,
    ImportantPick,
    Meeting,
    Participant,
    Preferences,
    Provenance,
    Session,
    SessionListing,
    SessionSummary,
    StepAnswers,
    ViewWay,
)


class OpenSession(ABC):
    """A session opened for work. Holds the session's lock until `close()`.

    Every method that changes something has saved it durably before it returns.
    """

    #: Plain-words messages for the user about what happened on opening (e.g. a repair).
    notices: list[str]

    @property
    @abstractmethod
    def session(self) -> Session:
        """The session as saved now. Treat it as read-only; change it through the methods."""

    @property
    def id(self) -> str:
        return self.session.id

    @abstractmethod
    def start_meeting(self, present: list[str]) -> Meeting:
        """Start (or resume) a meeting with these participant ids present."""

    @abstractmethod
    def add_participant(self, participant: Participant) -> None:
        """Someone new joins the session."""

    @abstractmethod
    def record(
        self, step_id: str, answer: Answer, by: Provenance, *, state: EngineState | None = None
    ) -> AnswerRecord:
        """Record an answer to a step: a client revision, a supporter's view, or a note.

        With `state`, the engine state is saved in the same write (one durable write per
        answer); a client answer must then equal the engine's answer for the step. The
        store never moves the engine: the session service does, then records here.
        """

    @abstractmethod
    def save_state(self, state: EngineState) -> None:
        """Save the engine state (after proceed, back, jump, or a skip)."""

    @abstractmethod
    def confirm(self, step_id: str, confirmed: bool) -> None:
        """The client's word at the read-back on the current answer to a step."""

    @abstractmethod
    def set_private(self, step_id: str, private: bool) -> None:
        """Mark a step's answers private: kept here, never exported."""

    @abstractmethod
    def rename(self, alias: str) -> None:
        """Change the client's name or alias shown for the session."""

    @abstractmethod
    def set_preferences(self, preferences: Preferences, language: str | None = None) -> None:
        """The client's own way of using Haave (and language), restored on resume."""

    @abstractmethod
    def set_extra(self, key: str, value: Any) -> None:
        """Keep a JSON-able record of another room in the session (e.g. the plan's consent).

        It lives in the session file, so export, import and erasure take it along."""

    @abstractmethod
    def archive(self, archived: bool) -> None:
        """Archive (hide from the usual list) or bring back the session."""

    @abstractmethod
    def set_ways(self, ways: list[ViewWay]) -> None:
        """How the client's view was obtained in the latest meeting."""

    @abstractmethod
    def set_important(self, picks: list[ImportantPick]) -> None:
        """The client's top three (at most three), picked from their own answers."""

    @abstractmethod
    def confirm_mat(self, mat_id: str) -> None:
        """The client has looked at a topic mat as a whole and said it is right."""

    def step(self, step_id: str) -> StepAnswers | None:
        return self.session.steps.get(step_id)

    def history(self, step_id: str) -> list[AnswerRecord]:
        """The client's revisions of a step, oldest first."""
        found = self.step(step_id)
        return list(found.client) if found else []

    def supporter_views(self, step_id: str) -> list[AnswerRecord]:
        """Supporters' own views of a step, oldest first."""
        found = self.step(step_id)
        return list(found.views) if found else []

    @abstractmethod
    def export(self, path: Path, *, include_private: bool = False) -> None:
        """Write the whole session to one file for another device."""

    @abstractmethod
    def close(self) -> None:
        """Release the lock. Nothing is pending: every change was saved already."""

    def __enter__(self) -> OpenSession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class SessionStore(ABC):
    """All sessions on one device (or, later, one server)."""

    @abstractmethod
    def create(
        self,
        alias: str,
        dialogue: Dialogue,
        language: str,
        participants: list[Participant] | None = None,
    ) -> Session:
        """A new session for a client; a client participant is added if none is given."""

    @abstractmethod
    def list(self, *, archived: bool = True) -> list[SessionSummary]:
        """Every session that can be read, newest meeting first; `archived=False` hides
        archived ones. `listing()` also names the sessions that cannot be read."""

    @abstractmethod
    def listing(self, *, archived: bool = True) -> SessionListing:
        """The sessions that can be read, each one that cannot (with its error code and
        message, never silently left out), and notices. Never fails for one bad session."""

    @abstractmethod
    def resolve(self, key: str) -> str:
        """The session id for an id, a unique id prefix, or a unique alias."""

    @abstractmethod
    def open(self, session_id: str) -> OpenSession:
        """Open a session for work (`with store.open(id) as s:`). Raises `SessionBusy`."""

    @abstractmethod
    def rename(self, session_id: str, alias: str) -> None: ...

    @abstractmethod
    def archive(self, session_id: str, archived: bool = True) -> None: ...

    @abstractmethod
    def delete(self, session_id: str) -> None:
        """Erase a session: its data and backups are gone from the data folder."""

    @abstractmethod
    def keep_file(self, session_id: str, name: str, data: bytes) -> Path:
        """Keep a file made from a session (an export) in the data folder, privately.

        It is erased with the session. Returns where it is."""

    @abstractmethod
    def export_session(
        self, session_id: str, path: Path, *, include_private: bool = False
    ) -> None: ...

    @abstractmethod
    def import_session(self, path: Path) -> str:
        """Add a session from an export file; returns its id (a new one if the id is taken)."""
