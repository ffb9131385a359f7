"""An open session on the local store: tinydb over one durable file per session.

Folder of one session: `session.json` (tables `session`: the header as document 1,
`steps`: one document per step), `session.json.bak` (the version before the last save),
`lock`, and any `session.json.damaged-*` files set aside by a repair.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.table import Document

from assistant.dialogue.answers import Answer
from assistant.dialogue.engine import EngineState
from assistant.store.api import OpenSession
from assistant.store.errors import (
    NotASessionFolder,
    SaveFailed,
    SessionDamaged,
    SessionNotFound,
    SessionUnreadable,
    StateMismatch,
    StoreError,
)
from assistant.store.files import atomic_write, remove_stale_tmp
from assistant.store.lock import SessionLock
from assistant.store.migrations import SESSION
from assistant.store.model import (
    AnsweredBy,
    AnswerRecord,
    ImportantPick,
    MatRecord,
    Meeting,
    Participant,
    Preferences,
    Provenance,
    Session,
    SessionHeader,
    SessionProgress,
    StepAnswers,
    ViewWay,
    now_utc,
)
from assistant.store.storage import AtomicStorage, FileDamaged, encode, read_file
from assistant.store.transfer import write_export

HEADER_TABLE = "session"
STEPS_TABLE = "steps"
HEADER_DOC = 1


@dataclass(frozen=True)
class SessionPaths:
    folder: Path

    @property
    def file(self) -> Path:
        return self.folder / "session.json"

    @property
    def backup(self) -> Path:
        return self.folder / "session.json.bak"

    @property
    def lock(self) -> Path:
        return self.folder / "lock"


def header_from_tables(path: Path, tables: dict[str, Any]) -> SessionHeader:
    try:
        raw = tables[HEADER_TABLE][str(HEADER_DOC)]
        return SessionHeader.model_validate(raw)
    except (KeyError, TypeError, ValidationError):
        raise FileDamaged(path, "the session's details are missing or damaged") from None


def session_from_tables(path: Path, tables: dict[str, Any]) -> tuple[Session, dict[str, int]]:
    """The session in a file's tables, and the tinydb doc id of each step."""
    header = header_from_tables(path, tables)
    steps: dict[str, StepAnswers] = {}
    doc_ids: dict[str, int] = {}
    try:
        for doc_id, raw in tables.get(STEPS_TABLE, {}).items():
            step = StepAnswers.model_validate(raw)
            steps[step.step_id] = step
            doc_ids[step.step_id] = int(doc_id)
    except (AttributeError, TypeError, ValueError, ValidationError):
        raise FileDamaged(path, "an answer is damaged") from None
    return Session(**header.model_dump(), steps=steps), doc_ids


def tables_of(session: Session) -> dict[str, Any]:
    """The tinydb tables holding a session (for a new file)."""
    header = session.model_dump(mode="json", exclude={"steps"})
    steps = {str(i): s.model_dump(mode="json") for i, s in enumerate(session.steps.values(), 1)}
    return {HEADER_TABLE: {str(HEADER_DOC): header}, STEPS_TABLE: steps}


def write_new(paths: SessionPaths, session: Session) -> None:
    atomic_write(paths.file, encode(SESSION, {"tables": tables_of(session)}))


def check_session_files(paths: SessionPaths, session_id: str) -> None:
    """Refuse a folder whose session file is missing with no copy, or is not a file."""
    if not (paths.file.exists() or paths.backup.exists()):
        raise NotASessionFolder(session_id, paths.folder, "it holds no session file")
    for path in (paths.file, paths.backup):
        if path.exists() and not path.is_file():
            raise NotASessionFolder(session_id, paths.folder, f"{path.name} is not a file")


def check_consistent(session: Session, session_id: str) -> None:
    """The folder names the session; the saved place must belong to the session's dialogue."""
    if session.id != session_id:
        session.id = session_id  # a copied folder: the folder's name is the id that works
    state = session.state
    if state is not None and state.dialogue_id != session.dialogue_id:
        raise StateMismatch(session_id, session.dialogue_id, state.dialogue_id)


