"""The dialogue format: pydantic models for dialogue trees kept as YAML data files.

A dialogue has themes; a theme has steps; a step asks one simple question (or just says
something). Texts are given per language. Conditions and branches are structured data,
never code: see `Condition`.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.languages import LangCode

#: A language of dialogue texts: one of the registry's (`assistant.languages`).
Lang = LangCode

#: Ids are short, stable and safe in file names, URLs and FHIR linkIds.
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", min_length=1, max_length=64)]

#: A text in each language of the dialogue, e.g. ``{fi: "Mistä pidät?", en: "What do you like?"}``.
Texts = dict[Lang, Annotated[str, Field(min_length=1)]]

#: The special target that ends the current theme.
END_THEME = "end"

#: A short hash of the source-language texts a translation was made from (`haave i18n`).
SourceHash = Annotated[str, Field(pattern=r"^[0-9a-f]{6}$")]

#: Per language, the hash of the source texts its translation was made from, e.g.
#: ``{sv: "3fa2c1", en: "91bd0e"}``. `haave check` warns when the source changed since.
Sources = dict[Lang, SourceHash]

#: A recorded audio file per language: a path relative to the dialogue folder.
AudioFiles = dict[
    Lang,
    Annotated[str, Field(pattern=r"^[^/\\:][^\\:]*\.(ogg|opus|mp3|m4a|wav|webm)$")],
]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class StepKind(StrEnum):
    """What kind of answer a step asks for."""

    SAY = "say"
    """Only says something; the client goes on."""
    CHOICE = "choice"
    """Pick one of the choices."""
    MULTI_CHOICE = "multi_choice"
    """Pick one or more of the choices."""
    TEXT = "text"
    """Own words."""
    YES_NO = "yes_no"
    """Yes or no (values ``yes`` / ``no``)."""
    SCALE3 = "scale3"
    """Like / not sure / don't like (values ``like`` / ``unsure`` / ``dislike``)."""


#: The values of the fixed kinds, as used in answers and conditions.
YES_NO_VALUES: tuple[str, ...] = ("yes", "no")
SCALE3_VALUES: tuple[str, ...] = ("like", "unsure", "dislike")


class MeetingFact(StrEnum):
    """Something the app already knows from the meeting record ("who is here today")."""

    CLIENT_NAME = "client_name"
    """The client's name or nickname."""
    PEOPLE_PRESENT = "people_present"
    """The names of the other people here today (none: the fact is not known)."""


class WhenKnown(StrEnum):
    """What a step with `from_meeting` does when the app knows the fact."""

    CONFIRM = "confirm"
    """Shown with the fact filled in: the client confirms it or changes it."""
    SKIP = "skip"
    """Not shown: the fact is recorded as the answer."""


class PreferenceChange(_Data):
    """Client preferences a choice sets for this client, e.g. "I listen" -> read aloud on."""

    read_aloud: bool | None = Field(None, description="Read each new question aloud.")
    high_contrast: bool | None = Field(None, description="The high-contrast look.")
    large_text: bool | None = Field(None, description="Larger text (where the screen can).")


class Condition(_Data):
    """A structured condition on earlier answers. Exactly one form is used:

    - ``{step: S, is: V}``: the answer to S is exactly V (a choice id, ``yes``/``no``,
      ``like``/``unsure``/``dislike``);
    - ``{step: S, contains: V}``: the answer to S includes V (multi_choice);
    - ``{step: S, answered: true}``: S was answered (not skipped); ``false``: it was not;
    - ``{all: [...]}``, ``{any: [...]}``, ``{not: {...}}``: combinations.
    """

    step: Id | None = Field(None, description="The step whose answer is tested.")
    is_: str | None = Field(None, alias="is", description="The answer is exactly this value.")
    contains: str | None = Field(None, description="The answer includes this value.")
    answered: bool | None = Field(None, description="The step was answered (true) or not.")
    all_: list[Condition] | None = Field(None, alias="all", description="All of these hold.")
    any_: list[Condition] | None = Field(None, alias="any", description="Any of these holds.")
    not_: Condition | None = Field(None, alias="not", description="This does not hold.")

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        tests = [x for x in (self.is_, self.contains, self.answered) if x is not None]
        groups = [x for x in (self.all_, self.any_, self.not_) if x is not None]
        if self.step is not None:
            if len(tests) != 1 or groups:
                raise ValueError(
                    "a condition on a step needs exactly one of 'is', 'contains' or 'answered'"
                )
        elif tests or len(groups) != 1:
            raise ValueError(
                "a condition needs 'step' with 'is', 'contains' or 'answered', "
                "or exactly one of 'all', 'any' or 'not'"
            )
        return self

    def steps(self) -> set[str]:
        """Every step this condition looks at."""
        found = {self.step} if self.step else set()
        for sub in (self.all_ or []) + (self.any_ or []) + ([self.not_] if self.not_ else []):
            found |= sub.steps()
        return found


