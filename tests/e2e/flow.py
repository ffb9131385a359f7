"""The example dialogue walked through the real app, in English, one key at a time.

`haave` with no arguments runs the first dialogue under `dialogues/` (the example).
Each step waits for its screen *and* for the terminal cursor on the control that takes the
keys (Textual moves the focus a moment after drawing; the app puts the terminal cursor on
the focused control), then sends its keys and waits for the next screen: when the next
question is on the screen, the answer before it has been saved (the store writes before
the engine moves on). `retry` is a safety net on top.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.e2e.conftest import WAIT, Term

RETRY = 5.0

LANGUAGE = "Choose a language"
SESSIONS = "Continue or start a new one?"
WHO = "Who is here today?"
THEMES = "What do you want to talk about first?"
BREAK = "Time for a break."
CLIENT_NAME = "Your name or a nickname"
#: Rows of the sessions list: "Start a new one" and each session (the newest may be the one
#: highlighted first)
SESSION_ROWS = ("Start a new one", "themes done")
OTHER_PERSON = "Who else is here? Write the name."
WRITE_HERE = "Your words here"  # the empty text box

#: step id: (its question on the screen, a text on the row of the control that has the focus)
QUESTIONS = {
    "welcome": "Hello! Let us talk about your life.",
    "name": "What is your name?",
    "mood": "What do you think of being outdoors?",
    "hobbies": "What do you do in your free time?",
    "music-kind": "What music do you listen to?",
    "enough": "Do you have enough free time?",
    "wish": "What would you like to do in your free time?",
    "anything-else": "Do you want to tell something more?",
}
#: A text on the terminal cursor's row when the step's control has the focus: the app puts
#: the terminal cursor on the focused control (for console screen readers).
FOCUS = {
    "welcome": "Go on",
    "name": WRITE_HERE,
    "mood": "I like it",
    "hobbies": "I listen to music",
    "music-kind": "Pop",
    "enough": "Yes",
    "wish": WRITE_HERE,
    "anything-else": WRITE_HERE,
}


def at_step(term: Term, step: str, window: str = "main", **kw: object) -> str:
    """Wait until `step` is shown and its control has the focus."""
    return term.wait_for(QUESTIONS[step], window=window, focus=FOCUS.get(step), **kw)  # type: ignore[arg-type]


def to_sessions(term: Term, window: str = "main", timeout: float | None = None) -> None:
    term.wait_for(
        LANGUAGE, window=window, timeout=timeout or WAIT, focus=("Suomi", "Svenska", "English")
    )
    term.keys("3", window=window)  # English
    term.wait_for(SESSIONS, window=window, focus=SESSION_ROWS)


def start_new(term: Term, alias: str, window: str = "main", pasted: bool = False) -> None:
    """From the sessions screen: a new session for `alias`, only the client here, in order."""
    term.keys("1", window=window)  # start a new one
    term.wait_for(WHO, window=window, focus=CLIENT_NAME)

    def send() -> None:
        if pasted:
            term.paste(alias, window=window)
        else:
            term.type(alias, window=window)

    retry(term, send, lambda s: CLIENT_NAME not in s, window, "the alias typed")
    term.keys("F9", window=window)  # nobody else: go on
    term.wait_for(THEMES, window=window, focus="Go in order")
    term.keys("1", window=window)  # go in order
    at_step(term, "welcome", window=window)


def resume(term: Term, window: str = "main") -> None:
    """From the sessions screen: the newest session, the same people (only the client)."""
    term.wait_for(SESSIONS, window=window, focus=SESSION_ROWS)
    term.keys("2", window=window)
    term.wait_for(WHO, window=window, focus=OTHER_PERSON)
    term.keys("F9", window=window)  # nobody else: go on


def answer(
    term: Term,
    step: str,
    *keys: str,
    text: str | None = None,
    window: str = "main",
    then: str,
) -> None:
    """Answer `step` (shown now) with `text` typed and/or `keys`; wait for step `then`."""
    at_step(term, step, window=window)
    if text is not None:
        retry(
            term,
            lambda: term.type(text, window=window),
            lambda s: WRITE_HERE not in s,
            window,
            "the text typed",
        )
    retry(
        term,
        lambda: term.keys(*keys, window=window),
        lambda s: QUESTIONS[then] in s and QUESTIONS[step] not in s,
        window,
        f"the answer to {step}",
    )
    at_step(term, then, window=window)


def retry(
    term: Term, send: Callable[[], None], ok: Callable[[str], bool], window: str, what: str
) -> None:
    """Send, and send once more if nothing at all happened in a few seconds.

    Textual moves the focus a moment after a screen is drawn: keys sent in that moment go
    nowhere (the screen stays exactly the same), and the second try lands. Anything that
    changed the screen is never sent twice.
    """
    before = term.screen(window)
    send()
    try:
        term.wait_until(ok, window=window, timeout=RETRY, what=what)
        return
    except AssertionError:
        if term.screen(window) != before:
            raise
    send()
    term.wait_until(ok, window=window, what=what)


def five_answers(term: Term, name: str = "Maija", window: str = "main") -> None:
    """welcome -> name, mood, hobbies, music-kind, enough answered -> the wish question."""
    answer(term, "welcome", "Enter", window=window, then="name")
    answer(term, "name", "Enter", text=name, window=window, then="mood")
    answer(term, "mood", "1", window=window, then="hobbies")  # like
    answer(term, "hobbies", "1", "C-r", window=window, then="music-kind")  # music
    answer(term, "music-kind", "2", window=window, then="enough")  # rock
    answer(term, "enough", "2", window=window, then="wish")  # no


def take_break(term: Term, window: str = "main") -> None:
    term.keys("F10", window=window)
    term.wait_for(BREAK, window=window)


def quit_app(term: Term, window: str = "main") -> str:
    term.keys("C-q", window=window)
    return term.wait_dead(window=window)
