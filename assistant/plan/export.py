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
from assistant.plan.formats import FORMATS, MINE_FORMATS, REGISTRY
from assistant.plan.model import DraftPlan
from assistant.plan.source import PlanSource

__all__ = ["FORMATS", "MINE_FORMATS", "ExportError", "PlanFile", "file_name", "make_file", "render"]


@dataclass(frozen=True)
class PlanFile:
    """One export, ready to be written or downloaded."""

    name: str
    mime: str
    data: bytes


def render(plan: DraftPlan, dialogue: Dialogue, fmt: str, mine: bool = False) -> bytes:
    """The plan in one format, as bytes."""
    found = REGISTRY.get(fmt)
    if found is None:
        raise ExportError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
    renderer = found.mine if mine else found.draft
    if renderer is None:
        if mine:
            raise ExportError(f"'My plan' is made as {', '.join(MINE_FORMATS)}")
        raise ExportError(f"the draft is not made as {fmt}")
    return renderer(plan, dialogue)


def file_name(fmt: str, lang: str, mine: bool, session_id: str = "") -> str:
    """One name per session, kind, language and format: no export overwrites another
    session's."""
    kind = "my-plan" if mine else "draft-plan"
    prefix = f"{session_id[:8]}-" if session_id else ""
    return f"{prefix}{kind}-{lang}{REGISTRY[fmt].suffix}"


def make_file(
    source: PlanSource,
    dialogue: Dialogue,
    fmt: str,
    lang: LangCode,
    mine: bool,
    today: date | None = None,
) -> PlanFile:
    """Build the plan from a `PlanSource` and render it as one file."""
    plan = build_from_source(source, dialogue, lang, today)
    data = render(plan, dialogue, fmt, mine)
    return PlanFile(file_name(fmt, lang, mine, source.session_id), REGISTRY[fmt].mime, data)
