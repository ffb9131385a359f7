"""Driving the real `haave` app in a terminal: tmux with a private socket per test.

Every wait polls `capture-pane` for the expected text (up to `WAIT` seconds); no test relies
on a fixed sleep. The app runs with its data, settings and XDG folders in the test's tmp dir.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSPHRASE

TMUX = shutil.which("tmux")

BIN = Path(sys.executable).parent
HAAVE = BIN / "haave"
REPO = Path(__file__).resolve().parents[2]
WAIT = 30.0
WIDTH, HEIGHT = 100, 30


def app_env(root: Path) -> dict[str, str]:
    """The environment of an app under test: nothing outside `root` is read or written."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HAAVE_")}
    secret = root / "passphrase"  # the data folder is encrypted, as a new one in use is
    secret.write_text(TEST_PASSPHRASE + "\n")
    secret.chmod(0o600)
    env["HAAVE_PASSPHRASE_FILE"] = str(secret)
    for name in ("data", "config", "xdg-config", "xdg-data", "xdg-cache", "xdg-state"):
        (root / name).mkdir(parents=True, exist_ok=True)
    env.update(
        TERM="xterm-256color",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        HAAVE_DATA_DIR=str(root / "data"),
        HAAVE_SETTINGS=str(root / "config" / "settings.json"),
        XDG_CONFIG_HOME=str(root / "xdg-config"),
        XDG_DATA_HOME=str(root / "xdg-data"),
        XDG_CACHE_HOME=str(root / "xdg-cache"),
        XDG_STATE_HOME=str(root / "xdg-state"),
        HAAVE_SPEECH_COMMAND="true {voice} {text}",
    )
    env.pop("TMUX", None)
    env.pop("TMUX_PANE", None)
    return env


class Term:
    """A private tmux server; each window ("main", "second", ...) is its own tmux session."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.socket = f"haave-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.env = app_env(root)
        self.conf = root / "tmux.conf"
        # the pane stays after the app ends: its last screen (e.g. a traceback) can be read
        self.conf.write_text("set -g remain-on-exit on\nset -g history-limit 5000\n")

    @property
    def data_dir(self) -> Path:
        return Path(self.env["HAAVE_DATA_DIR"])

    def tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.conf), *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=20,
            check=False,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {args[0]}: {done.stderr.strip()}")
        return done.stdout

    def start(
        self, command: list[str] | None = None, window: str = "main", cwd: Path | None = None
    ) -> None:
        """Start `command` (default: the venv's `haave`) in a new window of this server."""
        # The walks follow the small example dialogue (new sessions default to support-plan).
        argv = command or [str(HAAVE), "--dialogue", "example"]
        self.tmux(
            "new-session",
            "-d",
            "-s",
            window,
            "-x",
            str(WIDTH),
            "-y",
            str(HEIGHT),
            "-c",
            str(cwd or self.root),
            "exec " + shlex.join(argv),
        )

    def screen(self, window: str = "main") -> str:
        return self.tmux("capture-pane", "-p", "-t", window)

    def wait_for(
        self,
        *texts: str,
        window: str = "main",
        timeout: float = WAIT,
        absent: tuple[str, ...] = (),
        focus: str | tuple[str, ...] | None = None,
    ) -> str:
        """Poll the screen until every text is on it (and none of `absent`); return it.

        `focus`: a text (or one of several) that must be on the terminal cursor's row. The
        app puts the cursor on the focused control (for screen readers), so this waits until
        the keys about to be sent go to the right control.
        """
        focused = (focus,) if isinstance(focus, str) else focus

        def ok(shown: str) -> bool:
            if not all(t in shown for t in texts) or any(a in shown for a in absent):
                return False
            if focused is None:
                return True
            row = self.cursor_row(window)
            return any(f in row for f in focused)

        return self.wait_until(
            ok,
            window=window,
            timeout=timeout,
            what=f"{texts!r}"
            + (f" without {absent!r}" if absent else "")
            + (f" with the cursor on {focused!r}" if focused else ""),
        )

    def cursor_row(self, window: str = "main") -> str:
        """The text of the row the terminal cursor is on."""
        row = self.tmux("display-message", "-p", "-t", window, "#{cursor_y}").strip()
        lines = self.screen(window).splitlines()
        y = int(row or 0)
        return lines[y] if 0 <= y < len(lines) else ""

    def wait_until(
        self,
        ok: Callable[[str], bool],
        window: str = "main",
        timeout: float = WAIT,
        what: str = "the expected screen",
    ) -> str:
        deadline = time.monotonic() + timeout
        shown = last = ""
        while True:
            shown = self.screen(window)
            # the same screen twice in a row: the app has settled (focus set after drawing)
            if ok(shown) and shown == last:
                return shown
            last = shown
            if "Traceback (most recent call last)" in shown or "Pane is dead" in shown:
                raise AssertionError(f"the app ended while waiting for {what}:\n{shown}")
            if time.monotonic() > deadline:
                row = self.cursor_row(window)
                raise AssertionError(
                    f"waited {timeout:.0f} s for {what}; the cursor row: {row!r}; the screen:\n"
                    + shown
                )
            time.sleep(0.1)

    def keys(self, *keys: str, window: str = "main") -> None:
        """Send tmux key names: Enter, Escape, F10, C-r, Up, 1, ..."""
        for key in keys:
            self.tmux("send-keys", "-t", window, key)

    def type(self, text: str, window: str = "main") -> None:
        """Send text literally, character for character (no key names)."""
        self.tmux("send-keys", "-t", window, "-l", "--", text)

    def paste(self, text: str, window: str = "main") -> None:
        """Paste text the way a terminal does (bracketed paste when the app asks for it)."""
        buffer = self.root / f"paste-{uuid.uuid4().hex[:6]}.txt"
        buffer.write_text(text, encoding="utf-8")
        self.tmux("load-buffer", "-b", "e2e", str(buffer))
        self.tmux("paste-buffer", "-p", "-d", "-b", "e2e", "-t", window)

    def pane(self, fmt: str, window: str = "main") -> str:
        return self.tmux("list-panes", "-t", window, "-F", fmt).strip()

    def pid(self, window: str = "main") -> int:
        return int(self.pane("#{pane_pid}", window))

    def dead(self, window: str = "main") -> bool:
        return self.pane("#{pane_dead}", window) == "1"

    def wait_dead(self, window: str = "main", timeout: float = WAIT) -> str:
        deadline = time.monotonic() + timeout
        while not self.dead(window):
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not end; the screen:\n{self.screen(window)}")
            time.sleep(0.1)
        return self.screen(window)

    def close(self) -> None:
        self.tmux("kill-server", check=False)
        # tmux leaves the socket file behind; it is ours alone, so remove it
        folder = Path(self.env.get("TMUX_TMPDIR") or "/tmp") / f"tmux-{os.getuid()}"
        (folder / self.socket).unlink(missing_ok=True)


@pytest.fixture
def term(tmp_path: Path) -> Iterator[Term]:
    if TMUX is None:
        pytest.skip("tmux is not installed (apt-get install tmux; .ci/run installs it)")
    t = Term(tmp_path)
    try:
        yield t
    finally:
        t.close()
