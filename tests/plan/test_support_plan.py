"""The full support-plan dialogue: every answer lands once, every format renders."""

from __future__ import annotations

import json

import pytest
from fhir.resources.bundle import Bundle

from assistant.dialogue import load_dialogue
from assistant.dialogue.loader import default_root
from assistant.plan.build import build_from_source
from assistant.plan.export import FORMATS, render
from tests.plan.fixtures import TODAY, full_walk_source

FOLDER = default_root() / "support-plan"


@pytest.mark.skipif(not FOLDER.exists(), reason="the support-plan dialogue is not here")
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_full_support_plan(lang: str) -> None:
    dialogue = load_dialogue(FOLDER)
    source = full_walk_source(dialogue, lang)  # type: ignore[arg-type]
    plan = build_from_source(source, dialogue, lang, TODAY)  # type: ignore[arg-type]
    assert sorted(a.step_id for a in plan.all_answers()) == sorted(
        r.step_id for r in source.records
    )
    assert not [s.id for s in plan.sections if s.id == "other"]  # every section is known
    for fmt in FORMATS:
        assert render(plan, dialogue, fmt)
    Bundle.model_validate(json.loads(render(plan, dialogue, "fhir")))
    md = render(plan, dialogue, "md").decode()
    for record in source.records:
        if record.answer.text:
            assert record.answer.text in md
