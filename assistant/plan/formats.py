"""Every export format in one registry: its file suffix, its media type, and its renderer.

Adding a format is one renderer module and one entry here; the CLI, the terminal app and the
web front-end read the registry. Renderers are imported when used, so reading the registry
costs no pydantic, python-docx or fhir.resources import (`haave` starts fast).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.dialogue.model import Dialogue
    from assistant.plan.model import DraftPlan

Renderer = Callable[["DraftPlan", "Dialogue"], bytes]


@dataclass(frozen=True)
class Format:
    """One kind of file the plan is written as."""

    name: str
    suffix: str
    mime: str
    draft: Renderer | None
    """The caseworker's draft in this format, or None when not made in it."""
    mine: Renderer | None = None
    """The client's own easy-read copy ("My plan"), or None when not made in it."""


def _html(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    from assistant.plan.render.html import render_html

    return render_html(plan).encode("utf-8")


def _md(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    from assistant.plan.render.markdown import render_markdown

    return render_markdown(plan).encode("utf-8")


def _docx(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    from assistant.plan.render.docx import render_docx

    return render_docx(plan)


def _json(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    return (plan.model_dump_json(indent=2) + "\n").encode("utf-8")


def _fhir(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    from assistant.plan.render.fhir import render_fhir

    return render_fhir(plan, dialogue).encode("utf-8")


def _mine_html(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    from assistant.plan.mine import render_mine_html

    return render_mine_html(plan).encode("utf-8")


def _mine_md(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    from assistant.plan.mine import render_mine_markdown

    return render_mine_markdown(plan).encode("utf-8")


REGISTRY: dict[str, Format] = {
    f.name: f
    for f in (
        Format("html", ".html", "text/html", _html, _mine_html),
        Format("md", ".md", "text/markdown", _md, _mine_md),
        Format(
            "docx",
            ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            _docx,
        ),
        Format("json", ".json", "application/json", _json),
        Format("fhir", ".fhir.json", "application/fhir+json", _fhir),
    )
}

#: Format names, in the order choosers show them.
FORMATS: tuple[str, ...] = tuple(REGISTRY)
#: The formats "My plan" is made in.
MINE_FORMATS: tuple[str, ...] = tuple(n for n, f in REGISTRY.items() if f.mine is not None)
