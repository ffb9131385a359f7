"""Word choice: rare words, abbreviations, idioms, two words for one concept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from easyread.model import Finding
from easyread.rules import Context

_ROMAN_RE = re.compile(r"[MDCLXVI]+")  # Roman numerals are the numbers rule's business
_ACRONYM_RE = re.compile(r"(?<![\w\[/])[A-ZÅÄÖ]{2,6}(?![\w\]])")
# Without Voikko, Finnish case and possessive endings stripped before the frequency look-up.
_FI_ENDINGS = sorted(
    [
        "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "na", "nä",
        "n", "t", "a", "ä", "an", "än", "en", "in", "hin", "seen", "iin", "ni", "si", "mme",
        "nne", "nsa", "nsä", "kin", "kaan", "kään", "ko", "kö", "ita", "itä", "ja", "jä",
        "ille", "issa", "issä", "ista", "istä", "illa", "illä", "ilta", "iltä", "iin",
        "ihin",
    ],
    key=len, reverse=True,
)


@lru_cache(maxsize=131072)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency of a word, cached: wordfreq look-ups dominate the checker's time."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, lang))


def _fi_stems(word: str) -> list[str]:
    return [word[: -len(e)] for e in _FI_ENDINGS if word.endswith(e) and len(word) - len(e) >= 3]


def _is_rare(ctx: Context, word: str) -> bool:
    lang, limit = ctx.lang, ctx.thresholds.rare_zipf
    w = word.lower()
    if w in ctx.lexicon.domain_words or zipf(w, lang) >= limit:
        return False
    info = ctx.analyser.word(word)
    if any(b in ctx.lexicon.domain_words or zipf(b, lang) >= limit for b in info.base_forms):
        return False
    if len(info.compound_parts) > 1 and all(zipf(p, lang) >= limit
                                            for p in info.compound_parts):
        return False
    if lang == "fi" and not info.known:
        return not any(zipf(s, lang) >= limit or zipf(s + "a", lang) >= limit
                       for s in _fi_stems(w))
    return True


def rare_word(ctx: Context) -> Iterator[Finding]:
    for s in ctx.sentences:
        for i, w in enumerate(s.words):
            if (w.is_number or len(w.text) <= 2 or ctx.in_glossary(w.start, w.end)
                    or (i > 0 and w.text[0].isupper()) or w.text.isupper()):
                continue  # names and acronyms are other rules' business
            if ctx.in_plain_match(w.start, w.end):
                continue  # an official word: its own finding says what to write instead
            if _is_rare(ctx, w.text):
                yield ctx.finding(
                    "rare-word", "warning", s, (w.start, w.end),
                    f'"{w.text}" is not a common word.',
                    "Use an everyday word, or add the word to the glossary with an explanation.",
                )


def abbreviation(ctx: Context) -> Iterator[Finding]:
    lex = ctx.lexicon
    for s in ctx.sentences:
        for m in lex.abbreviation_re.finditer(s.text):
            yield ctx.finding(
                "abbreviation", "error", s, (s.start + m.start(), s.start + m.end()),
                f'"{m.group()}" is an abbreviation.',
                "Write the words out in full.",
            )
        for m in _ACRONYM_RE.finditer(s.text):
            if m.group() not in lex.acronym_ok and not _ROMAN_RE.fullmatch(m.group()):
                yield ctx.finding(
                    "abbreviation", "error", s, (s.start + m.start(), s.start + m.end()),
                    f'"{m.group()}" is an abbreviation made of letters.',
                    "Write the words out in full.",
                )


def idiom(ctx: Context) -> Iterator[Finding]:
    for s in ctx.sentences:
        for p in ctx.lexicon.idioms:
            for m in p.regex.finditer(s.text):
                yield ctx.finding(
                    "idiom", "warning", s, (s.start + m.start(), s.start + m.end()),
                    f'"{m.group()}" is an idiom or image ({p.message}). '
                    "Readers may take it literally.",
                    "Say what you mean in plain words.",
                )


def same_concept(ctx: Context) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for concept, form, span in ctx.concepts:
        seen = first.setdefault(concept, form)
        if seen != form:
            sentence = next((s for s in ctx.sentences if s.start <= span[0] < s.end), None)
            yield ctx.finding(
                "same-concept", "warning", sentence.text if sentence else form, span,
                f'"{form}" and "{seen}" mean the same thing here.',
                f'Use one word for one thing: keep "{seen}".',
            )


RULES = [rare_word, abbreviation, idiom, same_concept]
