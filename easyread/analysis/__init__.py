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
    # Finnish facts for the official-register rules (rules/necessive.py, conditions.py,
    # nominalisation.py). A fact holds when SOME reading has it, unless it says otherwise.
    verbs: tuple[str, ...] = ()
    """Verbs the word is made from (hakea for haettava, käsitellä for käsittely)."""
    necessive_participle: bool = False
    """A present passive participle in the nominative (haettava, tehtävä): "on haettava"."""
    a_infinitive: bool = False
    """The basic infinitive (hakea, tehdä): "tulee hakea"."""
    clause_equivalent: bool = False
    """A temporal or conditional infinitive (tarvittaessa, päättyessä): a hidden "jos/kun"."""
    verbal_noun: bool = False
    """A verb turned into a noun: -minen (järjestäminen) or a noun made from a verb
    (käsittely, edellytys, arviointi, käyttö)."""
    minen_noun: bool = False
    """The -minen form (järjestäminen, hakemisen): always an action, never a thing."""
    genitive: bool = False
    """A noun or adjective in the genitive (hakemuksen, palvelujen); not a pronoun."""
    adessive: bool = False
    """A word in the adessive (minulla, asiakkaalla): "minulla on tehtävä" is a task."""


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
