"""The client's top three, and how the client's view was obtained.

The top three: at the end (after the read-back) the client picks up to three things that are
most important to them, from their OWN answers, never from a list someone else wrote. The
caseworker's draft opens with them. How a front-end shows it:
- `ActiveSession.important_choices() -> ImportantView`: `question`, `options` (each with a
  `key`, `symbol`, `words`, the `theme_title` to group by, and `picked`), `most` (3) and
  `spoken`. Options are the client's given answers that are not kept private: each picked
  choice of a choice question, the own words of a text question, and each card the client
  put under "I like it" on a topic mat. Yes / no answers are not offered (a bare "yes" says
  nothing on its own), nor the basic details (the name, who is here).
- `ActiveSession.pick_important(keys)`: up to three option keys, in the client's order
  (an empty list clears the pick). Saved before it returns.

How the view was obtained (THL's guidance asks the plan to say it): the meeting records the
ways used. `ActiveSession.view_way_choices()` gives the ways with their symbols and words and
which are chosen for the latest meeting; `ActiveSession.set_view_ways(values)` records them.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.dialogue import Conversation, Dialogue, StepKind
from assistant.i18n import N_, translator
from assistant.session.words import text_in
from assistant.store.model import ImportantPick, Session, ViewWay

__all__ = [
    "MOST",
    "ImportantOption",
    "ImportantView",
    "ViewWayChoice",
    "important_view",
    "picks_for",
    "view_way_choices",
]

#: The client picks at most this many.
MOST = 3

_QUESTION = N_("What is most important to you? Pick one, two or three.")

#: The ways a view is obtained, with their symbols and words (one character per symbol).
WAYS: tuple[tuple[ViewWay, str, str], ...] = (
    (ViewWay.SPEECH, "💬", N_("Speech")),
    (ViewWay.PICTURES, "📷", N_("Pictures")),
    (ViewWay.TALKING_MAT, "🧩", N_("The topic mat")),
    (ViewWay.SIGNS, "👐", N_("Signs")),
    (ViewWay.DEVICE, "📟", N_("A communication device")),
    (ViewWay.INTERPRETER, "🧏", N_("An interpreter")),
)


@dataclass(frozen=True)
class ImportantOption:
    """One of the client's own answers, offered for the top three."""

    key: str
    step_id: str
    choice: str | None
    symbol: str
    words: str
    theme_title: str
    picked: bool = False


@dataclass(frozen=True)
class ImportantView:
    question: str
    options: tuple[ImportantOption, ...]
    picked: tuple[str, ...]
    """The picked keys, in the client's order."""
    most: int = MOST
    spoken: str = ""


@dataclass(frozen=True)
class ViewWayChoice:
    value: ViewWay
    symbol: str
    words: str
    chosen: bool


def _key(step_id: str, choice: str | None) -> str:
    return f"{step_id}:{choice}" if choice else step_id


def _options(
    dialogue: Dialogue, conversation: Conversation, stored: Session, lang: str
) -> list[ImportantOption]:
    out: list[ImportantOption] = []
    for theme in dialogue.themes:
        title = text_in(theme.title, lang)
        for step in theme.steps:
            answer = conversation.answer_to(step.id)
            found = stored.steps.get(step.id)
            if answer is None or not answer.given or step.from_meeting is not None:
                continue
            if dialogue.section_of(step) == "basic":  # name, who is here: facts, not wishes
                continue
            if found is not None and found.private:
                continue

            found_words: list[tuple[str | None, str, str]] = []
            if step.kind in (StepKind.CHOICE, StepKind.MULTI_CHOICE):
                for value in answer.choices:
                    choice = step.choice(value)
                    if choice is not None and not choice.own_words:
                        found_words.append((value, choice.symbol, text_in(choice.text, lang)))
                if answer.text:
                    found_words.append((None, step.symbol, answer.text))
            elif step.kind is StepKind.TEXT and answer.text:
                found_words.append((None, step.symbol, answer.text))
            elif step.kind is StepKind.SCALE3 and step.mat and "like" in answer.choices:
                label = text_in(step.label, lang) or text_in(step.text, lang)
                found_words.append((None, step.symbol, label))
            out += [
                ImportantOption(_key(step.id, c), step.id, c, sym, words.strip(), title)
                for c, sym, words in found_words
                if words.strip()
            ]
    return out


def important_view(
    dialogue: Dialogue, conversation: Conversation, stored: Session, lang: str
) -> ImportantView:
    _ = translator(lang)
    picked = tuple(_key(p.step_id, p.choice) for p in stored.important)
    options = tuple(
        ImportantOption(
            o.key, o.step_id, o.choice, o.symbol, o.words, o.theme_title, o.key in picked
        )
        for o in _options(dialogue, conversation, stored, lang)
    )
    question = _(_QUESTION)
    return ImportantView(question, options, picked, MOST, question)


def picks_for(view: ImportantView, keys: list[str]) -> list[ImportantPick]:
    """The store's records for the picked keys; ValueError for a key not offered or more
    than three."""
    keys = list(dict.fromkeys(keys))
    if len(keys) > view.most:
        raise ValueError(f"pick at most {view.most}")
    by_key = {o.key: o for o in view.options}
    missing = [k for k in keys if k not in by_key]
    if missing:
        raise ValueError(f"not one of the client's answers: {', '.join(missing)}")
    return [ImportantPick(step_id=by_key[k].step_id, choice=by_key[k].choice) for k in keys]


def view_way_choices(stored: Session, lang: str) -> tuple[ViewWayChoice, ...]:
    _ = translator(lang)
    chosen = set(stored.meetings[-1].ways) if stored.meetings else set()
    return tuple(ViewWayChoice(v, s, _(w), v in chosen) for v, s, w in WAYS)