class ChoiceAudio(_Data):
    """Recorded audio of a choice's words, per language."""

    text: AudioFiles | None = None


class StepAudio(_Data):
    """Recorded audio of a step's spoken texts, per language."""

    text: AudioFiles | None = None
    help: AudioFiles | None = None
    intro: AudioFiles | None = None


class ThemeAudio(_Data):
    """Recorded audio of a theme's title, per language."""

    title: AudioFiles | None = None


_SOURCE_DOC = (
    "Per language, a short hash of the source-language texts the translation was made from "
    "(written by 'haave i18n import' and 'haave i18n stamp'): 'haave check' warns when the "
    "source changed since."
)
_AUDIO_DOC = (
    "Recorded audio per text and language: a file name relative to the dialogue folder "
    "(the web front-end plays it instead of speech synthesis)."
)


class Choice(_Data):
    """One answer the client can pick, with its symbol on the left."""

    id: Id
    symbol: str = Field(min_length=1, description="An emoji shown left of the words.")
    text: Texts
    own_words: bool = Field(
        False, description="The 'other, in my own words' choice: picking it asks for a text."
    )
    label: Texts | None = Field(None, description="Caseworker-facing wording, if different.")
    sets: PreferenceChange | None = Field(
        None, description="Client preferences picking this choice sets, e.g. read_aloud: true."
    )
    source: Sources | None = Field(None, description=_SOURCE_DOC)
    audio: ChoiceAudio | None = Field(None, description=_AUDIO_DOC)


class Branch(_Data):
    """Go to `goto` when `when` holds. Branches are tried in order; the first that holds wins."""

    when: Condition
    goto: str = Field(description=f"A step id in the same theme, or '{END_THEME}'.")


class Silence(_Data):
    """An easy-read finding accepted for this step's texts, with the reason (shown in reports)."""

    rule: str
    lang: Lang | None = Field(None, description="Only in this language; all when empty.")
    reason: str = Field(min_length=3)


class Step(_Data):
    """One screen of the conversation: one simple question, or one thing said."""

    id: Id = Field(description="Stable id: answers are kept by it across versions.")
    kind: StepKind
    symbol: str = Field(min_length=1, description="An emoji for the step.")
    text: Texts = Field(description="The question or sentence, easy-read, per language.")
    intro: Texts | None = Field(
        None,
        description="A line shown above the question, e.g. 'Now we talk about dreams.' "
        "(used on a theme's first question instead of a screen of its own).",
    )
    help: Texts | None = Field(None, description="A longer easy explanation shown on Help.")
    tip: Texts | None = Field(None, description="A tip for the supporter or experience expert.")
    label: Texts | None = Field(None, description="Caseworker-facing label for the draft plan.")
    section: str | None = Field(
        None, description="Section of the draft plan; defaults to the theme's section."
    )
    choices: list[Choice] = Field(default_factory=list)
    when: Condition | None = Field(None, description="Show this step only if this holds.")
    next: str | None = Field(
        None,
        description=f"The step after this one (default: the next in the theme; '{END_THEME}').",
    )
    branches: list[Branch] = Field(default_factory=list)
    silence: list[Silence] = Field(default_factory=list)
    from_meeting: MeetingFact | None = Field(
        None,
        description="The answer is a fact from the meeting record (a 'text' step): "
        "filled in instead of asked again.",
    )
    when_known: WhenKnown = Field(
        WhenKnown.CONFIRM,
        description="With 'from_meeting': show the fact to confirm, or skip the step.",
    )
    mat: Id | None = Field(
        None,
        description="A topic mat (Talking Mats) this 'scale3' step is one option of: after "
        "the mat's last step the client sees all its options under the three faces, "
        "can move them and confirm. The step's 'label' names the option on the mat.",
    )
    own_words_first: bool = Field(
        False,
        description="Show the question and a text box first, and the choices only after "
        "'Show choices' (so the choices do not lead). Words given without opening the "
        "choices are the answer of the step's own-words choice.",
    )
    source: Sources | None = Field(None, description=_SOURCE_DOC)
    audio: StepAudio | None = Field(None, description=_AUDIO_DOC)

    @model_validator(mode="after")
    def _choices_fit_kind(self) -> Step:
        needs = self.kind in (StepKind.CHOICE, StepKind.MULTI_CHOICE)
        if needs and not self.choices:
            raise ValueError(f"a '{self.kind}' step needs 'choices'")
        if not needs and self.choices:
            raise ValueError(f"a '{self.kind}' step has no 'choices'; remove them")
        if self.from_meeting is not None and self.kind is not StepKind.TEXT:
            raise ValueError("'from_meeting' fills in words: use it on a 'text' step")
        if self.mat is not None and self.kind is not StepKind.SCALE3:
            raise ValueError("'mat' groups like / not sure / don't like steps: use it on 'scale3'")
        if self.own_words_first and not any(c.own_words for c in self.choices):
            raise ValueError(
                "'own_words_first' needs a choice with 'own_words: true' "
                "to hold the words given first"
            )
        return self

    @property
    def own_words_choice(self) -> Choice | None:
        """The "other, in my own words" choice, if the step has one."""
        return next((c for c in self.choices if c.own_words), None)

    @property
    def skipped_when_known(self) -> bool:
        """True for a step the meeting record answers without showing it."""
        return self.from_meeting is not None and self.when_known is WhenKnown.SKIP

    @property
    def asks(self) -> bool:
        """True when the step wants an answer (every kind except `say`)."""
        return self.kind is not StepKind.SAY

    def values(self) -> tuple[str, ...]:
        """The values an answer to this step can hold."""
        if self.kind is StepKind.YES_NO:
            return YES_NO_VALUES
        if self.kind is StepKind.SCALE3:
            return SCALE3_VALUES
        return tuple(c.id for c in self.choices)

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)


