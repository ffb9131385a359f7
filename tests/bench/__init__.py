"""Benchmarks for `make bench`: never part of `make test`, never timed assertions.

Each module `tests/bench/bench_<room>.py` defines `run() -> list[Row]`. Figures are measured
in the same run as their baseline, and rows show the target beside the figure.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache


@dataclass
class Row:
    """One line of the benchmark table."""

    name: str
    figure: str
    target: str = ""
    ok: bool | None = None


def timings(fn: Callable[[], object], repeat: int) -> list[float]:
    """Seconds taken by each of `repeat` calls of `fn`."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def p95_ms(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000


def started_env() -> dict[str, str]:
    """The environment for a fresh process timed as a user's Haave starts: with bytecode.

    pip compiles an installed package's bytecode, and Python caches it on the first run of an
    editable one; a machine that sets PYTHONDONTWRITEBYTECODE (this one, many CI images)
    would time compiling every module of Haave from source instead, on every start. The
    cache is written once per bench run (`compileall`), into the gitignored `__pycache__`
    folders. A fresh dict each call: callers add their own variables."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    _write_bytecode()
    return env


@cache
def _write_bytecode() -> None:
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "compileall",
            "-q",
            str(root / "assistant"),
            str(root / "easyread"),
            str(root / "tests"),
        ],
        check=True,
        capture_output=True,
    )
