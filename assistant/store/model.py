"""The session model: who is in the room, the meetings, and every answer with its provenance.

These pydantic models are what the UI, the draft plan and the export read. Rules they keep:

- A client's answer and a supporter's view of the same step live side by side in
  `StepAnswers`; a supporter's view never replaces the client's answer.
- Changing an answer adds a revision; earlier revisions are kept (`StepAnswers.client`).
- `confirmed` is the client's word at the read-back on the *current* revision: a new
  revision clears it.
- `private` answers are kept on this device but left out of every export.
- Times are timezone-aware UTC.
- Every id (session, dialogue, participant, step, and those in the engine state) fits the one
  id pattern of `assistant.ids`: a file holding anything else is refused as damaged, an
  import as not importable.
New fields must have defaults (older files then still load); a change of meaning needs a
migration in `assistant.store.migrations`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from assistant.dialogue.answers import Answer
from assistant.dialogue.engine import EngineState
from assistant.ids import SafeId, is_id
from assistant.languages import LangCode


def now_utc() -> datetime:
    return datetime.now(UTC)


class Role(StrEnum):
    """A participant's role in the session (see the domain notes on people)."""

    CLIENT = "client"
    SUPPORTER = "supporter"
    SUPPORT_RING = "support_ring"
    EXPERIENCE_EXPERT = "experience_expert"
    RELATIVE = "relative"
    CASEWORKER = "caseworker"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Participant(_Model):
    """A person taking part. `id` is short and stable within the session (e.g. 'p1')."""

    id: SafeId
    name: str = Field(min_length=1, description="Name or alias, as the client wants it.")
    role: Role


class ViewWay(StrEnum):
    """A way the client's own view was obtained in a meeting (THL's guidance asks the plan to
    say how): the draft prints the ways used."""

    SPEECH = "speech"
    PICTURES = "pictures"
    TALKING_MAT = "talking_mat"
    SIGNS = "signs"
    DEVICE = "device"
    """A communication device (AAC)."""
    INTERPRETER = "interpreter"


class Meeting(_Model):
    """One sitting: the session was started or resumed at `started` with these people."""

    number: int = Field(ge=1)
    started: AwareDatetime
    present: list[SafeId] = Field(default_factory=list, description="Participant ids.")
    ways: list[ViewWay] = Field(
        default_factory=list, description="How the client's view was obtained in this meeting."
    )


class ImportantPick(_Model):
    """One of the client's top three: an answer of theirs (a step, and one choice of it when
    the answer has several)."""

    step_id: SafeId
    choice: str | None = Field(None, description="One choice of the answer; None: all of it.")


class MatRecord(_Model):
    """A topic mat the client has looked at as a whole and confirmed."""

    confirmed_at: AwareDatetime


class AnsweredBy(StrEnum):
    """Who gave an answer."""

    CLIENT = "client"
    """The client alone."""
    CLIENT_WITH_SUPPORT = "client_with_support"
    """The client, helped by a participant (`Provenance.participant`)."""
    SUPPORTER_VIEW = "supporter_view"
    """A participant's own view, stored beside the client's answer."""
    FACILITATOR_NOTE = "facilitator_note"
    """A note by the experience expert or supporter running the meeting."""

    @property
    def is_client(self) -> bool:
        return self in (AnsweredBy.CLIENT, AnsweredBy.CLIENT_WITH_SUPPORT)


class Provenance(_Model):
    """Who gave an answer, and who helped."""

    by: AnsweredBy
    participant: SafeId | None = Field(
        None, description="Who helped (client_with_support), whose view, or who wrote the note."
    )

    @model_validator(mode="after")
    def _participant_fits(self) -> Provenance:
        if self.by is AnsweredBy.CLIENT and self.participant is not None:
            raise ValueError("an answer by the client alone names no helper")
        if self.by is not AnsweredBy.CLIENT and self.participant is None:
            raise ValueError(f"'{self.by}' needs the participant id")
        return self

    @classmethod
    def client(cls) -> Provenance:
        return cls(by=AnsweredBy.CLIENT)

    @classmethod
    def with_support(cls, participant: str) -> Provenance:
        return cls(by=AnsweredBy.CLIENT_WITH_SUPPORT, participant=participant)

    @classmethod
    def supporter_view(cls, participant: str) -> Provenance:
        return cls(by=AnsweredBy.SUPPORTER_VIEW, participant=participant)

    @classmethod
    def note(cls, participant: str) -> Provenance:
        return cls(by=AnsweredBy.FACILITATOR_NOTE, participant=participant)


class AnswerRecord(_Model):
    """One revision of one answer: the value, who gave it, when, in which meeting."""

    answer: Answer
    provenance: Provenance
    at: AwareDatetime
    meeting: int | None = Field(None, description="Meeting number, when one was started.")


