"""Schema versions of the store's files, and the migrations between them.

Every file the store writes is a JSON object `{"format": KIND, "schema": N, ...}`. On read,
an older `N` is migrated step by step to the current one; a newer `N` is refused with
`NewerVersionError` and the file is left exactly as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.store.errors import NewerVersionError

SESSION = "haave-session"
INDEX = "haave-index"
EXPORT = "haave-session-export"

#: The current schema version of each kind of file.
CURRENT: dict[str, int] = {SESSION: 1, INDEX: 1, EXPORT: 1}

Body = dict[str, Any]
#: MIGRATIONS[kind][n] turns a body of version n into one of version n + 1.
MIGRATIONS: dict[str, dict[int, Callable[[Body], Body]]] = {SESSION: {}, INDEX: {}, EXPORT: {}}


def upgrade(kind: str, found: int, body: Body, path: Path) -> Body:
    """Bring `body` (schema `found`) up to the current schema of `kind`."""
    known = CURRENT[kind]
    if found > known:
        raise NewerVersionError(path, found, known)
    while found < known:
        step = MIGRATIONS[kind].get(found)
        if step is None:
            raise NewerVersionError(path, found, known)  # pragma: no cover - a gap is a bug
        body = step(body)
        found += 1
    return body
