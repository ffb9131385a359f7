"""The local session store: one folder per session under `<data dir>/sessions/`.

Saving an answer touches only that session's folder, so save time does not grow with the
number of sessions. `index.json` caches each session's summary for `list()`, keyed by the
session file's inode, size and change time; it is only a cache, rebuilt from the session files
when it is missing or damaged, and it is not written when answers are saved.

A new data folder is encrypted (see `crypto`) unless the store is made with
`encrypt_new=False`; an existing plain folder stays plain until `encrypt_folder` runs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB

from assistant.dialogue.model import Dialogue
from assistant.ids import is_id
from assistant.store import crypto
from assistant.store.api import SessionStore
from assistant.store.errors import (
    AmbiguousSession,
    ImportRefused,
    InvalidId,
    NewerVersionError,
    NotASessionFolder,
    SessionDamaged,
    SessionNotFound,
    SessionUnreadable,
    StoreError,
)
from assistant.store.files import (
    TMP_PREFIX,
    atomic_write,
    ensure_dir,
    fsync_dir,
    is_new_folder,
    remove_stale_tmp,
)
from assistant.store.lock import SessionLock, folder_lock
from assistant.store.migrations import INDEX, SESSION
from assistant.store.model import (
    Participant,
    Role,
    Session,
    SessionListing,
    SessionSummary,
    UnreadableSession,
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
#: Folders of the data folder that hold files made from a session, named by its id.
DERIVED_FOLDERS = ("exports", "plan-consent")


def new_id() -> str:
    return uuid.uuid4().hex


class LocalSessionStore(SessionStore):
    """Sessions in a private data folder on this device.

    Raises `UnsafeFolder` for a data folder others can change, and `PassphraseNeeded` for an
    encrypted (or new) folder when no passphrase is at hand (see `crypto`)."""

    def __init__(self, data_dir: Path | str, *, encrypt_new: bool = True) -> None:
        root = Path(data_dir)
        new = is_new_folder(root)
        self.root = ensure_dir(root)
        self.vault = crypto.vault_for_root(self.root, new=new, encrypt_new=encrypt_new)
        self.sessions_dir = ensure_dir(self.root / "sessions")
        self.index_path = self.root / "index.json"
        self.index_lock = self.root / "index.lock"
        #: Plain-words messages from the last `list()` (e.g. the index was rebuilt).
        self.notices: list[str] = []
        #: The sessions the last `list()` could not read.
        self.unreadable: list[UnreadableSession] = []

    @property
    def encrypted(self) -> bool:
        return self.vault is not None

    def paths(self, session_id: str) -> SessionPaths:
        if not is_id(session_id):
            raise InvalidId("session id", session_id)
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
        os.rename(tmp, self.paths(session.id).folder)
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
        """Erase a session and everything Haave made from it in the data folder.

        The session folder (answers, backup, damaged copies, lock), its exports kept in the
        data folder (`exports/<id>/` and any `exports/<id>*`), and its index row. A damaged
        or newer session can be erased too; one open elsewhere is refused (`SessionBusy`)."""
        paths = self.paths(session_id)
        derived = self._derived(session_id)
        if not paths.folder.is_dir() and not derived:
            raise SessionNotFound(session_id)
        if paths.folder.is_dir():
            # Only the lock, not a full open: a damaged or newer file can be erased too.
            lock = SessionLock(paths.lock, session_id)
            try:
                lock.acquire()  # refuses a session open elsewhere
            except FileNotFoundError:
                raise SessionNotFound(session_id) from None
            except OSError as exc:
                raise SessionUnreadable(session_id, exc.strerror or str(exc)) from None
            try:
                gone = self.sessions_dir / f"{TMP_PREFIX}deleted-{session_id}"
                os.rename(paths.folder, gone)
                fsync_dir(self.sessions_dir)
                shutil.rmtree(gone)
            finally:
                lock.release()
        for path in self._derived(session_id):
            _remove(path)
        self._forget(session_id)

    def _derived(self, session_id: str) -> list[Path]:
        """Files and folders in the data folder made from this session (exports...)."""
        out: list[Path] = []
        for name in DERIVED_FOLDERS:
            folder = self.root / name
            with contextlib.suppress(OSError):
                out += [p for p in folder.iterdir() if p.name.startswith(session_id)]
        return out

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
        taken = self.paths(session.id).folder.exists()
        if taken:
            session = session.model_copy(update={"id": new_id()})
        if not session.participants:
            raise ImportRefused(f"{path} names no participants; nothing was imported")
        self._add(session)
        return session.id

    # -- finding -----------------------------------------------------------------------------

    def ids(self) -> list[str]:
        """The ids of the session folders (names that fit the id pattern)."""
        return sorted(name for name, _ in self._folders() if is_id(name))

    def _folders(self) -> Iterator[tuple[str, Path]]:
        with os.scandir(self.sessions_dir) as entries:
            for entry in entries:
                if entry.name.startswith(TMP_PREFIX):
                    continue
                with contextlib.suppress(OSError):
                    if entry.is_dir(follow_symlinks=False):
                        yield entry.name, Path(entry.path)

    def resolve(self, key: str) -> str:
        key = key.strip()
        ids = self.ids()
        if key in ids:
            return key
        by_prefix = [i for i in ids if i.startswith(key.lower())] if key else []
        if len(by_prefix) == 1:
            return by_prefix[0]
        listing = self.listing()
        by_alias = [s.id for s in listing.sessions if s.alias.casefold() == key.casefold()]
        by_alias += [
            u.id for u in listing.unreadable if u.alias and u.alias.casefold() == key.casefold()
        ]
        if len(by_alias) == 1:
            return by_alias[0]
        if len(by_prefix) > 1 or len(by_alias) > 1:
            raise AmbiguousSession(key, by_prefix or by_alias)
        raise SessionNotFound(key)

    def list(self, *, archived: bool = True) -> list[SessionSummary]:
        return self.listing(archived=archived).sessions

    def listing(self, *, archived: bool = True) -> SessionListing:
        """The sessions that can be read, and those that cannot (each named, with why).

        Never fails as a whole for one bad folder, a damaged or unreadable index, or a full
        disk: what can be read is listed; `notices` say what went wrong."""
        self.notices = []
        unreadable: list[UnreadableSession] = []
        fresh: dict[str, dict[str, Any]] = {}
        with self._index_locked() as locked:
            with contextlib.suppress(OSError):
                remove_stale_tmp(self.root)
                self._sweep()
            cached, writable = self._read_index()
            try:
                folders = sorted(self._folders())
            except OSError as exc:
                folders = []
                self.notices.append(
                    f"The sessions folder {self.sessions_dir} cannot be read "
                    f"({exc.strerror or exc})."
                )
            for name, folder in folders:
                if not is_id(name):
                    self.notices.append(
                        f"The folder {folder} is not a Haave session; Haave leaves it alone."
                    )
                    continue
                old = cached.get(name)
                try:
                    entry = self._entry(name, old)
                except StoreError as exc:
                    alias = _alias(old)
                    unreadable.append(
                        UnreadableSession(id=name, code=exc.code, message=str(exc), alias=alias)
                    )
                    if old is not None:
                        fresh[name] = old  # keep the alias last seen; the key no longer fits
                    continue
                fresh[name] = entry
            if locked and writable and fresh != cached:
                self._write_index(fresh)
        readable = {k: e for k, e in fresh.items() if k not in {u.id for u in unreadable}}
        out = [SessionSummary.model_validate(e["summary"]) for e in readable.values()]
        if not archived:
            out = [s for s in out if not s.archived]
        out.sort(key=lambda s: s.last_meeting or s.created, reverse=True)
        self.unreadable = unreadable
        return SessionListing(sessions=out, unreadable=unreadable, notices=list(self.notices))

    @contextlib.contextmanager
    def _index_locked(self) -> Iterator[bool]:
        """The index lock, or False when it cannot be had (a full or read-only disk)."""
        try:
            lock = folder_lock(self.index_lock)
            lock.__enter__()
        except OSError:
            yield False
            return
        try:
            yield True
        finally:
            lock.__exit__(None, None, None)

    def _sweep(self) -> None:
        """Finish deletes and creates that a crash interrupted."""
        for tmp in self.sessions_dir.glob(f"{TMP_PREFIX}*"):
            deleted = tmp.name.startswith(f"{TMP_PREFIX}deleted-")
            if deleted or now_utc().timestamp() - tmp.stat().st_mtime > STALE_CREATE_SECONDS:
                shutil.rmtree(tmp, ignore_errors=True)

    # -- the index ---------------------------------------------------------------------------

    def _entry(self, session_id: str, cached: dict[str, Any] | None) -> dict[str, Any]:
        """The index entry of one session; raises a `StoreError` saying why it cannot be read."""
        paths = self.paths(session_id)
        damaged: Path | None = None
        problem: StoreError | None = None
        for path in (paths.file, paths.backup):
            try:
                st = path.stat()
            except FileNotFoundError:
                continue
            except OSError as exc:
                problem = SessionUnreadable(session_id, exc.strerror or str(exc))
                continue
            if not path.is_file():
                problem = NotASessionFolder(session_id, paths.folder, f"{path.name} is not a file")
                continue
            key = [path.name, st.st_ino, st.st_mtime_ns, st.st_size]  # every save is a new inode
            if cached is not None and cached.get("key") == key:
                return cached
            try:
                tables = read_file(path, SESSION).get("tables")
                header = header_from_tables(path, tables if isinstance(tables, dict) else {})
            except (FileDamaged, ValidationError):
                damaged = damaged or path
                continue
            except NewerVersionError:
                raise  # open() refuses it too, whatever the backup holds
            except OSError as exc:
                problem = SessionUnreadable(session_id, exc.strerror or str(exc))
                continue
            header.id = session_id
            return {"key": key, "summary": SessionSummary.of(header).model_dump(mode="json")}
        if problem is not None:
            raise problem
        if damaged is not None:
            raise SessionDamaged(session_id, damaged)
        raise NotASessionFolder(session_id, paths.folder, "it holds no session file")

    def _index_db(self) -> TinyDB:
        storage = AtomicStorage(self.index_path, INDEX)
        return TinyDB(storage=lambda: storage)

    def _read_index(self) -> tuple[dict[str, dict[str, Any]], bool]:
        """The cached entries, and whether the index may be written."""
        try:
            docs = self._index_db().table(INDEX_TABLE).all()
            return {d["id"]: d["entry"] for d in docs if is_id(d.get("id"))}, True
        except NewerVersionError:
            return {}, False  # a newer Haave's index: read the sessions, leave it alone
        except (FileDamaged, KeyError, TypeError, AttributeError, StoreError):
            self.notices.append("The list of sessions was damaged. It was made again.")
            return {}, True
        except OSError as exc:
            self.notices.append(
                f"The list of sessions ({self.index_path}) cannot be read "
                f"({exc.strerror or exc}); the sessions were read one by one."
            )
            return {}, False

    def _write_index(self, entries: dict[str, dict[str, Any]]) -> None:
        """Write the index cache; a full disk only costs speed, so it is a notice."""
        db = self._index_db()
        storage = db.storage
        assert isinstance(storage, AtomicStorage)
        storage.start_empty()
        try:
            with storage.batch():
                table = db.table(INDEX_TABLE)
                table.insert_multiple({"id": i, "entry": e} for i, e in entries.items())
        except OSError as exc:
            self.notices.append(
                f"The list of sessions could not be saved ({exc.strerror or exc}); "
                "the sessions themselves are not affected."
            )

    def _forget(self, session_id: str) -> None:
        with self._index_locked() as locked:
            if not locked:
                return
            cached, writable = self._read_index()
            if writable and session_id in cached:
                del cached[session_id]
                self._write_index(cached)


def _alias(entry: dict[str, Any] | None) -> str | None:
    if not entry:
        return None
    summary = entry.get("summary")
    alias = summary.get("alias") if isinstance(summary, dict) else None
    return alias if isinstance(alias, str) else None


def _remove(path: Path) -> None:
    """Remove a file or folder made from a session (never following a link out of it)."""
    with contextlib.suppress(FileNotFoundError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
