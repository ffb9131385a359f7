"""Benchmarks for `make bench`: never part of `make test`, never timed assertions.

Each module `tests/bench/bench_<room>.py` defines `run() -> list[Row]`. Figures are measured
in the same run as their baseline, and rows show the target beside the figure.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


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
