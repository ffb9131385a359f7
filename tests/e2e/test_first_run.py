"""A new user's first run: language, a new session, five answers, a break, and a resume.

The fast variant (always in `make test`) runs the venv's `haave`. The full variant
(`HAAVE_E2E_FULL=1`) clones the repository into a tmp dir and runs `make run` there, which
creates the clone's own `.venv` with pip: it needs pip's index (a local one or the network)
and so is not part of the default run (see docs/e2e.md).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e import flow
from tests.e2e.conftest import REPO, Term
from tests.e2e.helpers import saved, summary_of

FIVE = {
    "name": "Maija",
    "mood": ("like",),
    "hobbies": ("music",),
    "music-kind": ("rock",),
    "enough": ("no",),
}


def first_run(
    term: Term, start: list[str] | None, cwd: Path | None, install_wait: float | None = None
) -> None:
    term.start(start, cwd=cwd)
    flow.to_sessions(term, timeout=install_wait)  # make run installs first
    flow.start_new(term, "Maija")
    flow.five_answers(term)
    flow.take_break(term)

    # everything is on disk at the break (the break lets go of the session's lock)
    sid, answers, current, session = saved(term.data_dir)
    assert summary_of(answers) == FIVE
    assert current == "wish"
    assert session.alias == "Maija"
    last = flow.quit_app(term)
    assert "Traceback" not in last

    # the second start: the same session, at the same step, the answers there
    term.start(start, window="again", cwd=cwd)
    flow.to_sessions(term, window="again")
    term.wait_for("Maija", window="again")
    flow.resume(term, window="again")
    term.wait_for(flow.QUESTIONS["wish"], window="again")
    term.keys("Escape", window="again")  # back one step: the earlier answer is shown chosen
    shown = term.wait_for(flow.QUESTIONS["enough"], window="again")
    [no_line] = [line for line in shown.splitlines() if "👎  No" in line]
    assert "✔" in no_line, shown
    flow.take_break(term, window="again")
    sid2, answers2, current2, session2 = saved(term.data_dir)
    assert sid2 == sid
    assert summary_of(answers2) == FIVE
    assert current2 == "enough"  # where the client went back to
    assert len(session2.meetings) == 2
    assert "Traceback" not in flow.quit_app(term, window="again")


def test_first_run_with_the_installed_haave(term: Term) -> None:
    first_run(term, None, None)


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("HAAVE_E2E_FULL") != "1",
    reason="set HAAVE_E2E_FULL=1: a fresh clone and `make run` install with pip",
)
def test_first_run_in_a_fresh_clone_with_make_run(term: Term, tmp_path: Path) -> None:
    if shutil.which("git") is None or shutil.which("make") is None:
        pytest.skip("git and make are needed")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True, timeout=120)
    assert not (clone / ".venv").exists()
    # make's own python3 makes the venv; a long timeout for pip, then the same walk
    make_run = ["make", "--no-print-directory", "run", "HAAVE_ARGS=--dialogue example"]
    first_run(term, make_run, clone, install_wait=300)
    assert (clone / ".venv" / "bin" / "haave").exists()
