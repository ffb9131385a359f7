"""Finnish analysis with Voikko (libvoikko + voikko-fi).

A word can have several readings. Choice: a word is a finite passive only when EVERY reading
has PERSON 4 (so "tuettu" as an adjective or an ambiguous noun is not flagged); a passive
participle is noted when any reading has PARTICIPLE past_passive, and the passive rule flags
it only after a form of "olla" (on tehty, ei ole sovittu). Present passive participles
(saatavilla, tehtävä) are mostly adjectives or nouns in use and are not flagged.

The official-register rules read more from the readings (`_register_facts`): a present
passive participle in the nominative (on haettava), the A-infinitive (tulee liittää), the
E-infinitive and the past participle with a possessive ending (tarvittaessa, saatuasi), the
-minen form and nouns made from verbs (FSTOUTPUT "[Lt]...[Ln]": käsittely from käsitellä),
genitives and adessives. Each holds when some reading has it: the rules ask for a second
signal before they report.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

from easyread.analysis import WordInfo
from easyread.analysis.heuristic import register_facts as heuristic_register_facts

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


# The lexeme a word is built on: "[Lt][Xp]käsitellä[X]..." means "made from the verb käsitellä".
_FROM_VERB = re.compile(r"^\[Lt\](?:\[I\w+\])*\[Xp\]([^\[]+)\[X\]")
# Names in the genitive are people or places doing something, not hidden objects.
_NOT_GENITIVE_CLASSES = frozenset(["asemosana", "etunimi", "sukunimi", "paikannimi", "nimi"])


def _register_facts(readings: list[dict[str, Any]]) -> dict[str, Any]:
    """Facts for the official-register rules; each holds when some reading has it."""
    verbs: dict[str, None] = {}
    facts = dict.fromkeys(("necessive_participle", "a_infinitive", "clause_equivalent",
                           "verbal_noun", "minen_noun", "genitive", "adessive"), False)
    for r in readings:
        cls, case, mood = r.get("CLASS"), r.get("SIJAMUOTO"), r.get("MOOD")
        made = _FROM_VERB.match(str(r.get("FSTOUTPUT", "")))
        if cls == "teonsana":
            verbs[str(r.get("BASEFORM", "")).lower()] = None
        elif made:
            verbs[made.group(1).replace("=", "").lower()] = None
        if r.get("PARTICIPLE") == "present_passive" and case == "nimento":
            facts["necessive_participle"] = True
        if mood == "A-infinitive":
            facts["a_infinitive"] = True
        # tarvittaessa, päättyessä (E-infinitive); saatuasi, tehtyään (past participle with a
        # possessive ending): both stand for a whole "jos/kun" clause.
        # Only the inessive -essa/-essä form: "asioiden", "kävellen" (instructive) say how.
        fst = str(r.get("FSTOUTPUT", ""))
        e_inessive = mood == "E-infinitive" and any(
            e in fst.rsplit("[Tn2]", 1)[-1] for e in ("essa", "essä")
        )
        if e_inessive or (
            r.get("PARTICIPLE") == "past_passive" and case == "osanto" and r.get("POSSESSIVE")
        ):
            facts["clause_equivalent"] = True
        if mood == "MINEN-infinitive":
            facts["verbal_noun"] = facts["minen_noun"] = True
        elif cls == "nimisana" and made and "[Ln]" in str(r.get("FSTOUTPUT", "")):
            facts["verbal_noun"] = True
        if case == "omanto" and cls not in _NOT_GENITIVE_CLASSES:
            facts["genitive"] = True
        if case == "ulkoolento":
            facts["adessive"] = True
    return {"verbs": tuple(v for v in verbs if v), **facts}


@lru_cache(maxsize=65536)
def _analyse(word: str) -> WordInfo:
    v = _voikko()
    with _lock:  # Voikko handles are not thread-safe
        readings = v.analyze(word) if v else []
        hyphenated = str(v.hyphenate(word)) if v else word
    syllables = len([p for p in hyphenated.split("-") if p])
    if not readings:
        # A word Voikko does not know (yhteensovittaminen) still has an ending: the
        # heuristic facts are better than none for the official-register rules.
        return WordInfo((word.lower(),), (word.lower(),), known=False, syllables=syllables,
                        **heuristic_register_facts(word.lower()))
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
    return WordInfo(bases, parts, passive, participle, second_plural, syllables=syllables,
                    **_register_facts(readings))


# Voikko crashes the process (segfault) on very long input; no real word is this long.
MAX_WORD_CHARS = 100


class VoikkoAnalyser:
    name = "voikko"

    def word(self, word: str) -> WordInfo:
        if len(word) > MAX_WORD_CHARS:
            return WordInfo((word.lower(),), (word.lower(),), known=False)
        return _analyse(word)
