"""Words the pages build from data: roles, who answers, problems. One word per role.

The role words follow the domain's table (one word for one thing in client texts), under
their own catalog context so that they can differ from older UI wording until that is
aligned. Every function takes the page's language: one server serves many languages at once.
"""

from __future__ import annotations

from assistant.session import AnsweredBy, Person, Role
from assistant.session.words import (  # one word per role, shared with the terminal
    ROLE_SYMBOLS,
    ROLES,
    answering_words,
    role_words,
)

__all__ = ["ROLES", "ROLE_SYMBOLS", "answering_choices", "parse_answering", "role_words"]


def person_words(person: Person, lang: str) -> str:
    """ "Eero (Experience expert)" """
    from assistant.session.words import person_words as words

    return words(person.name, person.role, lang)


def answering_choices(client: str, others: list[Person], lang: str) -> list[tuple[str, str, str]]:
    """(value, symbol, words) for the "who is answering now" choice: the client, then per
    person "with help from" and "own view". Values are `client`, `with:ID`, `view:ID`."""
    out = [
        (
            "client",
            ROLE_SYMBOLS[Role.CLIENT],
            answering_words(AnsweredBy.CLIENT, client, None, lang),
        )
    ]
    for person in others:
        out.append(
            (
                f"with:{person.id}",
                "🤝",
                answering_words(AnsweredBy.CLIENT_WITH_SUPPORT, client, person.name, lang),
            )
        )
        out.append(
            (
                f"view:{person.id}",
                "💬",
                answering_words(AnsweredBy.SUPPORTER_VIEW, client, person.name, lang),
            )
        )
    return out


def parse_answering(value: str, others: list[Person]) -> tuple[AnsweredBy, str | None] | None:
    """The inverse of `answering_choices`; None for a value that names nobody here."""
    if value == "client":
        return AnsweredBy.CLIENT, None
    kind, _colon, person_id = value.partition(":")
    if person_id not in {p.id for p in others}:
        return None
    if kind == "with":
        return AnsweredBy.CLIENT_WITH_SUPPORT, person_id
    if kind == "view":
        return AnsweredBy.SUPPORTER_VIEW, person_id
    return None
