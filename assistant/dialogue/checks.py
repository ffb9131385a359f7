"""Static checks of dialogue folders (`haave check`).

The structure (targets, reachability, loops, ids, conditions, mats: `checks_structure`),
languages (`checks_texts`), symbols, choices, words that name services, texts read aloud
(line breaks, numbers, key names), one label for the own-words choice (`checks_texts`),
outdated translations (`translation`) and recorded audio (`recording`), the easy-read
checker on every client-visible text (`checks_easyread`: when the `easyread` package offers
`check_text`, with one word per role from its glossary), and every test plan in the folder's
`tests/`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from assistant.dialogue.checks_easyread import TextChecker, check_easy_read
from assistant.dialogue.checks_structure import check_structure
from assistant.dialogue.checks_texts import (
    check_languages,
    check_own_words,
    check_read_aloud,
    check_service_words,
)
from assistant.dialogue.findings import Finding, Level
from assistant.dialogue.loader import LoadedDialogue, load
from assistant.dialogue.recording import audio_problems
from assistant.dialogue.testplan import plan_paths, run_plan
from assistant.dialogue.translation import outdated_problems
from assistant.dialogue.yamlio import DataFileError, bulk, shown

MAX_CHOICES = 5
# An emoji made of several code points (with U+FE0F or joined with U+200D) is drawn one or
# two cells wide, or as several pictures, depending on the terminal: the frame breaks.
_UNEVEN_SYMBOL = (
    "'{symbol}' is more than one character: terminals draw it at different widths. "
    "Use a one-character emoji (for example 📝 instead of ✏️)"
)


def check_folder(
    folder: Path,
    *,
    texts: TextChecker | None = None,
    service_words: dict[str, list[str]] | None = None,
) -> list[Finding]:
    """Every finding for one dialogue folder (the dialogue and its test plans)."""
    with bulk():
        try:
            loaded = load(folder)
        except DataFileError as exc:
            return [Finding(p.path, p.line, p.step_id, "error", p.message) for p in exc.problems]
        findings = list(check_dialogue(loaded, texts=texts, service_words=service_words))
    findings += run_plans(loaded)
    return findings


def check_dialogue(
    loaded: LoadedDialogue,
    *,
    texts: TextChecker | None = None,
    service_words: dict[str, list[str]] | None = None,
) -> Iterator[Finding]:
    dialogue = loaded.dialogue

    def at(item_id: str | None, level: Level, message: str) -> Finding:
        path, line = loaded.where(item_id)
        return Finding(path, line, item_id, level, message)

    yield from check_structure(dialogue, at)
    yield from check_languages(dialogue, at)
    for step in dialogue.steps():
        if len(step.choices) > MAX_CHOICES:
            yield at(step.id, "error", f"{len(step.choices)} choices: keep at most {MAX_CHOICES}")
        for symbol in [step.symbol, *(c.symbol for c in step.choices)]:
            if symbol.isascii():
                yield at(step.id, "error", f"'{symbol}' is not a symbol: use an emoji")
            elif len(symbol) > 1:
                yield at(step.id, "warning", _UNEVEN_SYMBOL.format(symbol=symbol))
    if service_words:
        yield from check_service_words(dialogue, service_words, at)
    yield from check_read_aloud(dialogue, at)
    yield from check_own_words(dialogue, at)
    for item_id, message in outdated_problems(dialogue, shown(loaded.folder)):
        yield at(item_id, "warning", message)
    for item_id, level, message in audio_problems(loaded):
        yield at(item_id, "error" if level == "error" else "warning", message)
    if texts is not None:
        yield from check_easy_read(dialogue, texts, at)


def run_plans(loaded: LoadedDialogue) -> list[Finding]:
    """Run every test plan of the dialogue; report failures and branches no plan takes."""
    findings: list[Finding] = []
    taken: set[tuple[str, int]] = set()
    paths = plan_paths(loaded.folder)
    for path in paths:
        try:
            run = run_plan(path, loaded.dialogue, folder=loaded.folder)
        except DataFileError as exc:
            findings += [
                Finding(p.path, p.line, p.step_id, "error", p.message) for p in exc.problems
            ]
            continue
        findings += [Finding(p.path, p.line, p.step_id, "error", p.message) for p in run.problems]
        taken |= run.branches
    if paths:
        for step in loaded.dialogue.steps():
            for i, branch in enumerate(step.branches):
                if (step.id, i) not in taken:
                    path, line = loaded.where(step.id)
                    findings.append(
                        Finding(
                            path,
                            line,
                            step.id,
                            "warning",
                            f"no test plan takes the branch to '{branch.goto}': add a walk",
                        )
                    )
    return findings
