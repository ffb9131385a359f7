"""Kill a saving process with SIGKILL at random moments; check every acknowledged save.

A forked child opens a session and records answers in a loop; after each `record()`
returns it writes the answer's number to a pipe. The parent kills it after a random
delay, then opens the session and checks that every acknowledged answer is there and
that no repair was needed. Shared by `tests/store/test_crash.py` and `make bench`.
"""

from __future__ import annotations

import os
import random
import select
import signal
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from assistant.dialogue import Answer, Dialogue
from assistant.store import LocalSessionStore, Provenance

STEPS = 20  # answers cycle over this many steps, so revisions pile up too
KILLS_PER_SESSION = 25


@dataclass
class CrashResult:
    kills: int = 0
    acknowledged: int = 0
    kills_while_saving: int = 0  # kills after the child had saved at least once
    checked: int = 0
    lost: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _child(data_dir: Path, session_id: str, start: int, out: int) -> None:
    try:
        with LocalSessionStore(data_dir).open(session_id) as session:
            n = start
            while True:
                session.record(f"s{n % STEPS}", Answer.words(f"v{n}"), Provenance.client())
                os.write(out, f"{n}\n".encode())  # only after the save returned
                n += 1
    except BaseException:
        os.write(out, f"E {traceback.format_exc(limit=3)!r}\n".encode())
    finally:
        os._exit(0)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


def _first_line(fd: int, timeout: float = 30.0) -> bytes:
    """Wait until the child acknowledges its first save (or fails, or times out)."""
    got = b""
    deadline = time.monotonic() + timeout
    while b"\n" not in got and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        got += chunk
    return got


def crash_run(
    data_dir: Path, dialogue: Dialogue, kills: int, *, seed: int = 1, max_delay: float = 0.03
) -> CrashResult:
    rng = random.Random(seed)
    store = LocalSessionStore(data_dir)
    result = CrashResult()
    t0 = time.perf_counter()
    session_id = ""
    acked: set[int] = set()
    next_n = 0
    for kill in range(kills):
        if kill % KILLS_PER_SESSION == 0:
            session_id = store.create(f"crash-{kill}", dialogue, "fi").id
            acked, next_n = set(), 0
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read_fd)
            _child(data_dir, session_id, next_n, write_fd)
        os.close(write_fd)
        head = b""
        if kill % 2:  # every other kill lands while saving, however fast this machine is
            head = _first_line(read_fd)
            time.sleep(rng.uniform(0, max_delay / 4))
        else:  # the others at any moment, opening included
            time.sleep(rng.uniform(0, max_delay))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        lines = (head + _read_all(read_fd)).decode().splitlines()
        os.close(read_fd)
        result.kills += 1
        result.kills_while_saving += any(not x.startswith("E ") for x in lines)
        for line in lines:
            if line.startswith("E "):
                result.problems.append(f"kill {kill}: child failed: {line[2:]}")
            else:
                acked.add(int(line))
                result.acknowledged += 1
        next_n = max(acked, default=next_n - 1) + 1 + rng.randint(0, 1)
        with store.open(session_id) as session:
            if session.notices:
                result.problems.append(f"kill {kill}: repair needed: {session.notices}")
            for n in acked:
                values = {r.answer.text for r in session.history(f"s{n % STEPS}")}
                result.checked += 1
                if f"v{n}" not in values:
                    result.lost.append(f"kill {kill}: answer v{n} lost")
    result.seconds = time.perf_counter() - t0
    return result
