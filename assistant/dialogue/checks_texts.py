"""The texts of a dialogue, for `haave check`: languages, read aloud, labels, service words.

Every text in every declared language (and none in another); what read aloud gets wrong (a
line break inside a sentence, numbers in digits, key and program names); one label for the
own-words choice, and an intro only above a question; no words that name services
(`dialogues/service-words.yaml`).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from assistant.dialogue.findings import Finding
from assistant.dialogue.model import Dialogue, StepKind, Texts
from assistant.dialogue.yamlio import DataFileError, Problem, read_yaml, shown

SERVICE_WORDS_FILE = "service-words.yaml"


def client_texts(dialogue: Dialogue) -> Iterator[tuple[str | None, str, Texts]]:
    """(step id, what, texts) of every text a client sees."""
    yield None, "title", dialogue.title
    for theme in dialogue.themes:
        yield theme.id, "title", theme.title
        for step in theme.steps:
            if step.intro:
                yield step.id, "intro", step.intro
            yield step.id, "text", step.text
            if step.help:
                yield step.id, "help", step.help
            for choice in step.choices:
                yield step.id, f"choice '{choice.id}'", choice.text
            if step.mat is not None and step.label:
                yield step.id, "label (a card on the mat)", step.label


def _all_texts(dialogue: Dialogue) -> Iterator[tuple[str | None, str, Texts]]:
    yield from client_texts(dialogue)
    if dialogue.description:
        yield None, "description", dialogue.description
    for step in dialogue.steps():
        for what, texts in (("tip", step.tip), ("label", step.label)):
            if texts and not (what == "label" and step.mat is not None):  # already yielded
                yield step.id, what, texts
        for choice in step.choices:
            if choice.label:
                yield step.id, f"label of choice '{choice.id}'", choice.label


def check_languages(dialogue: Dialogue, at: Callable[..., Finding]) -> Iterator[Finding]:
    declared = set(dialogue.languages)
    for item_id, what, texts in _all_texts(dialogue):
        for lang in sorted(declared - set(texts)):
            yield at(item_id, "error", f"the {what} has no '{lang}' text: add the translation")
        for lang in sorted(set(texts) - declared):
            yield at(item_id, "warning", f"the {what} has a '{lang}' text, not a declared language")


#: Where a line break may end a line: after the end of a sentence (or a colon, a closing
#: quote or bracket). Read aloud turns every line break into a full stop.
_SENTENCE_END = tuple('.!?:…”"»)')
#: Numbers in digits: read aloud says "1–5" as "yksi viisi" and "3/14" as "kolme kautta".
_RANGE = re.compile(r"\d\s*[–—-]\s*\d|\d\s*/\s*\d")
_DIGIT = re.compile(r"\d")
#: Key and program names: read letter by letter, and meaningless to a listener.
_KEY_NAMES = re.compile(
    r"\b(Esc|Enter|Tab|Ctrl|Alt|Shift|Backspace|F(?:1[0-2]|[1-9])|espeak(?:-ng)?|Textual|"
    r"Python|YAML|JSON)\b"
)


def _silenced(dialogue: Dialogue, item_id: str | None, lang: str) -> set[str]:
    found = dialogue.find(item_id) if item_id else None
    return {s.rule for s in (found[1].silence if found else []) if s.lang in (None, lang)}


def check_read_aloud(dialogue: Dialogue, at: Callable[..., Finding]) -> Iterator[Finding]:
    """What read aloud gets wrong: a line break inside a sentence, numbers in digits, keys."""
    for item_id, what, texts in client_texts(dialogue):
        for lang, text in texts.items():
            silenced = _silenced(dialogue, item_id, lang)
            lines = text.split("\n")
            if "line-break" not in silenced:
                for line, following in itertools.pairwise(lines):
                    if line.rstrip() and not line.rstrip().endswith(_SENTENCE_END):
                        yield at(
                            item_id,
                            "warning",
                            f"the {what} ({lang}) breaks a line inside a sentence, before "
                            f"'{following.strip()[:20]}': read aloud makes it a full stop. "
                            "Break lines only between sentences",
                        )
            if "number-words" not in silenced and _DIGIT.search(text):
                kind = "a range" if _RANGE.search(text) else "a number"
                yield at(
                    item_id,
                    "warning",
                    f"the {what} ({lang}) has {kind} in digits: read aloud says '1–5' as "
                    "'one five'. Write numbers in words ('from one to five')",
                )
            named = _KEY_NAMES.search(text)
            if "key-name" not in silenced and named:
                yield at(
                    item_id,
                    "warning",
                    f"the {what} ({lang}) names '{named.group(0)}': a key or program name "
                    "means nothing to a listener. Say what to do instead",
                )


def check_own_words(dialogue: Dialogue, at: Callable[..., Finding]) -> Iterator[Finding]:
    """One label for the own-words choice in every step: it teaches where to type."""
    labels: dict[str, Counter[str]] = {}
    for step in dialogue.steps():
        for choice in step.choices:
            if choice.own_words:
                for lang, text in choice.text.items():
                    labels.setdefault(lang, Counter())[text] += 1
        if step.intro is not None and step.kind is StepKind.SAY:
            yield at(
                step.id,
                "warning",
                "an 'intro' goes above a question: on a 'say' step put it in the text",
            )
    for step in dialogue.steps():
        own = step.own_words_choice
        if own is None:
            continue
        for lang, text in own.text.items():
            usual, _count = labels[lang].most_common(1)[0]
            if text != usual and "own-words-label" not in _silenced(dialogue, step.id, lang):
                yield at(
                    step.id,
                    "warning",
                    f"the own-words choice says '{text}' ({lang}); the other steps say "
                    f"'{usual}': use one label everywhere",
                )


def load_service_words(root: Path) -> dict[str, list[str]]:
    """Words that name services, per language, from `dialogues/service-words.yaml`."""
    path = root / SERVICE_WORDS_FILE
    if not path.exists():
        return {}
    if root.resolve() not in path.resolve().parents:
        raise DataFileError(
            [Problem(path, None, None, f"{SERVICE_WORDS_FILE} must be a file in {shown(root)}")]
        )
    data: Any = read_yaml(path).data or {}
    if not isinstance(data, dict) or not all(isinstance(v, list | None) for v in data.values()):
        raise DataFileError([Problem(path, 1, None, "give a list of words for each language")])
    return {str(k): [str(w).lower() for w in v or []] for k, v in data.items()}


def check_service_words(
    dialogue: Dialogue, words: dict[str, list[str]], at: Callable[..., Finding]
) -> Iterator[Finding]:
    for item_id, what, texts in client_texts(dialogue):
        found = dialogue.find(item_id) if item_id else None
        silenced = {s.rule for s in found[1].silence} if found else set()
        if "service-word" in silenced:
            continue
        for lang, text in texts.items():
            lowered = text.lower()
            for word in words.get(lang, []):
                if word in lowered:
                    yield at(
                        item_id,
                        "warning",
                        f"the {what} ({lang}) names a service, '{word}': ask about needs "
                        "and wishes instead",
                    )
