"""End to end through the real app: a crash loop under tmux, and the whole walk's timing.

The crash loop starts `haave` under tmux 20 times; each time it starts a new session,
answers the name, answers the next question, and is SIGKILLed at a random moment up to
0.3 s after that key. Then every session must open (repaired or not) with every answer that
was on the screen as saved. Bounded: about a minute.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import tempfile
import time
from pathlib import Path

from tests.bench import Row, median_ms, p95_ms

KILLS = 20


def crash_loop(root: Path) -> list[Row]:
    from assistant.store import open_store
    from tests.e2e import flow
    from tests.e2e.conftest import Term

    rng = random.Random(8)
    term = Term(root)
    seen_saved: dict[str, bool] = {}  # name -> the mood answer was shown saved
    rounds: list[float] = []
    try:
        for i in range(KILLS):
            t0 = time.perf_counter()
            window = f"run{i}"
            term.start(window=window)
            flow.to_sessions(term, window=window)
            flow.start_new(term, f"Crash {i}", window=window)
            flow.answer(term, "welcome", "Enter", window=window, then="name")
            flow.answer(term, "name", "Enter", text=f"N{i}", window=window, then="mood")
            term.keys("1", window=window)  # like; the kill may come before or after the save
            time.sleep(rng.uniform(0, 0.3))
            seen_saved[f"N{i}"] = flow.QUESTIONS["hobbies"] in term.screen(window)
            os.kill(term.pid(window), signal.SIGKILL)
            term.wait_dead(window)
            term.tmux("kill-session", "-t", window, check=False)
            rounds.append(time.perf_counter() - t0)
    finally:
        term.close()

    # the apps ran with the e2e passphrase file: open their data folder with the same one,
    # and give the bench's own back after (the file goes with this run's folder)
    before = os.environ.get("HAAVE_PASSPHRASE_FILE")
    os.environ["HAAVE_PASSPHRASE_FILE"] = term.env["HAAVE_PASSPHRASE_FILE"]
    lost = opened = repaired = 0
    try:
        store = open_store(term.data_dir)
        for summary in store.list():
            with store.open(summary.id) as s:
                opened += 1
                repaired += bool(s.notices)
                steps = s.session.steps
                name = steps["name"].current if "name" in steps else None
                if name is None:
                    lost += 1
                    continue
                mood = steps["mood"].current if "mood" in steps else None
                if seen_saved.get(name.answer.text or "") and mood is None:
                    lost += 1
    finally:
        if before is None:
            os.environ.pop("HAAVE_PASSPHRASE_FILE", None)
        else:
            os.environ["HAAVE_PASSPHRASE_FILE"] = before
    return [
        Row("e2e crash loop: SIGKILLs through the app", f"{KILLS}", f"{KILLS}", True),
        Row("e2e crash loop: sessions that open", f"{opened}", f"{KILLS}", opened == KILLS),
        Row("e2e crash loop: answers shown saved, lost", f"{lost}", "0", lost == 0),
        Row("e2e crash loop: opens with a repair notice", f"{repaired}", "", None),
        Row(
            "e2e crash loop: one round (start..kill)",
            f"median {median_ms(rounds):.0f} ms, p95 {p95_ms(rounds):.0f} ms",
        ),
    ]


def whole_walk(root: Path) -> list[Row]:
    from tests.e2e.exports import export, haave
    from tests.e2e.test_whole_walk import FULL_WALK

    data = root / "data"
    t0 = time.perf_counter()
    sid = haave(root, "play", str(FULL_WALK), "--data-dir", str(data)).strip().splitlines()[-1]
    played = time.perf_counter() - t0
    t1 = time.perf_counter()
    count = 0
    for lang in ("fi", "sv"):
        for fmt in ("html", "md", "docx", "json", "fhir"):
            export(root, data, sid, fmt, lang)
            count += 1
        for fmt in ("html", "md"):
            export(root, data, sid, fmt, lang, mine=True)
            count += 1
    exported = time.perf_counter() - t1
    return [
        Row("e2e whole walk: haave play full-walk.yaml", f"{played * 1000:.0f} ms"),
        Row(
            f"e2e whole walk: {count} haave export runs",
            f"{exported * 1000:.0f} ms ({exported / count * 1000:.0f} ms each)",
        ),
    ]


def fresh_clone_first_run() -> list[Row]:
    """The new user's first run for real: a fresh clone, `make run` installs, the walk.

    Kept out of `make test` because pip asks the package index (tests stay offline)."""
    import os
    import subprocess
    import sys
    import time

    env = dict(os.environ, HAAVE_E2E_FULL="1")
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "tests/e2e/test_first_run.py"],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    seconds = time.perf_counter() - t0
    ok = done.returncode == 0
    return [
        Row(
            "e2e: fresh clone, make run, five answers, break, resume",
            f"{'passed' if ok else 'FAILED'} in {seconds:.0f} s",
            "passes",
            ok,
        )
    ]


def run() -> list[Row]:
    rows: list[Row] = []
    root = Path(tempfile.mkdtemp(prefix="haave-bench-e2e-"))
    try:
        if shutil.which("tmux") is None:
            rows.append(Row("e2e crash loop", "skipped: tmux is not installed"))
        else:
            (root / "crash").mkdir()
            rows += crash_loop(root / "crash")
        (root / "walk").mkdir()
        rows += whole_walk(root / "walk")
        if shutil.which("tmux") is not None:
            rows += fresh_clone_first_run()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return rows
