"""The recording script and the recorded audio of a dialogue.

`haave script` writes a recording script (line id, text, suggested file name) so that a
human voice can record the fixed lines; a step's `audio` field points to the files. A
suggested file name carries the hash of the text it is recorded from, so that `haave check`
can tell a recording made from an older text (`audio_problems`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from assistant.dialogue.loader import LoadedDialogue
from assistant.dialogue.translation import OwnerKind, owners, text_hash

#: The texts a client hears read aloud: these go into the recording script.
SPOKEN: dict[OwnerKind, tuple[str, ...]] = {
    "dialogue": ("title",),
    "theme": ("title",),
    "step": ("intro", "text", "help"),
    "choice": ("text",),
}

#: A recording's file name may carry the hash of the text it was recorded from:
#: `audio/fi/opening-hello.text.3fa2c1.ogg`. `haave check` warns when the text changed.
_RECORDED_HASH = re.compile(r"\.([0-9a-f]{6})\.[A-Za-z0-9]+$")


def recorded_from(file_name: str) -> str | None:
    """The text hash a recording's file name carries, if it follows the script's names."""
    found = _RECORDED_HASH.search(file_name)
    return found.group(1) if found else None


@dataclass(frozen=True)
class ScriptLine:
    """One line for a voice to record."""

    line_id: str
    text: str
    file: str
    """The audio file the dialogue names, or a suggested name that carries the text hash."""
    recorded: bool


def script(loaded: LoadedDialogue, lang: str) -> list[ScriptLine]:
    """Every spoken text in `lang`, in the order a client meets them."""
    out = []
    for owner in owners(loaded.dialogue):
        audio = getattr(owner.obj, "audio", None)
        for name in SPOKEN[owner.kind]:
            text = (owner.texts(name) or {}).get(lang)
            if not text:
                continue
            files = getattr(audio, name, None) or {}
            named = files.get(lang)
            base = owner.key.replace("/", ".").lstrip("@")
            suggested = f"audio/{lang}/{base}.{name}.{text_hash(text)}.ogg"
            out.append(
                ScriptLine(
                    owner.line_id(name),
                    text,
                    named or suggested,
                    bool(named and (loaded.folder / named).is_file()),
                )
            )
    return out


def script_csv(lines: Iterable[ScriptLine]) -> str:
    """The script as CSV (line id, text, file, recorded), for a spreadsheet or a studio."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["line_id", "text", "file", "recorded"])
    for line in lines:
        writer.writerow([line.line_id, line.text, line.file, "yes" if line.recorded else "no"])
    return out.getvalue()


def audio_problems(loaded: LoadedDialogue) -> Iterator[tuple[str | None, str, str]]:
    """(step id, level, message) for every audio file named by the dialogue."""
    dialogue = loaded.dialogue
    folder = loaded.folder.resolve()
    for owner in owners(dialogue):
        audio = getattr(owner.obj, "audio", None)
        if audio is None:
            continue
        for name in SPOKEN[owner.kind]:
            files = getattr(audio, name, None) or {}
            texts = owner.texts(name) or {}
            for lang, file_name in files.items():
                where = f"the {name} of '{owner.key}' ({lang})"
                at = owner.step_id()
                path = (loaded.folder / file_name).resolve()
                if folder not in path.parents:
                    yield at, "error", f"the audio of {where} must be inside the dialogue folder"
                    continue
                if not path.is_file():
                    yield (
                        at,
                        "error",
                        f"the audio file '{file_name}' of {where} is not there: "
                        "record it or remove the name",
                    )
                if lang not in texts:
                    yield at, "error", f"audio for {where}, which has no text in that language"
                    continue
                recorded = recorded_from(file_name)
                if recorded is not None and recorded != text_hash(texts[lang]):
                    yield (
                        at,
                        "warning",
                        f"the audio '{file_name}' was recorded from an older text of {where}: "
                        "record it again ('haave script' names the new file)",
                    )


__all__ = [
    "SPOKEN",
    "ScriptLine",
    "audio_problems",
    "recorded_from",
    "script",
    "script_csv",
]
