"""The draft as one self-contained, accessible HTML file (no external fonts, scripts or
images; symbols are inline SVG), printable on A4 and the source of the PDF.

Made for reading: page one is the summary (the client's top three, dreams, what works and
what does not, help, differing views, what was declined, consent, next steps), then the
basic details once (meetings, people, how the view was obtained), then the answers per theme
as short tables. A mark follows an answer only when it tells something: given with support,
a supporter's view, a facilitator's note, or not confirmed by the client.
"""

from __future__ import annotations

from html import escape

from assistant.languages import LangCode
from assistant.plan.model import DraftPlan, PlanAnswer, PlanMat, Source
from assistant.plan.render.common import (
    basic_answers,
    details,
    has_unconfirmed,
    isolate_bidi,
    language_name,
    value_text,
)
from assistant.plan.render.symbols import SYMBOL_CSS, symbol_html
from assistant.plan.texts import draft_text, mine_text, section_title

CSS = (
    """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 12pt; line-height: 1.45; max-width: 50em; margin: 1em auto; padding: 0 1em;
  color: #111; background: #fff; }
h1 { font-size: 1.6em; margin: 0 0 0.3em; } h2 { font-size: 1.3em; border-bottom: 2px solid #333;
  margin: 1em 0 0.4em; } h3 { font-size: 1.05em; margin: 0.8em 0 0.2em; }
.notice { border: 3px solid #111; padding: 0.3em 0.8em; font-weight: bold; }
.warn { border-left: 6px solid #8a4b00; padding: 0.3em 1em; background: #fff4e0; }
.words { white-space: pre-wrap; overflow-wrap: anywhere; }
.mark { font-size: 0.85em; font-style: italic; color: #333; }
.unconfirmed { font-weight: bold; font-style: normal; color: #8a4b00; }
table { border-collapse: collapse; width: 100%; margin: 0.2em 0 0.6em; table-layout: fixed; }
th, td { border: 1px solid #777; padding: 0.2em 0.45em; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
table.answers th[scope="row"] { width: 36%; font-weight: normal; background: #f2f2f2; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1em; margin: 0; }
dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; white-space: pre-wrap; }
ol.top { padding-left: 1.6em; margin: 0.2em 0; } ol.top li { margin: 0.15em 0; }
ul.plain { margin: 0.2em 0; padding-left: 1.2em; }
table.mat td, table.mat th { text-align: center; width: 33.3%; box-sizing: border-box; }
.mat-title { font-weight: bold; margin: 0.4em 0 0; break-after: avoid; }
table.mat .card { display: block; margin: 0.2em 0; }
.credit { font-size: 0.8em; color: #333; margin-top: 1.5em; }
@media print {
  @page { size: A4; margin: 14mm 14mm 14mm 14mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; line-height: 1.3; }
  h2, h3 { break-after: avoid; } tr, .keep { break-inside: avoid; }
  .summary-end { break-after: page; }
  .warn { background: none; }
}
"""
    + SYMBOL_CSS
)


def e(text: str) -> str:
    """Escaped, with any bidi controls kept inside the text (see `isolate_bidi`)."""
    return escape(isolate_bidi(text), quote=True)


def page(lang: LangCode, title: str, body: list[str], css: str = CSS) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{e(title)}</title>",
            f"<style>{css}</style>",
            "</head>",
            "<body>",
            "<main>",
            *body,
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )


def mark(a: PlanAnswer, lang: LangCode) -> str:
    """The provenance mark, only where it carries information."""
    bits = []
    if a.source is not Source.CLIENT:
        who = a.supported_by if a.source is Source.CLIENT_WITH_SUPPORT else a.given_by
        text = draft_text(f"src_{a.source.value}", lang)
        bits.append(e(f"{text} ({who})" if who else text))
    if a.source.is_client and not a.confirmed:
        bits.append(f'<span class="unconfirmed">{e(draft_text("not_confirmed", lang))}</span>')
    return f' <span class="mark">[{" · ".join(bits)}]</span>' if bits else ""


def answer_html(a: PlanAnswer, lang: LangCode) -> str:
    """What the client said: the choices (or why not answered) and own words, then a mark."""
    value = e(value_text(a, lang))
    words = f'<span class="words">{e(a.words)}</span>' if a.words else ""
    joined = "<br>".join(x for x in (value, words) if x)
    return joined + mark(a, lang)


def _rows(answers: list[PlanAnswer], lang: LangCode) -> list[str]:
    out = ['<table class="answers">', "<tbody>"]
    for a in answers:
        out.append(f'<tr><th scope="row">{e(a.label)}</th><td>{answer_html(a, lang)}</td></tr>')
    return [*out, "</tbody>", "</table>"]


def mat_table(mat: PlanMat, lang: LangCode, mine: bool = False) -> list[str]:
    """A topic mat as a picture-like table: one column per face, the cards under it."""
    head = "".join(
        f'<th scope="col">{symbol_html(c.symbol, "sym face")}{e(c.mine if mine else c.title)}</th>'
        for c in mat.columns
    )
    cells = []
    for column in mat.columns:
        cards = [
            f'<span class="card">{symbol_html(card.symbol)}{e(card.label)}'
            + ("" if mine or card.confirmed else mark_unconfirmed(lang))
            + "</span>"
            for card in column.cards
        ]
        cells.append("<td>" + "".join(cards) + "</td>")
    named = mine_text("my_mat", lang) if mine else draft_text("mat", lang)
    caption = e(f"{named}: {mat.title}")
    out = [
        f'<p class="mat-title">{caption}</p>',
        f'<table class="mat keep" aria-label="{caption}">',
        f"<thead><tr>{head}</tr></thead>",
        f"<tbody><tr>{''.join(cells)}</tr></tbody>",
        "</table>",
    ]
    return out


