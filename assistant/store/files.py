"""Where the data lives, and how every file is written: privately, atomically, durably.

Every file is written to a temporary file in the same folder (mode 0600), flushed, fsync'd,
renamed over the old one, and then the folder is fsync'd, so after a crash or power cut a
file is either the old version or the new one, never a mix. Folders are mode 0700, and so is
every missing parent folder Haave creates, whatever the umask. A data folder that other users
can change is refused (`UnsafeFolder`). Inside an encrypted data folder `atomic_write` seals
the bytes first (`crypto.seal_for`); callers do not change.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from assistant.store.durable import (  # re-exported: the store's writes
    FILE_MODE,
    TMP_PREFIX,
    atomic_write_plain,
    fsync_dir,
    write_private_tmp,
)
from assistant.store.errors import UnsafeFolder

__all__ = [
    "FILE_MODE",
    "TMP_PREFIX",
    "atomic_write",
    "atomic_write_plain",
    "fsync_dir",
    "write_private_tmp",
]

ENV_DATA_DIR = "HAAVE_DATA_DIR"
APP_NAME = "haave"
DIR_MODE = 0o700


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """The data folder: `--data-dir`, else `$HAAVE_DATA_DIR`, else the user's data folder."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    # imported here: only needed when no folder was given
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def make_private_dirs(path: Path) -> Path:
    """Create `path` and each missing parent as 0700 (whatever the umask). Existing folders
    are left as they are."""
    missing: list[Path] = []
    here = path
    while not here.exists():
        missing.append(here)
        if here.parent == here:
            break
        here = here.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, DIR_MODE)
        except FileExistsError:
            continue  # made meanwhile by another process
        os.chmod(folder, DIR_MODE)  # the umask may have taken bits away
    return path


def check_private_folder(path: Path) -> os.stat_result:
    """Refuse a folder that others can change: not ours, or writable by group or others."""
    st = path.lstat()
    if stat.S_ISLNK(st.st_mode):
        st = path.stat()
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafeFolder(path, "is not a folder")
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        raise UnsafeFolder(path, "belongs to another user")
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafeFolder(path, "can be changed by other users")
    return st


def ensure_dir(path: Path) -> Path:
    """Create the folder (and parents) if needed, and make it private (0700).

    Raises `UnsafeFolder` for an existing folder that others can change (it may hold files
    they planted); one that others may only read is made private."""
    make_private_dirs(path)
    st = check_private_folder(path)
    if st.st_mode & 0o777 != DIR_MODE:
        path.chmod(DIR_MODE)
    return path


def atomic_write(path: Path, data: bytes, *, backup: Path | None = None) -> None:
    """Replace `path` with `data` atomically and durably (sealed inside an encrypted folder).

    With `backup`, the version being replaced becomes `backup` (a hard link: no copy),
    so the last good copy is always one save behind.
    """
    from assistant.store.crypto import seal_for  # deferred: cryptography loads on use

    atomic_write_plain(path, seal_for(path, data), backup=backup)


def remove_stale_tmp(folder: Path) -> None:
    """Remove temporary files left by a crash (they never hold the only copy of anything)."""
    for tmp in folder.glob(f"{TMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            tmp.unlink()


def is_new_folder(root: Path) -> bool:
    """True for a data folder that holds no sessions, index or key yet."""
    from assistant.store.crypto import is_encrypted

    if not root.exists():
        return True
    if is_encrypted(root) or (root / "index.json").exists():
        return False
    sessions = root / "sessions"
    try:
        return not sessions.is_dir() or not any(
            p for p in sessions.iterdir() if not p.name.startswith(TMP_PREFIX)
        )
    except OSError:
        return False
