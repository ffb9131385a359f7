"""The store's errors: specific classes with messages a user can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every error `assistant.store` raises on purpose."""


class SessionNotFound(StoreError):
    """No session with this id (or prefix, or alias)."""

    def __init__(self, key: str, detail: str = "") -> None:
        message = f"no session '{key}' in this data folder"
        super().__init__(f"{message}: {detail}" if detail else message)
        self.key = key


class SessionBusy(StoreError):
    """Another program (or window) has this session open."""

    def __init__(self, session_id: str) -> None:
        super().__init__(
            f"session {session_id} is open elsewhere; close it there first, then try again"
        )
        self.session_id = session_id


class NewerVersionError(StoreError):
    """A file written by a newer Haave: refused, never overwritten."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__(
            f"{path} was saved by a newer version of Haave (format {found}; this one knows up to "
            f"{known}); update Haave to open it. The file was not changed."
        )
        self.path = path
        self.found = found
        self.known = known


class SessionDamaged(StoreError):
    """A session file is damaged and no good copy exists. The damaged file is kept aside."""

    def __init__(self, session_id: str, kept: Path | None) -> None:
        where = f" It is kept at {kept} so nothing is lost." if kept else ""
        super().__init__(
            f"session {session_id} is damaged and there is no good copy to go back to.{where}"
        )
        self.session_id = session_id
        self.kept = kept


class ImportRefused(StoreError):
    """A file that is not a Haave session export (or from a newer Haave)."""


class AmbiguousSession(StoreError):
    """A prefix or alias that fits more than one session."""

    def __init__(self, key: str, ids: list[str]) -> None:
        super().__init__(
            f"'{key}' fits {len(ids)} sessions ({', '.join(i[:8] for i in ids)}); "
            "give more of the id"
        )
        self.key = key
        self.ids = ids
