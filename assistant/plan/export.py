"""Render a plan as a file's bytes, named for its session, kind and language.

The plan room never writes: the session service decides where a file goes (inside the data
folder through the store, or where the user chose) and writes it durably.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assistant.dialogue.model import Dialogue
from assistant.languages import LangCode
from assistant.plan.build import build_from_source
from assistant.plan.errors import ExportError
from assistant.plan.formats import FILE_STEMS, FORMATS, MINE_FORMATS, REGISTRY, Kind, formats_for
from assistant.plan.model import DraftPlan
from assistant.plan.source import PlanSource

__all__ = [
    "FORMATS",
    "MINE_FORMATS",
    "ExportError",
    "Kind",
    "PlanFile",
    "file_name",
    "make_file",
    "render",
]


@dataclass(frozen=True)
class PlanFile:
    """One export, ready to be written or downloaded."""

    name: str
    mime: str
    data: bytes


def _kind(mine: bool, kind: Kind | str | None) -> Kind:
    return Kind(kind) if kind is not None else (Kind.MINE if mine else Kind.DRAFT)


def render(
    plan: DraftPlan,
    dialogue: Dialogue,
    fmt: str,
    mine: bool = False,
    *,
    kind: Kind | str | None = None,
) -> bytes:
    """The plan in one format, as bytes: the draft, "My plan" (`mine`) or another `kind`."""
    found = REGISTRY.get(fmt)
    if found is None:
        raise ExportError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
    wanted = _kind(mine, kind)
    renderer = found.renderer(wanted)
    if renderer is None:
        if wanted is Kind.MINE:
            raise ExportError(f"'My plan' is made as {', '.join(MINE_FORMATS)}")
        if wanted is Kind.PROFILE:
            raise ExportError(f"the profile is made as {', '.join(formats_for(Kind.PROFILE))}")
        raise ExportError(f"the draft is not made as {fmt}")
    try:
        return renderer(plan, dialogue)
    except RuntimeError as exc:  # e.g. PdfUnavailable: a missing system library
        raise ExportError(str(exc)) from exc


def file_name(
    fmt: str,
    lang: str,
    mine: bool,
    session_id: str = "",
    kind: Kind | str | None = None,
) -> str:
    """One name per session, kind, language and format: no export overwrites another
    session's."""
    stem = FILE_STEMS[_kind(mine, kind)]
    prefix = f"{session_id[:8]}-" if session_id else ""
    return f"{prefix}{stem}-{lang}{REGISTRY[fmt].suffix}"


def make_file(
    source: PlanSource,
    dialogue: Dialogue,
    fmt: str,
    lang: LangCode,
    mine: bool,
    today: date | None = None,
    kind: Kind | str | None = None,
) -> PlanFile:
    """Build the plan from a `PlanSource` and render it as one file."""
    plan = build_from_source(source, dialogue, lang, today)
    data = render(plan, dialogue, fmt, mine, kind=kind)
    name = file_name(fmt, lang, mine, source.session_id, kind)
    return PlanFile(name, REGISTRY[fmt].mime, data)
