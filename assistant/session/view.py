"""What a front-end shows now: plain, typed views the session service returns.

The terminal app and the web front-end render these and nothing else: neither reads the
dialogue model nor the store. Texts are already in the session's language; symbols are one
emoji each (the web front-end draws them from bundled SVGs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from assistant.dialogue.answers import SkipReason
from assistant.dialogue.engine import ThemeState
from assistant.dialogue.model import StepKind
from assistant.store.model import AnsweredBy, Role

__all__ = [
    "Action",
    "AnsweredBy",
    "Answering",
    "ChoiceView",
    "Glossary",
    "OtherView",
    "Person",
    "Place",
    "ReadbackItem",
    "ReadbackView",
    "Role",
    "SkipChoice",
    "StepKind",
    "StepView",
    "ThemeState",
    "ThemeView",
]


@dataclass(frozen=True)
class Person:
    """Someone in the session, by participant id; the name is only for showing."""

    id: str
    name: str
    role: Role


@dataclass(frozen=True)
class Answering:
    """Who gives the next answer: the client, the client helped by someone, or someone's
    own view (kept beside the client's answer, never over it)."""

    by: AnsweredBy = AnsweredBy.CLIENT
    person: Person | None = None
    """Who helps (with support), or whose view it is; None for the client alone."""

    def __post_init__(self) -> None:
        if self.by is AnsweredBy.FACILITATOR_NOTE:
            raise ValueError("a note is written with `note()`, not given as an answer")
        if (self.by is AnsweredBy.CLIENT) != (self.person is None):
            raise ValueError(f"'{self.by}' {'names no' if self.person else 'needs a'} person")

    @property
    def is_view(self) -> bool:
        return self.by is AnsweredBy.SUPPORTER_VIEW


class Action(StrEnum):
    """What can be done on the screen now, beyond answering."""

    BACK = "back"
    GO_ON = "go_on"
    SKIP = "skip"
    READY = "ready"
    WHO_ANSWERS = "who_answers"
    NOTE = "note"
    TIP = "tip"
    THEMES = "themes"


class Place(StrEnum):
    """Where the conversation is: at a step, at a theme's read-back, or at the end."""

    STEP = "step"
    READBACK = "readback"
    END = "end"


@dataclass(frozen=True)
class ChoiceView:
    """One answer the client can pick, with its symbol left of its words."""

    value: str
    symbol: str
    words: str
    number: int
    chosen: bool = False
    own_words: bool = False
    """Picking it asks for the client's own words."""


@dataclass(frozen=True)
class SkipChoice:
    reason: SkipReason
    symbol: str
    words: str


@dataclass(frozen=True)
class OtherView:
    """Someone's own view of this step, shown above the client's answer."""

    person: Person | None
    parts: tuple[tuple[str, str], ...]
    """(symbol, words) of what they said."""


@dataclass(frozen=True)
class Glossary:
    term: str
    meaning: str


@dataclass(frozen=True)
class StepView:
    """One step, ready to show: the question, its answers, and who is answering."""

    step_id: str
    kind: StepKind
    symbol: str
    question: str
    progress: str
    """Where the client is, in words: "Theme 3 of 12: Free time, question 2 of 6"."""
    theme_id: str
    theme_title: str
    answering: Answering
    choices: tuple[ChoiceView, ...] = ()
    words: str = ""
    """Own words given before (or the fact from the meeting record, to confirm)."""
    words_label: str = ""
    """The label of the text box, in easy words."""
    from_meeting: bool = False
    """The words come from "who is here today": the client confirms or changes them."""
    help: str = ""
    glossary: tuple[Glossary, ...] = ()
    tip: str = ""
    skips: tuple[SkipChoice, ...] = ()
    views: tuple[OtherView, ...] = ()
    actions: frozenset[Action] = field(default_factory=frozenset)
    spoken: str = ""
    """What read aloud says: the question, then each choice with its number."""
    audio: str | None = None
    """A recorded audio file of the question (an absolute path), when the dialogue has one."""
    intro: str = ""
    """A line above the question (a theme's first question: "Now we talk about dreams.")."""
    own_words_first: bool = False
    """Ask openly first: the text box, and the choices only after "Show choices"."""

    @property
    def asks(self) -> bool:
        return self.kind is not StepKind.SAY

    @property
    def takes_words(self) -> bool:
        """A text box is shown: own words, "tell me more", or an own-words choice."""
        return self.kind in (StepKind.TEXT, StepKind.SCALE3) or any(
            c.own_words for c in self.choices
        )


@dataclass(frozen=True)
class ThemeView:
    id: str
    symbol: str
    title: str
    state: ThemeState
    state_words: str
    answers: int
    """How many of its questions have the client's answer."""
    fixed: str | None = None
    """'first' (the opening) or 'last' (the closing): not offered in a theme picker."""


@dataclass(frozen=True)
class ReadbackItem:
    """One answer in a theme's read-back."""

    step_id: str
    symbol: str
    question: str
    parts: tuple[tuple[str, str], ...]
    private: bool
    confirmed: bool | None


@dataclass(frozen=True)
class ReadbackView:
    """A theme's answers as a short list; "All right" confirms them all."""

    theme: ThemeView
    items: tuple[ReadbackItem, ...]
    theme_number: int
    theme_count: int
    spoken: str = ""

    @property
    def confirmed(self) -> bool:
        return bool(self.items) and all(i.confirmed for i in self.items)
