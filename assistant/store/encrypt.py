"""Encrypting an existing plain data folder, on request (`haave encrypt`), crash-safely.

Order: every session lock is taken (a session open elsewhere stops it before anything is
changed); the key file is written and fsync'd before any data file is touched; then each
file is replaced by its sealed version with the store's atomic write. A kill at any moment
leaves each file whole, plain or sealed, and the store reads both, so nothing is lost; the
same command run again with the same passphrase finishes the work.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from assistant.store import crypto
from assistant.store.errors import EncryptionRefused
from assistant.store.files import TMP_PREFIX, atomic_write_plain, check_private_folder
from assistant.store.lock import SessionLock, folder_lock

#: Files that are never sealed: the key itself, and the empty lock files.
_LEFT_PLAIN = {crypto.KEY_FILE, crypto.KEY_COPY, "lock", "index.lock"}


@dataclass
class EncryptReport:
    sealed: int = 0
    already: int = 0
    resumed: bool = False


def encrypt_folder(
    root: Path, passphrase: str, *, on_sealed: Callable[[Path], None] | None = None
) -> EncryptReport:
    """Encrypt every file of a plain data folder (or finish a migration a crash cut short).

    `on_sealed` is called after each file is durably sealed (for progress, and crash tests)."""
    if not root.is_dir():
        raise EncryptionRefused(f"there is no data folder at {root}")
    check_private_folder(root)
    report = EncryptReport(resumed=crypto.is_encrypted(root))
    with folder_lock(root / "index.lock"), _all_session_locks(root):
        if report.resumed:
            vault = crypto.unlock(root, passphrase)
        else:
            vault = crypto.create_key(root, passphrase)
        for path in _data_files(root, remove_tmp=True):
            raw = path.read_bytes()
            if crypto.is_sealed(raw):
                report.already += 1
                continue
            atomic_write_plain(path, vault.seal(raw))
            report.sealed += 1
            if on_sealed is not None:
                on_sealed(path)
    return report


@contextlib.contextmanager
def _all_session_locks(root: Path) -> Iterator[None]:
    """Every session's lock, so no other Haave writes plain files meanwhile."""
    locks: list[SessionLock] = []
    try:
        sessions = root / "sessions"
        folders = sorted(sessions.iterdir()) if sessions.is_dir() else []
        for folder in folders:
            if folder.name.startswith(TMP_PREFIX) or not folder.is_dir():
                continue
            lock = SessionLock(folder / "lock", folder.name)
            lock.acquire()  # SessionBusy: close Haave there first
            locks.append(lock)
        yield
    finally:
        for lock in locks:
            lock.release()


def _data_files(root: Path, *, remove_tmp: bool = False) -> Iterator[Path]:
    """Every regular file Haave may have written in the data folder (links not followed)."""
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        dirs[:] = sorted(dirs)
        for name in sorted(files):
            path = here / name
            if name in _LEFT_PLAIN and (here == root or name == "lock"):
                continue
            if name.startswith(TMP_PREFIX):
                # a half-written temp file of a crash (every lock is held): never the only copy
                if remove_tmp:
                    with contextlib.suppress(OSError):
                        path.unlink()
                continue
            with contextlib.suppress(OSError):
                if stat.S_ISREG(path.lstat().st_mode):
                    yield path


def plain_files(root: Path) -> list[Path]:
    """The data files still not sealed (empty once a migration is finished)."""
    return [p for p in _data_files(root) if not crypto.is_sealed(p.read_bytes())]
