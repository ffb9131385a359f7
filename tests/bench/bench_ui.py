"""UI benchmarks: cold start beside a bare Textual app, key press to next step, memory.

Figures are measured in the same run as their baseline. Never part of `make test`.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

from textual import events

from assistant.ui.app import HaaveApp
from assistant.ui.screens.conversation import ConversationScreen
from tests.bench import Row, median_ms, p95_ms, started_env
from tests.ui.helpers import to_mood

# Both stop at the first frame handed to the terminal that shows their first screen's words.
_SHOWS = """
import io
from rich.console import Console
def shows(update, words):
    console = Console(file=io.StringIO(), width=80, height=24, color_system=None)
    console.print(update, end="")
    return words in console.file.getvalue()
"""

_BARE = _SHOWS + """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("Hei")
    def _display(self, screen, update):
        super()._display(screen, update)
        if shows(update, "Hei"):
            self.exit()
Bare().run(headless=True, size=(80, 24))
# VmRSS of this process now (ru_maxrss would include the forking parent's peak)
print(next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS:")))
"""

_HAAVE = _SHOWS + """
import tempfile
from assistant.ui.app import HaaveApp
class Probe(HaaveApp):
    def _display(self, screen, update):
        super()._display(screen, update)
        if shows(update, "Suomi"):  # the language screen, the first interactive one
            self.exit()
Probe(data_dir=tempfile.mkdtemp(), dialogue="example").run(headless=True, size=(80, 24))
# VmRSS of this process now (ru_maxrss would include the forking parent's peak)
print(next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS:")))
"""


def _start(code: str, env: dict[str, str]) -> tuple[float, int]:
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - t0
    return seconds, int(out.stdout.strip().splitlines()[-1])


def _cold_start(repeat: int = 9) -> list[Row]:
    folder = tempfile.mkdtemp()
    env = started_env()  # with bytecode, as a user's Haave starts (and bare Textual has it)
    env["HAAVE_SETTINGS"] = os.path.join(folder, "settings.json")
    env["HAAVE_DATA_DIR"] = os.path.join(folder, "data")
    bare, haave, bare_kb, haave_kb = [], [], 0, 0
    for _ in range(repeat):  # interleaved, so both see the same machine load
        seconds, bare_kb = _start(_BARE, env)
        bare.append(seconds)
        seconds, haave_kb = _start(_HAAVE, env)
        haave.append(seconds)
    b, h = statistics.median(bare), statistics.median(haave)
    ratio = h / b
    return [
        Row("ui: cold start, bare Textual app", f"{b * 1000:.0f} ms median"),
        Row(
            "ui: cold start to language screen",
            f"{h * 1000:.0f} ms median ({ratio:.2f}x bare)",
            "<= 1.5x bare",
            ratio <= 1.5,
        ),
        Row("ui: memory at rest, bare Textual", f"{bare_kb / 1024:.0f} MiB RSS"),
        Row("ui: memory at rest, Haave", f"{haave_kb / 1024:.0f} MiB RSS"),
    ]


# One round through every kind of step in the example dialogue and back: (key, step reached).
_ROUND = (
    ("1", "hobbies"),  # scale3 -> multi_choice
    ("1", None),  # tick "music" (the first time; then it is the earlier answer)
    ("ctrl+r", "music-kind"),  # -> choice
    ("2", "enough"),  # -> yes_no
    ("1", "wish"),  # -> text
    ("escape", "enough"),
    ("escape", "music-kind"),
    ("escape", "hobbies"),
    ("escape", "mood"),  # -> scale3, the three large symbols
)


async def _key_to_step(repeat: int) -> dict[str, list[float]]:
    """From the moment the app receives the key to the first frame, written to the
    terminal, that shows the next step; by step reached.

    The clock starts at the `Key` event (seen by the message hook), not before
    `pilot.press`, so the test driver's own waiting is not counted. It stops when the
    app hands the terminal the first frame drawn after the screen filled its widgets
    with the new step (`ConversationScreen._fill` and `App._display` are wrapped here,
    in the benchmark only). Textual draws at most 60 frames a second, so up to 16.7 ms
    of this can be waiting for the next frame."""
    folder = tempfile.mkdtemp()
    os.environ["HAAVE_SETTINGS"] = os.path.join(folder, "settings.json")
    os.environ["HAAVE_SPEECH_COMMAND"] = "haave-no-such-speaker {text}"
    app = HaaveApp(data_dir=os.path.join(folder, "data"), dialogue="example")
    samples: dict[str, list[float]] = {}
    times: dict[str, float] = {}

    def hook(message: object) -> None:
        if isinstance(message, events.Key):
            times.setdefault("key", time.perf_counter())

    fill = ConversationScreen._fill

    def filled(screen: ConversationScreen) -> None:
        fill(screen)
        times.setdefault("filled", time.perf_counter())

    display = app._display

    def drawn(screen: Any, update: Any) -> None:
        display(screen, update)
        if "filled" in times:
            times.setdefault("drawn", time.perf_counter())

    app._display = drawn  # type: ignore[method-assign,assignment]
    ConversationScreen._fill = filled  # type: ignore[method-assign,assignment]
    try:
        async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
            await to_mood(pilot)
            for round_ in range(repeat):
                for key, reached in _ROUND:
                    if reached is None and round_ > 0:
                        continue
                    times.clear()
                    await pilot.press(key)
                    await pilot.pause()
                    if reached is not None:
                        assert app.session is not None
                        step = app.session.step()
                        assert step is not None and step.step_id == reached, (key, reached)
                        samples.setdefault(reached, []).append(times["drawn"] - times["key"])
    finally:
        ConversationScreen._fill = fill  # type: ignore[method-assign]
    return samples


def run() -> list[Row]:
    rows = _cold_start()
    by_step = asyncio.run(_key_to_step(20))
    every = [t for times in by_step.values() for t in times]
    median = median_ms(every)
    slowest = max(by_step, key=lambda step: median_ms(by_step[step]))
    slowest_median = median_ms(by_step[slowest])
    rows.append(
        Row(
            "ui: key press to the next step's first frame, every kind of step",
            f"{median:.1f} ms median, {p95_ms(every):.1f} ms p95 (incl. save), "
            f"{len(every)} presses",
            "< 16 ms median",
            median < 16,
        )
    )
    rows.append(
        Row(
            f"ui: key press to the slowest step ({slowest})",
            f"{slowest_median:.1f} ms median, {p95_ms(by_step[slowest]):.1f} ms p95",
            "< 16 ms median",
            slowest_median < 16,
        )
    )
    return rows
