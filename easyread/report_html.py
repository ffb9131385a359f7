"""A readable HTML page for a checked letter: each finding marked in place, its message and
suggestion beside the line (`easyread check letter.txt --lang fi --format html`).

One self-contained page: no scripts, fonts or style sheets from elsewhere. Everything from
the text and the findings is escaped. The page is in English (`lang="en"`); the letter and
the suggested words carry the letter's language. A mark is not shown by colour alone: it has
a border style per level and a visible number that links to its note, and each note says
"Error" or "Warning" in words. Findings about a whole sentence or line (its length, its
ideas) are listed beside the line without a mark, so marks never cover a whole paragraph.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

from easyread.model import Finding, Report

_LANG_NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}
_LEVEL_WORD = {"error": "Error", "warning": "Warning", "info": "Note"}
_LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}
_WHOLE_SENTENCE_RULES = frozenset(["sentence-length", "line-length", "one-idea"])

_CSS = """
body { font-family: system-ui, sans-serif; font-size: 1.125rem; line-height: 1.6;
       max-width: 70rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; background: #fff; }
.row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem;
       border-top: 1px solid #ccc; padding: 0.5rem 0; }
@media (max-width: 50rem) { .row { grid-template-columns: 1fr; } }
.line { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
mark { background: #fff3b0; color: inherit; padding: 0 0.1em; }
mark.error { background: #ffd6d6; border-bottom: 0.2em solid #a00000; }
mark.warning { border-bottom: 0.2em dashed #7a5a00; }
mark.info { background: #e8f0ff; border-bottom: 0.15em dotted #1a4a8a; }
.ref { font-size: 0.8em; font-weight: bold; text-decoration: none; color: #1a1a1a; }
.notes { margin: 0; padding-left: 1.5rem; font-size: 1rem; }
.notes li { margin-bottom: 0.5rem; }
.level-error { color: #a00000; font-weight: bold; }
.level-warning { color: #6b4e00; font-weight: bold; }
.suggestion { display: block; }
.lineno { color: #555; font-size: 0.9em; }
:focus { outline: 3px solid #1a4a8a; outline-offset: 2px; }
"""


def _whole(f: Finding) -> bool:
    """A finding about the whole sentence or line, listed beside it but not marked."""
    return f.rule in _WHOLE_SENTENCE_RULES or f.span[1] - f.span[0] >= len(f.sentence) > 0


def _line_html(text: str, start: int, end: int, findings: list[tuple[int, Finding]],
               prefix: str) -> str:
    """One line with its word-level findings marked; overlapping findings share marks."""
    inline = [(n, f) for n, f in findings if not _whole(f)]
    cuts = sorted({start, end, *(max(start, min(end, p)) for _, f in inline for p in f.span)})
    out = []
    for a, b in pairwise(cuts):
        piece = escape(text[a:b])
        covering = [(n, f) for n, f in inline if f.span[0] <= a and b <= f.span[1]]
        if not covering:
            out.append(piece)
            continue
        level = min((f.level for _, f in covering), key=_LEVEL_ORDER.__getitem__)
        ending = [n for n, f in covering if f.span[1] <= b]
        refs = "".join(
            f'<a class="ref" href="#{prefix}-f{n}" id="{prefix}-m{n}">'
            f"[{n}&nbsp;{_LEVEL_WORD[f.level].lower()}]</a>"
            for n, f in covering if n in ending
        )
        out.append(f'<mark class="{level}">{piece}</mark>{refs}')
    return "".join(out)


def _note_html(n: int, f: Finding, lang: str, prefix: str) -> str:
    where = ""
    if _whole(f):
        where = " (the whole line)" if f.rule == "line-length" else " (the whole sentence)"
    back = "" if _whole(f) else f' <a href="#{prefix}-m{n}">Back to the mark</a>'
    parts = [
        f'<li id="{prefix}-f{n}" value="{n}"><span class="level-{f.level}">'
        f"{_LEVEL_WORD[f.level]}</span>, {escape(f.rule)}{where}: {escape(f.message)}"
    ]
    if f.alternative:
        plain = " / ".join(f"<q lang=\"{lang}\">{escape(p)}</q>" for p in f.alternative.plain)
        why = "" if f.alternative.why in f.message else f" {escape(f.alternative.why)}"
        source = f" Source: {escape(f.alternative.source)}." if f.alternative.source else ""
        parts.append(f'<span class="suggestion">Write instead: {plain}.{why}{source}</span>')
    elif f.suggestion:
        parts.append(f'<span class="suggestion">{escape(f.suggestion)}</span>')
    if f.silenced:
        parts.append(f'<span class="suggestion">Accepted: {escape(f.reason or "")}</span>')
    return " ".join(parts) + back + "</li>"


def file_section(label: str, text: str, report: Report, index: int) -> str:
    prefix = f"file{index}"
    lang = report.lang
    findings = list(enumerate(report.findings, start=1))
    counts = ", ".join(
        f"{len(fs)} {word.lower()}{'s' if len(fs) != 1 else ''}"
        for fs, word in ((report.errors, "Error"), (report.warnings, "Warning"),
                         (report.infos, "Note"))
    )
    notes = "".join(f"<p>{escape(n)}</p>" for n in report.notes)
    lix = f" LIX {report.lix.value:.0f}: {escape(report.lix.note)}" if report.lix else ""
    rows, pos = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        start, end = pos, pos + len(line)
        pos = end + 1
        here = [(n, f) for n, f in findings if f.line == number]
        if not line.strip() and not here:
            continue
        items = "".join(_note_html(n, f, lang, prefix) for n, f in here)
        notes_html = f'<ol class="notes">{items}</ol>' if items else ""
        rows.append(
            f'<div class="row"><p class="line"><span class="lineno">{number}:</span> '
            f'<span lang="{lang}">{_line_html(text, start, end, here, prefix)}</span></p>'
            f"<div>{notes_html}</div></div>"
        )
    body = "".join(rows) or "<p>The file is empty.</p>"
    return (
        f'<section aria-labelledby="{prefix}-h"><h2 id="{prefix}-h">{escape(label)}</h2>'
        f"<p>Language: {_LANG_NAMES.get(lang, escape(lang))}. Analyser: "
        f"{escape(report.analyser)}. {counts}.{lix}</p>{notes}"
        f"<h3>The text, with the findings beside each line</h3>{body}</section>"
    )


def page(sections: list[str], title: str = "Easy-read report") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{escape(title)}</h1>\n"
        "<p>Marked words have a number. The note with the same number, beside the line, "
        "says what is hard and what to write instead.</p>\n"
        + "\n".join(sections)
        + "\n</main>\n</body>\n</html>\n"
    )
