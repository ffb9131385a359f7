"""Export of a full session in every format. Uses the full support-plan dialogue when it is
in dialogues/ (branch content), else the example dialogue; the row names say which.
Target: all formats together under 300 ms."""

from __future__ import annotations

import subprocess
import sys

from assistant.dialogue import load_dialogue
from assistant.dialogue.loader import default_root
from assistant.plan.build import build_from_source
from assistant.plan.export import FORMATS, render
from tests.bench import Row, median_ms, p95_ms, timings
from tests.plan.fixtures import TODAY, example_dialogue, example_source, full_walk_source


def run() -> list[Row]:
    full = default_root() / "support-plan"
    if full.exists():
        dialogue = load_dialogue(full)
        source = full_walk_source(dialogue)
    else:
        dialogue = example_dialogue()
        source = example_source("fi")
    tag = f"{dialogue.id}, {len(source.records)} answers"

    def one(fmt: str, mine: bool = False) -> None:
        plan = build_from_source(source, dialogue, "fi", TODAY)
        render(plan, dialogue, fmt, mine)

    def everything() -> None:
        plan = build_from_source(source, dialogue, "fi", TODAY)
        for fmt in FORMATS:
            render(plan, dialogue, fmt)
        render(plan, dialogue, "html", mine=True)
        render(plan, dialogue, "md", mine=True)

    everything()  # warm imports (python-docx, fhir.resources) once, as a running app would
    rows = []
    for fmt in FORMATS:
        samples = timings(lambda fmt=fmt: one(fmt), 20)  # type: ignore[misc]
        rows.append(Row(f"plan ({tag}): build + {fmt}", f"{median_ms(samples):.1f} ms median"))
    samples = timings(everything, 20)
    total = median_ms(samples)
    rows.append(
        Row(
            f"plan ({tag}): all formats + My plan",
            f"{total:.1f} ms median, {p95_ms(samples):.1f} ms p95",
            "< 300 ms",
            total < 300,
        )
    )
    rows.append(_cold())
    return rows


_COLD = """
import time
t0 = time.perf_counter()
from assistant.plan.build import build_from_source
from assistant.plan.export import FORMATS, render
from assistant.dialogue import load_dialogue
from assistant.dialogue.loader import default_root
from tests.plan.fixtures import TODAY, example_dialogue, example_source, full_walk_source
d = example_dialogue()
plan = build_from_source(example_source("fi"), d, "fi", TODAY)
for fmt in FORMATS:
    render(plan, d, fmt)
print((time.perf_counter() - t0) * 1000)
"""


def _cold() -> Row:
    """First export in a fresh process: includes importing python-docx and fhir.resources."""
    out = subprocess.run(
        [sys.executable, "-c", _COLD], capture_output=True, text=True, check=True
    ).stdout
    ms = float(out.strip().splitlines()[-1])
    return Row("plan: first export, fresh process (imports)", f"{ms:.0f} ms", "< 300 ms", ms < 300)
