"""Conditions said officially or without a person: "mikäli katsotaan", "jollei muuta
ilmene", "tarvittaessa", "om inte annat anges", "should you require", "if not completed".

Fixed words and phrases (mikäli, jollei, såvida, in the event of) come from the
plain-alternatives list. The grammar part:
- Finnish: a clause equivalent that stands for a "jos/kun" clause (tarvittaessa, oikeuden
  päättyessä, päätöksen saatuasi; Selkokeskus: avoid clause equivalents), except the time
  words "mennessä" and "kuluessa" ("loppuun mennessä" means "by"); and "jos/kun/mikäli"
  with a passive verb in the same clause (jos hakemus katsotaan puutteelliseksi): who
  judges? (Kotus, Virkakielitesti: "Jos saatavaa ei makseta ..." is its example to avoid.)
- Swedish: a statement that opens with "Skulle" (Skulle behovet förändras, ...; not a
  question: "Skulle du vilja ...?"), and
  "om/när" with an -s passive in the same clause, except verbs whose -s form means that
  something changes by itself (om något ändras: lexicon `mediopassive`).
- English: a statement that opens with "Should" + a subject (Should you require help), and a
  condition word with a bare past participle and no subject (if not completed, once approved).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.model import Alternative, Finding
from easyread.rules import Context
from easyread.rules.grammar import sv_s_passive
from easyread.rules.official import list_findings
from easyread.text import Sentence, Word

RULE = "condition"
_FI_IF = frozenset(["jos", "kun", "mikäli", "jollei", "ellei"])
# "loppuun mennessä" (by), "30 päivän kuluessa" (within): time words, not hidden clauses.
_FI_NOT_CLAUSE_EQUIVALENT = frozenset(["mennessä", "kuluessa"])
_SV_IF = frozenset(["om", "när", "ifall", "såvida"])
_EN_IF = frozenset(["if", "unless", "once", "until", "when", "where", "whether"])
_EN_PARTICIPLE = re.compile(r"[a-z]{2,}(?:ed|en)$")
_EN_SHOULD_SUBJECT = frozenset(["you", "the", "your", "any", "a", "an", "this", "there", "we"])
_CLAUSE_WORDS = 4
"""How far after "jos"/"om" a passive verb still belongs to the condition."""


def _same_clause(ctx: Context, words: list[Word], i: int) -> list[Word]:
    """The words after position i up to the next comma, at most _CLAUSE_WORDS of them."""
    out: list[Word] = []
    for w in words[i + 1 : i + 1 + _CLAUSE_WORDS]:
        if "," in ctx.text[out[-1].end if out else words[i].end : w.start]:
            break
        out.append(w)
    return out


def _question(s: Sentence) -> bool:
    """ "Skulle du vilja ...?" and "Should we ...?" ask something; they set no condition."""
    return s.text.rstrip().endswith("?")


def _fi(ctx: Context, s: Sentence) -> Iterator[tuple[Word, Word, str]]:
    words = s.words
    for i, w in enumerate(words):
        if w.lower in _FI_IF:
            for nxt in _same_clause(ctx, words, i):
                if ctx.analyser.word(nxt.text).passive:
                    yield w, nxt, "passive"
                    break
        elif w.lower not in _FI_NOT_CLAUSE_EQUIVALENT and \
                ctx.analyser.word(w.text).clause_equivalent:
            yield w, w, "clause-equivalent"


def _sv(ctx: Context, s: Sentence) -> Iterator[tuple[Word, Word, str]]:
    words = s.words
    changes = ctx.lexicon.extra.get("mediopassive", frozenset())
    if len(words) > 1 and words[0].lower == "skulle" and not _question(s):
        yield words[0], words[1], "inverted"
    for i, w in enumerate(words):
        if w.lower not in _SV_IF:
            continue
        for nxt in _same_clause(ctx, words, i):
            if sv_s_passive(ctx, nxt) and nxt.lower not in changes:
                yield w, nxt, "passive"
                break


def _en(ctx: Context, s: Sentence) -> Iterator[tuple[Word, Word, str]]:
    words = s.words
    irregular = ctx.lexicon.extra.get("irregular_participles", frozenset())
    not_part = ctx.lexicon.extra.get("not_participles", frozenset())
    if len(words) > 1 and words[0].lower == "should" and words[1].lower in _EN_SHOULD_SUBJECT \
            and not _question(s):
        yield words[0], words[1], "inverted"
    for i, w in enumerate(words[:-1]):
        if w.lower not in _EN_IF:
            continue
        j = i + 2 if words[i + 1].lower == "not" and i + 2 < len(words) else i + 1
        part = words[j].lower
        if part not in not_part and (part in irregular or _EN_PARTICIPLE.fullmatch(part)):
            yield w, words[j], "participle"


_MESSAGES = {
    "passive": '"{text}" is a condition in the passive: it does not say who decides.',
    "clause-equivalent": '"{text}" hides a whole "if" or "when" sentence in one word.',
    "inverted": '"{text}" starts an official condition.',
    "participle": '"{text}" is a condition without a person in it.',
}
_EXAMPLES = {
    "fi": ("jos", "Jos sinä tarvitset apua, ..."),
    "sv": ("om", "Om du behöver hjälp, ..."),
    "en": ("if", "If you need help, ..."),
}
_WHY = "A condition should say who does what: the reader must know if it is about them."


def condition(ctx: Context) -> Iterator[Finding]:
    yield from list_findings(ctx, RULE, "an official condition")
    listed = [m.span for m in ctx.plain_matches_for(RULE)]
    finder = {"fi": _fi, "sv": _sv, "en": _en}[ctx.lang]
    word, example = _EXAMPLES[ctx.lang]
    suggestion = f'Write "{word}" and say who: "{example}"'
    for s in ctx.sentences:
        for first, last, kind in finder(ctx, s):
            span = (first.start, last.end)
            if any(a < span[1] and span[0] < b for a, b in listed) or (
                kind == "clause-equivalent" and ctx.in_plain_match(first.start, first.end)
            ):
                continue  # "mikäli", "tarvittaessa" are listed: that finding has the plain word
            yield ctx.finding(
                RULE, "warning", s, span,
                _MESSAGES[kind].format(text=ctx.text[span[0]:span[1]]), suggestion,
                Alternative((example,), _WHY),
            )


RULES = [condition]
