"""Small helpers shared by the renderers: how an answer reads in the draft's language."""

from __future__ import annotations

from assistant.languages import LangCode
from assistant.plan.model import DraftPlan, PlanAnswer, Source, Status
from assistant.plan.texts import draft_text


def source_text(a: PlanAnswer, lang: LangCode) -> str:
    return draft_text(f"src_{a.source.value}", lang)


def status_text(a: PlanAnswer, lang: LangCode) -> str:
    return draft_text(f"st_{a.status.value}", lang)


def choices_text(a: PlanAnswer) -> str:
    return ", ".join(c.label for c in a.choices)


def provenance_parts(a: PlanAnswer, lang: LangCode) -> list[str]:
    """'client with support', 'Given by: X', 'Supported by: Y', 'When: ...'."""
    parts = [source_text(a, lang)]
    if a.given_by:
        parts.append(f"{draft_text('given_by', lang)}: {a.given_by}")
    if a.supported_by:
        parts.append(f"{draft_text('supported_by', lang)}: {a.supported_by}")
    if a.answered_text:
        parts.append(f"{draft_text('when', lang)}: {a.answered_text}")
    return parts


def confirmation(a: PlanAnswer, lang: LangCode) -> str | None:
    """'Confirmed at read-back' / 'NOT CONFIRMED' for the client's answers; None for others."""
    if a.source not in (Source.CLIENT, Source.CLIENT_WITH_SUPPORT):
        return None  # a supporter's view or a note is not the client's to confirm
    return draft_text("confirmed" if a.confirmed else "not_confirmed", lang)


def provenance_line(a: PlanAnswer, lang: LangCode) -> str:
    """The provenance and confirmation as one plain line."""
    conf = confirmation(a, lang)
    return " · ".join([*provenance_parts(a, lang), *([conf] if conf else [])])


def value_text(a: PlanAnswer, lang: LangCode) -> str:
    """Choice labels, or the status for an unanswered question (own words are separate)."""
    if a.status is not Status.ANSWERED:
        return status_text(a, lang)
    return choices_text(a)


def language_name(code: str, lang: LangCode) -> str:
    return draft_text(f"lang_{code}", lang)


def has_unconfirmed(plan: DraftPlan) -> bool:
    return bool(plan.unconfirmed)
