"""The sessions open in this server, and which browser (seat) holds each.

The session service locks a session while it is open; here one seat holds it, so a second
tablet gets the "open somewhere else" page, as the terminal does. A seat holds one session at
a time. A session left idle for `RELEASE_AFTER_S` may be taken by another seat (a tablet that
went flat must not lock a client out): everything was saved already, nothing is lost.
Who answers, the people being added on the "who is here" page, and which page state the client
chose (choices opened, the card just moved) live here, beside the open session, in memory only:
they are the meeting's working state, not answers. Typed words are never kept here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from assistant.session import (
    ActiveSession,
    AnsweredBy,
    Answering,
    Problem,
    Role,
    SessionError,
    Sessions,
)

RELEASE_AFTER_S = 20 * 60
MAX_OPEN = 500


@dataclass
class Opened:
    """One open session and its web-side working state."""

    active: ActiveSession
    seat: str
    last_used: float = field(default_factory=time.monotonic)
    answering_by: AnsweredBy = AnsweredBy.CLIENT
    answering_person: str | None = None
    people: list[tuple[str, Role]] | None = None
    """Who is here today, while being added on the page (None: not started)."""
    flash: str | None = None
    """One message for the next page, already in the session's language."""
    saved: list[str] = field(default_factory=list)
    """Steps (and `note:STEP`) whose typed words were saved: the page drops their drafts."""
    ways: list[str] | None = None
    """How the client's view is heard today, while "who is here" is being filled in."""
    choices_shown: str | None = None
    """The "own words first" step whose choices the client opened ("Show choices")."""
    moved: tuple[str, str] | None = None
    """The card just moved on the topic mat and its new place, in words: focused and
    announced on the next page (once)."""

    def answering(self) -> Answering:
        """Who answers now; back to the client when that person is not here any more."""
        if self.answering_person is None or self.answering_by is AnsweredBy.CLIENT:
            return Answering()
        person = next((p for p in self.active.others if p.id == self.answering_person), None)
        if person is None:
            return Answering()
        return Answering(self.answering_by, person)

    def set_answering(self, by: AnsweredBy, person_id: str | None) -> None:
        self.answering_by, self.answering_person = by, person_id


class Desk:
    """The open sessions by id."""

    def __init__(self, sessions: Sessions, max_open: int = MAX_OPEN) -> None:
        self.sessions = sessions
        self.max_open = max_open
        self._open: dict[str, Opened] = {}

    def __len__(self) -> int:
        return len(self._open)

    def held(self, session_id: str, seat: str) -> Opened:
        """The session for this seat, opened when nobody holds it (after a restart, or a
        break). Raises `SessionError(BUSY)` when another seat holds it."""
        now = time.monotonic()
        opened = self._open.get(session_id)
        if opened is not None:
            if opened.seat != seat:
                if now - opened.last_used < RELEASE_AFTER_S:
                    raise SessionError(Problem.BUSY, "held by another browser")
                self.close(session_id)
                return self.held(session_id, seat)
            opened.last_used = now
            return opened
        self.release_seat(seat)
        if len(self._open) >= self.max_open:
            raise SessionError(Problem.BUSY, "too many open sessions")
        active = self.sessions.open(session_id)
        if active.id != session_id:  # `open` also takes prefixes and aliases: not from a URL
            active.close()
            raise SessionError(Problem.NOT_FOUND, "not an exact session id")
        opened = Opened(active, seat)
        self._open[session_id] = opened
        return opened

    def create(self, alias: str, lang: str, dialogue_id: str | None, seat: str) -> Opened:
        self.release_seat(seat)
        active = self.sessions.create(alias, lang, dialogue_id)
        opened = Opened(active, seat)
        self._open[active.id] = opened
        return opened

    def holder(self, session_id: str) -> str | None:
        opened = self._open.get(session_id)
        return opened.seat if opened else None

    def release_seat(self, seat: str) -> None:
        """A seat moving to another session lets go of the one it held."""
        for session_id in [sid for sid, o in self._open.items() if o.seat == seat]:
            self.close(session_id)

    def close(self, session_id: str) -> None:
        opened = self._open.pop(session_id, None)
        if opened is not None:
            opened.active.close()

    def close_all(self) -> None:
        for session_id in list(self._open):
            self.close(session_id)
