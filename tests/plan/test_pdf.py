"""PDF/A of the draft, "My plan" and the one-page profile: identification, page counts,
privacy, and symbols that print (no emoji character left for a font to miss)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from assistant.dialogue import Dialogue, load_dialogue
from assistant.dialogue.loader import default_root
from assistant.plan.build import build_from_source
from assistant.plan.export import render
from assistant.plan.formats import Kind, formats_for
from assistant.plan.model import DraftPlan
from tests.plan.fixtures import (
    PRIVATE_MARKER,
    TODAY,
    example_dialogue,
    example_source,
    full_walk_source,
)

pypdf = pytest.importorskip("pypdf")
weasyprint = pytest.importorskip("weasyprint", exc_type=ImportError)

FULL = default_root() / "support-plan"
needs_full = pytest.mark.skipif(not FULL.exists(), reason="no support-plan dialogue here")

#: Emoji code points: any left in an HTML output would print as a box without an emoji font.
EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff]")


@cache
def full_plan(lang: str = "fi") -> tuple[DraftPlan, Dialogue]:
    dialogue = load_dialogue(FULL)
    source = replace(
        full_walk_source(dialogue, lang),  # type: ignore[arg-type]
        important=[("important-people", None), ("likes-music", None), ("support-how", "show")],
        view_ways=["speech", "talking_mat"],
        mats_confirmed=["likes"],
    )
    return build_from_source(source, dialogue, lang, TODAY), dialogue  # type: ignore[arg-type]


def reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in reader(data).pages)


def xmp(data: bytes) -> str:
    root = reader(data).trailer["/Root"]
    return bytes(root["/Metadata"].get_object().get_data()).decode("utf-8")


@needs_full
@pytest.mark.parametrize("kind", list(Kind))
def test_pdf_is_pdf_a_2b(kind: Kind) -> None:
    plan, dialogue = full_plan()
    data = render(plan, dialogue, "pdf", kind=kind)
    assert data.startswith(b"%PDF-")
    meta = xmp(data)
    assert 'pdfaid:part="2"' in meta and 'pdfaid:conformance="B"' in meta
    root = reader(data).trailer["/Root"]
    assert "/OutputIntents" in root  # the sRGB intent PDF/A asks for
    assert reader(data).metadata.title  # the document's title, for the archive


def _fonts(resources: Any, seen: set[int]) -> Iterator[tuple[str, bool]]:
    """(name, embedded) of every font in these resources and the drawings inside them."""
    if resources is None or id(resources) in seen:
        return
    seen.add(id(resources))
    resources = resources.get_object()
    for ref in (resources.get("/Font") or {}).values():
        font = ref.get_object()
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        keys = descriptor.get_object().keys() if descriptor is not None else ()
        embedded = any(k in keys for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        yield str(font.get("/BaseFont")), embedded
    for xobject in (resources.get("/XObject") or {}).values():
        yield from _fonts(xobject.get_object().get("/Resources"), seen)


@needs_full
@pytest.mark.parametrize("kind", list(Kind))
def test_pdf_a_rules_a_validator_checks_first(kind: Kind) -> None:
    """What veraPDF fails most often, checked here without it (it is Java, not packaged for
    Debian): every font embedded, also in the symbols' drawings; no encryption, no scripts
    or automatic actions; the output intent is PDF/A's with its ICC profile; the title in
    the document information is the XMP's too."""
    plan, dialogue = full_plan()
    data = render(plan, dialogue, "pdf", kind=kind)
    pdf = reader(data)
    seen: set[int] = set()
    fonts = dict(font for page in pdf.pages for font in _fonts(page.get("/Resources"), seen))
    assert fonts and all(fonts.values()), fonts
    root = pdf.trailer["/Root"]
    assert not pdf.is_encrypted
    assert "/JavaScript" not in (root.get("/Names") or {}) and "/AA" not in root
    assert "/OpenAction" not in root
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    title = pdf.metadata.title
    assert title and title in xmp(data)


@needs_full
def test_the_profile_is_exactly_one_page_for_the_full_walk() -> None:
    plan, dialogue = full_plan()
    data = render(plan, dialogue, "pdf", kind=Kind.PROFILE)
    assert len(reader(data).pages) == 1
    text = " ".join(pdf_text(data).split())  # a heading may wrap
    for heading in ("Mistä ihmiset pitävät minussa", "Mikä on minulle tärkeää"):
        assert heading in text


