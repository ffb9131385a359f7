"""Facts the app already knows from the meeting record, used instead of asking again.

A step with `from_meeting: client_name` (or `people_present`) is answered from "who is here
today". With `when_known: confirm` the client sees it filled in and confirms it; with
`when_known: skip` the fact is recorded as the answer and the engine goes past the step.
Pure: the session service and test plans both call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.dialogue.answers import Answer
from assistant.dialogue.model import Dialogue, MeetingFact, Step
from assistant.i18n import N_, translator

#: The answer to "who is here today" when the client is alone, in the session's language.
ONLY_ME = N_("Only me")


@dataclass(frozen=True)
class MeetingFacts:
    """What the meeting record says: the client's name and the others present.

    `lang` is set once "who is here today" was answered (a meeting started): then the
    record knows who is here, also when nobody else is."""

    client_name: str | None = None
    others: Sequence[str] = field(default_factory=tuple)
    lang: str | None = None

    def answer_for(self, fact: MeetingFact) -> Answer | None:
        """The fact as an answer, or None when the record does not know it."""
        if fact is MeetingFact.CLIENT_NAME:
            name = (self.client_name or "").strip()
            return Answer.words(name) if name else None
        names = [n.strip() for n in self.others if n.strip()]
        if names:
            return Answer.words(", ".join(names))
        return Answer.words(translator(self.lang)(ONLY_ME)) if self.lang else None


def prefilled(step: Step, facts: MeetingFacts) -> Answer | None:
    """The answer a `from_meeting` step starts filled with, or None."""
    return facts.answer_for(step.from_meeting) if step.from_meeting is not None else None


def known_answers(
    dialogue: Dialogue, facts: MeetingFacts, answers: dict[str, Answer]
) -> dict[str, Answer]:
    """Answers to record for the `when_known: skip` steps the record now knows.

    A step the client answered already is left alone: their own words win over the record."""
    out: dict[str, Answer] = {}
    for step in dialogue.steps():
        if not step.skipped_when_known or step.id in answers:
            continue
        fact = prefilled(step, facts)
        if fact is not None:
            out[step.id] = fact
    return out
