"""Words the pages build from data: roles, who answers, problems. One word per role.

The role words follow the domain's table (one word for one thing in client texts), under
their own catalog context so that they can differ from older UI wording until that is
aligned. Every function takes the page's language: one server serves many languages at once.
"""

from __future__ import annotations

from assistant.i18n import NC_, pgettext, translator
from assistant.session import AnsweredBy, Person, Role

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


def person_words(person: Person, lang: str) -> str:
    """ "Eero (Experience expert)" """
    return f"{person.name} ({role_words(person.role, lang)})"


def answering_words(by: AnsweredBy, client: str, person: Person | None, lang: str) -> str:
    """Who answers now, with names: shown above the question, and in the facilitator bar."""
    _ = translator(lang)
    if by is AnsweredBy.SUPPORTER_VIEW and person is not None:
        return _("{name}: own view").format(name=person.name)
    if by is AnsweredBy.CLIENT_WITH_SUPPORT and person is not None:
        return _("{client} with help from {name}").format(client=client, name=person.name)
    return _("{name} answers").format(name=client)


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
                answering_words(AnsweredBy.CLIENT_WITH_SUPPORT, client, person, lang),
            )
        )
        out.append(
            (
                f"view:{person.id}",
                "💬",
                answering_words(AnsweredBy.SUPPORTER_VIEW, client, person, lang),
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
