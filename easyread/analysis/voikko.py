"""Finnish analysis with Voikko (libvoikko + voikko-fi).

A word can have several readings. Choice: a word is a finite passive only when EVERY reading
has PERSON 4 (so "tuettu" as an adjective or an ambiguous noun is not flagged); a passive
participle is noted when any reading has PARTICIPLE past_passive, and the passive rule flags
it only after a form of "olla" (on tehty, ei ole sovittu). Present passive participles
(saatavilla, tehtävä) are mostly adjectives or nouns in use and are not flagged.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from easyread.analysis import WordInfo

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _voikko() -> Any:
    """One Voikko instance per process: creating it loads the dictionary (slow)."""
    try:
        from libvoikko import Voikko

        return Voikko("fi")
    except Exception:  # OSError / ImportError / VoikkoException: library or dictionary missing
        return None


def voikko_available() -> bool:
    return _voikko() is not None


def _parts(word: str, structure: str, base: str) -> tuple[str, ...]:
    starts = [i for i, c in enumerate(structure) if c == "="]
    if len(starts) <= 1:
        return (base,)
    # Map structure positions (which include "=") to positions in the word.
    positions, pos = [], 0
    for c in structure:
        if c == "=":
            positions.append(pos)
        else:
            pos += 1
    parts = [word[a:b] for a, b in zip(positions, [*positions[1:], len(word)], strict=True)]
    parts = [p.strip("-") for p in parts if p.strip("-")]
    prefix = "".join(parts[:-1]).lower()
    if base.startswith(prefix) and len(base) > len(prefix):
        parts[-1] = base[len(prefix):]
    return tuple(p.lower() for p in parts)


@lru_cache(maxsize=65536)
def _analyse(word: str) -> WordInfo:
    v = _voikko()
    with _lock:  # Voikko handles are not thread-safe
        readings = v.analyze(word) if v else []
        hyphenated = str(v.hyphenate(word)) if v else word
    syllables = len([p for p in hyphenated.split("-") if p])
    if not readings:
        return WordInfo((word.lower(),), (word.lower(),), known=False, syllables=syllables)
    bases = tuple(dict.fromkeys(str(r.get("BASEFORM", word)).lower() for r in readings))
    best = max(readings, key=lambda r: str(r.get("STRUCTURE", "")).count("="))
    parts = _parts(word, str(best.get("STRUCTURE", "=")), str(best.get("BASEFORM", word)).lower())
    passive = all(r.get("PERSON") == "4" for r in readings)
    participle = any(
        r.get("PARTICIPLE") == "past_passive" for r in readings
    )
    second_plural = any(
        r.get("PERSON") == "2" and r.get("NUMBER") == "plural" for r in readings
    )
    return WordInfo(bases, parts, passive, participle, second_plural, syllables=syllables)


# Voikko crashes the process (segfault) on very long input; no real word is this long.
MAX_WORD_CHARS = 100


class VoikkoAnalyser:
    name = "voikko"

    def word(self, word: str) -> WordInfo:
        if len(word) > MAX_WORD_CHARS:
            return WordInfo((word.lower(),), (word.lower(),), known=False)
        return _analyse(word)
