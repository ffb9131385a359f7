"""The example dialogue walked through the real app, in English, one key at a time.

`haave` with no arguments runs the first dialogue under `dialogues/` (the example).
Each step sends its keys and waits for the next screen: when the next question is on the
screen, the answer before it has been saved (the store writes before the engine moves on).
"""

from __future__ import annotations

from tests.e2e.conftest import WAIT, Term

LANGUAGE = "Choose a language"
SESSIONS = "Continue or start a new one?"
WHO = "Who is here today?"
THEMES = "What do you want to talk about first?"
BREAK = "Time for a break."

#: (step id, its question on the screen), in the order of the walk.
QUESTIONS = {
    "welcome": "Hello! Let us talk about your life.",
    "name": "What is your name?",
    "mood": "Do you like to be outside?",
    "hobbies": "What do you do in your free time?",
    "music-kind": "What music do you listen to?",
    "enough": "Do you have enough free time?",
    "wish": "What would you like to do in your free time?",
    "anything-else": "Do you want to tell something more?",
}


def to_sessions(term: Term, window: str = "main", timeout: float | None = None) -> None:
    term.wait_for(LANGUAGE, window=window, timeout=timeout or WAIT)
    term.keys("3", window=window)  # English
    term.wait_for(SESSIONS, window=window)


def start_new(term: Term, alias: str, window: str = "main", pasted: bool = False) -> None:
    """From the sessions screen: a new session for `alias`, only the client here, in order."""
    term.keys("1", window=window)  # start a new one
    term.wait_for(WHO, window=window)
    if pasted:
        term.paste(alias, window=window)
    else:
        term.type(alias, window=window)
    term.keys("Enter", window=window)  # to "another person"
    term.keys("Enter", window=window)  # nobody else: go on
    term.wait_for(THEMES, window=window)
    term.keys("1", window=window)  # go in order
    term.wait_for(QUESTIONS["welcome"], window=window)


def resume(term: Term, window: str = "main") -> None:
    """From the sessions screen: the newest session, the same people (only the client)."""
    term.keys("2", window=window)
    term.wait_for(WHO, window=window)
    term.keys("Enter", window=window)  # nobody else: go on


def answer(
    term: Term, step: str, *keys: str, text: str | None = None, window: str = "main", then: str
) -> None:
    """Answer `step` (shown now) with `text` typed and/or `keys`; wait for step `then`."""
    term.wait_for(QUESTIONS[step], window=window)
    if text is not None:
        term.type(text, window=window)
    term.keys(*keys, window=window)
    term.wait_for(QUESTIONS[then], window=window, absent=(QUESTIONS[step],))


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
