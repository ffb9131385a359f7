"""A lock per session, so two programs never write the same session.

Behaviour: the lock is taken without waiting. If another process (or another `open` in
this process) holds it, opening fails at once with `SessionBusy` ("this session is open
elsewhere"): for a client in a meeting a clear message beats a frozen screen. The lock is
an `flock` on a 0600 `lock` file in the session's folder; the operating system releases it
when the holder exits or is killed, so a crash never leaves a session locked.
POSIX only (Linux, macOS); a Windows backend would use `msvcrt.locking` here.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from assistant.store.errors import SessionBusy
from assistant.store.files import FILE_MODE


class SessionLock:
    """An exclusive, non-waiting lock on one session folder."""

    def __init__(self, path: Path, session_id: str) -> None:
        self.path = path
        self.session_id = session_id
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise SessionBusy(self.session_id) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None


@contextlib.contextmanager
def folder_lock(path: Path) -> Iterator[None]:
    """A short, waiting lock for the data folder's index (held for milliseconds)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
