"""Easy words the session service shows beside the dialogue's own texts, in one language.

Every function takes the session's language: a web server serves several clients at once,
each in their own language, so nothing here reads a global "current language".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.dialogue import Answer, Progress, SkipReason, Step, StepKind
from assistant.i18n import N_, NC_, pgettext, translator
from assistant.store.model import AnsweredBy, Role

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


# -- people: one word per role (the domain's table), the same in both front-ends ----------

ROLE_CONTEXT = "person"

#: The roles a person beside the client can have, in the order a page offers them.
ROLES: tuple[Role, ...] = (
    Role.SUPPORTER,
    Role.EXPERIENCE_EXPERT,
    Role.RELATIVE,
    Role.SUPPORT_RING,
    Role.CASEWORKER,
)

ROLE_SYMBOLS: dict[Role, str] = {
    Role.CLIENT: "🙂",
    Role.SUPPORTER: "🤝",
    Role.SUPPORT_RING: "👥",
    Role.EXPERIENCE_EXPERT: "🌟",
    Role.RELATIVE: "🏠",
    Role.CASEWORKER: "📋",
}

_ROLE_WORDS: dict[Role, str] = {
    Role.CLIENT: NC_("person", "Client"),
    Role.SUPPORTER: NC_("person", "Supporter"),
    Role.SUPPORT_RING: NC_("person", "Circle of support"),
    Role.EXPERIENCE_EXPERT: NC_("person", "Experience expert"),
    Role.RELATIVE: NC_("person", "Someone close to me"),
    Role.CASEWORKER: NC_("person", "Caseworker"),
}


def role_words(role: Role, lang: str) -> str:
    return pgettext(ROLE_CONTEXT, _ROLE_WORDS[role], lang)


def person_words(name: str, role: Role, lang: str) -> str:
    """ "Eero (Experience expert)" """
    return f"{name} ({role_words(role, lang)})"


def answering_words(by: AnsweredBy, client: str, person: str | None, lang: str) -> str:
    """Who answers now, with names: shown above the question, and in the facilitator bar."""
    _ = translator(lang)
    if by is AnsweredBy.SUPPORTER_VIEW and person is not None:
        return _("{name}: own view").format(name=person)
    if by is AnsweredBy.CLIENT_WITH_SUPPORT and person is not None:
        return _("{client} with help from {name}").format(client=client, name=person)
    return _("{name} answers").format(name=client)


# -- files: named for the helper who chooses one for the caseworker's system --------------

#: File types (staff words: the format names are what that system asks for).
FORMAT_WORDS = {
    "html": NC_("draft", "Web page (HTML)"),
    "pdf": NC_("draft", "PDF document for the archive (PDF/A)"),
    "md": NC_("draft", "Text file (Markdown)"),
    "docx": NC_("draft", "Word document (DOCX)"),
    "json": NC_("draft", "Data file (JSON)"),
    "fhir": NC_("draft", "Health data file (FHIR)"),
}


def format_words(fmt: str, lang: str) -> str:
    words = FORMAT_WORDS.get(fmt)
    return pgettext("draft", words, lang) if words else fmt
