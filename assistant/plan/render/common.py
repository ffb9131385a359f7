"""Small helpers shared by the renderers: how an answer reads in the draft's language."""

from __future__ import annotations

from assistant.plan.model import DraftPlan, PlanAnswer, PlanLang, Status
from assistant.plan.texts import draft_text


def source_text(a: PlanAnswer, lang: PlanLang) -> str:
    return draft_text(f"src_{a.source.value}", lang)


def status_text(a: PlanAnswer, lang: PlanLang) -> str:
    return draft_text(f"st_{a.status.value}", lang)


def choices_text(a: PlanAnswer) -> str:
    return ", ".join(c.label for c in a.choices)


def provenance_parts(a: PlanAnswer, lang: PlanLang) -> list[str]:
    """'client with support', 'Given by: X', 'Supported by: Y', 'When: ...', 'Confirmed'."""
    parts = [source_text(a, lang)]
    if a.given_by:
        parts.append(f"{draft_text('given_by', lang)}: {a.given_by}")
    if a.supported_by:
        parts.append(f"{draft_text('supported_by', lang)}: {a.supported_by}")
    if a.answered_text:
        parts.append(f"{draft_text('when', lang)}: {a.answered_text}")
    parts.append(draft_text("confirmed" if a.confirmed else "not_confirmed", lang))
    return parts


def value_text(a: PlanAnswer, lang: PlanLang) -> str:
    """Choice labels, or the status for an unanswered question (own words are separate)."""
    if a.status is not Status.ANSWERED:
        return status_text(a, lang)
    return choices_text(a)


def language_name(code: str, lang: PlanLang) -> str:
    return draft_text(f"lang_{code}", lang)


def has_unconfirmed(plan: DraftPlan) -> bool:
    return bool(plan.unconfirmed)
