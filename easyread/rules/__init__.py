"""Rule families. Each rule function takes a `Context` and yields `Finding`s."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from easyread.analysis import Analyser
from easyread.lexicon import Lexicon
from easyread.model import Alternative, Finding
from easyread.plain import PlainList, PlainMatch
from easyread.settings import Level, Thresholds
from easyread.text import Sentence, line_of


@dataclass
class Context:
    text: str
    lang: str
    sentences: list[Sentence]
    analyser: Analyser
    lexicon: Lexicon
    thresholds: Thresholds
    line_starts: list[int]
    glossary_spans: list[tuple[int, int]]
    concepts: list[tuple[str, str, tuple[int, int]]]
    """(concept, matched form, span) for every glossary word in the text."""
    original: str = ""
    """The text as given (`text` has markup tags and control characters blanked out)."""
    plain: PlainList | None = None
    """Official words and phrases of the language, with plain alternatives."""
    plain_matches: list[PlainMatch] = field(default_factory=list)
    """Every official word or phrase in the text, in order (found once, used by four rules)."""

    def __post_init__(self) -> None:
        self._plain_starts = [m.span[0] for m in self.plain_matches]
        self.sentence_starts = [s.start for s in self.sentences]

    def in_plain_match(self, start: int, end: int) -> bool:
        """Inside an official word or phrase that a rule already reports with a suggestion."""
        i = bisect_right(self._plain_starts, start) - 1
        return i >= 0 and start < self.plain_matches[i].span[1] and end > start

    def plain_matches_for(self, rule: str) -> list[PlainMatch]:
        return [m for m in self.plain_matches if m.entry.rule == rule]

    def in_glossary(self, start: int, end: int) -> bool:
        # Spans are sorted and do not overlap: only the last one starting before `start` counts.
        i = bisect_right(self.glossary_spans, (start, len(self.text) + 1)) - 1
        return i >= 0 and self.glossary_spans[i][0] <= start and end <= self.glossary_spans[i][1]

    def finding(
        self,
        rule: str,
        level: Level,
        sentence: Sentence | str,
        span: tuple[int, int],
        message: str,
        suggestion: str = "",
        alternative: Alternative | None = None,
    ) -> Finding:
        text = sentence.text if isinstance(sentence, Sentence) else sentence
        return Finding(rule, level, text, span, line_of(self.line_starts, span[0]), message,
                       suggestion, alternative=alternative)


RuleFn = Callable[[Context], Iterator[Finding]]


def all_rules() -> list[RuleFn]:
    from easyread.rules import (
        conditions,
        grammar,
        length,
        necessive,
        nominalisation,
        numbers,
        official,
        vocabulary,
    )

    return [*length.RULES, *vocabulary.RULES, *grammar.RULES, *numbers.RULES,
            *official.RULES, *necessive.RULES, *conditions.RULES, *nominalisation.RULES]
