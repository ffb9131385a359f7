"""Grammar: passive voice, negation, person form (talk to the reader as sinä/du/you)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.model import Finding
from easyread.rules import Context
from easyread.text import Sentence, Word

_SV_PARTICIPLE = re.compile(r"(?:ad|at|t|d|en|et|na|ade|ad)$")
# Genitives (kommunens, barnets, kundernas, äpplenas) and words that only end in -s are not
# passive. A verb stem in -n is (lämnas, beräknas): only -rnas/-enas look like genitives.
_SV_NOT_S = ("ss", "ens", "ets", "ns", "us", "is", "os", "ys", "rnas", "enas", "ås", "äs")


def sv_s_passive(ctx: Context, w: Word) -> bool:
    """An -s passive verb form (betalas, lämnas, inges): not a genitive, not a deponent."""
    low = w.lower
    return (len(low) >= 4 and low.endswith("s") and not low.endswith(_SV_NOT_S)
            and low not in ctx.lexicon.extra.get("passive_s_exceptions", frozenset()))
_EN_PARTICIPLE = re.compile(r"[a-z]{2,}(?:ed|en)$")


def _passive_fi(ctx: Context, s: Sentence) -> Iterator[Word]:
    olla = ctx.lexicon.extra.get("olla_forms", frozenset())
    prev = ""
    for w in s.words:
        info = ctx.analyser.word(w.text)
        if info.passive or (info.passive_participle and prev in olla):
            yield w
        prev = w.lower


def _passive_sv(ctx: Context, s: Sentence) -> Iterator[Word]:
    aux = ctx.lexicon.extra.get("participle_aux", frozenset())
    not_part = ctx.lexicon.extra.get("not_participles", frozenset())
    prev = ""
    for i, w in enumerate(s.words):
        low = w.lower
        # -s passive verbs (betalas, görs, skrevs): not the first word, not a deponent or
        # reciprocal verb (finns, hoppas, träffas: exceptions list), not a genitive or name.
        if (
            i > 0 and sv_s_passive(ctx, w) and not w.text[0].isupper()
            and not ctx.in_glossary(w.start, w.end)
        ) or (prev in aux and _SV_PARTICIPLE.search(low) and low not in not_part):
            yield w
        prev = low


def _passive_en(ctx: Context, s: Sentence) -> Iterator[Word]:
    be = ctx.lexicon.extra.get("be_forms", frozenset())
    irregular = ctx.lexicon.extra.get("irregular_participles", frozenset())
    not_part = ctx.lexicon.extra.get("not_participles", frozenset())
    words = s.words
    for i, w in enumerate(words):
        if w.lower not in be:
            continue
        # be-verb + (adverb) + past participle: "is paid", "was not sent", "is often made".
        for nxt in words[i + 1 : i + 3]:
            low = nxt.lower
            if low in not_part:
                break
            if low in irregular or _EN_PARTICIPLE.fullmatch(low):
                yield nxt
                break
            if not low.endswith("ly") and low not in ("not", "also", "never", "always"):
                break


def passive(ctx: Context) -> Iterator[Finding]:
    finder = {"fi": _passive_fi, "sv": _passive_sv, "en": _passive_en}[ctx.lang]
    for s in ctx.sentences:
        for w in finder(ctx, s):
            yield ctx.finding(
                "passive", "warning", s, (w.start, w.end),
                f'"{w.text}" is passive: it does not say who does the thing.',
                "Say who does it: \"The worker pays\" / \"You choose\".",
            )


def negation(ctx: Context) -> Iterator[Finding]:
    negs = ctx.lexicon.negations
    for s in ctx.sentences:
        found = [w for w in s.words if w.lower in negs or w.lower.endswith("n't")]
        if not found:
            continue
        if len(found) >= ctx.thresholds.negations_warn:
            yield ctx.finding(
                "negation", "warning", s, (found[0].start, found[-1].end),
                f"This sentence has {len(found)} negative words. They are hard to follow.",
                "Say it in a positive way: what is true, what you can do.",
            )
        else:
            yield ctx.finding(
                "negation", "info", s, (found[0].start, found[0].end),
                f'"{found[0].text}" is a negative word.',
                "If you can, say it in a positive way.",
            )


def person_form(ctx: Context) -> Iterator[Finding]:
    for s in ctx.sentences:
        for p in ctx.lexicon.person_form:
            for m in p.regex.finditer(s.text):
                yield ctx.finding("person-form", "warning", s,
                                  (s.start + m.start(), s.start + m.end()),
                                  p.message, p.suggestion)
        if ctx.lang == "fi":
            for w in s.words:
                if ctx.analyser.word(w.text).second_plural and w.lower != "te":
                    yield ctx.finding(
                        "person-form", "warning", s, (w.start, w.end),
                        f'"{w.text}" speaks to the reader as "te".',
                        'Talk to the reader as "sinä": "sinä voit".',
                    )


RULES = [passive, negation, person_form]
