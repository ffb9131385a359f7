"""Analysis without Voikko: simple, documented rules on word endings.

Finnish passive: finite forms ending -taan/-tään/-daan/-dään/-ttiin/-tiin (puhutaan, tehdään,
kerrottiin) and a few common irregular ones (ollaan, mennään, tullaan). Words that only look
like it (mitään, yhtään, itsestään, kooltaan) are excluded by a list and by skipping the
endings -staan/-stään/-ltaan/-ltään. Passive participles: endings -ttu/-tty/-tu/-ty after
a consonant (tehty, sovittu); the passive rule uses them only after a form of "olla".
No compound splitting: long words are found by length only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from easyread.analysis import WordInfo

_FI_PASSIVE = re.compile(r"(?:t|d)(?:aan|ään)$|t?tiin$|t?t(?:ai|äi)siin$")
_FI_PASSIVE_IRREGULAR = frozenset(
    [
        "ollaan", "mennään", "tullaan", "pannaan", "mentiin", "oltiin", "tultiin",
        "pantiin", "nähdään", "syödään", "juodaan", "viedään", "tuodaan",
    ]
)
_FI_NOT_PASSIVE_END = re.compile(r"(?:st|lt|nt|kk)(?:aan|ään)$")
_FI_NOT_PASSIVE = frozenset(
    [
        "mitään", "yhtään", "ketään", "kumpaakaan", "ikään", "aikaan", "taas", "laatuaan",
        "kotiaan", "vuotiaan", "lähtien", "heti", "itään", "vihdoin",
    ]
)
_FI_PARTICIPLE = re.compile(r"(?:[bcdfghjklmnpqrstvwxz]t[uy]|tt[uy])$")
_FI_SECOND_PLURAL = re.compile(r"(?:[aeiouyäö]tte)$")
_FI_NOT_SECOND_PLURAL = frozenset(["kotte", "ette"])


# A rough syllable count: a run of vowels is one syllable (diphthongs and long vowels);
# it undercounts vowel pairs that belong to two syllables (ra-di-o), which is fine for a hint.
_FI_VOWEL_GROUP = re.compile(r"[aeiouyäö]+")


@lru_cache(maxsize=65536)
def _fi(word: str) -> WordInfo:
    w = word.lower()
    passive = w in _FI_PASSIVE_IRREGULAR or (
        len(w) >= 6
        and bool(_FI_PASSIVE.search(w))
        and not _FI_NOT_PASSIVE_END.search(w)
        and w not in _FI_NOT_PASSIVE
    )
    participle = len(w) >= 5 and bool(_FI_PARTICIPLE.search(w))
    second_plural = (
        len(w) >= 5 and bool(_FI_SECOND_PLURAL.search(w)) and w not in _FI_NOT_SECOND_PLURAL
    ) or w == "ette"
    syllables = len(_FI_VOWEL_GROUP.findall(w))
    return WordInfo((w,), (w,), passive, participle, second_plural, known=False,
                    syllables=syllables)


@lru_cache(maxsize=65536)
def _plain(word: str) -> WordInfo:
    w = word.lower()
    return WordInfo((w,), (w,), known=False)


class HeuristicAnalyser:
    name = "heuristic"

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def word(self, word: str) -> WordInfo:
        return _fi(word) if self.lang == "fi" else _plain(word)
