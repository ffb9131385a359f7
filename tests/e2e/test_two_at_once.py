"""Two apps on the same data folder and the same session: the second is told, nothing is lost.

The store takes the session's lock without waiting (`SessionBusy`); the sessions screen
shows "This is open in another window." and stays where it is.
"""

from __future__ import annotations

from tests.e2e import flow
from tests.e2e.conftest import Term
from tests.e2e.helpers import saved, summary_of

BUSY = "open in another window"


def one_line(screen: str) -> str:
    """The screen as one line of words: a notification may wrap anywhere between words."""
    cleaned = "".join(c if c.isalnum() or c in ".()" else " " for c in screen)
    return " ".join(cleaned.split())


def test_the_second_app_is_told_and_nothing_is_lost(term: Term) -> None:
    term.start()
    flow.to_sessions(term)
    flow.start_new(term, "Ella")
    flow.answer(term, "welcome", "Enter", then="name")
    flow.answer(term, "name", "Enter", text="Ella E", then="mood")

    # the second app, same data folder, tries the same session
    term.start(window="second")
    flow.to_sessions(term, window="second")
    term.wait_for("Ella", window="second")
    term.keys("2", window="second")
    shown = term.wait_until(lambda s: BUSY in one_line(s), window="second", what=BUSY)
    assert "Traceback" not in shown
    assert flow.SESSIONS in shown  # still on the sessions screen

    # the first app goes on answering and saving while the second one waits
    flow.answer(term, "mood", "1", then="hobbies")
    flow.answer(term, "hobbies", "1", "3", "C-r", then="music-kind")  # music, games
    # the second tries again: still refused, still a clear message
    term.keys("2", window="second")
    term.wait_until(lambda s: BUSY in one_line(s), window="second", what=BUSY)
    assert not term.dead("second")

    flow.take_break(term)  # the first lets go of the session
    _sid, answers, current, _session = saved(term.data_dir)
    assert summary_of(answers) == {
        "name": "Ella E",
        "mood": ("like",),
        "hobbies": ("music", "games"),
    }
    assert current == "music-kind"

    # now the second may open it: at the same step, with every answer of the first
    flow.resume(term, window="second")
    term.wait_for(flow.QUESTIONS["music-kind"], window="second")
    flow.answer(term, "music-kind", "1", window="second", then="enough")  # pop
    flow.take_break(term, window="second")
    _sid, answers, current, _session = saved(term.data_dir)
    assert summary_of(answers) == {
        "name": "Ella E",
        "mood": ("like",),
        "hobbies": ("music", "games"),
        "music-kind": ("pop",),
    }
    assert current == "enough"
    for window in ("main", "second"):
        assert "Traceback" not in flow.quit_app(term, window=window)
