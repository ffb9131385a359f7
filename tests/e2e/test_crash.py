"""A crash in the middle: SIGKILL right after an answer is shown saved; nothing is lost."""

from __future__ import annotations

import os
import signal

from tests.e2e import flow
from tests.e2e.conftest import Term
from tests.e2e.helpers import saved, summary_of


def kill_app(term: Term, window: str = "main") -> None:
    """SIGKILL the app (the pane's process is `haave` itself: it was started with exec)."""
    os.kill(term.pid(window), signal.SIGKILL)
    term.wait_dead(window)


def test_sigkill_after_an_answer_keeps_it(term: Term) -> None:
    term.start()
    flow.to_sessions(term)
    flow.start_new(term, "Kaisa")
    flow.answer(term, "welcome", "Enter", then="name")
    flow.answer(term, "name", "Enter", text="Kaisa K", then="mood")
    flow.answer(term, "mood", "3", then="hobbies")  # dislike; the next question is up
    kill_app(term)

    # the session was locked by the killed app: the OS let go of the lock
    sid, answers, current, _session = saved(term.data_dir)
    assert summary_of(answers) == {"name": "Kaisa K", "mood": ("dislike",)}
    assert current == "hobbies"

    term.start(window="again")
    flow.to_sessions(term, window="again")
    flow.resume(term, window="again")
    term.wait_for(flow.QUESTIONS["hobbies"], window="again")
    # a second kill in the middle of the next screen, then an answer after it
    flow.answer(term, "hobbies", "2", "C-r", window="again", then="enough")  # sport
    kill_app(term, window="again")

    term.start(window="third")
    flow.to_sessions(term, window="third")
    flow.resume(term, window="third")
    term.wait_for(flow.QUESTIONS["enough"], window="third")
    flow.take_break(term, window="third")
    sid2, answers2, current2, session = saved(term.data_dir)
    assert sid2 == sid
    assert summary_of(answers2) == {
        "name": "Kaisa K",
        "mood": ("dislike",),
        "hobbies": ("sport",),
    }
    assert current2 == "enough"
    assert len(session.meetings) == 3
    flow.quit_app(term, window="third")
