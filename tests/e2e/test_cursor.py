"""The terminal cursor is on the focused control as soon as a screen is shown.

Console screen readers follow the terminal cursor (assistant/ui/README.md). The terminal
hears where the cursor is only with a repaint, so this is checked in a real terminal.
"""

from __future__ import annotations

from tests.e2e import flow
from tests.e2e.conftest import Term


def test_the_cursor_follows_the_focus_on_each_new_screen(term: Term) -> None:
    term.start()
    term.wait_for(flow.LANGUAGE, focus=("Suomi", "Svenska", "English"))
    term.keys("3")
    term.wait_for(flow.SESSIONS, focus="Start a new one")
    term.keys("1")
    term.wait_for(flow.WHO, focus=flow.CLIENT_NAME)
    term.type("Maija")
    term.wait_for(flow.WHO, "Maija", focus="Maija")
    term.keys("Enter")
    term.wait_for(flow.WHO, focus=flow.OTHER_PERSON)
    term.keys("F9")
    term.wait_for(flow.THEMES, focus="Go in order")
    term.keys("1")
    flow.answer(term, "welcome", "Enter", then="name")
    term.wait_for(flow.QUESTIONS["name"], focus=flow.WRITE_HERE)
    term.type("Maija")
    term.keys("Enter")
    term.wait_for(flow.QUESTIONS["mood"], focus="I like it")
    term.keys("Down")
    term.wait_for(flow.QUESTIONS["mood"], focus="I am not sure")
