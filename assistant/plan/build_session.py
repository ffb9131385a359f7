"""Reads a session of `assistant.store` into a `PlanSource`.

Written before the store's model was merged, so it reads fields by the names the brief
gave (alias, participants with roles, meetings with date and present, language, engine
state, per-step answer records with provenance, timestamps, revisions, confirmed-at-read-
back, private flag), accepting a few spellings. Tests pin the shape it reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from assistant.dialogue.answers import Answer, SkipReason
from assistant.plan.build import AnswerRecord, PlanSource
from assistant.plan.model import Consent, Source

_MISSING = object()


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        value = (
            obj.get(name, _MISSING) if isinstance(obj, Mapping) else getattr(obj, name, _MISSING)
        )
        if value is not _MISSING and value is not None:
            return value
    return default


def _str(value: Any) -> str:
    return str(getattr(value, "value", value))


def _names(session: Any) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(name, role) per participant, and participant id -> name."""
    people: list[tuple[str, str]] = []
    by_id: dict[str, str] = {}
    for p in _get(session, "participants", default=[]) or []:
        name = _str(_get(p, "name", "alias", "display_name", default="?"))
        role = _str(_get(p, "role", default="client"))
        people.append((name, role))
        pid = _get(p, "id", "participant_id")
        if pid is not None:
            by_id[_str(pid)] = name
    return people, by_id


def _who(value: Any, by_id: dict[str, str]) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return by_id.get(value, value)
    name = _get(value, "name", "alias")
    return _str(name) if name is not None else by_id.get(_str(_get(value, "id", default="")))


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value).date()
        except ValueError:
            return None
    return None


def _answer(rec: Any) -> Answer:
    ans = _get(rec, "answer", "value")
    if isinstance(ans, Answer):
        return ans
    src = ans if ans is not None else rec
    skipped = _get(src, "skipped", "skip")
    return Answer(
        choices=tuple(_get(src, "choices", default=()) or ()),
        text=_get(src, "text", "words"),
        skipped=SkipReason(_str(skipped)) if skipped else None,
    )


def _source(rec: Any) -> Source:
    prov = _get(rec, "provenance", default=rec)
    raw = _get(prov, "by", "source", "kind")
    try:
        return Source(_str(raw)) if raw is not None else Source.CLIENT
    except ValueError:
        return Source.CLIENT


def _latest(rec: Any) -> Any:
    """The newest revision of a record that keeps its revisions."""
    revisions = _get(rec, "revisions")
    if revisions and not _get(rec, "answer", "value", "choices", "text", "skipped"):
        return list(revisions)[-1]
    return rec


def _step_records(session: Any, by_id: dict[str, str], client: str | None) -> list[AnswerRecord]:
    """Records from the store's `steps: {step id: StepAnswers(client, views, notes, ...)}`."""
    out: list[AnswerRecord] = []
    for step_id, step in (_get(session, "steps", default={}) or {}).items():
        private = bool(_get(step, "private", default=False))
        confirmed = bool(_get(step, "confirmed", default=False))
        revisions = list(_get(step, "client", default=[]) or [])
        chosen = [(revisions[-1], True)] if revisions else []
        chosen += [(r, False) for r in _get(step, "views", default=[]) or []]
        chosen += [(r, False) for r in _get(step, "notes", default=[]) or []]
        for rec, is_client in chosen:
            prov = _get(rec, "provenance", default=rec)
            source = _source(rec)
            other = _who(_get(prov, "participant"), by_id)
            at = _get(rec, "at")
            out.append(
                AnswerRecord(
                    step_id=str(step_id),
                    answer=_answer(rec),
                    source=source,
                    given_by=client if is_client else other,
                    supported_by=other if is_client else None,
                    at=at if isinstance(at, datetime) else None,
                    confirmed=confirmed and is_client,
                    private=private,
                )
            )
    return out


def _records(session: Any) -> Iterable[tuple[str | None, Any]]:
    raw = _get(session, "answers", "records", "answer_records", default=[])
    if isinstance(raw, Mapping):
        for step_id, value in raw.items():
            items = value if isinstance(value, list | tuple) else [value]
            for item in items:
                yield str(step_id), item
    else:
        for item in raw or []:
            yield None, item


def source_from_store_session(session: Any) -> PlanSource:
    """A `PlanSource` from a store session (attribute or mapping access)."""
    people, by_id = _names(session)
    client = next((n for n, role in people if role == "client"), None)
    client = client or _str(_get(session, "alias", default="?"))
    records: list[AnswerRecord] = _step_records(session, by_id, client)
    for step_key, raw in _records(session):
        rec = _latest(raw)
        prov = _get(rec, "provenance", default=rec)
        at = _get(rec, "at", "answered_at", "updated_at", "created_at", "timestamp")
        if isinstance(at, str):
            at = datetime.fromisoformat(at)
        confirmed = _get(rec, "confirmed", "confirmed_at", default=False)
        records.append(
            AnswerRecord(
                step_id=step_key or _str(_get(rec, "step_id", "step", default="?")),
                answer=_answer(rec),
                source=_source(rec),
                given_by=_who(_get(prov, "participant", "given_by", "author", "by_whom"), by_id),
                supported_by=_who(_get(prov, "helper", "supported_by", "supporter"), by_id),
                at=at if isinstance(at, datetime) else None,
                confirmed=bool(confirmed),
                private=bool(_get(rec, "private", default=False)),
            )
        )
    meetings = []
    for m in _get(session, "meetings", default=[]) or []:
        day = _day(_get(m, "date", "on", "day", "started", "started_at", "at"))
        if day is not None:
            present = [_who(p, by_id) or "?" for p in _get(m, "present", default=[]) or []]
            meetings.append((day, present))
    state = _get(session, "engine_state", "engine", "state", default=session)
    consent = _get(session, "consent", "plan_consent")
    extra = _get(session, "extra", default={}) or {}
    consent = consent or (extra.get("plan_consent") if isinstance(extra, Mapping) else None)
    lang = _str(_get(session, "language", "lang", default="fi"))
    return PlanSource(
        alias=_str(_get(session, "alias", "name", default="?")),
        lang=lang if lang in ("fi", "sv", "en") else "fi",  # type: ignore[arg-type]
        dialogue_id=_str(
            _get(state, "dialogue_id", default=_get(session, "dialogue_id", default=""))
        ),
        dialogue_version=int(
            _get(state, "dialogue_version", default=_get(session, "dialogue_version", default=1))
        ),
        participants=people,
        meetings=meetings,
        records=records,
        consent=Consent.model_validate(consent, from_attributes=True) if consent else None,
        read_back_done=_read_back_done(session, records),
        session_id=_str(_get(session, "id", default="")),
    )


def _read_back_done(session: Any, records: list[AnswerRecord]) -> bool:
    flag = _get(session, "read_back_done", "read_back_at")
    if flag is not None:
        return bool(flag)
    mine = [r for r in records if r.source in (Source.CLIENT, Source.CLIENT_WITH_SUPPORT)]
    return bool(mine) and all(r.confirmed for r in mine if not r.private)
