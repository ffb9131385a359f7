"""Every export format in one registry: its file suffix, its media type, and its renderers.

A plan is made as three kinds of document (`Kind`): the caseworker's `draft`, the client's
own easy-read copy `mine` ("My plan"), and the one-page `profile`. Each format says which
kinds it makes (a renderer, or None). Adding a format is one renderer module and one entry
here; the CLI, the terminal app and the web front-end read the registry. Renderers are
imported when used, so reading the registry costs no pydantic, python-docx, fhir.resources
or WeasyPrint import (`haave` starts fast, and the first HTML export does not load Pango).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.dialogue.model import Dialogue
    from assistant.plan.model import DraftPlan

Renderer = Callable[["DraftPlan", "Dialogue"], bytes]


class Kind(StrEnum):
    """Which document of the plan."""

    DRAFT = "draft"
    """The caseworker's draft: summary on page one, then the answers per theme."""
    MINE = "mine"
    """"My plan": the client's own easy-read copy, first person, with symbols."""
    PROFILE = "profile"
    """The one-page profile (like and admire, important to me, how to support me)."""


#: The start of a file's name per kind (then the language and the suffix).
FILE_STEMS = {Kind.DRAFT: "draft-plan", Kind.MINE: "my-plan", Kind.PROFILE: "one-page-profile"}


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
    profile: Renderer | None = None
    """The one-page profile, or None when not made in it."""

    def renderer(self, kind: Kind) -> Renderer | None:
        return {Kind.DRAFT: self.draft, Kind.MINE: self.mine, Kind.PROFILE: self.profile}[kind]


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


def _pdf(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    from assistant.plan.render.html import render_html
    from assistant.plan.render.pdf import html_to_pdf

    return html_to_pdf(render_html(plan))


def _mine_html(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    from assistant.plan.mine import render_mine_html

    return render_mine_html(plan).encode("utf-8")


def _mine_md(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    from assistant.plan.mine import render_mine_markdown

    return render_mine_markdown(plan).encode("utf-8")


def _mine_pdf(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    from assistant.plan.mine import render_mine_html
    from assistant.plan.render.pdf import html_to_pdf

    return html_to_pdf(render_mine_html(plan))


def _profile_html(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    from assistant.plan.render.profile import render_profile_html

    return render_profile_html(plan, dialogue).encode("utf-8")


def _profile_docx(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    from assistant.plan.render.profile import render_profile_docx

    return render_profile_docx(plan, dialogue)


def _profile_pdf(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    from assistant.plan.render.profile import render_profile_pdf

    return render_profile_pdf(plan, dialogue)


DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

REGISTRY: dict[str, Format] = {
    f.name: f
    for f in (
        Format("html", ".html", "text/html", _html, _mine_html, _profile_html),
        Format("pdf", ".pdf", "application/pdf", _pdf, _mine_pdf, _profile_pdf),
        Format("md", ".md", "text/markdown", _md, _mine_md),
        Format("docx", ".docx", DOCX_MIME, _docx, profile=_profile_docx),
        Format("json", ".json", "application/json", _json),
        Format("fhir", ".fhir.json", "application/fhir+json", _fhir),
    )
}

#: Format names, in the order choosers show them.
FORMATS: tuple[str, ...] = tuple(REGISTRY)
#: The formats "My plan" is made in.
MINE_FORMATS: tuple[str, ...] = tuple(n for n, f in REGISTRY.items() if f.mine is not None)
#: The formats the one-page profile is made in.
PROFILE_FORMATS: tuple[str, ...] = tuple(n for n, f in REGISTRY.items() if f.profile is not None)


def formats_for(kind: Kind | str) -> tuple[str, ...]:
    """The formats a kind of document is made in, in chooser order."""
    kind = Kind(kind)
    return tuple(n for n, f in REGISTRY.items() if f.renderer(kind) is not None)
