"""The draft plan: contents, provenance, privacy, hostile answers, all formats."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fhir.resources.bundle import Bundle
from fhir.resources.questionnaire import Questionnaire
from fhir.resources.questionnaireresponse import QuestionnaireResponse

from assistant.dialogue import Answer, Dialogue
from assistant.plan.build import build_from_source
from assistant.plan.consent import make_consent
from assistant.plan.export import FORMATS, ExportError, make_file, render
from assistant.plan.model import DraftPlan, Source, Status
from assistant.plan.render.docx import docx_text
from assistant.plan.source import PlanRecord
from tests.plan.fixtures import (
    PRIVATE_MARKER,
    TODAY,
    example_dialogue,
    example_source,
)

DIALOGUE = example_dialogue()


def draft(lang: str = "fi", hostile: bool = False) -> DraftPlan:
    return build_from_source(example_source(lang, hostile), DIALOGUE, lang, TODAY)  # type: ignore[arg-type]


def all_outputs(plan: DraftPlan) -> dict[str, bytes]:
    """Every text-like format (PDF has its own tests: tests/plan/test_pdf.py)."""
    out = {fmt: render(plan, DIALOGUE, fmt) for fmt in FORMATS if fmt != "pdf"}
    out["mine-html"] = render(plan, DIALOGUE, "html", mine=True)
    out["mine-md"] = render(plan, DIALOGUE, "md", mine=True)
    return out


def test_every_answer_exactly_once_with_provenance() -> None:
    src = example_source("fi")
    plan = build_from_source(src, DIALOGUE, "fi", TODAY)
    public = [r for r in src.records if not r.private]
    got = sorted((a.step_id, a.source.value, a.given_by or "") for a in plan.all_answers())
    want = sorted((r.step_id, r.source.value, r.given_by or "") for r in public)
    assert got == want
    for a in plan.all_answers():
        assert a.answered_at is not None and a.answered_text


def test_sections_follow_the_draft_order_and_map_aliases() -> None:
    plan = draft()
    ids = [s.id for s in plan.sections]
    assert ids[0] == "own_view" and ids[-1] == "open_questions"
    where = {a.step_id: a.section for s in plan.sections for a in s.answers}
    assert where["name"] == "own_view"  # about_me
    assert where["mood"] == "important"  # likes
    assert where["hobbies"] == "free_time"


def test_unknown_section_goes_to_other_answers() -> None:
    src = example_source("fi")
    src = replace(src, records=[*src.records, PlanRecord("gone-step", Answer.words("vanha"))])
    plan = build_from_source(src, DIALOGUE, "fi", TODAY)
    assert plan.sections[-1].id == "other"
    assert plan.sections[-1].answers[0].words == "vanha"


def test_differing_views_side_by_side() -> None:
    plan = draft()
    [diff] = plan.differing_views
    assert diff.step_id == "enough"
    assert diff.client.source is Source.CLIENT and diff.client.choices[0].label == "Ei"
    assert diff.other.source is Source.SUPPORTER_VIEW and diff.other.choices[0].label == "Kyllä"


def test_not_answered_listed_as_such() -> None:
    plan = draft()
    got = {a.step_id: a.status for a in plan.not_answered}
    assert got == {"wish": Status.LATER, "anything-else": Status.DECLINE}


def test_unconfirmed_answers_marked() -> None:
    plan = draft()
    assert [a.step_id for a in plan.unconfirmed] == ["enough"]
    outs = all_outputs(plan)
    assert b"EI VAHVISTETTU" in outs["html"] and b"EI VAHVISTETTU" in outs["md"]
    assert "EI VAHVISTETTU" in docx_text(outs["docx"])


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_private_answer_in_no_format(lang: str) -> None:
    outs = all_outputs(draft(lang))
    marker = PRIVATE_MARKER.encode()
    for fmt, data in outs.items():
        assert marker not in data, fmt
    with zipfile.ZipFile(io.BytesIO(outs["docx"])) as zf:
        for name in zf.namelist():
            assert marker not in zf.read(name), name


def test_not_a_decision_line_everywhere() -> None:
    outs = all_outputs(draft("sv"))
    line = "inte ett beslut"
    for fmt in ("html", "md"):
        assert line in outs[fmt].decode()
    assert line in docx_text(outs["docx"])


def test_html_is_self_contained_and_accessible() -> None:
    html = render(draft("sv"), DIALOGUE, "html").decode()
    assert '<html lang="sv">' in html
    assert "<h1>" in html and "<h2>" in html and "<table" in html and "<ul" in html
    assert '<th scope="col">' in html
    assert "@page" in html and "A4" in html
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert "http://" not in html and "https://" not in html and "url(" not in html


def test_hostile_answers_are_harmless() -> None:
    plan = draft("fi", hostile=True)
    outs = all_outputs(plan)
    html = outs["html"].decode()
    assert "<script>" not in html and "</td></tr>\n#" not in html
    assert "&lt;script&gt;" in html
    assert "A" * 10_000 in html
    md = outs["md"].decode()
    assert "<script>" not in md and "](http" not in md
    assert not re.search(r"^#+ x$", md, re.M)  # the client's '# x' is not a heading
    assert "\\[bold\\]" in md
    assert "\x00" not in md and "\x1b" not in md and "\x07" not in md
    for fmt in ("json", "fhir", "mine-html", "mine-md"):
        assert b"\x00" not in outs[fmt] and b"\x1b" not in outs[fmt]
    assert "<script>" not in outs["mine-html"].decode()
    text = docx_text(outs["docx"])
    assert "<script>alert(1)</script>" in text  # literal text in a Word paragraph: harmless
    assert json.loads(outs["json"])["alias"].startswith("<script>")


def test_json_round_trips() -> None:
    plan = draft()
    data = render(plan, DIALOGUE, "json")
    assert DraftPlan.model_validate_json(data) == plan


def test_committed_schema_is_current() -> None:
    path = Path(__file__).parents[2] / "assistant/plan/schema/draft-plan.schema.json"
    want = json.dumps(DraftPlan.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
    assert path.read_text(encoding="utf-8") == want, (
        "stale schema: run python -m assistant.plan.schema"
    )


def test_fhir_validates_and_link_ids_exist() -> None:
    data = json.loads(render(draft(), DIALOGUE, "fhir"))
    Bundle.model_validate(data)
    q = Questionnaire.model_validate(data["entry"][0]["resource"])
    qr = QuestionnaireResponse.model_validate(data["entry"][1]["resource"])
    assert qr.status == "in-progress"

    def ids(items: list | None) -> list[str]:
        out: list[str] = []
        for it in items or []:
            out.append(it.linkId)
            out += ids(it.item)
        return out

    q_ids = set(ids(q.item))
    r_ids = ids(qr.item)
    assert r_ids and set(r_ids) <= q_ids
    raw = json.dumps(data)
    assert "asked-declined" in raw and "temp-unknown" in raw
    assert "answer-provenance" in raw


def test_fhir_dont_know_is_asked_unknown() -> None:
    src = example_source("fi")
    records = [r for r in src.records if r.step_id != "mood"]
    records.append(PlanRecord("mood", Answer.skip("dont_know")))
    plan = build_from_source(replace(src, records=records), DIALOGUE, "fi", TODAY)
    data = json.loads(render(plan, DIALOGUE, "fhir"))
    items = data["entry"][1]["resource"]["item"][0]["item"]
    mood = next(i for i in items if i["linkId"] == "mood")
    assert mood["extension"][0]["valueCode"] == "asked-unknown"
    assert "answer" not in mood


def test_dates_follow_the_locale() -> None:
    assert draft("fi").prepared_text == "maanantai 23. marraskuuta 2026"
    assert draft("sv").prepared_text == "måndag 23 november 2026"
    assert draft("en").prepared_text == "Monday, November 23, 2026"


def test_consent_printed() -> None:
    assert "Maija Mallikas" in render(draft(), DIALOGUE, "html").decode()
    plan = build_from_source(replace(example_source("fi"), consent=None), DIALOGUE, "fi", TODAY)
    assert "suostumusta ei ole kirjattu" in render(plan, DIALOGUE, "md").decode()


def test_consent_choices() -> None:
    c = make_consent(["caseworker", "supporter", "caseworker"], "Maija", "Pekka", TODAY)
    assert [a.value for a in c.audience] == ["caseworker", "supporter"]
    assert make_consent(["nobody"], on=TODAY).nobody_yet


def test_my_plan_is_first_person_and_client_only() -> None:
    outs = all_outputs(draft("fi"))
    md = outs["mine-md"].decode()
    assert "Minun suunnitelmani" in md and "🎵 Kuuntelen musiikkia" in md
    assert "Pidän" in md
    assert "jaksaa ulkoilla" not in md  # facilitator note: not in the client's copy
    assert "Kyllä" not in md  # the supporter's view: not in the client's copy
    html = outs["mine-html"].decode()
    assert '<html lang="fi">' in html and 'aria-hidden="true"' in html


def test_a_file_is_named_for_its_session_kind_and_language() -> None:
    src = replace(example_source("sv"), session_id="0123456789abcdef")
    made = make_file(src, DIALOGUE, "docx", "sv", False, TODAY)
    assert made.name == "01234567-draft-plan-sv.docx" and len(made.data) > 1000
    assert made.mime.endswith("wordprocessingml.document")
    mine = make_file(src, DIALOGUE, "html", "sv", True, TODAY)
    assert mine.name == "01234567-my-plan-sv.html"
    with pytest.raises(ExportError):
        make_file(src, DIALOGUE, "docx", "sv", True, TODAY)


def test_plan_never_imports_textual() -> None:
    code = (
        "import sys, assistant.plan.export, assistant.plan.formats, assistant.plan.mine;"
        "from assistant.plan.export import render;"
        "assert 'textual' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_docx_has_real_headings_and_tables() -> None:
    data = render(draft("fi"), DIALOGUE, "docx")
    text = docx_text(data)
    assert "[Title] Tukisuunnitelman luonnos: Aino" in text
    assert "[Heading 1] Yhteenveto" in text and "[Heading 2] Vapaa-aika" in text
    assert "Harrastukset nyt | Kuuntelen musiikkia" in text
    assert "Kysymys | Asiakkaan vastaus | Toinen näkemys" in text
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert b"<dc:language>fi</dc:language>" in zf.read("docProps/core.xml")
        assert b'w:lang w:val="fi-FI"' in zf.read("word/styles.xml")


def test_basic_section_answers_are_kept_under_basic_details() -> None:
    data = DIALOGUE.model_dump(by_alias=True, exclude_none=True)
    data["themes"][0]["section"] = "basic"
    for step in data["themes"][0]["steps"]:
        step.pop("section", None)
    dialogue = Dialogue.model_validate(data)
    plan = build_from_source(example_source("fi"), dialogue, "fi", TODAY)
    assert plan.sections[0].id == "basic"
    assert {a.step_id for a in plan.sections[0].answers} >= {"name"}
    md = render(plan, dialogue, "md").decode()
    assert md.count("## Perustiedot") == 1 and "- **Nimi tai lempinimi:**" in md
    basic = md.split("## Perustiedot")[1].split("## ")[0]
    assert "Nimi tai lempinimi" in basic
    assert "Nimi tai lempinimi | Aino" in docx_text(render(plan, dialogue, "docx"))


class _TagBalance(HTMLParser):
    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


@pytest.mark.parametrize("hostile", [False, True])
@pytest.mark.parametrize("mine", [False, True])
def test_html_tags_are_balanced(hostile: bool, mine: bool) -> None:
    parser = _TagBalance()
    parser.feed(render(draft("fi", hostile), DIALOGUE, "html", mine=mine).decode())
    assert not parser.errors and not parser.stack


def test_fhir_ids_are_valid_for_any_dialogue_id() -> None:
    data = DIALOGUE.model_dump(by_alias=True, exclude_none=True)
    data["id"] = "my_dialogue_" + "x" * 50
    dialogue = Dialogue.model_validate(data)
    src = replace(example_source("fi"), dialogue_id=dialogue.id)
    plan = build_from_source(src, dialogue, "fi", TODAY)
    Bundle.model_validate(json.loads(render(plan, dialogue, "fhir")))


def test_stored_utc_times_are_shown_in_finnish_time() -> None:
    from datetime import UTC, datetime

    from assistant.plan.build import local_time

    assert local_time(datetime(2026, 11, 20, 10, 0, tzinfo=UTC), "fi") == "20.11.2026 12.00"
    assert local_time(datetime(2026, 11, 20, 10, 0), "fi") == "20.11.2026 10.00"
