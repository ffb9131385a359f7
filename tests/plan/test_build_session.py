"""build_draft reads a store-shaped session (attributes or mappings) into the draft."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace as NS

import pytest

from assistant.dialogue import Answer
from assistant.plan.build import build_draft
from assistant.plan.model import Source, Status
from assistant.store.crypto import read_plain
from tests.plan.fixtures import PRIVATE_MARKER, TODAY, example_dialogue


def store_like_session() -> NS:
    at = datetime(2026, 11, 20, 10, 0)
    return NS(
        id="s1",
        alias="Aino",
        language="sv",
        participants=[
            NS(id="p1", name="Aino", role="client"),
            NS(id="p2", name="Pekka", role=NS(value="supporter")),
        ],
        meetings=[NS(date=date(2026, 11, 20), present=["p1", "p2"])],
        engine_state=NS(dialogue_id="example", dialogue_version=1),
        answers={
            "name": NS(
                revisions=[
                    NS(answer=Answer.words("Ai"), provenance=NS(source="client"), at=at),
                    NS(
                        answer=Answer.words("Aino"),
                        provenance=NS(source="client", participant="p1"),
                        at=at,
                        confirmed_at=at,
                    ),
                ]
            ),
            "hobbies": [
                NS(
                    answer=Answer.pick("music"),
                    provenance=NS(source="client_with_support", participant="p1", helper="p2"),
                    at=at,
                ),
                NS(
                    answer=Answer.pick("sport"),
                    provenance=NS(source="supporter_view", participant="p2"),
                    at=at,
                ),
            ],
            "mood": {"choices": [], "skipped": "dont_know", "at": at.isoformat()},
            "enough": NS(answer=Answer.words(PRIVATE_MARKER), private=True),
        },
        consent=None,
    )


def test_build_draft_from_a_store_shaped_session() -> None:
    plan = build_draft(store_like_session(), example_dialogue(), "en", TODAY)
    assert plan.alias == "Aino" and plan.client_lang == "sv"
    assert plan.meetings[0].present == ["Aino", "Pekka"]
    assert [p.role_label for p in plan.participants] == ["client", "supporter"]
    name = next(a for s in plan.sections for a in s.answers if a.step_id == "name")
    assert name.words == "Aino" and name.confirmed and name.given_by == "Aino"
    [diff] = plan.differing_views
    assert diff.client.supported_by == "Pekka" and diff.other.source is Source.SUPPORTER_VIEW
    [mood] = plan.not_answered
    assert mood.status is Status.DONT_KNOW
    assert PRIVATE_MARKER not in plan.model_dump_json()


def store_model_session() -> NS:
    """The shape of `assistant.store.model.Session` (steps of StepAnswers)."""
    at = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    rev = lambda answer, by="client", who=None: NS(  # noqa: E731
        answer=answer, provenance=NS(by=NS(value=by), participant=who), at=at, meeting=1
    )
    return NS(
        id="abc123",
        alias="Aino",
        dialogue_id="example",
        dialogue_version=1,
        language=NS(value="fi"),
        participants=[
            NS(id="p1", name="Aino", role=NS(value="client")),
            NS(id="p2", name="Pekka", role=NS(value="supporter")),
        ],
        meetings=[NS(number=1, started=at, present=["p1", "p2"])],
        state=NS(dialogue_id="example", dialogue_version=1),
        extra={"plan_consent": {"audience": ["supporter"], "decided_on": "2026-11-23"}},
        steps={
            "name": NS(
                client=[rev(Answer.words("Ai")), rev(Answer.words("Aino"))],
                views=[],
                notes=[],
                confirmed=True,
                private=False,
            ),
            "enough": NS(
                client=[rev(Answer.pick("no"), "client_with_support", "p2")],
                views=[rev(Answer.pick("yes"), "supporter_view", "p2")],
                notes=[rev(Answer.words("huomio"), "facilitator_note", "p2")],
                confirmed=None,
                private=False,
            ),
            "wish": NS(
                client=[rev(Answer.words(PRIVATE_MARKER))],
                views=[rev(Answer.words(PRIVATE_MARKER), "supporter_view", "p2")],
                notes=[],
                confirmed=True,
                private=True,
            ),
        },
    )


def test_build_draft_from_the_store_model_shape() -> None:
    plan = build_draft(store_model_session(), example_dialogue(), "fi", TODAY)
    assert PRIVATE_MARKER not in plan.model_dump_json()
    name = next(a for s in plan.sections for a in s.answers if a.step_id == "name")
    assert name.words == "Aino" and name.confirmed and name.given_by == "Aino"
    assert sum(a.step_id == "name" for a in plan.all_answers()) == 1  # newest revision only
    [diff] = plan.differing_views
    assert diff.client.supported_by == "Pekka" and diff.client.given_by == "Aino"
    assert diff.other.given_by == "Pekka"
    note = next(a for a in plan.all_answers() if a.source is Source.FACILITATOR_NOTE)
    assert note.words == "huomio"
    assert [a.step_id for a in plan.unconfirmed] == ["enough"]
    assert plan.meetings[0].present == ["Aino", "Pekka"]
    assert plan.consent is not None and plan.consent.audience[0].value == "supporter"
    assert not plan.read_back_done


def test_export_through_the_real_store(tmp_path: Path) -> None:
    store_mod = pytest.importorskip("assistant.store")
    from assistant.dialogue import Conversation
    from assistant.plan.export import export

    dialogue = example_dialogue()
    store = store_mod.open_store(tmp_path)
    session = store.create("Aino", dialogue, "fi")
    with store.open(session.id) as opened:
        conv = Conversation(dialogue)
        conv.proceed()
        opened.answer_step(conv, Answer.words("Aino"), store_mod.Provenance.client())
        opened.confirm("name", True)
    out = export(session.id, "md", "sv", False, tmp_path / "out.md", tmp_path)
    text = read_plain(out).decode("utf-8")  # kept in the (encrypted) data folder: sealed
    assert "Aino" in text and "Namn eller smeknamn" in text


def test_cli_records_consent_under_the_session_id(tmp_path: Path) -> None:
    store_mod = pytest.importorskip("assistant.store")
    import argparse

    from assistant.plan.cli import add_parser
    from assistant.plan.model import Consent

    session = store_mod.open_store(tmp_path).create("Aino", example_dialogue(), "fi")
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers())
    argv = ["export", "Aino", "--format", "md", "--out", str(tmp_path), "--data-dir"]
    args = parser.parse_args([*argv, str(tmp_path), "--share", "caseworker", "--caseworker", "M"])
    assert args.handler(args) == 0
    # consent lives inside the session: exported, imported and erased with it
    with store_mod.open_store(tmp_path).open(session.id) as opened:
        consent = Consent.model_validate(opened.session.extra["plan_consent"])
    assert consent.caseworker_name == "M"
    assert not any("consent" in p.name for p in tmp_path.rglob("*"))
    assert "palveluohjaaja M" in read_plain(tmp_path / "draft-plan-fi.md").decode("utf-8")
