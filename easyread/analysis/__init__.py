"""Word analysis: Voikko for Finnish when installed, explainable heuristics otherwise."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class WordInfo:
    """What the rules need to know about one word form."""

    base_forms: tuple[str, ...]
    """Lower-case base forms of all readings (the word itself when unknown)."""
    compound_parts: tuple[str, ...]
    """Word parts (Finnish compounds); one part for a simple word."""
    passive: bool = False
    """A finite passive verb form (Finnish: PERSON 4 in every reading)."""
    passive_participle: bool = False
    """A passive participle (tehty, tuettu) in some reading."""
    second_plural: bool = False
    """A verb form that addresses the reader as "te" (Finnish: voitte, olette)."""
    known: bool = True
    """The analyser recognised the word."""
    syllables: int = 0
    """Syllables (Voikko hyphenation; without Voikko, vowel groups); 0 when not counted."""


class Analyser(Protocol):
    name: str

    def word(self, word: str) -> WordInfo: ...


class VoikkoUnavailable(RuntimeError):
    """Raised when Voikko is asked for explicitly but is not installed."""


def get_analyser(lang: str, use_voikko: bool | None = None) -> Analyser:
    """The analyser for a language. `use_voikko`: None = when available, False = never."""
    from easyread.analysis.heuristic import HeuristicAnalyser

    if lang == "fi" and use_voikko is not False:
        from easyread.analysis.voikko import VoikkoAnalyser, voikko_available

        if voikko_available():
            return VoikkoAnalyser()
        if use_voikko:
            raise VoikkoUnavailable(
                "Voikko not installed: apt-get install libvoikko1 voikko-fi"
            )
    return HeuristicAnalyser(lang)
