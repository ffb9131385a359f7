"""The store's errors: specific classes with messages a user can act on.

Every error has a stable `code` (e.g. ``"session-busy"``) so a screen can show its own
translated text, and a plain English message (`str(exc)`) for the command line. The codes
are listed in this folder's README; they never change meaning.
"""

from __future__ import annotations

import errno as _errno
from pathlib import Path


class StoreError(Exception):
    """Base of every error `assistant.store` raises on purpose."""

    code: str = "store-error"

    @property
    def message(self) -> str:
        return str(self)


class InvalidId(StoreError):
    """An id that does not fit the one id pattern (`assistant.ids`): refused, never a path."""

    code = "invalid-id"

    def __init__(self, what: str, value: object) -> None:
        from assistant.ids import explain

        super().__init__(explain(what, value))
        self.what = what
        self.value = value


class SessionNotFound(StoreError):
    """No session with this id (or prefix, or alias)."""

    code = "session-not-found"

    def __init__(self, key: str, detail: str = "") -> None:
        message = f"no session '{key}' in this data folder"
        super().__init__(f"{message}: {detail}" if detail else message)
        self.key = key


class SessionBusy(StoreError):
    """Another program (or window) has this session open."""

    code = "session-busy"

    def __init__(self, session_id: str) -> None:
        super().__init__(
            f"session {session_id} is open elsewhere; close it there first, then try again"
        )
        self.session_id = session_id


class NewerVersionError(StoreError):
    """A file written by a newer Haave: refused, never overwritten."""

    code = "newer-version"

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

    code = "session-damaged"

    def __init__(self, session_id: str, kept: Path | None) -> None:
        where = f" It is kept at {kept} so nothing is lost." if kept else ""
        super().__init__(
            f"session {session_id} is damaged and there is no good copy to go back to.{where}"
        )
        self.session_id = session_id
        self.kept = kept


class SessionUnreadable(StoreError):
    """The system refuses to read a session's files (permissions, a disk error)."""

    code = "session-unreadable"

    def __init__(self, session_id: str, reason: str) -> None:
        super().__init__(
            f"session {session_id} cannot be read ({reason}). Nothing was changed. "
            "Check the disk and the rights of the data folder, then try again"
        )
        self.session_id = session_id
        self.reason = reason


class NotASessionFolder(StoreError):
    """A folder under `sessions/` that holds no session file (or something else in its place)."""

    code = "not-a-session"

    def __init__(self, session_id: str, folder: Path, reason: str) -> None:
        super().__init__(
            f"the folder {folder} is not a Haave session ({reason}). Haave leaves it as it is; "
            "delete the session to remove it"
        )
        self.session_id = session_id
        self.folder = folder
        self.reason = reason


class StateMismatch(StoreError):
    """The saved place in the conversation belongs to another dialogue than the session's."""

    code = "state-mismatch"

    def __init__(self, session_id: str, dialogue_id: str, state_dialogue_id: str) -> None:
        super().__init__(
            f"session {session_id} is for the dialogue '{dialogue_id}', but its saved place "
            f"belongs to '{state_dialogue_id}'. The session was not changed; export it and ask "
            "for help, or delete it"
        )
        self.session_id = session_id
        self.dialogue_id = dialogue_id
        self.state_dialogue_id = state_dialogue_id


class ImportRefused(StoreError):
    """A file that is not a Haave session export (or from a newer Haave)."""

    code = "import-refused"


class AmbiguousSession(StoreError):
    """A prefix or alias that fits more than one session."""

    code = "session-ambiguous"

    def __init__(self, key: str, ids: list[str]) -> None:
        super().__init__(
            f"'{key}' fits {len(ids)} sessions ({', '.join(i[:8] for i in ids)}); "
            "give more of the id"
        )
        self.key = key
        self.ids = ids


class SaveFailed(StoreError):
    """A change could not be written. Everything saved before is safe; the change is not."""

    code = "save-failed"

    def __init__(self, reason: str) -> None:
        super().__init__(f"could not save ({reason}); everything saved before is safe")
        self.reason = reason

    @staticmethod
    def of(exc: OSError) -> SaveFailed:
        if exc.errno in (_errno.ENOSPC, getattr(_errno, "EDQUOT", _errno.ENOSPC)):
            return DiskFull()
        return SaveFailed(exc.strerror or str(exc))


class DiskFull(SaveFailed):
    """The disk is full: the last change was not saved."""

    code = "disk-full"

    def __init__(self) -> None:
        StoreError.__init__(
            self,
            "the disk is full, so the last change was not saved; everything saved before is "
            "safe. Make room on the disk, then try again",
        )
        self.reason = "the disk is full"


class UnsafeFolder(StoreError):
    """The data folder can be changed by other users: Haave does not use it."""

    code = "unsafe-permissions"

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(
            f"the data folder {folder} {reason}, so Haave does not use it. Check that it holds "
            f"only your own files, then make it private with: chmod 700 '{folder}'"
        )
        self.folder = folder
        self.reason = reason


class PassphraseNeeded(StoreError):
    """The data folder is encrypted (or new) and no passphrase was given.

    `new` is True when the folder is new: a passphrase must be chosen (code
    ``passphrase-new``); else the folder's passphrase must be typed (``passphrase-needed``).
    """

    def __init__(self, folder: Path, *, new: bool = False) -> None:
        if new:
            text = (
                f"the new data folder {folder} is kept encrypted: choose a passphrase first "
                "(start haave on a terminal, or set HAAVE_PASSPHRASE_FILE)"
            )
        else:
            text = (
                f"the data folder {folder} is encrypted: give its passphrase (start haave on "
                "a terminal, or set HAAVE_PASSPHRASE_FILE)"
            )
        super().__init__(text)
        self.folder = folder
        self.new = new
        self.code = "passphrase-new" if new else "passphrase-needed"


class WrongPassphrase(StoreError):
    """The passphrase does not open this data folder."""

    code = "passphrase-wrong"

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"the passphrase does not open the data folder {folder}; check it and try again"
        )
        self.folder = folder


class KeyDamaged(StoreError):
    """The data folder's key file is damaged and its copy too: the data cannot be read."""

    code = "key-damaged"

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(
            f"the key of the data folder {folder} is damaged ({reason}) and so is its copy; "
            "without it the sessions cannot be read. Nothing was changed"
        )
        self.folder = folder
        self.reason = reason


class EncryptionRefused(StoreError):
    """Encrypting, or changing the passphrase of, a data folder cannot be done as asked."""

    code = "encryption-refused"


#: Every code, for the UI's translation table and the README (a test keeps them in step).
CODES: tuple[str, ...] = (
    "store-error",
    "invalid-id",
    "session-not-found",
    "session-ambiguous",
    "session-busy",
    "newer-version",
    "session-damaged",
    "session-unreadable",
    "not-a-session",
    "state-mismatch",
    "import-refused",
    "save-failed",
    "disk-full",
    "unsafe-permissions",
    "passphrase-new",
    "passphrase-needed",
    "passphrase-wrong",
    "key-damaged",
    "encryption-refused",
)
