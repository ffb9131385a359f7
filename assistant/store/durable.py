"""Durable private writes of exact bytes: temp file (0600), fsync, rename, fsync the folder.

The lowest floor of the store: `files.atomic_write` seals the bytes first inside an
encrypted data folder and then writes them here; `crypto` writes its key file here.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

FILE_MODE = 0o600
TMP_PREFIX = ".tmp-"


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


def atomic_write_plain(path: Path, data: bytes, *, backup: Path | None = None) -> None:
    """`atomic_write` of exactly these bytes, never sealed (the key file itself)."""
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
