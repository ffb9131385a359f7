"""The draft plan: one pydantic model that every export format is rendered from.

`DraftPlan` holds texts already resolved into the draft's language, so renderers only lay
them out. Private answers never reach it (the builder leaves them out).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.languages import LangCode
from assistant.store.model import AnsweredBy

#: The sections of the caseworker's draft, in the order they are printed.
SECTION_ORDER: tuple[str, ...] = (
    "basic",
    "own_view",
    "strengths",
    "important",
    "dreams_goals",
    "daily_life",
    "daytime",
    "free_time",
    "people",
    "health_safety",
    "working_not_working",
    "support_needs",
    "communication",
    "decision_support",
    "budget",
    "open_questions",
)
#: Where answers go whose section is unknown: never dropped.
OTHER_SECTION = "other"


class _Plan(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


#: Who gave an answer: the store's own enum (one list of the four kinds of provenance).
Source = AnsweredBy


class Status(StrEnum):
    """Whether a question was answered, and if not, why."""

    ANSWERED = "answered"
    DONT_KNOW = "dont_know"
    SKIP = "skip"
    LATER = "later"
    DECLINE = "decline"


class Audience(StrEnum):
    """Who the client lets see the plan."""

    CASEWORKER = "caseworker"
    SUPPORTER = "supporter"


class Consent(_Plan):
    """The client's choice of who will see the plan. No audience means 'nobody yet'."""

    audience: list[Audience] = Field(default_factory=list)
    caseworker_name: str | None = Field(None, description="The caseworker named by the client.")
    supporter_name: str | None = None
    decided_on: date

    @property
    def nobody_yet(self) -> bool:
        return not self.audience


class Participant(_Plan):
    name: str
    role: str = Field(description="Role id: client, supporter, experience_expert, ...")
    role_label: str = Field(description="The role in the draft's language.")


class Meeting(_Plan):
    on: date
    on_text: str = Field(description="The date written out for the draft's locale.")
    present: list[str] = Field(default_factory=list)


class PlanChoice(_Plan):
    id: str
    label: str = Field(description="Caseworker-facing wording in the draft's language.")
    mine: str = Field(description="The client's own wording (first person) for 'My plan'.")
    symbol: str = ""


class PlanAnswer(_Plan):
    """One answer record as the caseworker sees it."""

    step_id: str
    section: str
    label: str = Field(description="The question's caseworker label.")
    question: str = Field(description="The easy-read question, in the draft's language.")
    symbol: str = ""
    status: Status
    choices: list[PlanChoice] = Field(default_factory=list)
    words: str | None = Field(None, description="The client's own words, verbatim.")
    source: Source
    given_by: str | None = Field(None, description="Who gave the answer (name or alias).")
    supported_by: str | None = Field(None, description="Who supported, when supported.")
    answered_at: datetime | None = None
    answered_text: str = Field("", description="`answered_at` written for the locale.")
    confirmed: bool = Field(False, description="Confirmed by the client at the read-back.")


class DifferingView(_Plan):
    """A supporter's view beside the client's own answer to the same question."""

    step_id: str
    label: str
    client: PlanAnswer
    other: PlanAnswer


class TopItem(_Plan):
    """One of the client's top three: their own answer, with its symbol."""

    step_id: str
    label: str = Field(description="The question's caseworker label.")
    words: str = Field(description="The client's answer: a choice's words or own words.")
    symbol: str = ""


class SummaryBlock(_Plan):
    """One part of page one: the client's answers to the steps the dialogue names for it."""

    id: str = Field(description="dreams, working, not_working, help, next_steps")
    title: str
    answers: list[PlanAnswer] = Field(default_factory=list)


class MatCard(_Plan):
    """One option of a topic mat."""

    step_id: str
    label: str = Field(description="The card's word (the step's label) in the draft's language.")
    symbol: str = ""
    words: str | None = Field(None, description="The client's 'tell me more' words.")
    confirmed: bool = False


class MatColumn(_Plan):
    """The cards under one face of the mat."""

    value: str = Field(description="like, unsure or dislike")
    symbol: str
    title: str = Field(description="Caseworker wording: Likes / Not sure / Dislikes.")
    mine: str = Field(description="The client's wording: I like it / I am not sure / ...")
    cards: list[MatCard] = Field(default_factory=list)


class PlanMat(_Plan):
    """A topic mat as the client left it: every option under a face, or set aside."""

    id: str
    section: str
    title: str = Field(description="The theme's title.")
    columns: list[MatColumn] = Field(default_factory=list)
    set_aside: list[MatCard] = Field(
        default_factory=list, description="'I don't want to talk about this'."
    )
    unplaced: list[MatCard] = Field(
        default_factory=list, description="Skipped in another way ('I don't know', 'not now')."
    )
    confirmed: bool = Field(False, description="The client confirmed the whole mat.")


class Section(_Plan):
    id: str
    title: str
    answers: list[PlanAnswer] = Field(default_factory=list)


class DraftPlan(_Plan):
    """The caseworker's draft support plan, and the source of the client's own copy."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="Haave draft plan")

    format_version: Literal[1] = 1
    lang: LangCode
    client_lang: LangCode = Field(description="The language the client used in the session.")
    alias: str
    dialogue_id: str
    dialogue_version: int
    prepared_on: date
    prepared_text: str
    meetings: list[Meeting] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    communication: list[str] = Field(
        default_factory=list, description="How the client communicates (from the answers)."
    )
    view_ways: list[str] = Field(
        default_factory=list,
        description="How the client's view was obtained (speech, pictures, the mat, ...).",
    )
    important: list[TopItem] = Field(
        default_factory=list, description="The client's top three, picked from their answers."
    )
    summary: list[SummaryBlock] = Field(
        default_factory=list, description="Page one: dreams, what works, help, next steps."
    )
    mats: list[PlanMat] = Field(default_factory=list, description="The topic mats.")
    consent: Consent | None = None
    consent_text: str = ""
    read_back_done: bool = False
    sections: list[Section] = Field(default_factory=list)
    differing_views: list[DifferingView] = Field(default_factory=list)
    not_answered: list[PlanAnswer] = Field(
        default_factory=list, description="Declined, skipped, 'don't know' and 'later'."
    )

    def all_answers(self) -> list[PlanAnswer]:
        """Every answer record in the draft, each exactly once."""
        out = [a for s in self.sections for a in s.answers]
        out += [d.other for d in self.differing_views]
        return out + list(self.not_answered)

    @property
    def unconfirmed(self) -> list[PlanAnswer]:
        """The client's answers the client has not confirmed at the read-back."""
        client = (Source.CLIENT, Source.CLIENT_WITH_SUPPORT)
        return [a for a in self.all_answers() if a.source in client and not a.confirmed]
