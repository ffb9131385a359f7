"""What the plan is built from: a stored session, read through one typed converter.

`source_from_session` turns the store's `Session` into a `PlanSource`: the client's current
answer per step, the supporters' views and the facilitators' notes beside it, names in place
of participant ids, meeting days in Finnish time, and the client's consent. Builders and
tests can also make a `PlanSource` directly.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.dialogue.answers import Answer
from assistant.languages import LangCode
from assistant.plan.consent import CONSENT_KEY
from assistant.plan.model import Consent, Source
from assistant.store.model import Role, Session

#: Stored times are UTC; the caseworker reads them in Finnish time.
PLAN_TIMEZONE = "Europe/Helsinki"


@dataclass(frozen=True)
class PlanRecord:
    """One stored answer, as the plan needs it."""

    step_id: str
    answer: Answer
    source: Source = Source.CLIENT
    given_by: str | None = None
    supported_by: str | None = None
    at: datetime | None = None
    confirmed: bool = False
    private: bool = False


@dataclass(frozen=True)
class PlanSource:
    """What the builder needs from a session."""

    alias: str
    lang: LangCode
    dialogue_id: str
    dialogue_version: int
    participants: list[tuple[str, str]] = field(default_factory=list)  # (name, role id)
    meetings: list[tuple[date, list[str]]] = field(default_factory=list)
    records: list[PlanRecord] = field(default_factory=list)
    consent: Consent | None = None
    read_back_done: bool = False
    session_id: str = ""
    view_ways: list[str] = field(default_factory=list)  # ViewWay values, in order of first use
    important: list[tuple[str, str | None]] = field(default_factory=list)  # (step id, choice)
    mats_confirmed: list[str] = field(default_factory=list)


def in_finland(at: datetime) -> datetime:
    """An aware time in Finnish time (UTC where the machine has no time zone data)."""
    if at.tzinfo is not None:
        with suppress(ZoneInfoNotFoundError):
            return at.astimezone(ZoneInfo(PLAN_TIMEZONE))
    return at


def source_from_session(session: Session) -> PlanSource:
    """The plan's view of a stored session."""
    names = {p.id: p.name for p in session.participants}
    client = next((p.name for p in session.participants if p.role is Role.CLIENT), session.alias)

    def name(participant: str | None) -> str | None:
        return names.get(participant, participant) if participant else None

    records: list[PlanRecord] = []
    for step_id, step in session.steps.items():
        current = step.current
        if current is not None:
            records.append(
                PlanRecord(
                    step_id,
                    current.answer,
                    current.provenance.by,
                    given_by=client,
                    supported_by=name(current.provenance.participant),
                    at=current.at,
                    confirmed=bool(step.confirmed),
                    private=step.private,
                )
            )
        for rec in (*step.views, *step.notes):
            records.append(
                PlanRecord(
                    step_id,
                    rec.answer,
                    rec.provenance.by,
                    given_by=name(rec.provenance.participant),
                    at=rec.at,
                    private=step.private,
                )
            )
    raw_consent = session.extra.get(CONSENT_KEY)
    mine = [r for r in records if r.source.is_client and not r.private]
    return PlanSource(
        alias=session.alias,
        lang=session.language,
        dialogue_id=session.dialogue_id,
        # the state follows the dialogue when a resume moved the session to a newer version
        dialogue_version=(session.state or session).dialogue_version,
        participants=[(p.name, p.role.value) for p in session.participants],
        meetings=[
            (in_finland(m.started).date(), [names.get(p, p) for p in m.present])
            for m in session.meetings
        ],
        records=records,
        consent=Consent.model_validate(raw_consent) if raw_consent else None,
        read_back_done=bool(mine) and all(r.confirmed for r in mine),
        session_id=session.id,
        view_ways=list(dict.fromkeys(w.value for m in session.meetings for w in m.ways)),
        important=[(p.step_id, p.choice) for p in session.important],
        mats_confirmed=list(session.mats),
    )
