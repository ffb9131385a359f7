"""The one place the UI talks to the engine and to session storage.

When `assistant.store` is available its `SessionStore` is meant to be used here; until it
lands, a small JSON-file store below keeps sessions (one file per session, written
atomically). Swapping the real store in changes this file only. Never touches tinydb.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from assistant.dialogue import Answer, Conversation, Dialogue, EngineState, load_dialogue
from assistant.dialogue.engine import resume
from assistant.dialogue.loader import default_root, dialogue_folders

ROLES: tuple[str, ...] = (
    "supporter",
    "support_ring",
    "experience_expert",
    "relative",
    "caseworker",
)

#: Who gave an answer.
PROVENANCE_KINDS = ("client", "client_with_support", "supporter_view", "facilitator_note")


class Participant(BaseModel):
    name: str
    role: str = "client"


class RecordedAnswer(BaseModel):
    step_id: str
    answer: Answer
    kind: str = "client"
    by: str | None = Field(None, description="The helper or the supporter giving a view.")
    at: datetime = Field(default_factory=lambda: datetime.now(UTC))


class SessionFile(BaseModel):
    id: str
    alias: str
    dialogue_id: str
    language: str
    participants: list[Participant] = Field(default_factory=list)
    meetings: list[dict[str, Any]] = Field(default_factory=list)
    state: EngineState | None = None
    records: list[RecordedAnswer] = Field(default_factory=list)
    confirmed: dict[str, bool] = Field(default_factory=dict)
    private: dict[str, bool] = Field(default_factory=dict)
    archived: bool = False
    created: datetime = Field(default_factory=lambda: datetime.now(UTC))


@dataclass
class SessionSummary:
    id: str
    alias: str
    last_meeting: datetime | None
    themes_done: int
    theme_count: int
    archived: bool


def resolve_data_dir(value: str | None) -> Path:
    """The data folder: the given one, `HAAVE_DATA_DIR`, or the platform's data folder."""
    chosen = value or os.environ.get("HAAVE_DATA_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_data_dir  # noqa: PLC0415

    return Path(user_data_dir("haave", appauthor=False))


def find_dialogue(dialogue: str | None) -> Dialogue:
    """A dialogue by folder path or id; the first shipped one when None."""
    if dialogue and Path(dialogue).exists():
        return load_dialogue(Path(dialogue))
    folders = dialogue_folders(default_root())
    for folder in folders:
        if dialogue is None or folder.name == dialogue:
            return load_dialogue(folder)
    raise FileNotFoundError(dialogue or str(default_root()))


@dataclass
class OpenSession:
    """A session in use: its data, the conversation, and the people here today."""

    store: Service
    data: SessionFile
    dialogue: Dialogue
    conversation: Conversation
    present: list[Participant] = field(default_factory=list)

    @property
    def alias(self) -> str:
        return self.data.alias

    def start_meeting(self, present: list[Participant]) -> None:
        self.present = list(present)
        self.data.participants = list(present)
        self.data.meetings.append(
            {"at": datetime.now(UTC).isoformat(), "present": [p.model_dump() for p in present]}
        )
        self.save()

    def record(
        self, step_id: str, answer: Answer, kind: str = "client", by: str | None = None
    ) -> None:
        if kind not in PROVENANCE_KINDS:
            raise ValueError(kind)
        self.data.records.append(RecordedAnswer(step_id=step_id, answer=answer, kind=kind, by=by))
        self.save()

    def views(self, step_id: str) -> list[RecordedAnswer]:
        """The supporters' own views on a step (latest per person)."""
        latest: dict[str | None, RecordedAnswer] = {}
        for rec in self.data.records:
            if rec.step_id == step_id and rec.kind == "supporter_view":
                latest[rec.by] = rec
        return list(latest.values())

    def provenance(self, step_id: str) -> RecordedAnswer | None:
        """The latest record of the client's own answer to a step."""
        found = [
            r for r in self.data.records if r.step_id == step_id and r.kind != "supporter_view"
        ]
        return found[-1] if found else None

    def confirm(self, step_id: str, ok: bool) -> None:
        self.data.confirmed[step_id] = ok
        self.save()

    def set_private(self, step_id: str, private: bool) -> None:
        self.data.private[step_id] = private
        self.save()

    def save(self) -> None:
        self.data.state = self.conversation.state
        self.store.write(self.data)


class Service:
    """Sessions on disk and the dialogue they follow."""

    def __init__(self, data_dir: str | Path | None, dialogue: str | None = None) -> None:
        self.data_dir = resolve_data_dir(str(data_dir) if data_dir else None)
        self._dialogue_name = dialogue
        self._dialogue: Dialogue | None = None

    @property
    def dialogue(self) -> Dialogue:
        if self._dialogue is None:
            self._dialogue = find_dialogue(self._dialogue_name)
        return self._dialogue

    @property
    def folder(self) -> Path:
        return self.data_dir / "sessions"

    def _path(self, session_id: str) -> Path:
        return self.folder / f"{session_id}.json"

    def write(self, data: SessionFile) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(data.id)
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            handle.write(data.model_dump_json())
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)

    def read(self, session_id: str) -> SessionFile:
        return SessionFile.model_validate_json(self._path(session_id).read_text(encoding="utf-8"))

    def list(self, archived: bool = False) -> list[SessionSummary]:
        out: list[SessionSummary] = []
        if not self.folder.exists():
            return out
        for path in sorted(self.folder.glob("*.json")):
            try:
                data = SessionFile.model_validate_json(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if data.archived != archived:
                continue
            last = data.meetings[-1]["at"] if data.meetings else None
            out.append(
                SessionSummary(
                    id=data.id,
                    alias=data.alias,
                    last_meeting=datetime.fromisoformat(last) if last else None,
                    themes_done=len(data.state.themes_done) if data.state else 0,
                    theme_count=len(self.dialogue.themes),
                    archived=data.archived,
                )
            )
        out.sort(key=lambda s: s.last_meeting or datetime.min.replace(tzinfo=UTC), reverse=True)
        return out

    def create(self, alias: str, language: str) -> OpenSession:
        data = SessionFile(
            id=uuid.uuid4().hex[:12], alias=alias, dialogue_id=self.dialogue.id, language=language
        )
        conversation = Conversation(self.dialogue)
        session = OpenSession(self, data, self.dialogue, conversation)
        session.save()
        return session

    def open(self, session_id: str) -> OpenSession:
        data = self.read(session_id)
        if data.state is None:
            conversation = Conversation(self.dialogue)
        else:
            conversation, _unplaced = resume(self.dialogue, data.state)
        return OpenSession(self, data, self.dialogue, conversation, list(data.participants))

    def archive(self, session_id: str) -> None:
        data = self.read(session_id)
        data.archived = True
        self.write(data)

    def delete(self, session_id: str) -> None:
        self._path(session_id).unlink(missing_ok=True)

    def export_raw(self, session_id: str) -> str:
        return json.dumps(self.read(session_id).model_dump(mode="json"), ensure_ascii=False)