@needs_full
def test_the_profile_chooses_whole_sentences_when_answers_are_long() -> None:
    plan, dialogue = full_plan()
    long = "Pidän uimisesta kovasti. " * 60
    answers = [
        a.model_copy(update={"words": long}) if a.words else a for a in plan.sections[0].answers
    ]
    sections = [plan.sections[0].model_copy(update={"answers": answers}), *plan.sections[1:]]
    big = plan.model_copy(update={"sections": sections})
    data = render(big, dialogue, "pdf", kind=Kind.PROFILE)
    assert len(reader(data).pages) == 1
    html = render(big, dialogue, "html", kind=Kind.PROFILE).decode()
    for item in re.findall(r"<li>.*?</li>", html, re.S):
        words = re.sub(r"<svg.*?</svg>|<[^>]+>", "", item, flags=re.S).strip()
        assert words.endswith((".", "!", "?")) or "Pidän uimisesta" not in words


@needs_full
def test_the_draft_fits_six_pages_with_the_summary_on_page_one() -> None:
    plan, dialogue = full_plan()
    data = render(plan, dialogue, "pdf")
    pages = reader(data).pages
    assert len(pages) <= 6
    first = pages[0].extract_text()
    assert "Yhteenveto" in first and "Asiakkaalle tärkeintä" in first
    assert "Omin sanoin: important-people" in first  # the client's top three
    assert "Unelmat ja ensimmäiset askeleet" in first


@pytest.mark.parametrize("kind", list(Kind))
def test_no_private_answer_and_no_supporter_view_in_the_client_pdfs(kind: Kind) -> None:
    dialogue = example_dialogue()
    plan = build_from_source(example_source("fi"), dialogue, "fi", TODAY)
    text = pdf_text(render(plan, dialogue, "pdf", kind=kind))
    assert PRIVATE_MARKER not in text
    if kind is not Kind.DRAFT:
        assert "jaksaa ulkoilla" not in text  # the facilitator's note
        assert "Kyllä" not in text  # the supporter's view


@needs_full
@pytest.mark.parametrize("kind", list(Kind))
def test_every_symbol_in_html_is_drawn_not_left_to_a_font(kind: Kind) -> None:
    plan, dialogue = full_plan()
    html = render(plan, dialogue, "html", kind=kind).decode()
    assert html.count("<svg") >= 3
    outside_svg = re.sub(r"<svg.*?</svg>", "", html, flags=re.S)
    assert not EMOJI.findall(outside_svg)
    assert "OpenMoji" in html  # the credit CC BY-SA asks for


@needs_full
def test_the_profile_docx_has_pictures_and_the_three_boxes() -> None:
    import zipfile

    from assistant.plan.render.docx import docx_text

    plan, dialogue = full_plan()
    data = render(plan, dialogue, "docx", kind=Kind.PROFILE)
    text = docx_text(data)
    assert re.search(r"\[Heading 1\] +Näin autat minua parhaiten", text) and "OpenMoji" in text
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert any(n.startswith("word/media/") and n.endswith(".png") for n in zf.namelist())


def test_the_registry_says_which_formats_make_which_kind() -> None:
    assert formats_for(Kind.PROFILE) == ("html", "pdf", "docx")
    assert "pdf" in formats_for(Kind.MINE) and "pdf" in formats_for(Kind.DRAFT)


@needs_full
def test_the_full_walk_test_plan_gives_a_one_page_profile_and_a_short_draft(
    tmp_path: Path,
) -> None:
    """The support-plan's own full-walk test plan, played into a session as `haave play`
    does, with the top three and the ways picked as the shells let the client do."""
    from assistant.session import Sessions
    from assistant.session.play import play

    result = play(tmp_path, FULL / "tests" / "full-walk.yaml")
    assert result.session_id is not None
    active = Sessions(tmp_path).open(result.session_id)
    try:
        active.set_view_ways(["speech", "pictures", "talking_mat"])
        active.mat_confirm("likes")
        options = [o.key for o in active.important_choices().options]
        active.pick_important([options[0], "likes-music", "support-how:show"])
        profile = active.make_file("pdf", kind="profile").data
        draft = active.make_file("pdf").data
    finally:
        active.close()
    assert len(reader(profile).pages) == 1
    assert len(reader(draft).pages) <= 6
    first = reader(draft).pages[0].extract_text()
    assert "Yhteenveto" in first and "Musiikki" in first
