"""A tinydb `Storage` that writes atomically and durably, with a schema version and a backup.

tinydb calls `read()` before and `write()` after each operation with the whole database.
This storage keeps the data in memory once read (the session lock guarantees nobody else
writes the file meanwhile), and every `write()` goes to disk through
`files.atomic_write` (temp file, fsync, rename, fsync folder) before it returns. Inside
`batch()` several tinydb operations become one write, so an answer and the engine state
are saved together or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from assistant.store.files import atomic_write
from assistant.store.migrations import CURRENT, upgrade

Tables = dict[str, dict[str, Any]]


class FileDamaged(Exception):
    """A file that is not readable as the expected kind (truncated, garbled, foreign)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def encode(kind: str, body: dict[str, Any]) -> bytes:
    doc = {"format": kind, "schema": CURRENT[kind], **body}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def decode(path: Path, kind: str, raw: bytes) -> dict[str, Any]:
    """The body of a file of `kind`, migrated to the current schema.

    Raises `FileDamaged` for anything unreadable and `NewerVersionError` for a newer schema.
    A sealed file (encrypted data folder) is opened first; see `crypto`.
    """
    from assistant.store.crypto import SealBroken, open_for  # deferred: cryptography on use

    try:
        raw = open_for(path, raw)
    except SealBroken as exc:
        raise FileDamaged(path, str(exc)) from None
    try:
        doc = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FileDamaged(path, f"not readable ({exc.__class__.__name__})") from None
    if not isinstance(doc, dict):
        raise FileDamaged(path, "not a Haave file")
    if doc.get("format") != kind:
        raise FileDamaged(path, f"not a {kind} file")
    schema = doc.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise FileDamaged(path, "no schema version")
    body = {k: v for k, v in doc.items() if k not in ("format", "schema")}
    return upgrade(kind, schema, body, path)


def read_file(path: Path, kind: str) -> dict[str, Any]:
    return decode(path, kind, path.read_bytes())


class AtomicStorage(Storage):
    """tinydb storage: one JSON file, written atomically and durably on every write."""

    def __init__(self, path: Path, kind: str, backup: Path | None = None) -> None:
        self.path = path
        self.kind = kind
        self.backup = backup
        self._cache: Tables | None = None
        self._batch = 0
        self._dirty = False

    def read(self) -> Tables | None:
        if self._cache is None:
            if not self.path.exists():
                return None
            body = read_file(self.path, self.kind)
            tables = body.get("tables")
            if not isinstance(tables, dict):
                raise FileDamaged(self.path, "no tables")
            self._cache = tables
        return self._cache

    def write(self, data: Tables) -> None:
        self._cache = data
        if self._batch:
            self._dirty = True
            return
        self._flush()

    def _flush(self) -> None:
        assert self._cache is not None
        try:
            atomic_write(self.path, encode(self.kind, {"tables": self._cache}), backup=self.backup)
        except BaseException:
            self._cache = None  # memory may be ahead of the disk: read again next time
            raise
        self._dirty = False

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes: one atomic write at the end (none if an error interrupts)."""
        self._batch += 1
        try:
            yield
        except BaseException:
            self._batch -= 1
            if self._dirty and not self._batch:
                self._cache = None
                self._dirty = False
            raise
        self._batch -= 1
        if self._dirty and not self._batch:
            self._flush()

    def start_empty(self) -> None:
        """Begin from an empty database without reading the file (to rebuild it)."""
        self._cache = {}

    def close(self) -> None:
        self._cache = None
