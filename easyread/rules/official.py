"""Official words and phrases from the plain-alternatives list (data/plain_<lang>.yaml).

The list finds the register that is common enough to pass the word-frequency test
(menettely, viipymättä, i enlighet med, in accordance with). Each entry names the rule that
reports it: this module reports `official-word` entries and offers the helpers the
necessive and condition rules use for theirs.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from easyread.model import Alternative, Finding
from easyread.plain import OFFICIAL_WORD, PlainEntry, PlainMatch, alternatives_text
from easyread.rules import Context
from easyread.text import Sentence


def alternative(entry: PlainEntry) -> Alternative:
    return Alternative(entry.plain, entry.why, entry.source)


def sentence_at(ctx: Context, offset: int) -> Sentence | None:
    i = bisect_right(ctx.sentence_starts, offset) - 1
    return ctx.sentences[i] if i >= 0 and offset < ctx.sentences[i].end else None


def list_findings(ctx: Context, rule: str, what: str) -> Iterator[Finding]:
    """One finding per list match reported by `rule`; `what` names the kind in the message."""
    for m in ctx.plain_matches_for(rule):
        yield list_finding(ctx, rule, m, what)


def list_finding(ctx: Context, rule: str, m: PlainMatch, what: str) -> Finding:
    s = sentence_at(ctx, m.span[0])
    shown = ctx.text[m.span[0]:m.span[1]]
    return ctx.finding(
        rule, "warning", s or shown, m.span,
        f'"{shown}" is {what}. {m.entry.why}',
        f"Write {alternatives_text(m.entry)}.",
        alternative(m.entry),
    )


def official_word(ctx: Context) -> Iterator[Finding]:
    yield from list_findings(ctx, OFFICIAL_WORD, "official language")


RULES = [official_word]
