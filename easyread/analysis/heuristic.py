"""Analysis without Voikko: simple, documented rules on word endings.

Finnish passive: finite forms ending -taan/-tään/-daan/-dään/-ttiin/-tiin (puhutaan, tehdään,
kerrottiin) and a few common irregular ones (ollaan, mennään, tullaan). Words that only look
like it (mitään, yhtään, itsestään, kooltaan) are excluded by a list and by skipping the
endings -staan/-stään/-ltaan/-ltään. Passive participles: endings -ttu/-tty/-tu/-ty after
a consonant (tehty, sovittu); the passive rule uses them only after a form of "olla".
No compound splitting: long words are found by length only.

Facts for the official-register rules, by ending (each documented at its regex below):
necessive participles (haettava, tehtävä), basic infinitives (toimittaa, tehdä, olla),
clause equivalents (tarvittaessa, saatuasi), verbs turned into nouns (järjestäminen,
käsittely, maksatus), genitives (hakemuksen) and adessives (minulla). Without Voikko a word
that only looks like one of these can be taken for it; the lists below hold the common
look-alikes, and the rules ask for a second signal (a form of "olla" before a participle,
a genitive before a verbal noun) before they say anything.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

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
        "kotiaan", "vuotiaan", "lähtien", "heti", "itään", "vihdoin", "kotiin",
    ]
)
_FI_PARTICIPLE = re.compile(r"(?:[bcdfghjklmnpqrstvwxz]t[uy]|tt[uy])$")
_FI_SECOND_PLURAL = re.compile(r"(?:[aeiouyäö]tte)$")
_FI_NOT_SECOND_PLURAL = frozenset(["kotte", "ette"])


_V = "aeiouyäö"
# haettava, tehtävä, oltava, juotava: a passive stem (vowel + tt, h/l/n/r/s + t, long vowel
# + t) and -ava/-ävä. Active participles of -ttaa verbs look the same (jännittävä); the
# common ones are listed as not necessive.
_FI_NECESSIVE_PARTICIPLE = re.compile(rf"(?:[{_V}]tt|[hlnrs]t|[{_V}]{{2}}t)[aä]v[aä]$")
_FI_NOT_NECESSIVE = frozenset(
    [
        "jännittävä", "yllättävä", "kiinnostava", "pelottava", "väsyttävä", "ihastuttava",
        "rauhoittava", "ärsyttävä", "tyydyttävä", "vakuuttava", "huolestuttava", "kestävä",
        "kantava", "hämmästyttävä", "naurattava", "masentava", "innostava", "virkistävä",
        "lämmittävä", "ilahduttava", "koskettava", "liikuttava", "riittävä", "kuluttava",
        "uuvuttava", "turhauttava", "hävettävä", "ahdistava", "tuttava", "hauskuuttava",
        "nolottava", "pelästyttävä", "säikäyttävä", "tukeva", "vastaava", "seuraava",
    ]
)
# The basic infinitive: toimittaa/antaa/pitää (-taa/-tää), tehdä/saada/juoda (-da/-dä after
# a vowel or h), tilata/haluta/tarvita (one vowel + -ta/-tä), hakea/lukea/sanoa/kysyä
# (-ea/-eä/-oa/-öä/-ua/-yä), the -lla/-nna/-rra verbs by name (olla, tulla, mennä): other
# -lla/-llä words are adessive nouns (bussilla). Partitive nouns that follow "tulee" in
# everyday text (tulee apua) and pronouns (sitä, mitä) are listed as not infinitives.
_FI_A_INFINITIVE = re.compile(
    rf"t[aä]{{2}}$|[{_V}h]d[aä]$|[^{_V}][{_V}]t[aä]$|[^{_V}](?:e[aä]|o[aä]|ö[aä]|u[aä]|y[aä])$"
)
_FI_A_INFINITIVE_NAMED = frozenset(["olla", "tulla", "kuulla", "mennä", "panna", "purra"])
_FI_NOT_A_INFINITIVE = frozenset(
    [
        "apua", "tukea", "kahvia", "vettä", "lunta", "rahaa", "ruokaa", "tietoa", "postia",
        "laskua", "kirjettä", "viestiä", "palautetta", "sitä", "mitä", "tätä", "ketä", "jota",
        "joka", "tuota", "jotka", "kotoa", "ulkoa", "sisältä", "takaa", "alta", "päältä",
        "luota", "vuotta", "aikaa", "iltaa", "huomenta", "kesää", "talvea", "syksyä",
    ]
)
# tarvittaessa, haettaessa (passive E-infinitive); saatuasi, tehtyään (past participle +
# possessive ending). The active E-infinitive (päättyessä) looks like a noun (perheessä):
# only Voikko finds it.
_FI_CLAUSE_EQUIVALENT = re.compile(r"t[aä]ess[aä]$|t[uy](?:a|ä){1,2}(?:n|si|ni|mme|nne)$")
# järjestäminen, hakemisen, uimista: a vowel, then -minen/-mis-. (A consonant before -minen
# is a noun: ihminen, ihmisen.)
_FI_MINEN = re.compile(rf"[{_V}]mi(?:nen|s[a-zäö]*)$")
# käsittely, suunnittelu (-elu/-ely); maksatus, laskutus, selvitys (-tus/-tys); in any case.
_FI_VERBAL_NOUN = re.compile(
    r"el[uy](?:[a-zäö]{0,5})$|t[uy](?:s|ks[a-zäö]*|st[aä]|ksi[a-zäö]*)$"
)
_FI_PRONOUN_GENITIVES = frozenset(
    [
        "minun", "sinun", "hänen", "meidän", "teidän", "heidän", "sen", "niiden", "tämän",
        "tuon", "noiden", "näiden", "jonka", "joiden", "kenen", "minkä", "oman", "omien",
        "kaikkien", "jokaisen", "toisen", "toisten", "muiden", "itsensä",
    ]
)
# Words ending in -n that are not genitives: adverbs, postpositions, illatives (kotiin), and
# first-person verbs that take a -minen word (pidän uimisesta, aloitan lukemisen).
_FI_NOT_GENITIVE = frozenset(
    [
        "hyvin", "pian", "ennen", "jälkeen", "yksin", "usein", "harvoin", "sitten", "siten",
        "näin", "niin", "noin", "kuin", "myöhemmin", "aiemmin", "enemmän", "vähemmän",
        "paremmin", "kauan", "kanssaan", "mielellään", "ainoastaan", "huomenna",
        "pidän", "tykkään", "haluan", "tarvitsen", "rakastan", "inhoan", "nautin", "aloitan",
        "lopetan", "jatkan", "pelkään", "opettelen", "harjoittelen", "muistan", "unohdan",
        "kaipaan", "odotan", "vihaan", "välitän", "osaan", "jaksan", "ehdin", "voin", "saan",
    ]
)
_FI_ILLATIVE = re.compile(rf"(?:([{_V}])\1n|h[{_V}]n|seen|siin)$")


def register_facts(w: str) -> dict[str, Any]:
    """The official-register facts of a lower-case word, by its ending."""
    minen = len(w) >= 7 and bool(_FI_MINEN.search(w))
    return {
        "necessive_participle": bool(_FI_NECESSIVE_PARTICIPLE.search(w))
        and w not in _FI_NOT_NECESSIVE,
        "a_infinitive": w in _FI_A_INFINITIVE_NAMED
        or (len(w) >= 4 and bool(_FI_A_INFINITIVE.search(w)) and w not in _FI_NOT_A_INFINITIVE),
        "clause_equivalent": len(w) >= 7 and bool(_FI_CLAUSE_EQUIVALENT.search(w)),
        "verbal_noun": minen or (len(w) >= 7 and bool(_FI_VERBAL_NOUN.search(w))),
        "minen_noun": minen,
        "genitive": len(w) >= 4 and w.endswith("n") and w not in _FI_PRONOUN_GENITIVES
        and w not in _FI_NOT_GENITIVE and not _FI_ILLATIVE.search(w),
        "adessive": len(w) >= 5 and w.endswith(("lla", "llä")),
    }


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
                    syllables=syllables, **register_facts(w))


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
