"""All sessions on this device, and the dialogues they follow: where a front-end starts.

`Sessions` lists, creates, opens, archives and deletes sessions, and exports a stored one
from the command line. Opening gives an `ActiveSession`, the only mover of a conversation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from assistant.dialogue import Conversation, Dialogue
from assistant.dialogue.engine import DialogueMismatch, resume
from assistant.languages import known_or_default
from assistant.session.active import ActiveSession
from assistant.session.core import Notice, NoticeKind
from assistant.session.dialogues import Dialogues
from assistant.session.errors import Problem, SessionError
from assistant.store import open_store, resolve_data_dir
from assistant.store.api import SessionStore
from assistant.store.errors import StoreError
from assistant.store.files import atomic_write
from assistant.store.model import Participant, Role


@dataclass(frozen=True)
class SessionSummary:
    """One session in a list: enough to choose it, nothing from inside it."""

    id: str
    alias: str
    dialogue_id: str
    last_meeting: datetime | None
    themes_done: int
    theme_count: int
    archived: bool
    problem: Problem | None = None
    """Set when the session cannot be opened here (its dialogue is not on this device)."""


#: The store's error codes (assistant/store/README.md) in plain-words problems.
_PROBLEMS = {
    "session-busy": Problem.BUSY,
    "newer-version": Problem.NEWER,
    "session-not-found": Problem.NOT_FOUND,
    "invalid-id": Problem.NOT_FOUND,
    "session-ambiguous": Problem.NOT_FOUND,
    "save-failed": Problem.NOT_SAVED,
    "disk-full": Problem.NOT_SAVED,
    "passphrase-new": Problem.LOCKED,
    "passphrase-needed": Problem.LOCKED,
    "passphrase-wrong": Problem.LOCKED,
    "key-damaged": Problem.LOCKED,
    "unsafe-permissions": Problem.UNSAFE,
}


def problem_of(exc: StoreError) -> Problem:
    """The plain-words code for a store error (damaged when nothing else fits)."""
    return _PROBLEMS.get(exc.code, Problem.DAMAGED)


class Sessions:
    """The sessions in one data folder."""

    def __init__(
        self,
        data_dir: str | Path | None = None,
        dialogue: str | None = None,
        dialogues: Dialogues | None = None,
        store: SessionStore | None = None,
    ) -> None:
        self.data_dir = resolve_data_dir(str(data_dir) if data_dir else None)
        self.dialogues = dialogues or Dialogues()
        self._new_dialogue = dialogue
        try:
            self.store = store or open_store(self.data_dir)
        except StoreError as exc:  # locked, or a folder others can change
            raise SessionError(problem_of(exc), str(exc)) from exc

    @property
    def dialogue(self) -> Dialogue:
        """The dialogue new sessions follow (`--dialogue`, else the full support plan)."""
        return self.dialogues.named(self._new_dialogue)

    def summaries(self, archived: bool = False) -> list[SessionSummary]:
        """Sessions of every dialogue, newest meeting first (only archived ones if asked)."""
        out = []
        listing = self.store.listing(archived=True)
        for s in listing.sessions:
            if s.archived != archived:
                continue
            problem = None
            try:
                themes = len(self.dialogues.get(s.dialogue_id).themes)
            except SessionError as exc:
                themes, problem = 0, exc.problem  # still listed, marked
            out.append(
                SessionSummary(
                    id=s.id,
                    alias=s.alias,
                    dialogue_id=s.dialogue_id,
                    last_meeting=s.last_meeting,
                    themes_done=s.progress.themes_done,
                    theme_count=themes,
                    archived=s.archived,
                    problem=problem,
                )
            )
        if not archived:  # one that cannot be read is listed, marked, never silently gone
            out += [
                SessionSummary(
                    id=u.id,
                    alias=u.alias or u.id[:8],
                    dialogue_id="",
                    last_meeting=None,
                    themes_done=0,
                    theme_count=0,
                    archived=False,
                    problem=_PROBLEMS.get(u.code, Problem.DAMAGED),
                )
                for u in listing.unreadable
            ]
        return out

    def create(self, alias: str, language: str, dialogue_id: str | None = None) -> ActiveSession:
        """A new session for a client, opened."""
        dialogue = self.dialogues.get(dialogue_id) if dialogue_id else self.dialogue
        client = Participant(id="client", name=alias.strip(), role=Role.CLIENT)
        try:
            language = known_or_default(language)
            session = self.store.create(alias.strip(), dialogue, language, [client])
        except (StoreError, OSError) as exc:
            raise SessionError(Problem.NOT_SAVED, str(exc)) from exc
        return self.open(session.id)

    def open(self, key: str) -> ActiveSession:
        """Open a session by id (or unique prefix or alias) for work: it is locked until
        `close()`. Raises `SessionError` with what is wrong, in a code."""
        try:
            session_id = self.store.resolve(key)
            stored = self.store.open(session_id)
        except StoreError as exc:
            raise SessionError(problem_of(exc), str(exc)) from exc
        try:
            dialogue = self.dialogues.get(stored.session.dialogue_id)
            notices = [Notice(NoticeKind.REPAIRED, n) for n in stored.notices]
            state = stored.session.state
            if state is None:
                conversation = Conversation(dialogue)
            else:
                conversation, unplaced = resume(dialogue, state)
                if unplaced:
                    detail = "; ".join(f"{u.step_id}: {u.reason}" for u in unplaced)
                    notices.append(Notice(NoticeKind.UNPLACED, detail))
        except DialogueMismatch as exc:
            stored.close()
            raise SessionError(Problem.DAMAGED, str(exc)) from exc
        except BaseException:
            stored.close()  # the lock must not stay held
            raise
        folder = self.dialogues.folders().get(dialogue.id)
        return ActiveSession(self.store, stored, dialogue, conversation, notices, folder)

    def archive(self, session_id: str, archived: bool = True) -> None:
        try:
            self.store.archive(session_id, archived)
        except StoreError as exc:
            raise SessionError(problem_of(exc), str(exc)) from exc

    def delete(self, session_id: str) -> None:
        """Erase a session and every file made from it in the data folder."""
        try:
            self.store.delete(session_id)
        except StoreError as exc:
            raise SessionError(problem_of(exc), str(exc)) from exc

    def export_to(
        self, key: str, fmt: str, lang: str, mine: bool, out: Path, kind: str | None = None
    ) -> Path:
        """Export a stored session to a file or folder the user chose (not encrypted: the
        client agreed to share it). Returns the file written. `kind`: draft, mine, profile
        (`assistant.plan.formats.Kind`); without it, `mine` chooses."""
        opened = self.open(key)
        try:
            made = opened.make_file(fmt, lang, mine, kind=kind)
        finally:
            opened.close()
        target = out / made.name if out.is_dir() else out
        try:
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            atomic_write(target, made.data)
        except OSError as exc:
            raise SessionError(Problem.EXPORT_FAILED, f"cannot write {target}: {exc}") from exc
        return target

    def record_consent(self, key: str, audience: list[str], caseworker: str | None = None) -> None:
        """Record who may see the plan, from the command line."""
        opened = self.open(key)
        try:
            opened.consent(audience, caseworker)
        finally:
            opened.close()
