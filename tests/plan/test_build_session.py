"""build_draft reads a store-shaped session (attributes or mappings) into the draft."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace as NS

from assistant.dialogue import Answer
from assistant.plan.build import build_draft
from assistant.plan.model import Source, Status
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
