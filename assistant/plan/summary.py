"""Page one of the caseworker's draft: the client's top three, the summary parts, the mats.

Which answers each summary part shows is the dialogue's choice (`summary:` in dialogue.yaml);
a dialogue without it gets the first answers of the matching draft sections. Only the
client's own answers are summarised: supporters' views stay in "Differing views", beside the
client's, and notes stay in the details.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.dialogue.model import SCALE3_VALUES, Dialogue, SummaryPart
from assistant.languages import LangCode
from assistant.plan.model import (
    MatCard,
    MatColumn,
    PlanAnswer,
    PlanMat,
    Source,
    Status,
    SummaryBlock,
    TopItem,
)
from assistant.plan.source import PlanSource
from assistant.plan.texts import draft_text, mine_text, section_title

#: The parts of page one, in order, and the draft section each falls back to.
PAGE_ONE: tuple[tuple[SummaryPart, str], ...] = (
    (SummaryPart.DREAMS, "dreams_goals"),
    (SummaryPart.WORKING, "working_not_working"),
    (SummaryPart.NOT_WORKING, "working_not_working"),
    (SummaryPart.HELP, "support_needs"),
    (SummaryPart.NEXT_STEPS, "open_questions"),
)
#: Without a `summary:` in the dialogue, this many answers of the section stand for it.
FALLBACK_ANSWERS = 2

#: The faces of a mat: (value, symbol), the same symbols the conversation shows.
FACES: tuple[tuple[str, str], ...] = (("like", "😊"), ("unsure", "🤔"), ("dislike", "🙁"))

_CLIENT = (Source.CLIENT, Source.CLIENT_WITH_SUPPORT)


def client_answers(answers: Iterable[PlanAnswer]) -> dict[str, PlanAnswer]:
    """The client's own answer per step (answered or not), by step id."""
    return {a.step_id: a for a in answers if a.source in _CLIENT}


def part_answers(
    dialogue: Dialogue,
    part: SummaryPart,
    section: str,
    mine: dict[str, PlanAnswer],
    limit: int = FALLBACK_ANSWERS,
) -> list[PlanAnswer]:
    """The client's answers for one summary part: the steps the dialogue names, or the first
    answers of the fallback section."""
    if part in dialogue.summary:
        found = [mine.get(step_id) for step_id in dialogue.summary[part]]
        return [a for a in found if a is not None and a.status is Status.ANSWERED]
    if part is SummaryPart.NOT_WORKING:  # its section already stands for "what works"
        return []
    in_section = [a for a in mine.values() if a.section == section]
    return [a for a in in_section if a.status is Status.ANSWERED][:limit]


def summary_blocks(
    dialogue: Dialogue, mine: dict[str, PlanAnswer], lang: LangCode
) -> list[SummaryBlock]:
    out = []
    for part, section in PAGE_ONE:
        answers = part_answers(dialogue, part, section, mine)
        if answers:
            title = draft_text(f"sum_{part.value}", lang)
            out.append(SummaryBlock(id=part.value, title=title, answers=answers))
    return out


def top_items(src: PlanSource, mine: dict[str, PlanAnswer]) -> list[TopItem]:
    """The client's picks, in their order; a pick whose answer is gone (made private,
    changed) is left out rather than shown wrong."""
    out = []
    for step_id, choice_id in src.important[:3]:
        answer = mine.get(step_id)
        if answer is None or answer.status is not Status.ANSWERED:
            continue
        if choice_id is not None:
            choice = next((c for c in answer.choices if c.id == choice_id), None)
            if choice is None:
                continue
            out.append(
                TopItem(
                    step_id=step_id,
                    label=answer.label,
                    words=choice.mine,
                    symbol=choice.symbol or answer.symbol,
                )
            )
        elif answer.words:
            out.append(
                TopItem(
                    step_id=step_id, label=answer.label, words=answer.words, symbol=answer.symbol
                )
            )
        elif any(c.id == "like" for c in answer.choices):  # a card the client liked on a mat
            out.append(
                TopItem(
                    step_id=step_id, label=answer.label, words=answer.label, symbol=answer.symbol
                )
            )
    return out


def plan_mats(
    dialogue: Dialogue, src: PlanSource, mine: dict[str, PlanAnswer], lang: LangCode
) -> list[PlanMat]:
    """Every topic mat with at least one of its cards in the plan (private ones are not)."""
    out = []
    for mat_id, steps in dialogue.mats().items():
        placed: dict[str, list[MatCard]] = {v: [] for v in SCALE3_VALUES}
        aside: list[MatCard] = []
        unplaced: list[MatCard] = []
        for step in steps:
            answer = mine.get(step.id)
            if answer is None:
                continue
            card = MatCard(
                step_id=step.id,
                label=answer.label,
                symbol=step.symbol,
                words=answer.words,
                confirmed=answer.confirmed,
            )
            if answer.status is Status.ANSWERED and answer.choices:
                placed.setdefault(answer.choices[0].id, []).append(card)
            elif answer.status is Status.DECLINE:
                aside.append(card)
            else:
                unplaced.append(card)
        if not any(placed.values()) and not aside and not unplaced:
            continue
        found = dialogue.find(steps[0].id)
        assert found is not None
        theme = found[0]
        title = theme.title.get(lang) or next(iter(theme.title.values()))
        section = mine[next(s.id for s in steps if s.id in mine)].section
        columns = [
            MatColumn(
                value=v,
                symbol=symbol,
                title=draft_text(v, lang),
                mine=mine_text(v, lang),
                cards=placed.get(v, []),
            )
            for v, symbol in FACES
        ]
        out.append(
            PlanMat(
                id=mat_id,
                section=section,
                title=title,
                columns=columns,
                set_aside=aside,
                unplaced=unplaced,
                confirmed=mat_id in src.mats_confirmed,
            )
        )
    return out


def mat_step_ids(mats: Iterable[PlanMat]) -> set[str]:
    """The steps drawn on a mat: renderers show them in the mat, not again as a list."""
    out: set[str] = set()
    for mat in mats:
        cards = [c for col in mat.columns for c in col.cards] + mat.set_aside + mat.unplaced
        out |= {c.step_id for c in cards}
    return out


def ways_text(ways: Iterable[str], lang: LangCode) -> list[str]:
    return [draft_text(f"way_{w}", lang) for w in ways if f"way_{w}" in WAY_KEYS]


WAY_KEYS = frozenset(
    f"way_{w}" for w in ("speech", "pictures", "talking_mat", "signs", "device", "interpreter")
)

__all__ = [
    "FACES",
    "PAGE_ONE",
    "client_answers",
    "mat_step_ids",
    "part_answers",
    "plan_mats",
    "section_title",
    "summary_blocks",
    "top_items",
    "ways_text",
]
