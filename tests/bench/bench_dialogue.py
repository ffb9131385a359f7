"""Dialogue room: load + validate + check every shipped dialogue; engine steps per second."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from assistant.dialogue.answers import Answer
from assistant.dialogue.checks import check_folder
from assistant.dialogue.checks_easyread import easyread_checker
from assistant.dialogue.checks_texts import load_service_words
from assistant.dialogue.engine import Conversation
from assistant.dialogue.loader import default_root, dialogue_folders, load
from assistant.dialogue.model import StepKind
from tests.bench import Row, median_ms, timings
from tests.bench.big_dialogue import write_big

BIG = 10_000


def _check_all(with_texts: bool) -> None:
    texts = easyread_checker() if with_texts else None
    root = default_root()
    words = load_service_words(root)
    for folder in dialogue_folders(root):
        check_folder(folder, texts=texts, service_words=words)


def _walk(conv: Conversation) -> int:
    moves = 0
    while conv.current is not None:
        step = conv.current
        if not step.asks:
            conv.proceed()
        elif step.kind is StepKind.TEXT:
            conv.answer(Answer.words("sanat"))
        else:
            conv.answer(Answer.pick(step.values()[0]))
        moves += 1
    return moves


def run() -> list[Row]:
    folders = dialogue_folders(default_root())
    rows = []
    load_s = timings(lambda: [load(f) for f in folders], 10)
    rows.append(Row(f"load + validate {len(folders)} dialogues", f"{median_ms(load_s):.1f} ms"))
    structure = timings(lambda: _check_all(False), 5)
    rows.append(Row("haave check, structure + test plans", f"{median_ms(structure):.1f} ms"))
    if easyread_checker() is not None:
        full = timings(lambda: _check_all(True), 3)
        rows.append(
            Row(
                "haave check, with easy-read",
                f"{median_ms(full):.0f} ms",
                "< 1000 ms",
                median_ms(full) < 1000,
            )
        )
    rows += _big_check()
    biggest = max((load(f).dialogue for f in folders), key=lambda d: len(d.steps()))
    moves = 0
    start = time.perf_counter()
    while time.perf_counter() - start < 2.0:
        moves += _walk(Conversation(biggest))
    rate = moves / (time.perf_counter() - start)
    rows.append(Row(f"engine steps per second ({biggest.id})", f"{rate:,.0f}/s"))
    return rows


def _big_check() -> list[Row]:
    """`haave check` (structure, no easy-read) on generated dialogues of 1,000 and 10,000
    steps: the time should grow about tenfold, not a thousandfold."""
    root = Path(tempfile.mkdtemp(prefix="haave-bench-check-"))
    rows = []
    try:
        seconds = {}
        for steps in (1_000, BIG):
            folder = write_big(root / str(steps), steps)
            t0 = time.perf_counter()
            findings = check_folder(folder)
            seconds[steps] = time.perf_counter() - t0
            assert not findings, findings[:3]
        rows.append(Row("haave check, 1,000 generated steps", f"{seconds[1_000]:.2f} s"))
        rows.append(
            Row(
                f"haave check, {BIG:,} generated steps",
                f"{seconds[BIG]:.2f} s ({seconds[BIG] / seconds[1_000]:.0f}x the 1,000)",
                "< 5 s",
                seconds[BIG] < 5,
            )
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return rows
