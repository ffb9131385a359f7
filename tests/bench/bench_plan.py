"""Export of a full session in every format and kind. Uses the full support-plan dialogue when
it is in dialogues/ (branch content), else the example dialogue; the row names say which.

Targets: the text formats together under 300 ms in a running app; the first export in a
fresh process under 300 ms (imports included: each format imports only what it needs, so
the figure is per format). PDF rows have no target: WeasyPrint lays out pages (seconds); its
rows and the page counts are there to be watched.
"""

from __future__ import annotations

import io
import subprocess
import sys

from assistant.dialogue import load_dialogue
from assistant.dialogue.loader import default_root
from assistant.plan.build import build_from_source
from assistant.plan.export import render
from assistant.plan.formats import Kind, formats_for
from tests.bench import Row, median_ms, p95_ms, started_env, timings
from tests.plan.fixtures import TODAY, example_dialogue, example_source, full_walk_source

#: The formats that are not laid out as pages: fast enough to make on every click.
TEXT_FORMATS = ("html", "md", "docx", "json", "fhir")


def run() -> list[Row]:
    full = default_root() / "support-plan"
    if full.exists():
        dialogue = load_dialogue(full)
        source = full_walk_source(dialogue)
    else:
        dialogue = example_dialogue()
        source = example_source("fi")
    tag = f"{dialogue.id}, {len(source.records)} answers"

    def one(fmt: str, kind: Kind) -> bytes:
        plan = build_from_source(source, dialogue, "fi", TODAY)
        return render(plan, dialogue, fmt, kind=kind)

    def everything() -> None:
        plan = build_from_source(source, dialogue, "fi", TODAY)
        for fmt in TEXT_FORMATS:
            render(plan, dialogue, fmt)
        render(plan, dialogue, "html", mine=True)
        render(plan, dialogue, "md", mine=True)

    everything()  # warm imports (python-docx, fhir.resources) once, as a running app would
    rows = []
    for kind in Kind:
        for fmt in formats_for(kind):
            count = 3 if fmt == "pdf" else 20
            samples = timings(lambda fmt=fmt, kind=kind: one(fmt, kind), count)  # type: ignore[misc]
            name = f"plan ({tag}): build + {kind.value} {fmt}"
            rows.append(Row(name, f"{median_ms(samples):.1f} ms median"))
    samples = timings(everything, 20)
    total = median_ms(samples)
    rows.append(
        Row(
            f"plan ({tag}): text formats + My plan",
            f"{total:.1f} ms median, {p95_ms(samples):.1f} ms p95",
            "< 300 ms",
            total < 300,
        )
    )
    rows += _pages(one, tag)
    rows += [_cold(fmt, kind) for fmt, kind in COLD_CASES]
    return rows


def _pages(one, tag: str) -> list[Row]:  # type: ignore[no-untyped-def]
    """Page counts of the PDFs: the draft at most 6, the profile exactly 1."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return []
    out = []
    for kind, target, ok in (
        (Kind.DRAFT, "<= 6", lambda n: n <= 6),
        (Kind.MINE, "", lambda n: None),
        (Kind.PROFILE, "= 1", lambda n: n == 1),
    ):
        pages = len(PdfReader(io.BytesIO(one("pdf", kind))).pages)
        out.append(Row(f"plan ({tag}): {kind.value} PDF pages", str(pages), target, ok(pages)))
    return out


#: First export in a fresh process: (format, kind).
COLD_CASES = (
    ("html", Kind.DRAFT),
    ("html", Kind.MINE),
    ("html", Kind.PROFILE),
    ("md", Kind.DRAFT),
    ("json", Kind.DRAFT),
    ("docx", Kind.DRAFT),
    ("fhir", Kind.DRAFT),
    ("pdf", Kind.DRAFT),
)

_COLD = """
import sys, time
t0 = time.perf_counter()
from assistant.plan.build import build_from_source
from assistant.plan.export import render
from tests.plan.fixtures import TODAY, example_dialogue, example_source
d = example_dialogue()
plan = build_from_source(example_source("fi"), d, "fi", TODAY)
render(plan, d, sys.argv[1], kind=sys.argv[2])
print((time.perf_counter() - t0) * 1000)
"""


def _cold(fmt: str, kind: Kind, runs: int = 5) -> Row:
    """First export in a fresh process (imports, the dialogue, build, render), started as a
    user's Haave is (bytecode cached: `started_env`): the best of a few runs, so a busy
    machine's noise does not hide a change."""
    env = started_env()
    best = min(
        float(
            subprocess.run(
                [sys.executable, "-c", _COLD, fmt, kind.value],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            ).stdout.strip().splitlines()[-1]
        )
        for _ in range(runs)
    )
    name = f"plan: first export, fresh process: {kind.value} {fmt}"
    if fmt == "pdf":
        return Row(name, f"{best:.0f} ms")
    return Row(name, f"{best:.0f} ms", "< 300 ms", best < 300)
