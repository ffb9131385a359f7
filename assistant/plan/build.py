"""Answers -> DraftPlan: the one place that decides what the caseworker's draft contains.

`build_draft(session, dialogue, lang)` reads a session of `assistant.store` through
`source_from_session` into a small neutral `PlanSource`, and `build_from_source` does the
rest. Private answers are dropped here, before any renderer sees them.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from babel.dates import format_date, format_datetime

from assistant.dialogue.model import Dialogue, Step, StepKind
from assistant.languages import LangCode
from assistant.plan.model import (
    OTHER_SECTION,
    SECTION_ORDER,
    Audience,
    Consent,
    DifferingView,
    DraftPlan,
    Meeting,
    Participant,
    PlanAnswer,
    PlanChoice,
    Section,
    Source,
    Status,
)
from assistant.plan.source import PlanRecord, PlanSource, in_finland, source_from_session
from assistant.plan.summary import client_answers, plan_mats, summary_blocks, top_items, ways_text
from assistant.plan.texts import DRAFT, draft_text, mine_text, section_title
from assistant.store.model import Session

#: Sections used by dialogues that are not draft sections: where their answers go.
SECTION_ALIASES: dict[str, str] = {
    "about_me": "own_view",
    "likes": "important",
    "likes_dislikes": "important",
    "next_steps": "open_questions",
    "dreams": "dreams_goals",
    "goals": "dreams_goals",
    "home": "daily_life",
    "work": "daytime",
    "health": "health_safety",
    "support": "support_needs",
    "decisions": "decision_support",
}

#: The symbols of the yes / no and like / not sure / don't like answers, as the conversation
#: shows them (assistant.session.words), so "My plan" shows the same faces.
FIXED_SYMBOLS = {"yes": "👍", "no": "👎", "like": "😊", "unsure": "🤔", "dislike": "🙁"}

# C0/C1 control characters other than tab and newline, lone surrogates, and the
# noncharacters (U+FDD0-U+FDEF, U+xFFFE/U+xFFFF of every plane): never wanted, and invalid
# (or discouraged) in XML, so one of them would break the DOCX export.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
    + "]"
)


def local_time(at: datetime, lang: LangCode) -> str:
    """A time for the draft: aware times shown in Finnish time, naive ones as they are."""
    return format_datetime(in_finland(at), "short", locale=lang)


def clean(text: str) -> str:
    """The client's words with control and XML-invalid characters replaced by U+FFFD
    (everything else verbatim)."""
    return _CONTROL.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))


def section_for(dialogue: Dialogue, step: Step) -> str:
    raw = dialogue.section_of(step) or OTHER_SECTION
    raw = SECTION_ALIASES.get(raw, raw)
    return raw if raw in SECTION_ORDER else OTHER_SECTION


def _value_label(value: str, step: Step, lang: LangCode) -> PlanChoice:
    choice = step.choice(value)
    if choice is not None:
        label = (choice.label or choice.text).get(lang) or next(iter(choice.text.values()))
        mine = choice.text.get(lang) or label
        return PlanChoice(id=value, label=label, mine=mine, symbol=choice.symbol)
    if value in DRAFT and step.kind in (StepKind.YES_NO, StepKind.SCALE3):
        return PlanChoice(
            id=value,
            label=draft_text(value, lang),
            mine=mine_text(value, lang),
            symbol=FIXED_SYMBOLS.get(value, ""),
        )
    return PlanChoice(id=value, label=clean(value), mine=clean(value))


def _text(texts: dict[Any, str] | None, lang: LangCode, default: str = "") -> str:
    if not texts:
        return default
    return texts.get(lang) or next(iter(texts.values()))


def _plan_answer(rec: PlanRecord, dialogue: Dialogue, lang: LangCode) -> PlanAnswer:
    found = dialogue.find(rec.step_id)
    step = found[1] if found else None
    ans = rec.answer
    status = Status.ANSWERED if ans.skipped is None else Status(ans.skipped.value)
    if step is None:  # an answer kept from an older dialogue: shown, never dropped
        label, question, symbol, section = rec.step_id, rec.step_id, "", OTHER_SECTION
        choices = [PlanChoice(id=c, label=clean(c), mine=clean(c)) for c in ans.choices]
    else:
        question = _text(step.text, lang)
        label = _text(step.label, lang, _text(step.text, lang))
        symbol, section = step.symbol, section_for(dialogue, step)
        choices = [_value_label(c, step, lang) for c in ans.choices]
    return PlanAnswer(
        step_id=rec.step_id,
        section=section,
        label=label,
        question=question,
        symbol=symbol,
        status=status,
        choices=choices,
        words=clean(ans.text) if ans.text else None,
        source=rec.source,
        given_by=clean(rec.given_by) if rec.given_by else None,
        supported_by=clean(rec.supported_by) if rec.supported_by else None,
        answered_at=rec.at,
        answered_text=local_time(rec.at, lang) if rec.at else "",
        confirmed=rec.confirmed,
    )


def _same(a: PlanAnswer, b: PlanAnswer) -> bool:
    return (a.status, [c.id for c in a.choices], (a.words or "").strip()) == (
        b.status,
        [c.id for c in b.choices],
        (b.words or "").strip(),
    )


def consent_text(consent: Consent | None, lang: LangCode) -> str:
    if consent is None:
        return draft_text("consent_missing", lang)
    when = format_date(consent.decided_on, "long", locale=lang)
    if consent.nobody_yet:
        return f"{draft_text('consent_none', lang)} ({draft_text('consent_decided', lang)} {when})"
    who = []
    for aud in consent.audience:
        name = consent.caseworker_name if aud is Audience.CASEWORKER else consent.supporter_name
        role = draft_text(f"aud_{aud.value}", lang)
        who.append(f"{role} {clean(name)}" if name else role)
    return f"{', '.join(who)} ({draft_text('consent_decided', lang)} {when})"


def _order(dialogue: Dialogue) -> dict[str, int]:
    return {s.id: i for i, s in enumerate(dialogue.steps())}


def build_from_source(
    src: PlanSource, dialogue: Dialogue, lang: LangCode, today: date | None = None
) -> DraftPlan:
    """The draft plan from a neutral `PlanSource`."""
    order = _order(dialogue)
    records = sorted(
        (r for r in src.records if not r.private),
        key=lambda r: (order.get(r.step_id, len(order)), r.at or datetime.min),
    )
    client_sources = (Source.CLIENT, Source.CLIENT_WITH_SUPPORT)
    answers = [_plan_answer(r, dialogue, lang) for r in records]
    client_by_step = {
        a.step_id: a for a in answers if a.source in client_sources and a.status is Status.ANSWERED
    }
    by_section: dict[str, list[PlanAnswer]] = {}
    differing: list[DifferingView] = []
    not_answered: list[PlanAnswer] = []
    for a in answers:
        mine = client_by_step.get(a.step_id)
        if a.source is Source.SUPPORTER_VIEW and mine is not None and not _same(a, mine):
            differing.append(DifferingView(step_id=a.step_id, label=a.label, client=mine, other=a))
        elif a.status is not Status.ANSWERED and a.source in client_sources:
            not_answered.append(a)
        else:
            by_section.setdefault(a.section, []).append(a)
    sections = [
        Section(id=s, title=section_title(s, lang), answers=by_section.get(s, []))
        for s in (*SECTION_ORDER, OTHER_SECTION)
        if s not in ("basic", OTHER_SECTION) or by_section.get(s)
    ]
    communication = [
        ", ".join([c.label for c in a.choices] + ([a.words] if a.words else []))
        for a in by_section.get("communication", [])
        if a.source in client_sources
    ]
    own = client_answers(answers)
    today = today or date.today()
    roles = {"client", "supporter", "support_ring", "experience_expert", "relative"}
    roles |= {"caseworker", "facilitator"}
    return DraftPlan(
        lang=lang,
        client_lang=src.lang,
        alias=clean(src.alias),
        dialogue_id=src.dialogue_id,
        dialogue_version=src.dialogue_version,
        prepared_on=today,
        prepared_text=format_date(today, "full", locale=lang),
        meetings=[
            Meeting(
                on=d,
                on_text=format_date(d, "full", locale=lang),
                present=[clean(p) for p in present],
            )
            for d, present in sorted(src.meetings, key=lambda m: m[0])
        ],
        participants=[
            Participant(
                name=clean(name),
                role=role,
                role_label=draft_text(f"role_{role}", lang) if role in roles else clean(role),
            )
            for name, role in src.participants
        ],
        communication=communication,
        view_ways=ways_text(src.view_ways, lang),
        important=top_items(src, own),
        summary=summary_blocks(dialogue, own, lang),
        mats=plan_mats(dialogue, src, own, lang),
        consent=src.consent,
        consent_text=consent_text(src.consent, lang),
        read_back_done=src.read_back_done,
        sections=sections,
        differing_views=differing,
        not_answered=not_answered,
    )


def build_draft(
    session: Session, dialogue: Dialogue, lang: LangCode, today: date | None = None
) -> DraftPlan:
    """The caseworker's draft plan for a stored session, in `lang`."""
    return build_from_source(source_from_session(session), dialogue, lang, today)
