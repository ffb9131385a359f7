"""Golden files: every format for a session made by walking the example dialogue (fi, sv).

Dates and times are fixed in the fixture, so outputs are stable. To refresh after an
intended change: `HAAVE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/plan/test_golden.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.plan.build import build_from_source
from assistant.plan.export import render
from assistant.plan.render.docx import docx_text
from tests.plan.fixtures import TODAY, example_dialogue, example_source

GOLDEN = Path(__file__).parent / "golden"
CASES = [
    ("html", False, "draft.html"),
    ("md", False, "draft.md"),
    ("docx", False, "draft.docx.txt"),
    ("json", False, "draft.json"),
    ("fhir", False, "draft.fhir.json"),
    ("html", True, "mine.html"),
    ("md", True, "mine.md"),
]


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize(("fmt", "mine", "name"), CASES)
def test_golden(lang: str, fmt: str, mine: bool, name: str) -> None:
    dialogue = example_dialogue()
    plan = build_from_source(example_source(lang), dialogue, lang, TODAY)  # type: ignore[arg-type]
    data = render(plan, dialogue, fmt, mine)
    text = docx_text(data) if fmt == "docx" else data.decode("utf-8")
    path = GOLDEN / f"{lang}-{name}"
    if os.environ.get("HAAVE_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with HAAVE_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")
