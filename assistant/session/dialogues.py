"""The dialogues on this device: a session's dialogue is looked up by id among them only.

An id read from a session file is never turned into a path: it must be the name of a
shipped dialogue folder. A folder path is taken only from the command line (`--dialogue`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.dialogue import Dialogue, load_dialogue
from assistant.dialogue.loader import default_root, dialogue_folders
from assistant.dialogue.yamlio import DataFileError
from assistant.session.errors import Problem, SessionError

#: The dialogue a new session follows unless another is chosen.
DEFAULT_DIALOGUE = "support-plan"


@dataclass(frozen=True)
class DialogueChoice:
    """A dialogue a new session can follow, for choosers."""

    id: str
    symbol: str
    title: dict[str, str]


class Dialogues:
    """Loads each dialogue once and keeps it (they are immutable)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or default_root()
        self._loaded: dict[str, Dialogue] = {}
        self._folders: dict[str, Path] | None = None

    def folders(self) -> dict[str, Path]:
        if self._folders is None:
            self._folders = {f.name: f for f in dialogue_folders(self.root)}
        return self._folders

    def get(self, dialogue_id: str) -> Dialogue:
        """The shipped dialogue with this id. Raises `SessionError(DIALOGUE_MISSING)`."""
        if dialogue_id in self._loaded:
            return self._loaded[dialogue_id]
        folder = self.folders().get(dialogue_id)
        if folder is None:
            raise SessionError(Problem.DIALOGUE_MISSING, f"no dialogue '{dialogue_id}' here")
        try:
            dialogue = load_dialogue(folder)
        except DataFileError as exc:
            raise SessionError(Problem.DIALOGUE_MISSING, str(exc)) from exc
        self._loaded[dialogue_id] = dialogue
        return dialogue

    def named(self, name: str | None) -> Dialogue:
        """A dialogue by id, or by folder path (the command line's `--dialogue`)."""
        name = name or DEFAULT_DIALOGUE
        if name in self.folders() or not Path(name).is_dir():
            return self.get(name)
        try:
            dialogue = load_dialogue(Path(name))
        except DataFileError as exc:
            raise SessionError(Problem.DIALOGUE_MISSING, str(exc)) from exc
        self._loaded.setdefault(dialogue.id, dialogue)
        return dialogue

    def choices(self) -> list[DialogueChoice]:
        out = []
        for dialogue_id in self.folders():
            try:
                dialogue = self.get(dialogue_id)
            except SessionError:
                continue  # a broken folder is reported by `haave check`, not offered
            out.append(DialogueChoice(dialogue.id, dialogue.symbol, dict(dialogue.title)))
        return out
