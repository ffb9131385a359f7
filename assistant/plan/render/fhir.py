"""FHIR R5: the dialogue as a `Questionnaire`, the draft as a `QuestionnaireResponse`,
both in one `Bundle` of type collection. Built and validated with `fhir.resources`.

linkIds: a theme is a group item `theme.<theme id>`; a question's linkId is its step id.
Each answer record is one response item (a supporter's view is a second item with the
same linkId) carrying the provenance extension documented in docs/fhir-extension.md.
"""

from __future__ import annotations

import json
import re
from datetime import UTC
from typing import Any

from assistant.dialogue.model import Dialogue, Step, StepKind
from assistant.languages import LangCode
from assistant.plan.model import DraftPlan, PlanAnswer, Status

#: Placeholder canonical base until the project has a published one (.invalid never resolves).
BASE = "https://haave.invalid/fhir"
PROVENANCE_URL = f"{BASE}/StructureDefinition/answer-provenance"
DATA_ABSENT_URL = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
DATA_ABSENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
CHOICE_SYSTEM = f"{BASE}/CodeSystem/"

#: Why a question has no answer -> data-absent-reason code.
ABSENT: dict[Status, str] = {
    Status.DONT_KNOW: "asked-unknown",
    Status.DECLINE: "asked-declined",
    Status.LATER: "temp-unknown",
    Status.SKIP: "not-asked",
}

_TYPES = {
    StepKind.TEXT: "text",
    StepKind.CHOICE: "coding",
    StepKind.MULTI_CHOICE: "coding",
    StepKind.YES_NO: "boolean",
    StepKind.SCALE3: "coding",
    StepKind.SAY: "display",
}


_ODD_SPACE = re.compile(r"[^\S \r\n\t]")


def fhir_str(text: str) -> str:
    """A FHIR string allows only space, tab, CR and LF as white space (no NBSP and such)."""
    text = _ODD_SPACE.sub(" ", text)
    return text if text.strip() else "-"


def fhir_id(text: str) -> str:
    """A FHIR resource id ([A-Za-z0-9-.]{1,64}): our ids may hold '_'."""
    return text.replace("_", "-")[:64]


def questionnaire_url(dialogue_id: str) -> str:
    return f"{BASE}/Questionnaire/{dialogue_id}"


def _system(dialogue: Dialogue, step: Step) -> str:
    return f"{CHOICE_SYSTEM}{dialogue.id}-{step.id}"


def _item(dialogue: Dialogue, step: Step, lang: LangCode) -> dict[str, Any]:
    text = (step.label or step.text).get(lang) or next(iter(step.text.values()))
    item: dict[str, Any] = {"linkId": step.id, "text": fhir_str(text), "type": _TYPES[step.kind]}
    if step.kind is StepKind.MULTI_CHOICE:
        item["repeats"] = True
    values = step.values() if step.kind is not StepKind.YES_NO else ()
    if values:
        options = []
        for value in values:
            choice = step.choice(value)
            display = (choice.text.get(lang) if choice else None) or value
            options.append(
                {
                    "valueCoding": {
                        "system": _system(dialogue, step),
                        "code": value,
                        "display": fhir_str(display),
                    }
                }
            )
        item["answerOption"] = options
        if any(c.own_words for c in step.choices):
            item["answerConstraint"] = "optionsOrString"
    return item


def questionnaire(dialogue: Dialogue, lang: LangCode, validate: bool = True) -> dict[str, Any]:
    """The dialogue as a Questionnaire (JSON-ready dict), validated unless told not to."""
    from fhir.resources.questionnaire import Questionnaire

    data: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": fhir_id(dialogue.id),
        "url": questionnaire_url(dialogue.id),
        "version": str(dialogue.version),
        "language": lang,
        "status": "draft",
        "title": fhir_str(dialogue.title.get(lang) or next(iter(dialogue.title.values()))),
        "item": [
            {
                "linkId": f"theme.{theme.id}",
                "text": fhir_str(theme.title.get(lang) or next(iter(theme.title.values()))),
                "type": "group",
                "item": [_item(dialogue, s, lang) for s in theme.steps],
            }
            for theme in dialogue.themes
        ],
    }
    if not validate:
        return data
    return Questionnaire.model_validate(data).model_dump(mode="json", exclude_none=True)


