"""Verbs turned into nouns that hide who acts: "hakemuksen käsittely kestää", "palvelun
järjestäminen", "laskutus tapahtuu", "handläggningen av ärendet", "processing of your claim".

Many everyday nouns are made from verbs too (harrastus, palvelu, hoito, meeting), so a
verbal noun alone is not flagged; it needs a second sign that an action is hidden. Glossary
terms (palvelutarpeen arviointi) are explained there and are not flagged.
- Finnish: a genitive right before a -minen form (palvelun järjestäminen, tietojen
  luovuttaminen), except the "in doing" form (apua terveyden hoitamisessa); a sentence
  that opens with genitive + verbal noun (Hakemuksen käsittely kestää: with Voikko any noun
  made from a verb, without it -minen, -elu/-ely, -tus/-tys); a verbal noun followed by an
  empty verb (laskutus tapahtuu, hakeminen edellyttää).
  "Tapaaminen" and "asuminen" are everyday nouns and are left alone.
- Swedish: -ning/-ande/-else/-tion + "av" (handläggningen av ärendet); the definite
  -andet/-endet (beviljandet), except everyday nouns (meddelandet, boendet, ärendet); a noun
  with "sker/ske/görs" (kontakt sker, bedömningen görs).
- English: -tion/-sion/-ment/-ance/-ence/-al/-ure/-ery + "of" (provision of aids), a
  sentence-initial -ing noun + "of" (Processing of your claim), and such a noun with an
  empty verb (payment will be made, assessment takes place); everyday nouns excluded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.model import Alternative, Finding
from easyread.rules import Context
from easyread.text import Sentence, Word

RULE = "nominalisation"

_FI_EMPTY_VERBS = frozenset(
    [
        "tapahtuu", "tapahtuvat", "tapahtui", "tapahtuisi", "edellyttää", "edellyttävät",
        "edellytti", "käynnistyy", "käynnistyvät", "toteutuu", "toteutuvat", "kohdistuu",
        "perustuu", "vaatii", "sisältyy",
    ]
)
_FI_EVERYDAY = frozenset(["tapaaminen", "asuminen"])
_FI_IN_DOING = ("misessa", "misessä")
_SV_SUFFIX = re.compile(r"(?:ning|ningen|ningar|ande|andet|ende|endet|else|elsen|tion|tionen)$")
_SV_DEFINITE = re.compile(r"(?:andet|endet)$")
_SV_EVERYDAY = frozenset(
    [
        "meddelande", "meddelandet", "boende", "boendet", "ärende", "ärendet", "utseende",
        "utseendet", "beteende", "beteendet", "leende", "leendet", "förhållande",
        "förhållandet", "anseende", "inflytande", "tidning", "tidningen", "ritning",
        "ritningen", "lägenhet", "följande", "gällande", "kommande", "pågående", "spännande",
        "levande", "liknande", "motsvarande", "avgörande", "station", "stationen", "lektion",
        "lektionen", "mening", "meningen", "kvällen", "morgonen", "början",
    ]
)
_SV_EMPTY = frozenset(["sker", "ske", "skedde", "skett", "görs", "göras", "gjordes", "genomförs",
                       "verkställs", "påbörjas"])
# Before "sker"/"görs" these are not a noun doing the hiding (det sker, ska ske).
_SV_NOT_SUBJECT = frozenset(
    ["det", "vad", "något", "allt", "detta", "som", "den", "inget", "ska", "skall", "kan",
     "måste", "bör", "får", "kommer", "att", "inte", "ej", "också", "även", "ofta", "här"]
)
_EN_SUFFIX = re.compile(r"[a-z]{3,}(?:tion|sion|ment|ance|ence)s?$")
_EN_AL_URE_ERY = frozenset(
    [
        "approval", "withdrawal", "removal", "renewal", "referral", "dismissal", "refusal",
        "disposal", "denial", "appraisal", "reversal", "failure", "closure", "disclosure",
        "expenditure", "delivery", "recovery", "discovery", "departure", "arrival",
    ]
)
_EN_EVERYDAY = frozenset(
    [
        "question", "questions", "station", "nation", "department", "apartment", "government",
        "moment", "comment", "sentence", "science", "difference", "experience", "conference",
        "audience", "instance", "distance", "balance", "chance", "dance", "entrance",
        "advance", "mention", "attention", "vacation", "television", "fiction", "section",
        "evidence", "confidence", "independence", "violence", "silence", "patience",
        "document", "documents", "element", "instrument", "amount", "percent", "student",
    ]
)
_EN_EMPTY = re.compile(
    r"\b(?:made|undertaken|carried out|conducted|effected|performed|occurs?|occurred"
    r"|take[sn]? place|took place|commences?)\b"
)


def _fi(ctx: Context, s: Sentence) -> Iterator[tuple[Word, Word, Word]]:
    """(first word, last word, the verbal noun) of each hidden action."""
    words = s.words
    infos = [ctx.analyser.word(w.text) for w in words]
    for i, (w, info) in enumerate(zip(words, infos, strict=True)):
        if not info.verbal_noun or w.lower in _FI_EVERYDAY:
            continue
        after_genitive = i > 0 and infos[i - 1].genitive
        # "apua terveyden hoitamisessa" (help in doing): the everyday "in doing" form.
        if info.minen_noun and after_genitive and not w.lower.endswith(_FI_IN_DOING):
            yield words[i - 1], w, w  # palvelun järjestäminen
        elif after_genitive and all(x.genitive for x in infos[:i]) and i + 1 < len(words):
            yield words[0], w, w  # Hakemuksen käsittely kestää ...
        elif i + 1 < len(words) and words[i + 1].lower in _FI_EMPTY_VERBS:
            yield w, words[i + 1], w  # laskutus tapahtuu


def _sv(ctx: Context, s: Sentence) -> Iterator[tuple[Word, Word, Word]]:
    words = s.words
    for i, w in enumerate(words):
        low = w.lower
        nxt = words[i + 1].lower if i + 1 < len(words) else ""
        nominal = len(low) > 6 and low not in _SV_EVERYDAY and bool(_SV_SUFFIX.search(low))
        if nominal and nxt == "av":
            yield w, words[i + 1], w  # handläggningen av ärendet
        elif nominal and _SV_DEFINITE.search(low):
            yield w, w, w  # beviljandet
        elif nxt in _SV_EMPTY and low not in _SV_NOT_SUBJECT:
            yield w, words[i + 1], w  # kontakt sker, bedömningen görs


def _en_nominal(w: Word, i: int) -> bool:
    low = w.lower
    if low in _EN_EVERYDAY:
        return False
    return bool(_EN_SUFFIX.fullmatch(low)) or low in _EN_AL_URE_ERY or (
        i == 0 and low.endswith("ing") and len(low) > 6
    )


def _en(ctx: Context, s: Sentence) -> Iterator[tuple[Word, Word, Word]]:
    words = s.words
    for i, w in enumerate(words):
        if not _en_nominal(w, i):
            continue
        if i + 1 < len(words) and words[i + 1].lower == "of":
            yield w, words[i + 1], w  # provision of aids
            continue
        rest = ctx.text[w.end : s.end]
        m = _EN_EMPTY.search(rest)
        if m and len(rest[: m.start()].split()) <= 3:  # payment will be made
            last = next(x for x in words[i + 1 :] if x.start >= w.end + m.start())
            yield w, last, w


_EXAMPLES = {"fi": ("Me ...", "Sinä ..."), "sv": ("Vi ...", "Du ..."), "en": ("We ...", "You ...")}
_WHY = "A verb says who does what; a noun made from a verb hides it."


def nominalisation(ctx: Context) -> Iterator[Finding]:
    finder = {"fi": _fi, "sv": _sv, "en": _en}[ctx.lang]
    for s in ctx.sentences:
        for first, last, noun in finder(ctx, s):
            span = (first.start, last.end)
            if ctx.in_glossary(noun.start, noun.end):
                continue  # bedömningen av servicebehovet: a glossary term, explained there
            if ctx.in_plain_match(noun.start, noun.end):
                continue  # järjestäminen is listed: that finding has the plain words
            text = ctx.text[span[0]:span[1]]
            verbs = ctx.analyser.word(noun.text).verbs if ctx.lang == "fi" else ()
            if verbs:
                message = f'"{text}" turns the verb "{verbs[0]}" into a noun: who does it?'
            else:
                message = f'"{text}" turns a verb into a noun: it does not say who does it.'
            examples = _EXAMPLES[ctx.lang]
            verb = f' "{verbs[0]}"' if verbs else ""
            suggestion = (f"Use the verb{verb} and say who does it: "
                          + ", ".join(f'"{e}"' for e in examples))
            yield ctx.finding(RULE, "warning", s, span, message, suggestion,
                              Alternative(examples, _WHY))


RULES = [nominalisation]
