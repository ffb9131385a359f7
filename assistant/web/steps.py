"""A step as a page (the template's context) and a posted form as an `Answer`.

Kept apart from the handlers so that both rules are small and testable: which fields a kind of
step shows, and how tiles, check boxes, own words and Ready become one answer. Own words are
never dropped: words typed before a tile is tapped go with that tile's answer.
"""

from __future__ import annotations

from typing import Any

from assistant.i18n import translator
from assistant.languages import language
from assistant.session import Answer, AnsweredBy, Place, StepKind, StepView
from assistant.session.words import answering_words
from assistant.web.desk import Opened
from assistant.web.words import answering_choices

KIND_CLASS = {
    StepKind.SAY: "say",
    StepKind.CHOICE: "choice",
    StepKind.MULTI_CHOICE: "multi",
    StepKind.TEXT: "text",
    StepKind.YES_NO: "yes-no",
    StepKind.SCALE3: "scale",
}


def answer_of(
    view: StepView, action: str, picked: list[str], words: str, lang: str
) -> tuple[Answer | None, str]:
    """The answer a posted step form gives, or (None, what to do in plain words)."""
    _ = translator(lang)
    known = {c.value: c for c in view.choices}
    if any(value not in known for value in picked) or len(set(picked)) != len(picked):
        return None, _("This did not work. Go back and try again.")
    text = words or None
    own = next((c.value for c in view.choices if c.own_words), None)
    if action == "own_words" and own is not None and not picked:
        # asked openly first: the words are the own-words choice
        if not text:
            return None, _("Write something first. Or press Show choices.")
        return Answer.pick(own, text=text), ""
    if view.kind is StepKind.TEXT:
        if not text:
            return None, _("Write something first. Or choose another answer below.")
        return Answer.words(text), ""
    if view.kind is StepKind.MULTI_CHOICE:
        chosen = list(picked)
        if text and own is not None and own not in chosen:
            chosen.append(own)  # words typed: they are the own-words choice
        if not chosen:
            return None, _("Pick a choice or write something first.")
        if own in chosen and not text:
            return None, _("Write your own words here. Then press Ready.")
        return Answer.pick(*chosen, text=text), ""
    # one choice: a tapped tile, or Ready with own words
    if action == "ready" and not picked:
        if own is not None and text:
            return Answer.pick(own, text=text), ""
        earlier = [c.value for c in view.choices if c.chosen]
        if len(earlier) == 1 and (text or not known[earlier[0]].own_words):
            return Answer.pick(earlier[0], text=text), ""
        return None, _("Pick a choice or write something first.")
    if len(picked) != 1:
        return None, _("Pick a choice or write something first.")
    if known[picked[0]].own_words and not text:
        return None, _("Write your own words here. Then press Ready.")
    return Answer.pick(picked[0], text=text), ""


def bar(opened: Opened, view: StepView | None = None) -> dict[str, Any]:
    """The facilitator bar: who answers (on a step), tip, note, themes, language, look."""
    active = opened.active
    lang = active.language
    answering = opened.answering()
    current = "client"
    if answering.person is not None:
        kind = "view" if answering.by is AnsweredBy.SUPPORTER_VIEW else "with"
        current = f"{kind}:{answering.person.id}"
    writer = active.note_writer()
    return {
        "on_step": view is not None,
        "answering": answering_choices(active.alias, active.others, lang) if active.others else [],
        "answering_now": current,
        "tip": view.tip if view is not None else "",
        "note_by": writer.name if writer is not None and view is not None else "",
        "step_id": view.step_id if view is not None else "",
        # the opening's rights screens come first: the theme picker is not offered yet
        "in_opening": active.place is Place.STEP and active.in_opening,
    }


def asks_openly(opened: Opened, view: StepView) -> bool:
    """"Own words first": the question and a text box; the choices after "Show choices"."""
    return (
        view.own_words_first
        and opened.choices_shown != view.step_id
        and any(c.own_words for c in view.choices)
    )


def spoken_of(opened: Opened, view: StepView) -> str:
    """What read aloud says: asked openly, the choices are not read (they would lead)."""
    if asks_openly(opened, view):
        return f"{view.intro} {view.question}" if view.intro else view.question
    return view.spoken


def context(
    opened: Opened,
    view: StepView,
    typed: str | None = None,
    picked: list[str] | None = None,
    error: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """What step.html shows. `typed`/`picked` put a refused form back as it was sent."""
    active = opened.active
    lang = active.language
    answering = view.answering
    chosen = set(picked) if picked is not None else {c.value for c in view.choices if c.chosen}
    choices = [
        {
            "value": c.value,
            "symbol": c.symbol,
            "words": c.words,
            "number": c.number,
            "chosen": c.value in chosen,
            "own_words": c.own_words,
        }
        for c in view.choices
    ]
    views = [
        {
            "who": p.person.name if p.person else "",
            "parts": [{"symbol": s, "words": w} for s, w in p.parts],
        }
        for p in view.views
    ]
    recorded = f"/s/{active.id}/recorded/{view.step_id}" if view.audio else ""
    return {
        "view": view,
        "kind": KIND_CLASS[view.kind],
        "choices": choices,
        "own_words": any(c.own_words for c in view.choices),
        "words": typed if typed is not None else view.words,
        "views": views,
        "error": error,
        "answering_words": answering_words(
            answering.by, active.alias, answering.person.name if answering.person else None, lang
        ),
        "is_view": answering.is_view,
        "with_help": answering.by is AnsweredBy.CLIENT_WITH_SUPPORT,
        "open_first": asks_openly(opened, view),
        "spoken": spoken_of(opened, view),
        # a recording wins: without JavaScript the Read aloud link plays it too
        "speech_url": recorded or f"/s/{active.id}/speech/{view.step_id}.wav",
        "recorded_url": recorded,
        "speech_tag": language(lang).speech_tag,
        "bar": bar(opened, view),
        "drafts_done": _drafts_done(opened),
    }


def _drafts_done(opened: Opened) -> str:
    """The steps whose words were saved since the last page: their drafts can go."""
    done, opened.saved = opened.saved, []
    return " ".join(done)
