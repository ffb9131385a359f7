"""The checker: run every rule on a text and build the report."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Mapping

from easyread.analysis import Analyser, get_analyser
from easyread.glossary import find_terms
from easyread.lexicon import lexicon
from easyread.lix import lix
from easyread.model import Report
from easyread.plain import PlainList, PlainMatch, plain_list
from easyread.rules import Context, all_rules
from easyread.settings import LANGS, THRESHOLDS, Thresholds
from easyread.text import Sentence, line_starts, sentences

VOIKKO_MISSING_NOTE = "Voikko not available: simpler rules used."


class UnsupportedLanguage(ValueError):
    """The language is not one the checker knows."""


# Rich-style markup tags ([bold], [/], [link=...]) are not shown to the reader.
MARKUP_RE = re.compile(r"\[/?(?:[a-z_@#][\w#@]*(?:[ =][^\[\]\n]*)?)?\]")


def _clean(text: str) -> str:
    """Control characters (except newline and tab) and markup tags become spaces.

    Offsets stay the same, so findings point into the original text.
    """
    text = "".join(
        " " if unicodedata.category(c) == "Cc" and c not in "\n\t" else c for c in text
    )
    return MARKUP_RE.sub(lambda m: " " * len(m.group()), text)


def _official_words(sents: list[Sentence], plain: PlainList, analyser: Analyser,
                    glossary_spans: list[tuple[int, int]]) -> list[PlainMatch]:
    """Official words and phrases, except where the glossary explains a word on purpose."""
    out = []
    for s in sents:
        for m in plain.find(s.text, s.start, s.words, analyser):
            # Glossary spans are sorted and do not overlap: look at the last one before.
            i = bisect_right(glossary_spans, (m.span[0], len(s.text) + s.end)) - 1
            if not (i >= 0 and glossary_spans[i][0] <= m.span[0]
                    and m.span[1] <= glossary_spans[i][1]):
                out.append(m)
    return out


def check_text(
    text: str,
    lang: str,
    *,
    silenced: Mapping[str, str] | None = None,
    use_voikko: bool | None = None,
    thresholds: Thresholds = THRESHOLDS,
) -> Report:
    """Check a text against the easy-read rules for `lang` ("fi", "sv" or "en").

    `silenced` maps a rule id to the reason it is silenced: those findings stay in the report,
    marked, but do not count as errors. `use_voikko`: None uses Voikko when installed, False
    forces the simpler rules, True requires Voikko (raises `VoikkoUnavailable`).
    """
    if lang not in LANGS:
        raise UnsupportedLanguage(f"Unknown language {lang!r}: use one of {', '.join(LANGS)}.")
    if not isinstance(text, str):
        raise TypeError("check_text needs a str")
    original, text = text, _clean(text)
    analyser = get_analyser(lang, use_voikko)
    lex = lexicon(lang)
    sents = sentences(text, lex.abbreviations)
    terms = find_terms(text, lang, analyser)
    glossary_spans = [m.span for m in terms]
    plain = plain_list(lang)
    ctx = Context(
        text=text, lang=lang, sentences=sents, analyser=analyser, lexicon=lex,
        thresholds=thresholds, line_starts=line_starts(text), original=original,
        glossary_spans=glossary_spans,
        concepts=[(m.entry.concept, m.form, m.span) for m in terms],
        plain=plain,
        plain_matches=_official_words(sents, plain, analyser, glossary_spans),
    )
    report = Report(lang=lang, analyser=analyser.name)
    if lang == "fi" and analyser.name != "voikko":
        report.notes.append(VOIKKO_MISSING_NOTE)
    for rule in all_rules():
        report.findings.extend(rule(ctx))
    report.findings.sort(key=lambda f: (f.span[0], f.rule))
    for f in report.findings:
        if silenced and f.rule in silenced:
            f.silenced, f.reason = True, silenced[f.rule]
    report.lix = lix([w.text for s in sents for w in s.words], len(sents), lang)
    return report
