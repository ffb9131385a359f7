"""Characters XML cannot hold never break an export, in any format, wherever they are typed
(answers, names, the alias); bidi controls stay inside the words they were typed in."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from assistant.dialogue import Answer
from assistant.plan.build import build_from_source
from assistant.plan.export import FORMATS, MINE_FORMATS, render
from assistant.plan.render.common import isolate_bidi
from assistant.plan.render.docx import docx_text
from assistant.plan.source import PlanRecord
from tests.plan.fixtures import TODAY, example_dialogue, example_source

DIALOGUE = example_dialogue()
SOURCE = example_source("fi")
XML_INVALID = ["\ufffe", "\uffff", "\ud800", "\udfff", "\x0b", "\x00", "\U0001fffe", "\ufdd0"]
RLO, PDF, FSI, PDI = "\u202e", "\u202c", "\u2068", "\u2069"


def file_text(fmt: str, data: bytes) -> str:
    if fmt == "docx":
        return docx_text(data)
    if fmt == "pdf":
        from io import BytesIO

        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    return data.decode("utf-8")


def _plan(words: str, alias: str = "Aino") -> object:
    records = [r for r in SOURCE.records if r.step_id != "name"]
    records.append(PlanRecord("name", Answer.words(words), given_by=f"Sari{words}"))
    source = replace(SOURCE, records=records, alias=alias, participants=[(f"P{words}", "relative")])
    return build_from_source(source, DIALOGUE, "fi", TODAY)


@pytest.mark.parametrize("bad", XML_INVALID, ids=[f"U+{ord(c):04X}" for c in XML_INVALID])
def test_xml_invalid_characters_never_break_an_export(bad: str) -> None:
    plan = _plan(f"my {bad} words", alias=f"Ai{bad}no")
    for fmt in FORMATS:
        data = render(plan, DIALOGUE, fmt)  # type: ignore[arg-type]
        text = file_text(fmt, data)
        assert bad not in text and "my \ufffd words" in text, fmt
        if fmt in ("json", "fhir"):
            json.loads(data)
    for fmt in MINE_FORMATS:
        assert bad not in file_text(fmt, render(plan, DIALOGUE, fmt, mine=True))  # type: ignore[arg-type]


def test_bidi_controls_are_isolated_in_html_and_docx() -> None:
    plan = _plan(f"ok {RLO}reversed, never closed")
    closed = f"{RLO}reversed, never closed{PDF}{PDI}"
    for fmt, mine in (("html", False), ("html", True), ("docx", False)):
        data = render(plan, DIALOGUE, fmt, mine=mine)  # type: ignore[arg-type]
        text = docx_text(data) if fmt == "docx" else data.decode("utf-8")
        assert f"{FSI}ok {closed}" in text, (fmt, mine)
        assert text.count(RLO) == text.count(closed) >= 1, (fmt, mine)  # each one closed


@pytest.mark.parametrize(
    ("text", "isolated"),
    [
        ("plain", "plain"),
        (f"a{RLO}b", f"{FSI}a{RLO}b{PDF}{PDI}"),
        (f"a{PDF}{PDI}b", f"{FSI}ab{PDI}"),  # closers with nothing to close are dropped
        (f"{RLO}a\nb", f"{FSI}{RLO}a{PDF}\nb{PDI}"),  # closed at each line's end
        (f"\u2067a{RLO}b{PDI}c", f"{FSI}\u2067a{RLO}b{PDF}{PDI}c{PDI}"),
    ],
)
def test_isolate_bidi(text: str, isolated: str) -> None:
    assert isolate_bidi(text) == isolated
