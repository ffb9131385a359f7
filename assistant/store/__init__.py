"""Sessions and answers with provenance, kept durably on this device.

`open_store(data_dir)` gives a `SessionStore`; `store.open(id)` gives an `OpenSession` that
holds the session's lock. See `README.md` in this folder for the choices (files, locking,
recovery). Never imports textual. Names are exported lazily (PEP 562) to keep start-up cheap.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.store.api import OpenSession, SessionStore
    from assistant.store.errors import (
        AmbiguousSession,
        DiskFull,
        ImportRefused,
        InvalidId,
        KeyDamaged,
        NewerVersionError,
        NotASessionFolder,
        PassphraseNeeded,
        SaveFailed,
        SessionBusy,
        SessionDamaged,
        SessionNotFound,
        SessionUnreadable,
        StateMismatch,
        StoreError,
        UnsafeFolder,
        WrongPassphrase,
    )
    from assistant.store.files import resolve_data_dir
    from assistant.store.local import LocalSessionStore
    from assistant.store.model import (
        AnsweredBy,
        AnswerRecord,
        Meeting,
        Participant,
        Provenance,
        Role,
        Session,
        SessionHeader,
        SessionListing,
        SessionProgress,
        SessionSummary,
        StepAnswers,
        UnreadableSession,
    )

_EXPORTS = {
    "OpenSession": "api",
    "SessionStore": "api",
    "AmbiguousSession": "errors",
    "ImportRefused": "errors",
    "NewerVersionError": "errors",
    "SessionBusy": "errors",
    "SessionDamaged": "errors",
    "SessionNotFound": "errors",
    "StoreError": "errors",
    "DiskFull": "errors",
    "InvalidId": "errors",
    "KeyDamaged": "errors",
    "NotASessionFolder": "errors",
    "PassphraseNeeded": "errors",
    "SaveFailed": "errors",
    "SessionUnreadable": "errors",
    "StateMismatch": "errors",
    "UnsafeFolder": "errors",
    "WrongPassphrase": "errors",
    "resolve_data_dir": "files",
    "LocalSessionStore": "local",
    "AnsweredBy": "model",
    "AnswerRecord": "model",
    "Meeting": "model",
    "Participant": "model",
    "Provenance": "model",
    "Role": "model",
    "Session": "model",
    "SessionHeader": "model",
    "SessionProgress": "model",
    "SessionSummary": "model",
    "StepAnswers": "model",
    "SessionListing": "model",
    "UnreadableSession": "model",
}

__all__ = [
    "AmbiguousSession",
    "AnswerRecord",
    "AnsweredBy",
    "DiskFull",
    "ImportRefused",
    "InvalidId",
    "KeyDamaged",
    "LocalSessionStore",
    "Meeting",
    "NewerVersionError",
    "NotASessionFolder",
    "OpenSession",
    "Participant",
    "PassphraseNeeded",
    "Provenance",
    "Role",
    "SaveFailed",
    "Session",
    "SessionBusy",
    "SessionDamaged",
    "SessionHeader",
    "SessionListing",
    "SessionNotFound",
    "SessionProgress",
    "SessionStore",
    "SessionSummary",
    "SessionUnreadable",
    "StateMismatch",
    "StepAnswers",
    "StoreError",
    "UnreadableSession",
    "UnsafeFolder",
    "WrongPassphrase",
    "open_store",
    "resolve_data_dir",
]


def open_store(data_dir: Path | str | None = None) -> SessionStore:
    """The local store in `data_dir` (default: `resolve_data_dir(None)`)."""
    # deferred: tinydb and pydantic models load only when a store is really used
    from assistant.store.files import resolve_data_dir
    from assistant.store.local import LocalSessionStore

    return LocalSessionStore(Path(data_dir) if data_dir else resolve_data_dir(None))


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'assistant.store' has no attribute {name!r}")
    return getattr(import_module(f"assistant.store.{module}"), name)