def _provenance(a: PlanAnswer) -> dict[str, Any]:
    ext: list[dict[str, Any]] = [{"url": "source", "valueCode": a.source.value}]
    if a.given_by:
        ext.append({"url": "author", "valueString": fhir_str(a.given_by)})
    if a.supported_by:
        ext.append({"url": "supporter", "valueString": fhir_str(a.supported_by)})
    if a.answered_at:
        at = a.answered_at
        at = at if at.tzinfo else at.replace(tzinfo=UTC)  # FHIR: a time needs a zone
        ext.append({"url": "recorded", "valueDateTime": at.isoformat()})
    ext.append({"url": "confirmed", "valueBoolean": a.confirmed})
    if a.status is not Status.ANSWERED:
        ext.append({"url": "status", "valueCode": a.status.value})
    return {"url": PROVENANCE_URL, "extension": ext}


def _answers(dialogue: Dialogue, a: PlanAnswer) -> list[dict[str, Any]]:
    found = dialogue.find(a.step_id)
    step = found[1] if found else None
    out: list[dict[str, Any]] = []
    for c in a.choices:
        if step is not None and step.kind is StepKind.YES_NO:
            out.append({"valueBoolean": c.id == "yes"})
        elif step is not None:
            display = fhir_str(c.label)
            coding = {"system": _system(dialogue, step), "code": c.id, "display": display}
            out.append({"valueCoding": coding})
        else:
            out.append({"valueString": fhir_str(c.label)})
    if a.words and a.words.strip():
        out.append({"valueString": fhir_str(a.words)})
    return out


def _response_item(dialogue: Dialogue, a: PlanAnswer) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": a.step_id, "text": fhir_str(a.label)}
    ext = [_provenance(a)]
    if a.status is not Status.ANSWERED:
        ext.insert(0, {"url": DATA_ABSENT_URL, "valueCode": ABSENT[a.status]})
    elif answers := _answers(dialogue, a):  # FHIR has no empty lists
        item["answer"] = answers
    item["extension"] = ext
    return item


def questionnaire_response(
    plan: DraftPlan, dialogue: Dialogue, validate: bool = True
) -> dict[str, Any]:
    """The draft's answers as a QuestionnaireResponse (status in-progress), validated."""
    from fhir.resources.questionnaireresponse import QuestionnaireResponse

    answers = plan.all_answers()
    groups = []
    for theme in dialogue.themes:
        ids = {s.id for s in theme.steps}
        items = [_response_item(dialogue, a) for a in answers if a.step_id in ids]
        if items:
            groups.append({"linkId": f"theme.{theme.id}", "item": items})
    # Answers kept from an older dialogue version have no Questionnaire item: they go in
    # a group of their own, with the text of the answer, so nothing is dropped.
    known = {s.id for s in dialogue.steps()}
    orphans = [a for a in answers if a.step_id not in known]
    if orphans:
        groups.append(
            {
                "linkId": "unplaced",
                "item": [
                    {**_response_item(dialogue, a), "linkId": f"unplaced.{a.step_id}"}
                    for a in orphans
                ],
            }
        )
    data = {
        "resourceType": "QuestionnaireResponse",
        "id": fhir_id(f"{plan.dialogue_id}-response"),
        "language": plan.lang,
        "questionnaire": f"{questionnaire_url(plan.dialogue_id)}|{plan.dialogue_version}",
        "status": "in-progress",
        "authored": f"{plan.prepared_on.isoformat()}",
        "item": groups,
    }
    if not validate:
        return data
    return QuestionnaireResponse.model_validate(data).model_dump(mode="json", exclude_none=True)


def bundle(plan: DraftPlan, dialogue: Dialogue) -> dict[str, Any]:
    from fhir.resources.bundle import Bundle

    # Validated once, as part of the Bundle (validating each resource too doubles the time).
    q = questionnaire(dialogue, plan.lang, validate=False)
    qr = questionnaire_response(plan, dialogue, validate=False)
    data = {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": f"{plan.prepared_on.isoformat()}T00:00:00Z",
        "entry": [
            {"fullUrl": f"{BASE}/Questionnaire/{q['id']}", "resource": q},
            {"fullUrl": f"{BASE}/QuestionnaireResponse/{qr['id']}", "resource": qr},
        ],
    }
    # Validate, then write our own JSON: fhir.resources' model_dump costs more than the rest.
    Bundle.model_validate(data)
    return data


def render_fhir(plan: DraftPlan, dialogue: Dialogue) -> str:
    return json.dumps(bundle(plan, dialogue), ensure_ascii=False, indent=2) + "\n"
