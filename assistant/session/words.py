"""Easy words the session service shows beside the dialogue's own texts, in one language.

Every function takes the session's language: a web server serves several clients at once,
each in their own language, so nothing here reads a global "current language".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.dialogue import Answer, Progress, SkipReason, Step, StepKind
from assistant.i18n import N_, translator

#: The skip answers, always in this order, with their symbols (one character each).
SKIPS: tuple[tuple[SkipReason, str, str], ...] = (
    (SkipReason.DONT_KNOW, "🤷", N_("I don't know")),
    (SkipReason.SKIP, "⏩", N_("Skip")),
    (SkipReason.LATER, "⏳", N_("Not now")),
    (SkipReason.DECLINE, "🚫", N_("I don't want to talk about this")),
)

#: The yes/no and like/not sure/don't like values, with their symbols and words.
FIXED: dict[StepKind, tuple[tuple[str, str, str], ...]] = {
    StepKind.YES_NO: (("yes", "👍", N_("Yes")), ("no", "👎", N_("No"))),
    StepKind.SCALE3: (
        ("like", "😊", N_("I like it")),
        ("unsure", "🤔", N_("I am not sure")),
        ("dislike", "🙁", N_("I do not like it")),
    ),
}

OWN_WORDS_SYMBOL = "📝"


def text_in(texts: Mapping[Any, str] | None, lang: str) -> str:
    """A dialogue text in `lang`, or in the first language it has."""
    if not texts:
        return ""
    return texts.get(lang) or next(iter(texts.values()))


def skip_words(reason: SkipReason, lang: str) -> tuple[str, str]:
    _ = translator(lang)
    symbol, words = next((s, w) for r, s, w in SKIPS if r is reason)
    return symbol, _(words)


def fixed_choices(kind: StepKind, lang: str) -> list[tuple[str, str, str]]:
    """(value, symbol, words) of the yes/no and like/not sure/don't like questions."""
    _ = translator(lang)
    return [(value, symbol, _(words)) for value, symbol, words in FIXED.get(kind, ())]


def progress_words(progress: Progress, lang: str) -> str:
    """ "Theme 2 of 3: Free time, question 1 of 4" """
    _ = translator(lang)
    if progress.theme is None:
        return _("All themes are done.")
    theme = _("Theme {number} of {count}: {title}").format(
        number=progress.theme_number,
        count=progress.theme_count,
        title=text_in(progress.theme.title, lang),
    )
    if progress.step_number < 1:
        return theme
    question = _("question {number} of {count}").format(
        number=progress.step_number, count=progress.step_count
    )
    return f"{theme}, {question}"


def answer_parts(step: Step, answer: Answer, lang: str) -> list[tuple[str, str]]:
    """(symbol, words) for each part of an answer, for views and the read-back."""
    if answer.skipped is not None:
        return [skip_words(answer.skipped, lang)]
    parts: list[tuple[str, str]] = []
    fixed = {v: (s, w) for v, s, w in fixed_choices(step.kind, lang)}
    for value in answer.choices:
        if value in fixed:
            parts.append(fixed[value])
            continue
        choice = step.choice(value)
        if choice is not None:
            parts.append((choice.symbol, text_in(choice.text, lang)))
    if answer.text:
        parts.append((OWN_WORDS_SYMBOL, answer.text))
    return parts
