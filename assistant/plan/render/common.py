"""Small helpers shared by the renderers: how an answer reads in the draft's language."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel

from assistant.languages import LangCode
from assistant.plan.model import DraftPlan, PlanAnswer, PlanMat, Section, Source, Status
from assistant.plan.summary import mat_step_ids
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


def basic_answers(plan: DraftPlan) -> list[PlanAnswer]:
    """The answers of the basic section: they sit under the Basic details heading."""
    basic = next((s for s in plan.sections if s.id == "basic"), None)
    return basic.answers if basic else []


@dataclass(frozen=True)
class Details:
    """One section of the draft's details: its mats, and the answers not shown by them."""

    section: Section
    answers: list[PlanAnswer]
    mats: list[PlanMat]


def details(plan: DraftPlan) -> list[Details]:
    """The sections after the basic details, in order. A client's answer placed on a mat is
    shown by the mat; a supporter's view or a note on it stays in the answers."""
    on_mat = mat_step_ids(plan.mats)
    return [
        Details(
            section,
            [a for a in section.answers if not (a.step_id in on_mat and a.source.is_client)],
            [m for m in plan.mats if m.section == section.id],
        )
        for section in plan.sections
        if section.id != "basic"
    ]


# -- bidi controls in the client's words ------------------------------------------------------

#: Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) close with PDF; isolates (LRI, RLI,
#: FSI) with PDI. Marks (LRM, RLM, ALM) need no closing.
_OPEN_EMBED = "\u202a\u202b\u202d\u202e"
_PDF = "\u202c"
_OPEN_ISOLATE = "\u2066\u2067\u2068"
_PDI = "\u2069"
_FSI = "\u2068"
BIDI_CONTROLS = frozenset(_OPEN_EMBED + _PDF + _OPEN_ISOLATE + _PDI + "\u200e\u200f\u061c")


def isolate_bidi(text: str) -> str:
    """A text holding bidi controls, made so they cannot reach past it (a U+202E in an
    answer must not turn the rest of the document around).

    Each line's embeddings and isolates are closed at its end, closers without an opener are
    dropped, and the text is wrapped in FSI ... PDI. Text without bidi controls is returned
    unchanged."""
    if not BIDI_CONTROLS.intersection(text):
        return text
    out: list[str] = []
    open_: list[str] = []  # the closer each open embedding or isolate needs

    def close_all() -> None:
        out.extend(reversed(open_))
        open_.clear()

    for ch in text:
        if ch in _OPEN_EMBED:
            open_.append(_PDF)
        elif ch in _OPEN_ISOLATE:
            open_.append(_PDI)
        elif ch == _PDF:
            if not open_ or open_[-1] != _PDF:
                continue  # nothing of this line to close: dropped
            open_.pop()
        elif ch == _PDI:
            if _PDI not in open_:
                continue
            while open_[-1] != _PDI:  # a PDI closes the embeddings inside its isolate too
                out.append(open_.pop())
            open_.pop()
        elif ch == "\n":
            close_all()
        out.append(ch)
    close_all()
    return f"{_FSI}{''.join(out)}{_PDI}"


Plan = TypeVar("Plan", bound=BaseModel)


def with_isolated_bidi(plan: Plan) -> Plan:
    """A copy of the plan whose every text is passed through `isolate_bidi` (for DOCX)."""
    result: Plan = _map_texts(plan)
    return result


def _map_texts(value: Any) -> Any:
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return isolate_bidi(value)
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        return value.model_copy(update={k: _map_texts(getattr(value, k)) for k in fields})
    if isinstance(value, list):
        return [_map_texts(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_map_texts(v) for v in value)
    if isinstance(value, dict):
        return {k: _map_texts(v) for k, v in value.items()}
    return value
