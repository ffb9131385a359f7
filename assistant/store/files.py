"""Where the data lives, and how every file is written: privately, atomically, durably.

Every file is written to a temporary file in the same folder (mode 0600), flushed, fsync'd,
renamed over the old one, and then the folder is fsync'd, so after a crash or power cut a
file is either the old version or the new one, never a mix. Folders are mode 0700.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

ENV_DATA_DIR = "HAAVE_DATA_DIR"
APP_NAME = "haave"
DIR_MODE = 0o700
FILE_MODE = 0o600
TMP_PREFIX = ".tmp-"


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


def ensure_dir(path: Path) -> Path:
    """Create the folder (and parents) if needed, and make it private (0700)."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o777 != DIR_MODE:
        path.chmod(DIR_MODE)
    return path


def fsync_dir(path: Path) -> None:
    """Make a rename or unlink inside `path` durable."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_private_tmp(folder: Path, data: bytes) -> Path:
    """Write `data` to a new 0600 temporary file in `folder`, fsync'd. Returns its path."""
    tmp = folder / f"{TMP_PREFIX}{secrets.token_hex(6)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # the umask cannot widen it, but be explicit
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    os.close(fd)
    return tmp


def atomic_write(path: Path, data: bytes, *, backup: Path | None = None) -> None:
    """Replace `path` with `data` atomically and durably.

    With `backup`, the version being replaced becomes `backup` (a hard link: no copy),
    so the last good copy is always one save behind.
    """
    folder = path.parent
    tmp = write_private_tmp(folder, data)
    try:
        if backup is not None and path.exists():
            link = folder / f"{TMP_PREFIX}{secrets.token_hex(6)}"
            os.link(path, link)
            os.replace(link, backup)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)


def remove_stale_tmp(folder: Path) -> None:
    """Remove temporary files left by a crash (they never hold the only copy of anything)."""
    for tmp in folder.glob(f"{TMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            tmp.unlink()
