"""Whatever the client types, it stays text in every format."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from assistant.dialogue import Answer
from assistant.plan.build import build_from_source
from assistant.plan.export import render
from assistant.plan.render.docx import docx_text
from assistant.plan.render.markdown import md_inline
from assistant.plan.source import PlanRecord
from tests.plan.fixtures import TODAY, example_dialogue, example_source

DIALOGUE = example_dialogue()
SOURCE = example_source("fi")


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=200))
@example("\xa0")
@example("Hei\u00a0maailma\u2028\u3000 \t")
@example("\x00\x1b[31m<script>")
def test_any_words_stay_text(words: str) -> None:
    records = [r for r in SOURCE.records if r.step_id != "name"]
    records.append(PlanRecord("name", Answer.words(words)))
    plan = build_from_source(replace(SOURCE, records=records), DIALOGUE, "fi", TODAY)
    html = render(plan, DIALOGUE, "html").decode()
    assert len(re.findall(r"<script", html)) == 0
    assert html.count("<td>") == html.count("</td>")
    json.loads(render(plan, DIALOGUE, "fhir"))
    docx_text(render(plan, DIALOGUE, "docx"))  # opens: no invalid XML characters
    io.BytesIO(render(plan, DIALOGUE, "md"))


@given(st.text(max_size=80))
def test_md_inline_never_starts_block_syntax(text: str) -> None:
    out = md_inline(text).lstrip()
    assert not re.match(r"(#|[-+*>=]\s|\d+[.)]\s|\[)", out)