class LocalOpenSession(OpenSession):
    """A session file opened under its lock."""

    def __init__(self, paths: SessionPaths, session_id: str) -> None:
        self.paths = paths
        self.notices: list[str] = []
        if not paths.folder.is_dir():
            raise SessionNotFound(session_id)
        self._lock = SessionLock(paths.lock, session_id)
        try:
            self._lock.acquire()
        except FileNotFoundError:
            raise SessionNotFound(session_id) from None
        except OSError as exc:
            raise SessionUnreadable(session_id, exc.strerror or str(exc)) from None
        try:
            check_session_files(paths, session_id)
            remove_stale_tmp(paths.folder)
            self._storage = AtomicStorage(paths.file, SESSION, backup=paths.backup)
            self._db = TinyDB(storage=lambda: self._storage)
            try:
                self._session, self._doc_ids = self._load(session_id)
            except OSError as exc:
                raise SessionUnreadable(session_id, exc.strerror or str(exc)) from None
            check_consistent(self._session, session_id)
        except BaseException:
            self._lock.release()
            raise

    # -- loading and repair ----------------------------------------------------------------

    def _read(self) -> tuple[Session, dict[str, int]]:
        self._storage.close()  # forget the cache: read the disk
        tables = self._storage.read()
        if tables is None:
            raise FileDamaged(self.paths.file, "the file is missing")
        return session_from_tables(self.paths.file, tables)

    def _load(self, session_id: str) -> tuple[Session, dict[str, int]]:
        try:
            return self._read()
        except FileDamaged:
            pass
        kept = self._set_aside(self.paths.file) if self.paths.file.exists() else None
        try:
            tables = read_file(self.paths.backup, SESSION).get("tables")
            if not isinstance(tables, dict):
                raise FileDamaged(self.paths.backup, "no tables")
            good, _ = session_from_tables(self.paths.backup, tables)
        except (OSError, FileDamaged):
            raise SessionDamaged(session_id, kept) from None
        atomic_write(self.paths.file, encode(SESSION, {"tables": tables}))
        when = good.updated.strftime("%d.%m.%Y %H:%M UTC")
        self.notices.append(
            "The saved answers were damaged. Haave went back to the last good copy, "
            f"saved {when}. The last answer may be missing: please check it. "
            + (f"The damaged file is kept in {kept}." if kept else "")
        )
        return self._read()

    def _set_aside(self, path: Path) -> Path:
        stamp = now_utc().strftime("%Y%m%dT%H%M%S")
        target = path.with_name(f"{path.name}.damaged-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        os.replace(path, target)
        return target

    # -- reading -----------------------------------------------------------------------------

    @property
    def session(self) -> Session:
        return self._session

    # -- changing ----------------------------------------------------------------------------

    def start_meeting(self, present: list[str]) -> Meeting:
        for pid in present:
            self._require_participant(pid)
        number = len(self._session.meetings) + 1
        meeting = Meeting(number=number, started=now_utc(), present=present)
        self._session.meetings.append(meeting)
        self._save()
        return meeting

    def add_participant(self, participant: Participant) -> None:
        if self._session.participant(participant.id) is not None:
            raise StoreError(f"there is already a participant '{participant.id}'")
        self._session.participants.append(participant)
        self._save()

    def record(
        self, step_id: str, answer: Answer, by: Provenance, *, state: EngineState | None = None
    ) -> AnswerRecord:
        self._check_provenance(by)
        if state is not None:
            self._check_state(state)
            if by.by.is_client and state.answers.get(step_id) != answer:
                raise StoreError(
                    f"{step_id}: the engine holds another answer than the one to record; "
                    "give the answer to the engine first"
                )
        meeting = self._session.meetings[-1].number if self._session.meetings else None
        rec = AnswerRecord(answer=answer, provenance=by, at=now_utc(), meeting=meeting)
        step = self._step(step_id)
        if by.by.is_client:
            step.client.append(rec)
            step.confirmed = None  # the read-back was about the earlier revision
            step.confirmed_at = None
        elif by.by is AnsweredBy.SUPPORTER_VIEW:
            step.views.append(rec)
        else:
            step.notes.append(rec)
        if state is not None:
            self._session.state = state.model_copy(deep=True)
        self._save([step_id])
        return rec

    def save_state(self, state: EngineState) -> None:
        self._check_state(state)
        self._session.state = state.model_copy(deep=True)
        self._save()

    def confirm(self, step_id: str, confirmed: bool) -> None:
        step = self._session.steps.get(step_id)
        if step is None or step.current is None:
            raise StoreError(f"{step_id}: the client has not answered this yet; nothing to confirm")
        step.confirmed = confirmed
        step.confirmed_at = now_utc()
        self._save([step_id])

    def set_private(self, step_id: str, private: bool) -> None:
        self._step(step_id).private = private
        self._save([step_id])

    def rename(self, alias: str) -> None:
        if not alias.strip():
            raise StoreError("the new name is empty")
        self._session.alias = alias.strip()
        self._save()

    def archive(self, archived: bool) -> None:
        self._session.archived = archived
        self._save()

    def set_preferences(self, preferences: Preferences, language: str | None = None) -> None:
        self._session.preferences = preferences
        if language is not None:
            self._session.language = language
        self._save()

    def set_extra(self, key: str, value: Any) -> None:
        self._session.extra[key] = value
        self._save()

    def set_ways(self, ways: list[ViewWay]) -> None:
        if not self._session.meetings:
            raise StoreError("no meeting yet: start one before saying how the view was obtained")
        self._session.meetings[-1].ways = list(dict.fromkeys(ways))
        self._save()

    def set_important(self, picks: list[ImportantPick]) -> None:
        if len(picks) > 3:
            raise StoreError("the client picks at most three things")
        self._session.important = list(picks)
        self._save()

    def confirm_mat(self, mat_id: str) -> None:
        self._session.mats[mat_id] = MatRecord(confirmed_at=now_utc())
        self._save()

    def export(self, path: Path, *, include_private: bool = False) -> None:
        write_export(self._session, path, include_private=include_private)

    def close(self) -> None:
        if self._lock.held:
            self._storage.close()
            self._lock.release()

    # -- inside ------------------------------------------------------------------------------

    def _step(self, step_id: str) -> StepAnswers:
        step = self._session.steps.get(step_id)
        if step is None:
            step = self._session.steps[step_id] = StepAnswers(step_id=step_id)
        return step

    def _require_participant(self, participant_id: str) -> None:
        if self._session.participant(participant_id) is None:
            raise StoreError(f"no participant '{participant_id}' in this session")

    def _check_provenance(self, by: Provenance) -> None:
        if by.participant is not None:
            self._require_participant(by.participant)

    def _check_state(self, state: EngineState) -> None:
        if state.dialogue_id != self._session.dialogue_id:
            raise StoreError(
                f"this session is for dialogue '{self._session.dialogue_id}', "
                f"not '{state.dialogue_id}'"
            )

    def _progress(self) -> SessionProgress:
        answered = sum(
            1 for s in self._session.steps.values() if s.current and s.current.answer.given
        )
        state = self._session.state
        return SessionProgress(
            answered=answered,
            themes_done=len(state.themes_done) if state else 0,
            finished=bool(state and state.finished),
        )

    def _save(self, step_ids: Iterable[str] = ()) -> None:
        """Write the header and the given steps in one atomic, durable write."""
        if not self._lock.held:
            raise StoreError("this session is closed; open it again")
        self._session.updated = now_utc()
        self._session.progress = self._progress()
        header = self._session.model_dump(mode="json", exclude={"steps"})
        try:
            with self._storage.batch():
                self._db.table(HEADER_TABLE).upsert(Document(header, doc_id=HEADER_DOC))
                steps = self._db.table(STEPS_TABLE)
                for step_id in step_ids:
                    doc_id = self._doc_ids.get(step_id)
                    if doc_id is None:
                        doc_id = self._doc_ids[step_id] = max(self._doc_ids.values(), default=0) + 1
                    data = self._session.steps[step_id].model_dump(mode="json")
                    steps.upsert(Document(data, doc_id=doc_id))
        except OSError as exc:
            with contextlib.suppress(FileDamaged, OSError, StoreError):
                self._session, self._doc_ids = self._read()  # memory back in step with the disk
            raise SaveFailed.of(exc) from exc