class StepAnswers(_Model):
    """Everything said about one step."""

    step_id: SafeId
    client: list[AnswerRecord] = Field(
        default_factory=list, description="The client's revisions, oldest first."
    )
    views: list[AnswerRecord] = Field(
        default_factory=list, description="Supporters' own views, beside the client's answer."
    )
    notes: list[AnswerRecord] = Field(default_factory=list, description="Facilitator notes.")
    confirmed: bool | None = Field(
        None, description="The client's word at the read-back on the current revision."
    )
    confirmed_at: AwareDatetime | None = None
    private: bool = Field(False, description="Kept on this device, never exported.")

    @property
    def current(self) -> AnswerRecord | None:
        """The client's answer now (the newest revision), or None."""
        return self.client[-1] if self.client else None


class Preferences(_Model):
    """The client's own way of using Haave, kept in the session so that a shared device
    serves each client their way (the language is the session's `language`)."""

    read_aloud: bool = Field(False, description="Read each new question aloud.")
    high_contrast: bool = Field(False, description="The high-contrast look.")
    large_text: bool = Field(False, description="Larger text, where the screen can do it.")


class SessionProgress(_Model):
    """A small summary, so a list of sessions needs no dialogue."""

    answered: int = 0
    themes_done: int = 0
    finished: bool = False


class SessionHeader(_Model):
    """A session without its answers: what the index and lists show."""

    id: SafeId
    alias: str = Field(min_length=1, description="The client's name or alias.")
    dialogue_id: SafeId
    dialogue_version: int
    language: LangCode
    created: AwareDatetime
    updated: AwareDatetime
    archived: bool = False
    participants: list[Participant] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    state: EngineState | None = Field(None, description="The engine's saved state.")
    progress: SessionProgress = Field(default_factory=SessionProgress)
    preferences: Preferences = Field(default_factory=Preferences)
    extra: dict[str, Any] = Field(
        default_factory=dict, description="Room for later issues (e.g. consent) before a migration."
    )
    important: list[ImportantPick] = Field(
        default_factory=list, description="The client's top three, picked from their answers."
    )
    mats: dict[str, MatRecord] = Field(
        default_factory=dict, description="Topic mats confirmed by the client, by mat id."
    )

    @model_validator(mode="after")
    def _state_ids(self) -> SessionHeader:
        state = self.state
        if state is None:
            return self
        ids = [
            state.dialogue_id,
            *([state.step_id] if state.step_id is not None else []),
            *state.history,
            *state.answers,
            *state.themes_done,
            *state.asked_again,
            *state.unplaced,
        ]
        bad = next((i for i in ids if not is_id(i)), None)
        if bad is not None:
            raise ValueError(f"the saved place names {bad[:40]!r}, which is not a valid id")
        return self

    def participant(self, participant_id: str) -> Participant | None:
        return next((p for p in self.participants if p.id == participant_id), None)


class Session(SessionHeader):
    """A whole session: the header and the answers to every step, by step id."""

    steps: dict[SafeId, StepAnswers] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _steps_keyed_by_their_id(self) -> Session:
        for key, step in self.steps.items():
            if key != step.step_id:
                raise ValueError(f"the answers kept under '{key}' are for '{step.step_id}'")
        return self

    def header(self) -> SessionHeader:
        return SessionHeader.model_validate(self.model_dump(exclude={"steps"}))


class SessionSummary(_Model):
    """One line of `haave sessions`."""

    id: str
    alias: str
    dialogue_id: str
    dialogue_version: int
    language: LangCode
    created: AwareDatetime
    last_meeting: AwareDatetime | None
    meetings: int
    archived: bool
    progress: SessionProgress

    @classmethod
    def of(cls, header: SessionHeader) -> SessionSummary:
        return cls(
            id=header.id,
            alias=header.alias,
            dialogue_id=header.dialogue_id,
            dialogue_version=header.dialogue_version,
            language=header.language,
            created=header.created,
            last_meeting=header.meetings[-1].started if header.meetings else None,
            meetings=len(header.meetings),
            archived=header.archived,
            progress=header.progress,
        )


class UnreadableSession(_Model):
    """A session folder that `list()` could not read: shown, marked, never silently gone."""

    id: str
    code: str = Field(description="The error code, as on `StoreError.code` (see the README).")
    message: str = Field(description="What is wrong and what to do, in plain English.")
    alias: str | None = Field(None, description="The alias last seen, when the index had it.")


class SessionListing(_Model):
    """What `SessionStore.listing()` found: the sessions it read, and those it could not."""

    sessions: list[SessionSummary] = Field(default_factory=list)
    unreadable: list[UnreadableSession] = Field(default_factory=list)
    notices: list[str] = Field(default_factory=list)
