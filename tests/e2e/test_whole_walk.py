"""The whole support-plan walk: `haave play`, then `haave export` in every format, fi and sv.

Completeness: every client answer of the session is in the JSON draft exactly once, with
its provenance; the FHIR bundle validates with `fhir.resources`; the docx opens.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from fhir.resources.bundle import Bundle
from fhir.resources.questionnaire import Questionnaire
from fhir.resources.questionnaireresponse import QuestionnaireResponse

from assistant.plan.model import DraftPlan, Source
from assistant.plan.render.docx import docx_text
from assistant.store import open_store
from tests.e2e.conftest import REPO
from tests.e2e.exports import export, haave, html_parts

FULL_WALK = REPO / "dialogues" / "support-plan" / "tests" / "full-walk.yaml"
CLIENT = (Source.CLIENT, Source.CLIENT_WITH_SUPPORT)


def link_ids(items: list | None) -> list[str]:
    out: list[str] = []
    for item in items or []:
        out.append(item.linkId)
        out += link_ids(item.item)
    return out


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    root = tmp_path_factory.mktemp("walk")
    data = root / "data"
    printed = haave(root, "play", str(FULL_WALK), "--data-dir", str(data))
    sid = printed.strip().splitlines()[-1]
    return root, data, sid


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_format_and_every_answer_once(walked: tuple[Path, Path, str], lang: str) -> None:
    root, data, sid = walked
    with open_store(data).open(sid) as s:
        session = s.session
    client_steps = sorted(
        step_id
        for step_id, step in session.steps.items()
        if step.current is not None and not step.private
    )
    assert len(client_steps) > 40  # the full walk answers many questions

    draft = DraftPlan.model_validate_json(
        export(root, data, sid, "json", lang).read_text(encoding="utf-8")
    )
    assert draft.lang == lang and draft.alias == session.alias
    client = [a for a in draft.all_answers() if a.source in CLIENT]
    counts = Counter(a.step_id for a in client)
    assert sorted(counts) == client_steps
    assert set(counts.values()) == {1}, [k for k, v in counts.items() if v != 1]
    for a in client:
        assert a.given_by, a.step_id
        assert a.answered_at is not None and a.answered_text, a.step_id
        record = session.steps[a.step_id].current
        assert record is not None
        if record.answer.text is not None:
            assert a.words == record.answer.text  # the client's own words, verbatim

    fhir = json.loads(export(root, data, sid, "fhir", lang).read_text(encoding="utf-8"))
    Bundle.model_validate(fhir)
    questionnaire = Questionnaire.model_validate(fhir["entry"][0]["resource"])
    response = QuestionnaireResponse.model_validate(fhir["entry"][1]["resource"])
    answered = link_ids(response.item)
    assert answered and set(answered) <= set(link_ids(questionnaire.item))

    words = "Olen iloinen ja utelias. Asun yksin kerrostalossa."
    for mine in (False, True):
        tags, text = html_parts(
            export(root, data, sid, "html", lang, mine=mine).read_text(encoding="utf-8")
        )
        assert "script" not in tags
        assert words in text
        md = export(root, data, sid, "md", lang, mine=mine).read_text(encoding="utf-8")
        assert words in md
    doc = docx_text(export(root, data, sid, "docx", lang).read_bytes())
    assert words in doc and session.alias in doc
