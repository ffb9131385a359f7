"""Sentence length, one idea per sentence, line length, long words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from easyread.model import Finding
from easyread.rules import Context
from easyread.settings import Level
from easyread.text import Sentence, Word


def sentence_length(ctx: Context) -> Iterator[Finding]:
    t = ctx.thresholds
    for s in ctx.sentences:
        n = len(s.words)
        level: Level
        if n > t.words_error:
            level = "error"
        elif n > t.words_warn:
            level = "warning"
        else:
            continue
        yield ctx.finding(
            "sentence-length", level, s, (s.start, s.end),
            f"This sentence has {n} words. Easy read: at most {t.words_warn} words, "
            f"never more than {t.words_error}.",
            "Split it into two or more short sentences.",
        )


def _links(ctx: Context, s: Sentence) -> list[Word]:
    """Words that join clauses: linking words, and clause words right after a comma."""
    lex = ctx.lexicon
    pronouns = lex.extra.get("subject_pronouns", frozenset())
    only_before_pronoun = lex.extra.get("link_only_before_pronoun", frozenset())
    clause_words = lex.relative_pronouns | lex.extra.get("clause_words", frozenset())
    link_after = lex.extra.get("link_after_words", frozenset())
    # sv "om" right after the subject ("pratar vi om det", "tycker du om de") is the
    # preposition "about", not the conjunction "if".
    not_after_pronoun = lex.extra.get("preposition_after_pronoun", frozenset())
    out: list[Word] = []
    for i, w in enumerate(s.words):
        low = w.lower
        nxt = s.words[i + 1].lower if i + 1 < len(s.words) else ""
        prev = s.words[i - 1].lower if i > 0 else ""
        after_comma = i > 0 and "," in ctx.text[s.words[i - 1].end : w.start]
        if low in not_after_pronoun and prev in pronouns:
            continue
        if low in only_before_pronoun:
            # sv "att", "om", en "that": a conjunction only before a subject (att du, om det)
            # or after "för"/"so" (för att, so that); "att vara" and "tycka om" are not links.
            if nxt in pronouns or after_comma or prev in link_after:
                out.append(w)
        elif (low in lex.linking_words or (after_comma and low in clause_words)
              or (i > 0 and low in lex.relative_pronouns)):
            # Relative pronouns count anywhere but first (first, they ask a question).
            out.append(w)
    return out


def one_idea(ctx: Context) -> Iterator[Finding]:
    lex = ctx.lexicon
    nested_re = re.compile(
        r",\s*(?:" + "|".join(sorted(lex.relative_pronouns)) + r")\b[^,.!?]*,\s*\w",
        re.IGNORECASE,
    )
    for s in ctx.sentences:
        links = _links(ctx, s)
        # A clause inside a clause: ", which ... ," with words after the second comma.
        nested = nested_re.search(s.text)
        if len(links) >= ctx.thresholds.linking_words_warn:
            words = ", ".join(f'"{w.text}"' for w in links)
            yield ctx.finding(
                "one-idea", "warning", s, (s.start, s.end),
                f"This sentence joins several ideas ({words}).",
                "Write one idea per sentence.",
            )
        elif nested:
            yield ctx.finding(
                "one-idea", "warning", s, (s.start + nested.start(), s.start + nested.end()),
                "This sentence has a clause inside another clause.",
                "Write one idea per sentence. Put the extra part in its own sentence.",
            )


def _blank_run_len(cleaned: str, line: str) -> int:
    """Characters not shown as their own cell: markup and control characters (blank in the
    cleaned text), joiners, variation selectors, combining marks and skin-tone modifiers."""
    hidden, prev = 0, ""
    for a, b in zip(cleaned, line, strict=False):
        if ((a == " " and b != " ") or unicodedata.category(b) in ("Mn", "Me", "Cf")
                or 0x1F3FB <= ord(b) <= 0x1F3FF or 0xFE00 <= ord(b) <= 0xFE0F
                or prev == "\u200d"):  # the part after a zero-width joiner joins the emoji
            hidden += 1
        prev = b
    return hidden


def line_length(ctx: Context) -> Iterator[Finding]:
    limit = ctx.thresholds.line_chars_error
    for start in ctx.line_starts:
        end = ctx.text.find("\n", start)
        end = len(ctx.text) if end == -1 else end
        line = (ctx.original or ctx.text)[start:end].rstrip("\r")
        # Shown length: markup tags are blanked in ctx.text, so count what is left.
        shown = len(line) - _blank_run_len(ctx.text[start:end], line)
        if shown > limit:
            yield ctx.finding(
                "line-length", "error", line, (start, end),
                f"This line has {shown} characters. Easy read: at most {limit}.",
                "Break the line between two sentences or between word groups.",
            )


def long_word(ctx: Context) -> Iterator[Finding]:
    t = ctx.thresholds
    for s in ctx.sentences:
        for w in s.words:
            if w.is_number or ctx.in_glossary(w.start, w.end):
                continue
            letters = sum(c.isalpha() for c in w.text)
            info = ctx.analyser.word(w.text) if ctx.lang == "fi" else None
            parts = info.compound_parts if info else ()
            if len(parts) >= t.compound_parts_warn:
                msg = f'"{w.text}" is made of {len(parts)} words ({" + ".join(parts)}).'
            elif letters > t.long_word_letters:
                msg = f'"{w.text}" is a long word ({letters} letters).'
            else:
                continue
            if info and info.syllables:
                msg += f" It has {info.syllables} syllables."
            yield ctx.finding(
                "long-word", "warning", s, (w.start, w.end), msg,
                "Use a shorter, everyday word, or explain it in the glossary.",
            )


RULES = [sentence_length, one_idea, line_length, long_word]
