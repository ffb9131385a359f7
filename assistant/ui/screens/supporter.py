"""The supporter's tools on the conversation screen, set apart from the client's answers
("For the supporter"): who answers, a note for the caseworker, the tip, themes, language,
colours and how we talk today, in one window by touch and most also by a key.

The conversation screen keeps the actions (its bindings and buttons run them) and what they
change; these open the tools' windows and give the session what the supporter picked.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding

from assistant.i18n import _, get_language
from assistant.session import ActiveSession, Answering, SessionError
from assistant.ui import bindings
from assistant.ui.screens.answering import AnsweringScreen, NoteScreen
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.screens.modals import ManyScreen, PickScreen
from assistant.ui.widgets.choice_list import ChoiceItem


def tools() -> list[tuple[str, str, str, Binding | None]]:
    """The supporter's tools: (action, symbol, words, binding), most also a key."""
    return [
        ("who_answers", "👥", _("Who answers"), bindings.WHO_ANSWERS),
        ("note", "📝", _("Note"), bindings.NOTE),
        ("tip", "💡", _("Tip"), bindings.TIP),
        ("themes", "🗂", _("Themes"), bindings.THEMES),
        ("app.choose_language", "🌐", _("Language"), bindings.LANGUAGE),
        ("app.next_look", "🎨", _("Colours"), bindings.LOOK),
        ("ways", "🗣", _("How we talk today"), None),
    ]


def show_tools(screen: HaaveScreen) -> None:
    """The supporter's tools in one window: big buttons by touch, keys as shortcuts. A
    tool picked runs as the screen's own action (or the app's)."""
    items = [
        ChoiceItem(action, symbol, f"{words} ({screen.key(binding)})" if binding else words)
        for action, symbol, words, binding in tools()
    ]

    def picked(action: str | None) -> None:
        if action is not None:  # run_action is a coroutine: let the loop run it
            screen.call_later(screen.run_action, action if "." in action else f"screen.{action}")

    screen.app.push_screen(PickScreen("🧰 " + _("For the supporter"), items), picked)


def write_note(screen: HaaveScreen, *, on_step: bool) -> None:
    """A facilitator's note on the step shown now (`on_step`), for the caseworker."""
    writer = _session(screen).note_writer()
    if not on_step or writer is None:
        screen.notify(_("Only the client is here."), timeout=3)
        return

    def written(text: str | None) -> None:
        if not text:
            return
        try:
            _session(screen).note(text, writer)
        except SessionError as error:
            screen.notify(error.words(get_language()), severity="error")
            return
        screen.notify(_("Haave saved the note."), timeout=3)

    screen.app.push_screen(NoteScreen(writer), written)


def pick_ways(screen: HaaveScreen) -> None:
    """How the client's view is heard today (speech, pictures, the mat...): for the
    caseworker's draft, as THL's guidance asks."""
    choices = _session(screen).view_way_choices()
    items = [ChoiceItem(c.value.value, c.symbol, c.words) for c in choices]
    chosen = tuple(c.value.value for c in choices if c.chosen)

    def picked(ways: list[str] | None) -> None:
        if ways is None:
            return
        try:
            _session(screen).set_view_ways(ways)
        except SessionError as error:
            screen.notify(error.words(get_language()), severity="error")

    screen.app.push_screen(ManyScreen(_("How we talk today"), items, chosen), picked)


def pick_who_answers(screen: HaaveScreen, chosen: Callable[[Answering], None]) -> None:
    """Who answers the step: the client, the client with help, or someone's own view.
    `chosen` gets the answer when the supporter picks one (not when the window is closed)."""
    others = _session(screen).others
    if not others:
        screen.notify(_("Only the client is here."), timeout=3)
        return

    def picked(answering: Answering | None) -> None:
        if answering is not None:
            chosen(answering)

    screen.app.push_screen(AnsweringScreen(_session(screen).alias, others), picked)


def _session(screen: HaaveScreen) -> ActiveSession:
    """The session open now (as the conversation screen's own `session`)."""
    session = screen.haave.session
    assert session is not None
    return session