class Theme(_Data):
    """A part of the plan (e.g. Free time): a short opening and a few questions."""

    id: Id
    symbol: str = Field(min_length=1)
    title: Texts
    section: str | None = Field(None, description="Default plan section of its steps.")
    source: Sources | None = Field(None, description=_SOURCE_DOC)
    audio: ThemeAudio | None = Field(None, description=_AUDIO_DOC)
    fixed: Literal["first", "last"] | None = Field(
        None,
        description="'first': the opening, talked about before the client picks a theme; "
        "'last': the closing, after every other theme. Neither is offered in the theme picker.",
    )
    steps: list[Step] = Field(min_length=1)

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)


class SummaryPart(StrEnum):
    """A part of the plan's summary (page one of the caseworker's draft) or of the one-page
    profile, filled from the answers to the steps a dialogue names for it."""

    DREAMS = "dreams"
    """Dreams, and the first steps towards them."""
    WORKING = "working"
    """What works now (and should stay)."""
    NOT_WORKING = "not_working"
    """What does not work (and should change)."""
    HELP = "help"
    """Where the client needs help, and how they want it."""
    NEXT_STEPS = "next_steps"
    """What the client wants to happen next, and their questions."""
    ADMIRED = "admired"
    """Profile: what people like and admire about me."""
    IMPORTANT = "important"
    """Profile: what is important to me."""
    SUPPORT = "support"
    """Profile: how best to support me."""


#: Step ids per summary part, in the order they are shown.
Summary = dict[SummaryPart, list[Id]]


class Dialogue(_Data):
    """A whole dialogue tree, as loaded and validated."""

    id: Id
    version: int = Field(ge=1, description="Raise it when steps change meaning.")
    languages: list[Lang] = Field(min_length=1)
    title: Texts
    symbol: str = Field("💬", min_length=1)
    description: Texts | None = None
    source: Sources | None = None
    themes: list[Theme] = Field(min_length=1)
    summary: Summary = Field(
        default_factory=dict,
        description="Which steps' answers the plan's summary and the one-page profile show.",
    )

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def find(self, step_id: str) -> tuple[Theme, Step] | None:
        """The theme and step with this id, or None."""
        return self._index.get(step_id)

    @cached_property
    def _index(self) -> dict[str, tuple[Theme, Step]]:
        index: dict[str, tuple[Theme, Step]] = {}
        for theme in self.themes:
            for step in theme.steps:
                index.setdefault(step.id, (theme, step))
        return index

    def steps(self) -> list[Step]:
        return [s for t in self.themes for s in t.steps]

    def mats(self) -> dict[str, list[Step]]:
        """The topic mats: mat id -> its steps, in dialogue order."""
        out: dict[str, list[Step]] = {}
        for step in self.steps():
            if step.mat is not None:
                out.setdefault(step.mat, []).append(step)
        return out

    def section_of(self, step: Step) -> str | None:
        found = self.find(step.id)
        return step.section or (found[0].section if found else None)


class DialogueFile(_Data):
    """The top file `dialogues/<id>/dialogue.yaml`: themes inline or as file names."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, title="Haave dialogue"
    )

    schema_: str | None = Field(None, alias="$schema")
    id: Id
    version: int = Field(ge=1)
    languages: list[Lang] = Field(min_length=1)
    title: Texts
    symbol: str = Field("💬", min_length=1)
    description: Texts | None = None
    source: Sources | None = Field(None, description=_SOURCE_DOC)
    themes: list[Theme | str] = Field(
        min_length=1, description="Themes inline, or paths of theme files in this folder."
    )
    summary: Summary = Field(
        default_factory=dict,
        description="Which steps' answers the plan's summary (page one of the caseworker's "
        "draft) and the one-page profile show, per part: dreams, working, not_working, "
        "help, next_steps, admired, important, support.",
    )


class ThemeFile(Theme):
    """A theme kept in its own file (listed by name in dialogue.yaml)."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, title="Haave dialogue theme"
    )

    schema_: str | None = Field(None, alias="$schema")
