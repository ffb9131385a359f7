"""What went wrong, as a code a front-end turns into plain words in the client's language.

The service raises `SessionError` with a `Problem`; `words(lang)` gives the message for a
client or supporter, and `detail` keeps the technical reason for logs and the command line.
Nothing typed or saved is lost when one is raised.
"""

from __future__ import annotations

from enum import StrEnum

from assistant.i18n import N_, translator


class Problem(StrEnum):
    BUSY = "busy"
    """The session is open in another window or on another device."""
    DAMAGED = "damaged"
    """The session file is damaged and there is no good copy."""
    NEWER = "newer"
    """The session was saved by a newer Haave."""
    NOT_FOUND = "not_found"
    """No such session (deleted, or a wrong id)."""
    DIALOGUE_MISSING = "dialogue_missing"
    """The session follows a dialogue that is not on this device."""
    NOT_SAVED = "not_saved"
    """Saving failed (e.g. the disk is full); everything saved before is safe."""
    ANSWER_UNFIT = "answer_unfit"
    """The answer does not fit the question (nothing picked, no words)."""
    NOT_NOW = "not_now"
    """The action does not fit where the conversation is (e.g. an old page)."""
    EXPORT_FAILED = "export_failed"
    """The file could not be made."""
    LOCKED = "locked"
    """The data folder is encrypted and not unlocked (no passphrase, or a wrong one)."""
    UNSAFE = "unsafe"
    """The data folder can be changed by other users of the computer: Haave refuses it."""


_WORDS: dict[Problem, str] = {
    Problem.BUSY: N_("This session is open somewhere else. Close it there first."),
    Problem.DAMAGED: N_(
        "This session is damaged. Nothing was deleted. Ask the person who looks after Haave."
    ),
    Problem.NEWER: N_("A newer Haave saved this session. Update Haave to open it."),
    Problem.NOT_FOUND: N_("This session is not here any more."),
    Problem.DIALOGUE_MISSING: N_(
        "The questions of this session are not on this device. Ask for help."
    ),
    Problem.NOT_SAVED: N_("Your answer was not saved. Try again. Your earlier answers are safe."),
    Problem.ANSWER_UNFIT: N_("Pick a choice or write something first."),
    Problem.NOT_NOW: N_("This page is old. Here is the question now."),
    Problem.EXPORT_FAILED: N_("The file could not be made. Your answers are safe."),
    Problem.LOCKED: N_("Haave has locked the answers. Start Haave again and give the password."),
    Problem.UNSAFE: N_("Other people can change the answers here. Ask for help."),
}


class SessionError(Exception):
    """A problem a front-end shows in plain words; `detail` is the technical reason."""

    def __init__(self, problem: Problem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail

    def words(self, lang: str) -> str:
        return translator(lang)(_WORDS[self.problem])
