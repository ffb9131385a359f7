"""Split a text into lines, sentences and words, keeping character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

# A word: letters, with inner hyphens or apostrophes (e-mail, don't), or a number.
# Emoji and punctuation are not words.
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:/]\d+)*")
_END_RE = re.compile(r"[.!?…]+[\"')\]»”]*(?=\s|$)")
_LOWER_START_RE = re.compile(r"[ \t]*[a-zåäöüé]")  # not \s*: quadratic on many newlines
_LAST_TOKEN_RE = re.compile(r"\S+$")


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int

    @cached_property
    def lower(self) -> str:
        """Computed once: the rules ask for it many times per word."""
        return self.text.lower()

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()


@dataclass
class Sentence:
    text: str
    start: int
    end: int
    words: list[Word] = field(default_factory=list)


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, c in enumerate(text) if c == "\n")
    return starts


def line_of(starts: list[int], offset: int) -> int:
    """1-based line number of a character offset."""
    lo, hi = 0, len(starts)
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid
    return lo + 1


def words_in(text: str, offset: int = 0) -> list[Word]:
    return [Word(m.group(), m.start() + offset, m.end() + offset) for m in WORD_RE.finditer(text)]


def _cut_points(text: str, abbreviations: frozenset[str]) -> list[int]:
    cuts: list[int] = []
    for m in _END_RE.finditer(text):
        if m.group().startswith(".") and len(m.group()) == 1:
            before = _LAST_TOKEN_RE.search(text, max(0, m.start() - 40), m.start())
            token = (before.group() + ".").lower() if before else ""
            if token in abbreviations or re.fullmatch(r"\d+\.", token):
                continue
        cuts.append(m.end())
    # A line break ends a sentence unless the next line goes on in lower case.
    for m in re.finditer(r"\n", text):
        if not _LOWER_START_RE.match(text, m.end()) or text[m.end():m.end() + 1] == "\n":
            cuts.append(m.start())
    return sorted(set(cuts))


def sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Sentence]:
    """Sentences with offsets; abbreviations like "esim." or "t. ex." do not end a sentence."""
    abbreviations = abbreviations | {a.split()[0] for a in abbreviations if " " in a}
    out: list[Sentence] = []
    prev = 0
    for cut in [*_cut_points(text, abbreviations), len(text)]:
        chunk = text[prev:cut]
        stripped = chunk.strip()
        if stripped:
            start = prev + (len(chunk) - len(chunk.lstrip()))
            words = words_in(stripped, start)
            out.append(Sentence(stripped, start, start + len(stripped), words))
        prev = cut
    return out
