"""Export of a full session in every format (the example dialogue: the full support-plan
dialogue is not on main yet). Target: all formats together under 300 ms."""

from __future__ import annotations

from assistant.plan.build import build_from_source
from assistant.plan.export import FORMATS, render
from tests.bench import Row, median_ms, p95_ms, timings
from tests.plan.fixtures import TODAY, example_dialogue, example_source


def run() -> list[Row]:
    dialogue = example_dialogue()
    source = example_source("fi")

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
        rows.append(Row(f"plan: build + {fmt}", f"{median_ms(samples):.1f} ms median"))
    samples = timings(everything, 20)
    total = median_ms(samples)
    rows.append(
        Row(
            "plan: all formats + My plan",
            f"{total:.1f} ms median, {p95_ms(samples):.1f} ms p95",
            "< 300 ms",
            total < 300,
        )
    )
    return rows
