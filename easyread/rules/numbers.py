"""Numbers: percentages, fractions, Roman numerals, long numbers, dates in numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.model import Finding
from easyread.rules import Context

_CHECKS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"\d+(?:[.,]\d+)?\s?%|\b(?:prosentt\w*|procent\w*|per ?cent\w*)\b", re.I),
     "A percentage is hard to understand.", 'Say "half", "most" or "3 of 10 people".'),
    (re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"),
     "A date written in numbers.", 'Write the date in full: "6 June 2023".'),
    (re.compile(r"(?<![\d/])(?!24/7)\d+/\d+(?![\d/])|[½⅓¼¾⅔]"),
     "A fraction is hard to understand.", 'Say "half" or "1 of 3".'),
    (re.compile(r"\b(?=[MDCLXVI]{2,}\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b"),
     "A Roman numeral.", "Use ordinary numbers: 1, 2, 3."),
    (re.compile(r"\b\d+,\d+\b"), "A decimal number is hard to understand.",
     "Round the number."),
]


def numbers(ctx: Context) -> Iterator[Finding]:
    checks = [*_CHECKS]
    for s in ctx.sentences:
        taken: list[tuple[int, int]] = []
        for regex, message, suggestion in checks:
            for m in regex.finditer(s.text):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                yield ctx.finding("numbers", "warning", s,
                                  (s.start + m.start(), s.start + m.end()), message, suggestion)

        for m in _GROUPED_NUMBER.finditer(s.text):
            digits = sum(c.isdigit() for c in m.group())
            if digits >= ctx.thresholds.long_number_digits and not any(
                a <= m.start() < b for a, b in taken
            ):
                yield ctx.finding("numbers", "warning", s,
                                  (s.start + m.start(), s.start + m.end()),
                                  "A long number is hard to read.",
                                  'Round it or say it in words: "about 1 million".')


# 12345, or digits grouped by thousands with a (non-breaking) space: 1 000 000.
_GROUPED_NUMBER = re.compile(r"\b\d{1,3}(?:[ \u00a0]\d{3})+\b|\b\d+\b")

RULES = [numbers]
