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
at the start of a word.
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

# What may follow a stem (one-word entries without Voikko; always for sv and en).
_ENDINGS = {
    "fi": re.compile(r"[a-zåäö]{0,7}"),
    "sv": re.compile(
        r"(?:|a|e|n|t|r|s|en|et|er|ar|or|na|ns|ts|as|es|de|te|da|dd|tt|it|its|ade|at|ad|ats"
        r"|ades|ande|andet|ende|endet|are|arna|erna|orna|ens|ets|ers|ing|ingen|ingar|ning"
        r"|ningen|ningar|ningarna|d|ts|ts)"
    ),
    "en": re.compile(r"(?:|e|s|es|d|ed|ing|ies|ied|ying|[bdgklmnprt](?:ed|ing))"),
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
        self._stems: dict[str, list[tuple[str, PlainEntry]]] = {}
        phrase_parts: list[str] = []
        self._phrases: list[PlainEntry] = []
        # Longer phrases first: the alternation takes the first branch that matches, and
        # "jollei muuta ilmene" says more than "jollei".
        rows = sorted(entries, key=lambda row: -len(row[0].official))
        for entry, stems, pattern in rows:
            self.entries.append(entry)
            if pattern or " " in entry.official or not entry.official.isalpha():
                regex = pattern or (
                    r"\b" + r"\s+".join(re.escape(w) for w in entry.official.split()) + r"\b"
                )
                phrase_parts.append(f"(?P<p{len(self._phrases)}>{regex})")
                self._phrases.append(entry)
                continue
            self.words.setdefault(entry.official, entry)
            for stem in stems or [_default_stem(lang, entry.official)]:
                self._stems.setdefault(stem[:3], []).append((stem, entry))
        # One alternation for all phrases: one regex search per sentence, not one per entry.
        self._phrase_re = re.compile("|".join(phrase_parts), re.IGNORECASE) if phrase_parts \
            else None

    def entry_for_word(self, word: str, analyser: Analyser) -> PlainEntry | None:
        low = word.lower()
        found = self.words.get(low)
        if found:
            return found
        if self.lang == "fi" and analyser.name == "voikko":
            info = analyser.word(word)
            if info.known:
                # Compounds are not matched by their last part: -toiminta in päivätoiminta
                # names a service, and that is the glossary's business.
                for base in info.base_forms:
                    if base in self.words:
                        return self.words[base]
                return None  # Voikko knows the word: its base forms are the whole truth
        ending = _ENDINGS[self.lang]
        for stem, entry in self._stems.get(low[:3], ()):
            if low.startswith(stem) and ending.fullmatch(low, len(stem)):
                return entry
        return None

    def find(self, text: str, offset: int, words: list[Word], analyser: Analyser
             ) -> list[PlainMatch]:
        """Official words and phrases in one sentence (`text` starts at `offset`)."""
        out: list[PlainMatch] = []
        if self._phrase_re is not None:
            # Phrases start at a word: trying only there is several times faster than a
            # search that tries every alternative at every character.
            end = 0
            for w in words:
                pos = w.start - offset
                if pos < end:
                    continue
                m = self._phrase_re.match(text, pos)
                if m and m.lastgroup and m.end() > pos:
                    phrase = self._phrases[int(m.lastgroup[1:])]
                    out.append(PlainMatch(phrase, (offset + pos, offset + m.end())))
                    end = m.end()
        taken = [m.span for m in out]
        for w in words:
            if w.is_number or any(a <= w.start < b for a, b in taken):
                continue
            entry = self.entry_for_word(w.text, analyser)
            if entry is not None:
                out.append(PlainMatch(entry, (w.start, w.end)))
        out.sort(key=lambda m: m.span)
        return out


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
