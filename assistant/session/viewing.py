"""Views of a conversation, built from the dialogue, the engine and the stored answers.

Pure functions: `assistant.session.active` calls them after each move. Texts are resolved in
the session's language here, so front-ends only lay them out.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from assistant.dialogue import Answer, Conversation, Dialogue, Step, StepKind, Theme, ThemeState
from assistant.i18n import N_, translator
from assistant.session.view import (
    Action,
    Answering,
    ChoiceView,
    Glossary,
    OtherView,
    Person,
    ReadbackItem,
    ReadbackView,
    SkipChoice,
    StepView,
    ThemeView,
)
from assistant.session.words import SKIPS, answer_parts, fixed_choices, progress_words, text_in
from assistant.store.model import Session

STATE_WORDS = {
    ThemeState.NOT_STARTED: N_("not started"),
    ThemeState.BEGUN: N_("begun"),
    ThemeState.DONE: N_("done"),
    ThemeState.LATER: N_("left for later"),
}


@lru_cache(maxsize=1024)
def glossary(text: str, lang: str) -> tuple[Glossary, ...]:
    """The hard words of a text with their easy meaning (the easy-read glossary).

    Kept per text: a step's words and the glossary do not change while Haave runs, and
    the look-up was the costliest part of building a step's view (each key press)."""
    from easyread.glossary import terms_in  # deferred: the glossary loads its data files

    return tuple(Glossary(e.term, e.explanation) for e in terms_in(text, lang))


def choices_of(step: Step, chosen: tuple[str, ...], lang: str) -> tuple[ChoiceView, ...]:
    if step.kind in (StepKind.YES_NO, StepKind.SCALE3):
        fixed = fixed_choices(step.kind, lang)
        return tuple(ChoiceView(v, s, w, n, v in chosen) for n, (v, s, w) in enumerate(fixed, 1))
    return tuple(
        ChoiceView(c.id, c.symbol, text_in(c.text, lang), n, c.id in chosen, c.own_words)
        for n, c in enumerate(step.choices, 1)
    )


def spoken(question: str, choices: tuple[ChoiceView, ...], lang: str) -> str:
    """The question, then each choice with its number: "1. Yes. 2. No." """
    _ = translator(lang)
    parts = [question]
    parts += [f"{c.number}: {c.words}." for c in choices]  # numbers read as numbers
    return " ".join(parts)


def words_label(step: Step, lang: str) -> str:
    _ = translator(lang)
    if step.kind is StepKind.TEXT:
        return _("Write here. Then press Ready.")
    if step.kind is StepKind.SCALE3:
        return _("Tell me more, if you want.")
    return _("Own words here")


def step_view(
    *,
    dialogue: Dialogue,
    conversation: Conversation,
    stored: Session,
    step: Step,
    answering: Answering,
    people: dict[str, Person],
    lang: str,
    prefill: Answer | None,
    can_note: bool,
    others_here: bool,
    folder: Path | None = None,
) -> StepView:
    """What to show for `step`, answered by `answering`."""
    _ = translator(lang)
    theme = _theme_of(dialogue, step)
    earlier = None if answering.is_view else conversation.answer_to(step.id)
    from_meeting = False
    if (earlier is None or not earlier.given) and prefill is not None and not answering.is_view:
        earlier, from_meeting = prefill, True
    chosen = earlier.choices if earlier is not None and earlier.given else ()
    words = (earlier.text or "") if earlier is not None and earlier.given else ""
    choices = choices_of(step, chosen, lang)
    question = text_in(step.text, lang)
    intro = text_in(step.intro, lang)
    actions = {Action.BACK, Action.THEMES, Action.TIP}
    if step.asks:
        actions |= {Action.SKIP, Action.READY}
    else:
        actions.add(Action.GO_ON)
    if others_here:
        actions.add(Action.WHO_ANSWERS)
    if can_note:
        actions.add(Action.NOTE)
    views = []
    found = stored.steps.get(step.id)
    latest = {rec.provenance.participant: rec for rec in (found.views if found else [])}
    for pid, rec in latest.items():
        person = people.get(pid) if pid else None
        views.append(OtherView(person, tuple(answer_parts(step, rec.answer, lang))))
    return StepView(
        step_id=step.id,
        kind=step.kind,
        symbol=step.symbol,
        question=question,
        progress=progress_words(conversation.progress(), lang),
        theme_id=theme.id,
        theme_title=text_in(theme.title, lang),
        answering=answering,
        choices=choices,
        words=words,
        words_label=words_label(step, lang),
        from_meeting=from_meeting,
        help=text_in(step.help, lang) or _("Answer in the way you like. You can also skip."),
        glossary=glossary(question, lang),
        tip=text_in(step.tip, lang),
        skips=tuple(SkipChoice(r, s, _(w)) for r, s, w in SKIPS) if step.asks else (),
        views=tuple(views),
        actions=frozenset(actions),
        spoken=spoken(intro + " " + question if intro else question, choices, lang)
        + (
            " "
            + _("You can also say: {skips}.").format(skips=", ".join(_(w) for _r, _s, w in SKIPS))
            if step.asks
            else ""
        ),
        audio=_audio(step, folder, lang),
        intro=intro,
        own_words_first=step.own_words_first and not chosen and not words,
    )


def _audio(step: Step, folder: Path | None, lang: str) -> str | None:
    """The recorded question in `lang`: a file in the dialogue's folder, never outside."""
    files = step.audio.text if step.audio is not None else None
    name = files.get(lang) if files else None
    if folder is None or not name:
        return None
    path = (folder / name).resolve()
    inside = path.is_relative_to(folder.resolve())
    return str(path) if inside and path.is_file() else None


def _theme_of(dialogue: Dialogue, step: Step) -> Theme:
    found = dialogue.find(step.id)
    assert found is not None
    return found[0]


def theme_views(dialogue: Dialogue, conversation: Conversation, lang: str) -> list[ThemeView]:
    _ = translator(lang)
    states = conversation.theme_states()
    out = []
    for theme in dialogue.themes:
        state = states[theme.id]
        answered = sum(
            1 for s in theme.steps if s.asks and (a := conversation.answer_to(s.id)) and a.given
        )
        out.append(
            ThemeView(
                theme.id,
                theme.symbol,
                text_in(theme.title, lang),
                state,
                _(STATE_WORDS[state]),
                answered,
                theme.fixed,
            )
        )
    return out


def readback_view(
    dialogue: Dialogue,
    conversation: Conversation,
    stored: Session,
    theme_id: str,
    lang: str,
) -> ReadbackView:
    """A theme's answers as a short list: each with its symbol and words."""
    _ = translator(lang)
    themes = theme_views(dialogue, conversation, lang)
    number, theme_view = next((n, t) for n, t in enumerate(themes, 1) if t.id == theme_id)
    theme = dialogue.theme(theme_id)
    assert theme is not None
    items = []
    for step in theme.steps:
        answer = conversation.answer_to(step.id)
        if answer is None or not step.asks:
            continue
        found = stored.steps.get(step.id)
        items.append(
            ReadbackItem(
                step_id=step.id,
                symbol=step.symbol,
                question=text_in(step.text, lang),
                parts=tuple(answer_parts(step, answer, lang)),
                private=bool(found and found.private),
                confirmed=found.confirmed if found else None,
            )
        )
    lines = [_("Your answers: {title}").format(title=theme_view.title)]
    for item in items:
        said = ", ".join(words for _symbol, words in item.parts)
        lines.append(f"{item.question} {said}.")
    return ReadbackView(theme_view, tuple(items), number, len(themes), " ".join(lines))