def mark_unconfirmed(lang: LangCode) -> str:
    return f' <span class="unconfirmed">{e(draft_text("not_confirmed", lang))}</span>'


def _mat_notes(mat: PlanMat, lang: LangCode) -> list[str]:
    """Set-aside cards, unplaced cards, the client's words on cards, the confirmation."""
    out = []
    for key, cards in (("mat_set_aside", mat.set_aside), ("mat_unplaced", mat.unplaced)):
        if cards:
            names = ", ".join(c.label for c in cards)
            out.append(f"<p><strong>{e(draft_text(key, lang))}:</strong> {e(names)}</p>")
    for card in (c for col in mat.columns for c in col.cards):
        if card.words:
            out.append(f'<p>{e(card.label)}: <span class="words">{e(card.words)}</span></p>')
    done = "mat_confirmed" if mat.confirmed else "mat_not_confirmed"
    out.append(f'<p class="mark">{e(draft_text(done, lang))}</p>')
    return out


def _summary(plan: DraftPlan) -> list[str]:
    lang = plan.lang

    def t(key: str) -> str:
        return e(draft_text(key, lang))

    body = ['<section id="summary">', f"<h2>{t('summary')}</h2>", f"<h3>{t('sum_important')}</h3>"]
    if plan.important:
        body.append('<ol class="top">')
        for item in plan.important:
            body.append(
                f"<li>{symbol_html(item.symbol)}<strong>{e(item.words)}</strong>"
                f' <span class="mark">({e(item.label)})</span></li>'
            )
        body.append("</ol>")
    else:
        body.append(f"<p>{t('sum_important_none')}</p>")
    for block in plan.summary:
        body += [f"<h3>{e(block.title)}</h3>", *_rows(block.answers, lang)]
    if plan.differing_views:
        body += [
            f"<h3>{t('differing')}</h3>",
            "<table>",
            f'<thead><tr><th scope="col">{t("question")}</th>'
            f'<th scope="col">{t("client_answer")}</th>'
            f'<th scope="col">{t("other_view")}</th></tr></thead>',
            "<tbody>",
        ]
        for d in plan.differing_views:
            body.append(
                f'<tr><th scope="row">{e(d.label)}</th><td>{answer_html(d.client, lang)}</td>'
                f"<td>{answer_html(d.other, lang)}</td></tr>"
            )
        body += ["</tbody>", "</table>"]
    if plan.not_answered:
        body += [f"<h3>{t('sum_declined')}</h3>", '<ul class="plain">']
        body += [
            f"<li>{e(a.label)}: {e(value_text(a, lang))}{mark(a, lang)}</li>"
            for a in plan.not_answered
        ]
        body.append("</ul>")
    body += [
        f"<h3>{t('consent')}</h3>",
        f"<p>{e(plan.consent_text)}</p>",
        '<div class="summary-end"></div>',
        "</section>",
    ]
    return body


def _basic(plan: DraftPlan) -> list[str]:
    lang = plan.lang

    def t(key: str) -> str:
        return e(draft_text(key, lang))

    ways = ", ".join(plan.view_ways) or draft_text("ways_none", lang)
    body = [
        f'<section id="s-basic"><h2>{e(section_title("basic", lang))}</h2>',
        '<dl class="facts">',
        f"<dt>{t('alias')}</dt><dd>{e(plan.alias)}</dd>",
        f"<dt>{t('prepared')}</dt><dd>{e(plan.prepared_text)}</dd>",
        f"<dt>{t('language')}</dt><dd>{e(language_name(plan.client_lang, lang))}</dd>",
        f"<dt>{t('view_ways')}</dt><dd>{e(ways)}</dd>",
    ]
    if plan.communication:
        body.append(f"<dt>{t('communication')}</dt><dd>{e('; '.join(plan.communication))}</dd>")
    for m in plan.meetings:
        body.append(f"<dt>{t('meetings')}</dt><dd>{e(m.on_text)}: {e(', '.join(m.present))}</dd>")
    if plan.participants:
        # each name isolated on its own: a bidi control typed in one stays in that name
        people = ", ".join(f"{e(p.name)} ({e(p.role_label)})" for p in plan.participants)
        body.append(f"<dt>{t('participants')}</dt><dd>{people}</dd>")
    body += ["</dl>"]
    if answers := basic_answers(plan):
        body += _rows(answers, lang)
    return [*body, "</section>"]


def render_html(plan: DraftPlan) -> str:
    lang = plan.lang
    title = draft_text("title", lang)
    body = [
        f"<h1>{e(title)}: {e(plan.alias)}</h1>",
        f'<p class="notice">{e(draft_text("not_decision", lang))}</p>',
    ]
    if has_unconfirmed(plan):
        body.append(f'<p class="warn" role="note">{e(draft_text("unconfirmed_note", lang))}</p>')
    body += _summary(plan)
    body += _basic(plan)
    body.append(f"<h2>{e(draft_text('details', lang))}</h2>")
    for part in details(plan):
        section = part.section
        body.append(f'<section id="s-{e(section.id)}"><h3>{e(section.title)}</h3>')
        for mat in part.mats:
            body += mat_table(mat, lang) + _mat_notes(mat, lang)
        if part.answers:
            body += _rows(part.answers, lang)
        elif not part.mats:
            body.append(f"<p>{e(draft_text('nothing', lang))}</p>")
        body.append("</section>")
    body += [
        f'<p class="notice">{e(draft_text("not_decision", lang))}</p>',
        f'<p class="credit">{e(draft_text("credit", lang))}</p>',
    ]
    return page(lang, f"{title}: {plan.alias}", body)
