"""Easy words for progress and answers, in the current language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant import i18n
from assistant.dialogue import Answer, Progress, SkipReason, Step, StepKind
from assistant.i18n import _


def text_of(texts: Mapping[Any, str] | None) -> str:
    """A dialogue text in the current language (or the first one it has)."""
    if not texts:
        return ""
    lang = i18n.get_language()
    return texts.get(lang) or next(iter(texts.values()))


def progress_words(progress: Progress) -> str:
    """ "Theme 2 of 3: Free time, question 1 of 4" """
    if progress.theme is None:
        return _("All themes are done.")
    theme = _("Theme {number} of {count}: {title}").format(
        number=progress.theme_number,
        count=progress.theme_count,
        title=text_of(progress.theme.title),
    )
    if progress.step_number < 1:
        return theme
    question = _("question {number} of {count}").format(
        number=progress.step_number, count=progress.step_count
    )
    return f"{theme}, {question}"


def fixed_choices(kind: StepKind) -> list[tuple[str, str, str]]:
    """(value, symbol, words) of the yes/no and like/not sure/don't like questions."""
    if kind is StepKind.YES_NO:
        return [("yes", "👍", _("Yes")), ("no", "👎", _("No"))]
    if kind is StepKind.SCALE3:
        return [
            ("like", "😊", _("I like it")),
            ("unsure", "🤔", _("I am not sure")),
            ("dislike", "🙁", _("I do not like it")),
        ]
    return []


def skip_words(reason: SkipReason) -> tuple[str, str]:
    return {
        SkipReason.DONT_KNOW: ("🤷", _("I don't know")),
        SkipReason.SKIP: ("⏩", _("Skip")),
        SkipReason.LATER: ("⏳", _("Not now")),
        SkipReason.DECLINE: ("🚫", _("I don't want to talk about this")),
    }[reason]


def answer_parts(step: Step, answer: Answer) -> list[tuple[str, str]]:
    """(symbol, words) for each part of an answer, for the read-back."""
    if answer.skipped is not None:
        return [skip_words(answer.skipped)]
    parts: list[tuple[str, str]] = []
    fixed = {v: (s, w) for v, s, w in fixed_choices(step.kind)}
    for value in answer.choices:
        if value in fixed:
            parts.append(fixed[value])
            continue
        choice = step.choice(value)
        if choice is not None:
            parts.append((choice.symbol, text_of(choice.text)))
    if answer.text:
        parts.append(("📝", answer.text))
    return parts
