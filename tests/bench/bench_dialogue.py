"""Dialogue room: load + validate + check every shipped dialogue; engine steps per second."""

from __future__ import annotations

import time

from assistant.dialogue.answers import Answer
from assistant.dialogue.checks import check_folder, easyread_checker, load_service_words
from assistant.dialogue.engine import Conversation
from assistant.dialogue.loader import default_root, dialogue_folders, load
from assistant.dialogue.model import StepKind
from tests.bench import Row, median_ms, timings


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
            Row("haave check, with easy-read", f"{median_ms(full):.0f} ms", "< 1000 ms",
                median_ms(full) < 1000)
        )
    biggest = max((load(f).dialogue for f in folders), key=lambda d: len(d.steps()))
    moves = 0
    start = time.perf_counter()
    while time.perf_counter() - start < 2.0:
        moves += _walk(Conversation(biggest))
    rate = moves / (time.perf_counter() - start)
    rows.append(Row(f"engine steps per second ({biggest.id})", f"{rate:,.0f}/s"))
    return rows
