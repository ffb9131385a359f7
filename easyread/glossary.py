"""Glossary: hard domain words with an easy explanation and a symbol, per language.

Used by the UI ("What does this word mean?") and by the checker, which does not flag a word
the glossary explains. Finnish inflected forms are matched through Voikko base forms, or
without Voikko by a shared-prefix rule (see `_same_word`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from easyread.analysis import Analyser, get_analyser
from easyread.text import Word, words_in


@dataclass(frozen=True)
class GlossaryEntry:
    concept: str
    """Language-independent id of the concept, e.g. "support-plan"."""
    term: str
    """The word to use."""
    explanation: str
    """A short easy-read explanation."""
    symbol: str
    synonyms: tuple[str, ...] = ()
    """Other words for the same concept (the checker warns when two appear together)."""
    lang: str = "fi"


@dataclass(frozen=True)
class TermMatch:
    entry: GlossaryEntry
    form: str
    """Which of the entry's forms (term or synonym) matched."""
    span: tuple[int, int]


@lru_cache(maxsize=8)
def entries(lang: str) -> tuple[GlossaryEntry, ...]:
    """All glossary entries for a language ("fi", "sv", "en")."""
    import yaml

    raw = resources.files("easyread").joinpath(f"data/glossary_{lang}.yaml").read_text("utf-8")
    return tuple(
        GlossaryEntry(
            concept=str(d["concept"]),
            term=str(d["term"]),
            explanation=str(d["explanation"]),
            symbol=str(d.get("symbol", "")),
            synonyms=tuple(str(s) for s in d.get("synonyms") or ()),
            lang=lang,
        )
        for d in yaml.safe_load(raw)
    )


def _same_word(token: str, form: str) -> bool:
    """Without a base form: same word when they share a long prefix (budjetti ~ budjetin)."""
    if token == form:
        return True
    n = 0
    for a, b in zip(token, form, strict=False):
        if a != b:
            break
        n += 1
    if token[n:].startswith(_DERIVATIONS):
        return False  # a word made from it (handläggare ~ handläggning) is another word
    return n >= max(4, len(form) - 3) and len(token) <= len(form) + 6


#: Endings that make a new word rather than an inflected form: a shared prefix followed by
#: one of these is not the glossary word (sv -ning/-else, fi -minen, en -tion/-ment).
_DERIVATIONS = ("ning", "else", "minen", "tion", "ment")


def _forms(analyser: Analyser, word: str) -> frozenset[str]:
    return frozenset((word.lower(), *analyser.word(word).base_forms))


def _matches(analyser: Analyser, tokens: list[Word], i: int, form_words: list[str]) -> bool:
    if i + len(form_words) > len(tokens):
        return False
    for tok, fw in zip(tokens[i : i + len(form_words)], form_words, strict=True):
        tok_forms = _forms(analyser, tok.text)
        want = _forms(analyser, fw)
        if tok_forms & want:
            continue
        if not any(_same_word(t, w) for t in tok_forms for w in want):
            return False
    return True


@lru_cache(maxsize=8)
def _forms_by_start(lang: str, analyser_name: str) -> dict[str, list[tuple[GlossaryEntry, str]]]:
    """Entry forms keyed by their first two letters, longest first: a cheap first filter."""
    out: dict[str, list[tuple[GlossaryEntry, str]]] = {}
    for e in entries(lang):
        for f in (e.term, *e.synonyms):
            out.setdefault(f[:2].lower(), []).append((e, f))
    for forms in out.values():
        forms.sort(key=lambda x: -len(x[1].split()))
    return out


def find_terms(text: str, lang: str, analyser: Analyser | None = None) -> list[TermMatch]:
    """Every glossary term or synonym in the text, longest match first at each place."""
    analyser = analyser or get_analyser(lang)
    tokens = words_in(text)
    by_start = _forms_by_start(lang, analyser.name)
    out: list[TermMatch] = []
    i = 0
    while i < len(tokens):
        for entry, form in by_start.get(tokens[i].text[:2].lower(), ()):
            fwords = form.split()
            if _matches(analyser, tokens, i, fwords):
                end = tokens[i + len(fwords) - 1].end
                out.append(TermMatch(entry, form, (tokens[i].start, end)))
                i += len(fwords)
                break
        else:
            i += 1
    return out


def terms_in(text: str, lang: str) -> list[GlossaryEntry]:
    """Glossary entries for the hard words in a text, each once, in order of appearance."""
    seen: dict[str, GlossaryEntry] = {}
    for m in find_terms(text, lang):
        seen.setdefault(m.entry.concept, m.entry)
    return list(seen.values())


def explain(word: str, lang: str) -> GlossaryEntry | None:
    """The entry for a word or phrase, also in an inflected form ("tukisuunnitelmaan")."""
    found = find_terms(word, lang)
    return found[0].entry if found else None
