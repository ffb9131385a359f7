"""The one-page profile (Helen Sanderson's format): the client on one A4, in their own words.

Three boxes, as person-centred services know them: "What people like and admire about me",
"What is important to me", "How best to support me". Built only from the client's own
answers (never a supporter's view or a note; private answers never reach the plan), in the
client's wording, each line with its symbol. Which answers fill a box is the dialogue's
choice (`summary:` parts admired, important, support) or, without it, the matching draft
sections. "What is important to me" starts with the client's top three and the cards they
liked on a topic mat.

One page is a promise: content is CHOSEN to fit, in the order above, by a line budget per
box; an answer too long for what is left keeps only its whole sentences that fit, and is
left out when not even its first sentence fits. Nothing is cut mid-sentence. The PDF
renderer checks the real page count and asks for a smaller budget when a page overflows.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.dialogue.model import Dialogue, SummaryPart
from assistant.plan.model import DraftPlan, PlanAnswer, Status
from assistant.plan.summary import client_answers
from assistant.plan.texts import mine_text

#: Boxes: (id, summary part, fallback sections, symbol, line budget, characters per line).
#: The first two boxes share the top of the page side by side, the third is full width.
BOXES: tuple[tuple[str, SummaryPart, tuple[str, ...], str, int, int], ...] = (
    ("admired", SummaryPart.ADMIRED, ("strengths",), "💖", 14, 28),
    ("important", SummaryPart.IMPORTANT, ("important",), "⭐", 14, 28),
    ("support", SummaryPart.SUPPORT, ("support_needs", "communication"), "🤝", 11, 60),
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class ProfileItem:
    symbol: str
    text: str


@dataclass(frozen=True)
class ProfileBox:
    id: str
    title: str
    symbol: str
    items: tuple[ProfileItem, ...]


@dataclass(frozen=True)
class Profile:
    lang: str
    name: str
    title: str
    boxes: tuple[ProfileBox, ...]


def _items(answer: PlanAnswer, dialogue: Dialogue) -> list[ProfileItem]:
    """An answer as profile lines: each picked choice, then the client's own words."""
    found = dialogue.find(answer.step_id)
    step = found[1] if found else None
    out = []
    for choice in answer.choices:
        spec = step.choice(choice.id) if step else None
        if spec is not None and spec.own_words:
            continue  # "Something else, in my own words": the words follow
        if step is not None and step.choices:
            out.append(ProfileItem(choice.symbol or answer.symbol, choice.mine))
    if answer.words:
        out.append(ProfileItem(answer.symbol, " ".join(answer.words.split())))
    return out


def _lines(text: str, width: int) -> int:
    return max(1, math.ceil(len(text) / width))


def _fit(text: str, lines_left: int, width: int) -> str | None:
    """The text, or its first whole sentences that fit; None when none fits."""
    if _lines(text, width) <= lines_left:
        return text
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        candidate = f"{kept} {sentence}".strip()
        if _lines(candidate, width) > lines_left:
            break
        kept = candidate
    return kept or None


def _choose(items: list[ProfileItem], budget: int, width: int) -> tuple[ProfileItem, ...]:
    chosen: list[ProfileItem] = []
    seen: set[str] = set()
    left = budget
    for item in items:
        key = item.text.casefold()
        if key in seen or left <= 0:
            continue
        text = _fit(item.text, left, width)
        if text is None:
            continue
        seen.add(key)
        chosen.append(ProfileItem(item.symbol, text))
        left -= _lines(text, width)
    return tuple(chosen)


def build_profile(plan: DraftPlan, dialogue: Dialogue, scale: float = 1.0) -> Profile:
    """The profile of a plan; `scale` shrinks every box's line budget (the PDF uses it when
    the page overflows)."""
    own = client_answers(plan.all_answers())
    answered = {k: a for k, a in own.items() if a.status is Status.ANSWERED}
    boxes = []
    for box_id, part, sections, symbol, budget, width in BOXES:
        if part in dialogue.summary:
            answers = [answered[s] for s in dialogue.summary[part] if s in answered]
        else:
            answers = [a for a in answered.values() if a.section in sections]
        items: list[ProfileItem] = []
        if box_id == "important":
            items += [ProfileItem(i.symbol, i.words) for i in plan.important]
            liked = (c for m in plan.mats for c in m.columns[0].cards)
            items += [ProfileItem(card.symbol, card.label) for card in liked]
        for answer in answers:
            items += _items(answer, dialogue)
        chosen = _choose(items, max(2, int(budget * scale)), width)
        boxes.append(ProfileBox(box_id, mine_text(f"p_{box_id}", plan.lang), symbol, chosen))
    return Profile(plan.lang, plan.alias, mine_text("p_title", plan.lang), tuple(boxes))
