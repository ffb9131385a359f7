"""Obligations said without a person: "on haettava", "tulee liittää", "ska inges",
"shall be submitted". The reader cannot tell who must act, or that it is them.

Finnish: a form of "olla" and a present passive participle (on haettava, ei ole tehtävä;
one adverb may stand between: on itse huolehdittava), not after an adessive ("minulla on
tehtävä" is a task); "tulee/tulisi" and a basic infinitive (tulee liittää: "tulee" as
"must", not "comes"). Swedish: a modal (ska, skall, bör, måste, behöver) and an -s passive
(ska inges) or "vara" + participle (ska vara undertecknad) or "ske". English: "shall", and a
modal ("must", "should", "is to", "has to", "needs to") with "be" and a past participle
(must be provided). Fixed phrases (on syytä, är skyldig att, is required to) come from the
plain-alternatives list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.model import Alternative, Finding
from easyread.rules import Context
from easyread.rules.grammar import sv_s_passive
from easyread.rules.official import list_findings
from easyread.text import Sentence, Word

RULE = "necessive"
_MESSAGE = '"{text}" says something must be done, but not who must do it.'

_FI_TULLA = frozenset(["tulee", "tulisi", "tulevat", "tulisivat", "tuli", "tulisit", "tulet"])
# Adverbs that may stand between "on"/"tulee" and the verb: on itse huolehdittava.
_FI_BETWEEN = frozenset(
    [
        "itse", "myös", "aina", "heti", "ensin", "vielä", "kuitenkin", "välittömästi",
        "viipymättä", "viimeistään", "erikseen", "ainakin", "nyt", "sitten", "siis", "ehdottomasti",
        "edelleen", "lisäksi", "yleensä", "jo", "ennen", "tällöin", "silloin",
    ]
)
_SV_MODALS = frozenset(["ska", "skall", "bör", "måste", "behöver", "borde", "skulle"])
_SV_BETWEEN = frozenset(
    [
        "inte", "ej", "omgående", "alltid", "också", "även", "genast", "direkt", "först",
        "snarast", "därför", "dessutom", "sedan", "då", "normalt", "fortsättningsvis",
    ]
)
_SV_PARTICIPLE = re.compile(r"(?:ad|at|d|t|en|et|na|da|ta)$")
_EN_MODALS = frozenset(["must", "should", "shall", "ought", "needs", "need"])
_EN_TO_BE = frozenset(["is", "are", "was", "were", "has", "have", "had", "needs", "need"])
_EN_PARTICIPLE = re.compile(r"[a-z]{2,}(?:ed|en)$")


def _next_after(words: list[Word], i: int, between: frozenset[str]) -> int | None:
    """Index of the word after position i, skipping one adverb (on itse huolehdittava)."""
    j = i + 1
    if j < len(words) and words[j].lower in between:
        j += 1
    return j if j < len(words) else None


def _fi(ctx: Context, s: Sentence) -> Iterator[tuple[Word, Word, str]]:
    olla = ctx.lexicon.extra.get("olla_forms", frozenset())
    words = s.words
    for i, w in enumerate(words):
        if w.lower not in olla and w.lower not in _FI_TULLA:
            continue
        j = _next_after(words, i, _FI_BETWEEN)
        if j is None:
            continue
        info = ctx.analyser.word(words[j].text)
        if w.lower in olla:
            # "minulla on tehtävä" is a task, not a must
            if info.necessive_participle and not (
                i > 0 and ctx.analyser.word(words[i - 1].text).adessive
            ):
                yield w, words[j], info.verbs[0] if info.verbs else ""
        elif info.a_infinitive:
            yield w, words[j], info.verbs[0] if info.verbs else words[j].lower


def _sv(ctx: Context, s: Sentence) -> Iterator[tuple[Word, Word, str]]:
    not_part = ctx.lexicon.extra.get("not_participles", frozenset())
    words = s.words
    for i, w in enumerate(words):
        if w.lower not in _SV_MODALS:
            continue
        j = _next_after(words, i, _SV_BETWEEN)
        if j is None:
            continue
        verb = words[j].lower
        if verb == "ske" or sv_s_passive(ctx, words[j]):
            yield w, words[j], verb[:-1] if verb.endswith("s") else ""
        elif verb == "vara" and j + 1 < len(words):
            part = words[j + 1].lower
            if _SV_PARTICIPLE.search(part) and part not in not_part:
                yield w, words[j + 1], ""


def _en(ctx: Context, s: Sentence) -> Iterator[tuple[Word, Word, str]]:
    irregular = ctx.lexicon.extra.get("irregular_participles", frozenset())
    not_part = ctx.lexicon.extra.get("not_participles", frozenset())
    words = s.words
    for i, w in enumerate(words):
        low = w.lower
        nxt = words[i + 1].lower if i + 1 < len(words) else ""
        if low == "shall" and not (i == 0 and nxt in ("i", "we")):  # "Shall we ...?" offers
            yield w, w, ""
            continue
        # must/should be + participle; is/are/has/needs to be + participle
        j = None
        if low in _EN_MODALS and nxt == "be":
            j = i + 2
        elif low in _EN_TO_BE and nxt == "to" and i + 2 < len(words) and \
                words[i + 2].lower == "be":
            j = i + 3
        if j is None or j >= len(words):
            continue
        part = words[j].lower
        if part in ("not", "also", "always") and j + 1 < len(words):
            j, part = j + 1, words[j + 1].lower
        if part not in not_part and (part in irregular or _EN_PARTICIPLE.fullmatch(part)):
            yield w, words[j], ""


_EXAMPLES = {
    "fi": (("Sinun pitää {verb} ...", "Me ..."), ("Sinun pitää ...", "Me ...")),
    "sv": (("Du ska {verb} ...", "Vi ..."), ("Du ska ...", "Vi ...")),
    "en": (("You must ...", "We will ..."), ("You must ...", "We will ...")),
}
_WHY = "It does not say who must act; the reader may not know it is them."


def _plain_verb(ctx: Context, verb: str) -> str:
    """The plain verb for an official one (toimittaa -> lähettää), else the verb itself."""
    entry = ctx.plain.words.get(verb) if ctx.plain and verb else None
    return entry.plain[0] if entry and " " not in entry.plain[0] else verb


def necessive(ctx: Context) -> Iterator[Finding]:
    yield from list_findings(ctx, RULE, "an official way to say that someone must act")
    listed = [m.span for m in ctx.plain_matches_for(RULE)]
    finder = {"fi": _fi, "sv": _sv, "en": _en}[ctx.lang]
    with_verb, without = _EXAMPLES[ctx.lang]
    for s in ctx.sentences:
        for first, last, verb in finder(ctx, s):
            span = (first.start, last.end)
            if any(a < span[1] and span[0] < b for a, b in listed):
                continue  # "on syytä" is listed: that finding has the plain words
            plain = _plain_verb(ctx, verb)
            examples = tuple(e.format(verb=plain) for e in with_verb) if plain else without
            yield ctx.finding(
                RULE, "warning", s, span,
                _MESSAGE.format(text=ctx.text[span[0]:span[1]]),
                "Say who must do it: " + " or ".join(f'"{e}"' for e in examples),
                Alternative(examples, _WHY),
            )


RULES = [necessive]
