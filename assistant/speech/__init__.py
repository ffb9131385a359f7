"""Read aloud: speak a text with an offline backend (espeak-ng first), never blocking the UI.

The backend is a command template (a setting), e.g. ``espeak-ng -v {voice} --stdin``. It is
split into arguments once and `{voice}` is replaced inside single arguments, so nothing is
ever read by a shell. The text itself, often the client's own answers at the read-back, goes
to the program's standard input, never on its command line where any user of the machine
could see it (`ps`); an argument holding `{text}`, from older settings, is left out.
Never imports textual.
"""

from __future__ import annotations

import contextlib
import shlex
import shutil
import subprocess
import threading
from dataclasses import dataclass, field

from assistant.languages import language

DEFAULT_COMMAND = "espeak-ng -v {voice} --stdin"



class SpeechUnavailable(RuntimeError):
    """The read-aloud program is not installed."""


@dataclass
class Speaker:
    """Speaks one text at a time; a new text stops the one before."""

    command: str = DEFAULT_COMMAND
    _process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def argv(self, lang: str) -> list[str]:
        """The command's arguments: the voice filled in, no text (it goes to stdin)."""
        voice = language(lang).voice
        parts = shlex.split(self.command)
        return [p.replace("{voice}", voice) for p in parts if "{text}" not in p]

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
        process = subprocess.Popen(
            self.argv(lang),
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._process = process
        data = text.replace("\n", ". ").encode("utf-8")
        # fed by a thread: a program that does not read its input never blocks the UI
        threading.Thread(target=_feed, args=(process, data), daemon=True).start()

    def stop(self) -> None:
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
        self._process = None

    @property
    def speaking(self) -> bool:
        return self._process is not None and self._process.poll() is None


def _feed(process: subprocess.Popen[bytes], data: bytes) -> None:
    stdin = process.stdin
    if stdin is None:
        return
    with contextlib.suppress(OSError, ValueError):  # the program ended or was stopped
        stdin.write(data)
    with contextlib.suppress(OSError, ValueError):
        stdin.close()
