"""The topic mat (Talking Mats): a dialogue's `mat:` steps seen together, moved, confirmed.

A dialogue groups two or more like / not sure / don't like steps of one theme with the same
`mat:` id. The conversation asks them one by one as usual; then the client sees the whole mat,
each option a card (its symbol and its short word) under one of the three faces, and can move
cards before saying the mat is right. The mat's placements ARE the answers to its steps: a
move records a new revision of that step's answer (history kept, read-back confirmation
cleared), so the plan, the read-back and the mat never disagree.

How a front-end shows it (the terminal app and the web front-end alike):
- After every action (and on opening a session), read `ActiveSession.mat_due`: the id of a mat
  to show now, or None. A mat is due when every step of its group that the conversation shows
  has an answer (a skip counts), at least one of them is a real answer, the client has not
  confirmed the mat yet, and no read-back or read-back change is in progress. The conversation
  itself has already moved on past the group: the mat is shown over it, like the read-back.
- `ActiveSession.mat(mat_id) -> MatView`: `columns` (three, in the order like / not sure /
  don't like, each with its face symbol, its words and its cards), `set_aside` (cards the
  client does not want to talk about), `unplaced` (cards skipped in another way or not yet
  answered). Every card has `step_id`, `symbol` and `words`; `spoken` reads the mat aloud.
- Moves, each saved before it returns: `mat_place(step_id, value)` with value `like`,
  `unsure` or `dislike` (also takes a card back from set-aside or unplaced);
  `mat_set_aside(step_id)` ("I don't want to talk about this": recorded as that skip);
  `mat_confirm(mat_id)`. After `mat_confirm`, `mat_due` no longer names this mat and the
  front-end shows `step()` (or the end) again.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.dialogue import Answer, Conversation, Dialogue, SkipReason, Step, StepKind
from assistant.dialogue.model import SCALE3_VALUES
from assistant.i18n import N_, translator
from assistant.session.words import fixed_choices, skip_words, text_in
from assistant.store.model import Session

__all__ = ["MatCard", "MatColumn", "MatView", "due", "mat_answer", "mat_steps", "mat_view"]

_TITLE = N_("Your mat: {title}")
_UNPLACED = N_("Not on the mat yet")


@dataclass(frozen=True)
class MatCard:
    """One option on the mat: a step, shown as its symbol and its short word."""

    step_id: str
    symbol: str
    words: str


@dataclass(frozen=True)
class MatColumn:
    """The cards under one face: like, not sure or don't like."""

    value: str
    symbol: str
    words: str
    cards: tuple[MatCard, ...]


@dataclass(frozen=True)
class MatView:
    """A whole topic mat, ready to show."""

    mat_id: str
    theme_id: str
    title: str
    """"Your mat: What I like"."""
    columns: tuple[MatColumn, ...]
    set_aside: tuple[MatCard, ...]
    set_aside_symbol: str
    set_aside_words: str
    """ "I don't want to talk about this", the heading of the set-aside cards."""
    unplaced: tuple[MatCard, ...]
    unplaced_words: str
    confirmed: bool
    spoken: str = ""


def mat_steps(dialogue: Dialogue, mat_id: str) -> list[Step]:
    """The steps of a mat, in dialogue order (empty for an unknown mat)."""
    return dialogue.mats().get(mat_id, [])


def due(dialogue: Dialogue, conversation: Conversation, stored: Session) -> str | None:
    """The first mat to show now, or None (see the module docstring for the rule)."""
    for mat_id, steps in dialogue.mats().items():
        if mat_id in stored.mats:
            continue
        shown = [s for s in steps if conversation.visible(s)]
        answers = [conversation.answer_to(s.id) for s in shown]
        if shown and all(a is not None for a in answers) and any(a and a.given for a in answers):
            return mat_id
    return None


def _card(step: Step, lang: str) -> MatCard:
    return MatCard(step.id, step.symbol, text_in(step.label, lang) or text_in(step.text, lang))


def mat_view(
    dialogue: Dialogue, conversation: Conversation, stored: Session, mat_id: str, lang: str
) -> MatView:
    """The mat as it stands: every card under its face, set aside, or not yet placed."""
    _ = translator(lang)
    steps = mat_steps(dialogue, mat_id)
    found = dialogue.find(steps[0].id) if steps else None
    if found is None:
        raise KeyError(mat_id)
    theme = found[0]
    placed: dict[str, list[MatCard]] = {v: [] for v in SCALE3_VALUES}
    set_aside: list[MatCard] = []
    unplaced: list[MatCard] = []
    for step in steps:
        if not conversation.visible(step):
            continue
        answer = conversation.answer_to(step.id)
        card = _card(step, lang)
        if answer is not None and answer.given and answer.choices:
            placed[answer.choices[0]].append(card)
        elif answer is not None and answer.skipped is SkipReason.DECLINE:
            set_aside.append(card)
        else:
            unplaced.append(card)
    columns = tuple(
        MatColumn(value, symbol, words, tuple(placed[value]))
        for value, symbol, words in fixed_choices(StepKind.SCALE3, lang)
    )
    aside_symbol, aside_words = skip_words(SkipReason.DECLINE, lang)
    title = _(_TITLE).format(title=text_in(theme.title, lang))
    lines = [title + "."]
    for column in columns:
        if column.cards:
            lines.append(f"{column.words}: {', '.join(c.words for c in column.cards)}.")
    if set_aside:
        lines.append(f"{aside_words}: {', '.join(c.words for c in set_aside)}.")
    if unplaced:
        lines.append(f"{_(_UNPLACED)}: {', '.join(c.words for c in unplaced)}.")
    return MatView(
        mat_id=mat_id,
        theme_id=theme.id,
        title=title,
        columns=columns,
        set_aside=tuple(set_aside),
        set_aside_symbol=aside_symbol,
        set_aside_words=aside_words,
        unplaced=tuple(unplaced),
        unplaced_words=_(_UNPLACED),
        confirmed=mat_id in stored.mats,
        spoken=" ".join(lines),
    )


def mat_answer(step: Step, earlier: Answer | None, value: str | None) -> Answer:
    """The answer a move on the mat records: the card under a face (keeping the client's
    "tell me more" words), or set aside (`value` None)."""
    if step.mat is None:
        raise ValueError(f"'{step.id}' is not on a mat")
    if value is None:
        return Answer.skip(SkipReason.DECLINE)
    if value not in SCALE3_VALUES:
        raise ValueError(f"'{value}' is not a face of the mat: use like, unsure or dislike")
    words = earlier.text if earlier is not None and earlier.given else None
    return Answer.pick(value, text=words)
