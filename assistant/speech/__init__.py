"""Read aloud: speak a text with an offline backend (espeak-ng first), never blocking the UI.

The backend is a command template (a setting), e.g. ``espeak-ng -v {voice} {text}``. It is
split into arguments once; `{voice}` and `{text}` are replaced inside single arguments, so
the text can never be read by a shell. Never imports textual.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
from dataclasses import dataclass, field

from assistant.languages import language

DEFAULT_COMMAND = "espeak-ng -v {voice} {text}"



class SpeechUnavailable(RuntimeError):
    """The read-aloud program is not installed."""


@dataclass
class Speaker:
    """Speaks one text at a time; a new text stops the one before."""

    command: str = DEFAULT_COMMAND
    _process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def argv(self, text: str, lang: str) -> list[str]:
        """The command's arguments for this text (text passed as one argument)."""
        voice = language(lang).voice
        parts = shlex.split(self.command)
        return [p.replace("{voice}", voice).replace("{text}", text) for p in parts]

    @property
    def program(self) -> str:
        parts = shlex.split(self.command)
        return parts[0] if parts else ""

    def available(self) -> bool:
        return bool(self.program) and shutil.which(self.program) is not None

    def say(self, text: str, lang: str) -> None:
        """Start speaking and return at once. Raises `SpeechUnavailable` when not installed."""
        if not self.available():
            raise SpeechUnavailable(self.program or "espeak-ng")
        self.stop()
        text = text.replace("\n", ". ")
        if text.startswith("-"):
            text = " " + text  # never read as an option by the program
        self._process = subprocess.Popen(
            self.argv(text, lang),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
        self._process = None

    @property
    def speaking(self) -> bool:
        return self._process is not None and self._process.poll() is None
