"""Moving a session to another device: one export file, checked strictly on import.

The export is a JSON file `{"format": "haave-session-export", "schema": N, ...}` holding the
whole session with every revision and view. Steps the client marked private are left out
(and their answers are removed from the engine state) unless `include_private` is given.
A file that is not such an export, is damaged, or comes from a newer Haave is refused with
`ImportRefused`; nothing is written then.
"""

from __future__ import annotations

import stat
from pathlib import Path

from pydantic import ValidationError

from assistant.ids import explain
from assistant.store.errors import ImportRefused, NewerVersionError
from assistant.store.files import atomic_write
from assistant.store.migrations import EXPORT
from assistant.store.model import Session, now_utc
from assistant.store.storage import FileDamaged, decode, encode

#: No session export is near this size; a bigger file is refused before it is read.
MAX_EXPORT_BYTES = 64 * 1024 * 1024


def without_private(session: Session) -> Session:
    """A copy of the session with the private steps left out."""
    copy = session.model_copy(deep=True)
    for step_id in [s for s, answers in copy.steps.items() if answers.private]:
        del copy.steps[step_id]
        if copy.state is not None:
            copy.state.answers.pop(step_id, None)
            copy.state.unplaced.pop(step_id, None)
    return copy


def export_bytes(session: Session, *, include_private: bool = False) -> bytes:
    chosen = session if include_private else without_private(session)
    body = {"exported_at": now_utc().isoformat(), "session": chosen.model_dump(mode="json")}
    return encode(EXPORT, body)


def write_export(session: Session, path: Path, *, include_private: bool = False) -> None:
    """Write the export file (0600, atomically). The folder must exist."""
    if not path.parent.is_dir():
        raise ImportRefused(f"cannot write {path}: the folder {path.parent} does not exist")
    atomic_write(path, export_bytes(session, include_private=include_private))


def read_export(path: Path) -> Session:
    """The session in an export file. Raises `ImportRefused` with the reason."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise ImportRefused(f"{path} is not a file; nothing was imported")
        if st.st_size > MAX_EXPORT_BYTES:
            raise ImportRefused(f"{path} is too big to be a Haave session export")
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        body = decode(path, EXPORT, raw)
    except FileDamaged as exc:
        raise ImportRefused(
            f"{path} is not a Haave session export ({exc.reason}); nothing was imported"
        ) from None
    except NewerVersionError as exc:
        raise ImportRefused(
            f"{path} comes from a newer version of Haave; update Haave to import it"
        ) from exc
    try:
        session = Session.model_validate(body["session"])
    except KeyError:
        raise ImportRefused(f"{path} is damaged or incomplete; nothing was imported") from None
    except ValidationError as exc:
        raise ImportRefused(
            f"{path} is damaged or incomplete ({_first_problem(exc)}); nothing was imported"
        ) from None
    state = session.state
    if state is not None and state.dialogue_id != session.dialogue_id:
        raise ImportRefused(
            f"{path} is damaged: the session is for the dialogue '{session.dialogue_id}' but its "
            f"saved place belongs to '{state.dialogue_id}'; nothing was imported"
        )
    return session


def _first_problem(exc: ValidationError) -> str:
    """The first validation error in words, e.g. "id: ... is not a valid id"."""
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"]) or "the session"
    if error["type"] == "string_pattern_mismatch":
        return f"{where}: {explain('value', error.get('input'))}"
    return f"{where}: {str(error['msg']).removeprefix('Value error, ')}"
