"""One place for rule ids, default levels and thresholds.

Thresholds are settings, not dogma (see README.md for where each number comes from).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Thresholds:
    """Numbers the rules compare against. Change them here, nowhere else."""

    words_warn: int = 10
    """Warn when a sentence has more words than this (UK easy read: 10-15 words)."""
    words_error: int = 15
    """Error when a sentence has more words than this."""
    linking_words_warn: int = 2
    """Warn at this many linking words (and, but, because, that...) in one sentence."""
    line_chars_error: int = 60
    """Error when a line as shown is longer than this (Selkokeskus: 55-60 characters)."""
    compound_parts_warn: int = 3
    """Finnish: warn at this many compound parts (Voikko STRUCTURE)."""
    long_word_letters: int = 15
    """Warn when a word has more letters than this."""
    rare_zipf: float = 3.0
    """Warn when a word's Zipf frequency (wordfreq) is below this."""
    negations_warn: int = 2
    """Warn at this many negations in one sentence; one negation is only info."""
    long_number_digits: int = 5
    """Warn on numbers with at least this many digits."""


THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    title: str


_RULE_LIST = [
    Rule("sentence-length", "warning", "Words per sentence (error above the error threshold)"),
    Rule("one-idea", "warning", "One idea per sentence: linking words, nested clauses"),
    Rule("line-length", "error", "Characters per line as shown"),
    Rule("long-word", "warning", "Long words and compounds"),
    Rule("rare-word", "warning", "Rare words (word frequency), not in the glossary"),
    Rule("abbreviation", "error", "Abbreviations"),
    Rule("passive", "warning", "Passive voice"),
    Rule("negation", "warning", "Negations (info at one, warning at two or more)"),
    Rule("numbers", "warning", "Percentages, fractions, Roman numerals, long numbers, dates"),
    Rule("idiom", "warning", "Idioms and metaphors"),
    Rule("same-concept", "warning", "Two words for one concept"),
    Rule("person-form", "warning", "Talk to the reader directly (sinä / du / you)"),
    Rule("official-word", "warning", "Official words and phrases, with plain alternatives"),
    Rule("necessive", "warning", "Obligations that do not say who must act (on haettava)"),
    Rule("condition", "warning", "Official or impersonal conditions (mikäli, tarvittaessa)"),
    Rule("nominalisation", "warning", "Verbs turned into nouns that hide who acts"),
]

RULES: dict[str, Rule] = {r.id: r for r in _RULE_LIST}
"""Every rule id with its default level."""

LANGS = ("fi", "sv", "en")
