"""Easy-read checker speed: sentences per second on the labelled sets, with and without Voikko.

Figures are with warm caches (word analyses and frequencies are cached per process), as in
the app; the 1 MB row shows a large text in one call.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from easyread import check_text
from easyread.analysis.voikko import voikko_available
from easyread.evaluate import load
from tests.bench import Row, median_ms, started_env, timings

DATA = Path(__file__).parent.parent / "easyread" / "data"
REPEAT = 5
TARGET_SENTENCES_PER_S = 500.0
"""Shipped texts are a few hundred short lines: 500 sentences/s keeps a full check under 1 s."""


def _corpus(lang: str) -> list[str]:
    return [str(item["text"]) for item in load(lang, DATA)] * 5


def _clear_word_caches() -> None:
    from easyread.analysis import heuristic, voikko
    from easyread.rules import vocabulary

    for fn in (voikko._analyse, heuristic._fi, heuristic._plain, vocabulary.zipf):
        fn.cache_clear()


def _rate(lang: str, use_voikko: bool | None, cold: bool = False) -> tuple[float, float]:
    corpus = _corpus(lang)
    check_text("Hei.", lang, use_voikko=use_voikko)  # warm-up: load data and word lists

    def one_pass() -> None:
        if cold:
            _clear_word_caches()
        for text in corpus:
            check_text(text, lang, use_voikko=use_voikko)

    samples = timings(one_pass, REPEAT)
    ms = median_ms(samples)
    return len(corpus) / (ms / 1000), ms / len(corpus)


_COLD = (
    "import time; t = time.perf_counter(); import easyread; t1 = time.perf_counter(); "
    "easyread.check_text('Mitä sinä haluat tehdä?', 'fi'); t2 = time.perf_counter(); "
    "print((t1 - t) * 1000, (t2 - t1) * 1000)"
)


def _cold_start() -> list[Row]:
    """`import easyread` and the first check in a fresh process (loads Voikko and word lists)."""
    out = subprocess.run([sys.executable, "-c", _COLD], capture_output=True, text=True,
                         check=True, env=started_env()).stdout.split()
    imp, first = float(out[0]), float(out[1])
    return [
        Row("easyread: import easyread (fresh process)", f"{imp:.1f} ms", "< 50 ms", imp < 50),
        Row("easyread: first Finnish check (fresh process)", f"{first:.0f} ms", "< 1000 ms",
            first < 1000),
    ]


def run() -> list[Row]:
    rows: list[Row] = _cold_start()
    cases: list[tuple[str, str, bool | None]] = [
        ("fi", "heuristic", False), ("sv", "rules", None), ("en", "rules", None),
    ]
    if voikko_available():
        cases.insert(0, ("fi", "voikko", True))
    else:
        rows.append(Row("easyread fi voikko", "skipped: Voikko not installed"))
    for lang, analyser, use_voikko in cases:
        rate, per = _rate(lang, use_voikko)
        rows.append(Row(
            f"easyread {lang} {analyser}: sentences/s (labelled set x5, each checked alone)",
            f"{rate:.0f}/s ({per:.2f} ms each)",
            f">= {TARGET_SENTENCES_PER_S:.0f}/s",
            rate >= TARGET_SENTENCES_PER_S,
        ))
        rate, per = _rate(lang, use_voikko, cold=True)
        rows.append(Row(
            f"easyread {lang} {analyser}: sentences/s, word caches cleared each pass",
            f"{rate:.0f}/s ({per:.2f} ms each)",
            f">= {TARGET_SENTENCES_PER_S:.0f}/s",
            rate >= TARGET_SENTENCES_PER_S,
        ))
    big = "\n".join(_corpus("fi")) * 40
    for name, use_voikko in (("voikko", True), ("heuristic", False)):
        if use_voikko and not voikko_available():
            continue
        ms = median_ms(timings(lambda uv=use_voikko: check_text(big, "fi", use_voikko=uv), 1))
        rows.append(Row(f"easyread fi {name}: one {len(big.encode()) // 1024} KB text",
                        f"{ms / 1000:.1f} s", "< 10 s", ms < 10_000))
    return rows
