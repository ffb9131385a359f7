"""Official words and phrases with plain alternatives (data/plain_<lang>.yaml).

The checker's official-language rules report what this list finds, with the plain
alternatives as the suggestion; `easyread check --suggest` lists them with their reasons.

Matching a one-word entry:
- the word as written, or (Finnish with Voikko) one of its base forms; a compound is not
  matched by its last part (päivätoiminta is the name of a service, not "toiminta");
- otherwise, and always for Swedish and English, a form that starts with the entry's `stem`
  and goes on with an ending of the language (below). Finnish endings are many, so any
  ending of up to 7 letters counts; the Finnish default stem is the word without -nen
  (kyseinen -> kysei-), otherwise the word itself. English drops a final e or y from the
  default stem (commence -> commenc-ed). Irregular stems are written in the data.
A phrase matches as written (case-insensitive, any spaces) or by its `pattern`, starting
at the start of a word. Phrases are found first; the words of a phrase are not matched again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from easyread.analysis import Analyser
from easyread.text import Word

OFFICIAL_WORD = "official-word"

# What may follow a stem (one-word entries). Swedish and English endings are few: every form
# is listed in the word index, so matching is one look-up. Finnish endings are many: without
# Voikko (or for a word Voikko does not know) any ending of up to 7 letters counts.
_FI_ENDING = re.compile(r"[a-zåäö]{0,7}")
_ENDINGS = {
    "sv": ("", "a", "e", "n", "t", "r", "s", "en", "et", "er", "ar", "or", "na", "ns", "ts",
           "as", "es", "de", "te", "da", "dd", "tt", "it", "its", "ade", "at", "ad", "ats",
           "ades", "ande", "andet", "ende", "endet", "are", "arna", "erna", "orna", "ens", "ets",
           "ers", "ing", "ingen", "ingar", "ning", "ningen", "ningar", "ningarna", "d"),
    "en": ("", "e", "s", "es", "d", "ed", "ing", "ies", "ied", "ying",
           *(c + e for c in "bdgklmnprt" for e in ("ed", "ing"))),
}


@dataclass(frozen=True)
class PlainEntry:
    """One official word or phrase and what to write instead."""

    official: str
    plain: tuple[str, ...]
    why: str
    rule: str = OFFICIAL_WORD
    """The checker rule that reports it: official-word, necessive or condition."""
    source: str = ""
    """Where the advice comes from (a guide's name and address); empty: the curator's reason."""


@dataclass(frozen=True)
class PlainMatch:
    entry: PlainEntry
    span: tuple[int, int]


class PlainList:
    """The entries of one language, indexed for matching words and phrases fast."""

    def __init__(self, lang: str, entries: Iterable[tuple[PlainEntry, list[str], str]]) -> None:
        self.lang = lang
        self.entries: list[PlainEntry] = []
        self.words: dict[str, PlainEntry] = {}
        """Official words by form: the base form, and for sv/en every stem + ending."""
        self._fi_stems: dict[str, list[tuple[str, PlainEntry]]] = {}
        phrases: list[tuple[PlainEntry, str]] = []
        # Longer phrases first: an alternation takes the first branch that matches, and
        # "jollei muuta ilmene" says more than "jollei".
        for entry, stems, pattern in sorted(entries, key=lambda row: -len(row[0].official)):
            self.entries.append(entry)
            if pattern or " " in entry.official or not entry.official.isalpha():
                phrases.append((entry, pattern or (
                    r"\b" + r"\s+".join(re.escape(w) for w in entry.official.split()) + r"\b"
                )))
                continue
            self.words.setdefault(entry.official, entry)
            for stem in stems or [_default_stem(lang, entry.official)]:
                if lang == "fi":
                    self._fi_stems.setdefault(stem[:3], []).append((stem, entry))
                else:
                    for ending in _ENDINGS[lang]:
                        self.words.setdefault(stem + ending, entry)
        # Phrases start at a word, so they are tried only at word starts, and only those
        # whose pattern can begin with the word's first letter (one alternation per letter).
        self._phrases: dict[str, tuple[re.Pattern[str], list[PlainEntry]]] = {}
        anywhere = [(e, p) for e, p in phrases if _first_letters(p) is None]
        letters = {c for _, p in phrases for c in (_first_letters(p) or ())}
        for c in letters:
            group = [(e, p) for e, p in phrases if c in (_first_letters(p) or ())] + anywhere
            self._phrases[c] = (
                re.compile("|".join(f"(?P<p{i}>{p})" for i, (_, p) in enumerate(group)),
                           re.IGNORECASE),
                [e for e, _ in group],
            )
        self._anywhere = (
            re.compile("|".join(f"(?P<p{i}>{p})" for i, (_, p) in enumerate(anywhere)),
                       re.IGNORECASE),
            [e for e, _ in anywhere],
        ) if anywhere else None

    def entry_for_word(self, word: str, analyser: Analyser) -> PlainEntry | None:
        low = word.lower()
        found = self.words.get(low)
        if found or self.lang != "fi":
            return found
        if analyser.name == "voikko":
            info = analyser.word(word)
            if info.known:
                # Compounds are not matched by their last part: -toiminta in päivätoiminta
                # names a service, and that is the glossary's business.
                for base in info.base_forms:
                    if base in self.words:
                        return self.words[base]
                return None  # Voikko knows the word: its base forms are the whole truth
        for stem, entry in self._fi_stems.get(low[:3], ()):
            if low.startswith(stem) and _FI_ENDING.fullmatch(low, len(stem)):
                return entry
        return None

    def _phrase_at(self, text: str, pos: int, first: str) -> tuple[PlainEntry, int] | None:
        found = self._phrases.get(first) or self._anywhere
        if found is None:
            return None
        regex, entries = found
        m = regex.match(text, pos)
        if m and m.lastgroup and m.end() > pos:
            return entries[int(m.lastgroup[1:])], m.end()
        return None

    def find(self, text: str, offset: int, words: list[Word], analyser: Analyser
             ) -> list[PlainMatch]:
        """Official words and phrases in one sentence (`text` starts at `offset`)."""
        out: list[PlainMatch] = []
        end = 0
        for w in words:
            pos = w.start - offset
            if pos < end:
                continue  # inside a phrase already found
            phrase = self._phrase_at(text, pos, w.lower[:1])
            if phrase is not None:
                out.append(PlainMatch(phrase[0], (w.start, offset + phrase[1])))
                end = phrase[1]
                continue
            if w.is_number:
                continue
            entry = self.entry_for_word(w.text, analyser)
            if entry is not None:
                out.append(PlainMatch(entry, (w.start, w.end)))
        return out


def _first_letters(pattern: str) -> frozenset[str] | None:
    """The lower-case letters a phrase pattern can start with, or None when that is not
    plain to see (then the phrase is tried at every word). Reads the forms the data uses:
    \\b, ^ and lookbehinds before a word, a letter, or a (?:...|...) group of such, and
    top-level alternatives."""
    branches = _split_top(pattern)
    if len(branches) > 1:
        letters: set[str] = set()
        for branch in branches:
            found = _first_letters(branch)
            if found is None:
                return None
            letters |= found
        return frozenset(letters)
    p = pattern
    while True:
        if p.startswith(("\\b", "\\s")):
            p = p[2:]
        elif p.startswith("^"):
            p = p[1:]
        elif p.startswith(("(?<=", "(?<!")):
            close = _group_end(p)
            if close is None:
                return None
            p = p[close + 1:]
        else:
            break
    if p[:1].isalpha():
        return frozenset(p[0].lower())
    if p.startswith(("(?:", "(?P<")):
        close = _group_end(p)
        if close is None or p[close + 1:close + 2] in ("?", "*"):
            return None  # an optional group: the phrase can start after it
        inner = p[3:close] if p.startswith("(?:") else p[p.index(">") + 1:close]
        return _first_letters(inner)
    return None


def _group_end(p: str) -> int | None:
    """Index of the parenthesis that closes the group opening at p[0]."""
    depth, i = 0, 0
    while i < len(p):
        if p[i] == "\\":
            i += 2
            continue
        if p[i] == "[":
            i = p.index("]", i + 1) + 1 if "]" in p[i + 1:] else len(p)
            continue
        depth += p[i] == "("
        depth -= p[i] == ")"
        if depth == 0:
            return i
        i += 1
    return None


def _split_top(p: str) -> list[str]:
    """A pattern split at the | that are not inside a group or a character class."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(p):
        if p[i] == "\\":
            i += 2
            continue
        if p[i] == "[":
            i = p.index("]", i + 1) + 1 if "]" in p[i + 1:] else len(p)
            continue
        depth += p[i] == "("
        depth -= p[i] == ")"
        if p[i] == "|" and depth == 0:
            parts.append(p[start:i])
            start = i + 1
        i += 1
    return [*parts, p[start:]]


def _default_stem(lang: str, word: str) -> str:
    if lang == "fi":
        return word[:-3] if word.endswith("nen") else word
    if lang == "en" and len(word) > 4 and word[-1] in "ey":
        return word[:-1]
    return word


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).lower() for v in value]
    return [str(value).lower()]


@lru_cache(maxsize=8)
def plain_list(lang: str) -> PlainList:
    """The official words and phrases of a language ("fi", "sv", "en"), loaded once."""
    import yaml

    raw = resources.files("easyread").joinpath(f"data/plain_{lang}.yaml").read_text("utf-8")
    data = yaml.safe_load(raw)
    sources = {str(k): str(v) for k, v in (data.get("sources") or {}).items()}
    rows = []
    for d in data["entries"]:
        source = str(d.get("source") or "")
        if source and source not in sources:
            raise ValueError(f"plain_{lang}.yaml: {d['official']!r} names unknown source "
                             f"{source!r}")
        entry = PlainEntry(
            official=str(d["official"]).lower(),
            plain=tuple(str(p) for p in d["plain"]),
            why=str(d["why"]),
            rule=str(d.get("rule") or OFFICIAL_WORD),
            source=sources.get(source, ""),
        )
        rows.append((entry, _as_list(d.get("stem")), str(d.get("pattern") or "")))
    return PlainList(lang, rows)


def alternatives_text(entry: PlainEntry) -> str:
    """The plain alternatives as a writer reads them: 'heti' or 'lähettää' / 'tuoda'."""
    return " / ".join(f'"{p}"' for p in entry.plain)
