"""The local session store: one folder per session under `<data dir>/sessions/`.

Saving an answer touches only that session's folder, so save time does not grow with the
number of sessions. `index.json` caches each session's summary for `list()`, keyed by the
session file's inode, size and change time; it is only a cache, rebuilt from the session files
when it is missing or damaged, and it is not written when answers are saved.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB

from assistant.dialogue.model import Dialogue
from assistant.store.api import SessionStore
from assistant.store.errors import (
    AmbiguousSession,
    ImportRefused,
    NewerVersionError,
    SessionNotFound,
    StoreError,
)
from assistant.store.files import TMP_PREFIX, atomic_write, ensure_dir, fsync_dir, remove_stale_tmp
from assistant.store.lock import SessionLock, folder_lock
from assistant.store.migrations import INDEX, SESSION
from assistant.store.model import (
    Participant,
    Role,
    Session,
    SessionSummary,
    now_utc,
)
from assistant.store.session import (
    LocalOpenSession,
    SessionPaths,
    header_from_tables,
    write_new,
)
from assistant.store.storage import AtomicStorage, FileDamaged, read_file
from assistant.store.transfer import read_export

INDEX_TABLE = "sessions"
#: Files made from a session (exports), one folder per session; erased with the session.
EXPORTS_DIR = "exports"
#: A half-created session folder older than this was left by a crash.
STALE_CREATE_SECONDS = 3600


def new_id() -> str:
    return uuid.uuid4().hex


class LocalSessionStore(SessionStore):
    """Sessions in a private data folder on this device."""

    def __init__(self, data_dir: Path | str) -> None:
        self.root = ensure_dir(Path(data_dir))
        self.sessions_dir = ensure_dir(self.root / "sessions")
        self.index_path = self.root / "index.json"
        self.index_lock = self.root / "index.lock"
        #: Plain-words messages from the last `list()` (e.g. the index was rebuilt).
        self.notices: list[str] = []

    def paths(self, session_id: str) -> SessionPaths:
        if not session_id or "/" in session_id or session_id.startswith("."):
            raise SessionNotFound(session_id)
        return SessionPaths(self.sessions_dir / session_id)

    # -- sessions ----------------------------------------------------------------------------

    def create(
        self,
        alias: str,
        dialogue: Dialogue,
        language: str,
        participants: list[Participant] | None = None,
    ) -> Session:
        alias = alias.strip()
        if not alias:
            raise StoreError("give the client's name or an alias")
        people = list(participants or [])
        if len({p.id for p in people}) != len(people):
            raise StoreError("two participants have the same id")
        if not any(p.role is Role.CLIENT for p in people):
            people.insert(0, Participant(id="client", name=alias, role=Role.CLIENT))
        now = now_utc()
        session = Session(
            id=new_id(),
            alias=alias,
            dialogue_id=dialogue.id,
            dialogue_version=dialogue.version,
            language=language,
            created=now,
            updated=now,
            participants=people,
        )
        self._add(session)
        return session

    def _add(self, session: Session) -> None:
        """Write a new session folder whole, then rename it into place (all or nothing)."""
        tmp = ensure_dir(self.sessions_dir / f"{TMP_PREFIX}{session.id}")
        write_new(SessionPaths(tmp), session)
        os.rename(tmp, self.sessions_dir / session.id)
        fsync_dir(self.sessions_dir)

    def open(self, session_id: str) -> LocalOpenSession:
        return LocalOpenSession(self.paths(session_id), session_id)

    def rename(self, session_id: str, alias: str) -> None:
        with self.open(session_id) as session:
            session.rename(alias)

    def archive(self, session_id: str, archived: bool = True) -> None:
        with self.open(session_id) as session:
            session.archive(archived)

    def delete(self, session_id: str) -> None:
        paths = self.paths(session_id)
        if not paths.folder.is_dir():
            raise SessionNotFound(session_id)
        # Only the lock, not a full open: a damaged or newer file can be erased too.
        lock = SessionLock(paths.lock, session_id)
        try:
            lock.acquire()  # refuses a session open elsewhere
        except FileNotFoundError:
            raise SessionNotFound(session_id) from None
        try:
            gone = self.sessions_dir / f"{TMP_PREFIX}deleted-{session_id}"
            os.rename(paths.folder, gone)
            fsync_dir(self.sessions_dir)
            shutil.rmtree(gone)
            # the files made from it (exports) go with it
            shutil.rmtree(self.root / EXPORTS_DIR / session_id, ignore_errors=True)
        finally:
            lock.release()
        self._forget(session_id)

    def keep_file(self, session_id: str, name: str, data: bytes) -> Path:
        self.paths(session_id)  # a valid id, never a path
        if not name or "/" in name or name.startswith("."):
            raise StoreError(f"'{name}' is not a file name")
        folder = ensure_dir(ensure_dir(self.root / EXPORTS_DIR) / session_id)
        path = folder / name
        atomic_write(path, data)
        return path

    def export_session(self, session_id: str, path: Path, *, include_private: bool = False) -> None:
        with self.open(session_id) as session:
            session.export(Path(path), include_private=include_private)

    def import_session(self, path: Path) -> str:
        session = read_export(Path(path))
        taken = (self.sessions_dir / session.id).exists()
        if taken:
            session = session.model_copy(update={"id": new_id()})
        if not session.participants:
            raise ImportRefused(f"{path} names no participants; nothing was imported")
        self._add(session)
        return session.id

    # -- finding -----------------------------------------------------------------------------

    def ids(self) -> list[str]:
        return sorted(
            p.name for p in self.sessions_dir.iterdir() if p.is_dir() and not p.name.startswith(".")
        )

    def resolve(self, key: str) -> str:
        key = key.strip()
        ids = self.ids()
        if key in ids:
            return key
        by_prefix = [i for i in ids if i.startswith(key.lower())] if key else []
        if len(by_prefix) == 1:
            return by_prefix[0]
        by_alias = [s.id for s in self.list() if s.alias.casefold() == key.casefold()]
        if len(by_alias) == 1:
            return by_alias[0]
        if len(by_prefix) > 1 or len(by_alias) > 1:
            raise AmbiguousSession(key, by_prefix or by_alias)
        raise SessionNotFound(key)

    def list(self, *, archived: bool = True) -> list[SessionSummary]:
        self.notices = []
        with folder_lock(self.index_lock):
            remove_stale_tmp(self.root)
            self._sweep()
            cached, writable = self._read_index()
            fresh: dict[str, dict[str, Any]] = {}
            for session_id in self.ids():
                entry = self._entry(session_id, cached.get(session_id))
                if entry is not None:
                    fresh[session_id] = entry
            if writable and fresh != cached:
                self._write_index(fresh)
        out = [SessionSummary.model_validate(e["summary"]) for e in fresh.values()]
        if not archived:
            out = [s for s in out if not s.archived]
        return sorted(out, key=lambda s: s.last_meeting or s.created, reverse=True)

    def _sweep(self) -> None:
        """Finish deletes and creates that a crash interrupted."""
        for tmp in self.sessions_dir.glob(f"{TMP_PREFIX}*"):
            deleted = tmp.name.startswith(f"{TMP_PREFIX}deleted-")
            if deleted or now_utc().timestamp() - tmp.stat().st_mtime > STALE_CREATE_SECONDS:
                shutil.rmtree(tmp, ignore_errors=True)

    # -- the index ---------------------------------------------------------------------------

    def _entry(self, session_id: str, cached: dict[str, Any] | None) -> dict[str, Any] | None:
        paths = self.paths(session_id)
        for path in (paths.file, paths.backup):
            try:
                st = path.stat()
            except FileNotFoundError:
                continue
            key = [path.name, st.st_ino, st.st_mtime_ns, st.st_size]  # every save is a new inode
            if cached is not None and cached.get("key") == key:
                return cached
            try:
                tables = read_file(path, SESSION).get("tables")
                header = header_from_tables(path, tables if isinstance(tables, dict) else {})
            except (OSError, FileDamaged, NewerVersionError, ValidationError) as exc:
                self.notices.append(f"session {session_id[:8]} could not be read: {exc}")
                continue
            return {"key": key, "summary": SessionSummary.of(header).model_dump(mode="json")}
        return None

    def _index_db(self) -> TinyDB:
        storage = AtomicStorage(self.index_path, INDEX)
        return TinyDB(storage=lambda: storage)

    def _read_index(self) -> tuple[dict[str, dict[str, Any]], bool]:
        """The cached entries, and whether the index may be written."""
        try:
            docs = self._index_db().table(INDEX_TABLE).all()
            return {d["id"]: d["entry"] for d in docs}, True
        except NewerVersionError:
            return {}, False  # a newer Haave's index: read the sessions, leave it alone
        except (FileDamaged, KeyError, TypeError, AttributeError):
            self.notices.append("The list of sessions was damaged. It was made again.")
            return {}, True

    def _write_index(self, entries: dict[str, dict[str, Any]]) -> None:
        db = self._index_db()
        storage = db.storage
        assert isinstance(storage, AtomicStorage)
        storage.start_empty()
        with storage.batch():
            table = db.table(INDEX_TABLE)
            table.insert_multiple({"id": i, "entry": e} for i, e in entries.items())

    def _forget(self, session_id: str) -> None:
        with folder_lock(self.index_lock):
            cached, writable = self._read_index()
            if writable and session_id in cached:
                del cached[session_id]
                self._write_index(cached)
