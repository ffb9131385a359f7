"""The draft as one self-contained, accessible HTML file (no external fonts, scripts or
images), printable on A4."""

from __future__ import annotations

from html import escape

from assistant.languages import LangCode
from assistant.plan.model import DraftPlan, PlanAnswer
from assistant.plan.render.common import (
    confirmation,
    has_unconfirmed,
    isolate_bidi,
    language_name,
    provenance_parts,
    value_text,
)
from assistant.plan.texts import draft_text, section_title

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 12pt; line-height: 1.5; max-width: 50em; margin: 1em auto; padding: 0 1em;
  color: #111; background: #fff; }
h1 { font-size: 1.8em; } h2 { font-size: 1.4em; border-bottom: 2px solid #333; }
h3 { font-size: 1.1em; margin-bottom: 0.2em; }
.notice { border: 3px solid #111; padding: 0.5em 1em; font-weight: bold; }
.warn { border-left: 6px solid #8a4b00; padding: 0.3em 1em; background: #fff4e0; }
.words { white-space: pre-wrap; overflow-wrap: anywhere; border-left: 4px solid #555;
  margin: 0.3em 0; padding-left: 0.8em; }
.prov { font-size: 0.9em; color: #333; margin-top: 0.2em; }
.unconfirmed { font-weight: bold; color: #8a4b00; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #555; padding: 0.3em 0.5em; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; white-space: pre-wrap; }
dt { font-weight: bold; } dd { margin: 0 0 0.5em 0; white-space: pre-wrap; }
.symbol { font-style: normal; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  h2, h3 { break-after: avoid; } .answer, tr { break-inside: avoid; }
  .warn { background: none; }
}
"""


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


def _prov(a: PlanAnswer, lang: LangCode) -> str:
    parts = [e(p) for p in provenance_parts(a, lang)]
    conf = confirmation(a, lang)
    if conf:
        parts.append(e(conf) if a.confirmed else f'<span class="unconfirmed">{e(conf)}</span>')
    return '<p class="prov">' + " · ".join(parts) + "</p>"


def _answer(a: PlanAnswer, lang: LangCode) -> list[str]:
    out = ['<div class="answer">', f"<h3>{e(a.label)}</h3>"]
    value = value_text(a, lang)
    if value:
        out.append(f"<p>{e(value)}</p>")
    if a.words:
        out.append(f'<p class="words">{e(a.words)}</p>')
    out += [_prov(a, lang), "</div>"]
    return out


def _cell(a: PlanAnswer, lang: LangCode) -> str:
    bits = [e(x) for x in (value_text(a, lang), a.words or "") if x]
    return "<td>" + "<br>".join(bits) + "<br>" + _prov(a, lang) + "</td>"


def render_html(plan: DraftPlan) -> str:
    lang = plan.lang

    def t(key: str) -> str:
        return e(draft_text(key, lang))

    title = draft_text("title", lang)
    body = [f"<h1>{e(title)}</h1>", f'<p class="notice">{t("not_decision")}</p>']
    if has_unconfirmed(plan):
        body.append(f'<p class="warn" role="note">{t("unconfirmed_note")}</p>')
    body += [
        f"<h2>{e(section_title('basic', lang))}</h2>",
        "<dl>",
        f"<dt>{t('alias')}</dt><dd>{e(plan.alias)}</dd>",
        f"<dt>{t('prepared')}</dt><dd>{e(plan.prepared_text)}</dd>",
        f"<dt>{t('language')}</dt><dd>{e(language_name(plan.client_lang, lang))}</dd>",
    ]
    if plan.communication:
        body.append(f"<dt>{t('communication')}</dt><dd>{e('; '.join(plan.communication))}</dd>")
    body += [f"<dt>{t('consent')}</dt><dd>{e(plan.consent_text)}</dd>", "</dl>"]
    if plan.meetings:
        body += [
            f"<h3>{t('meetings')}</h3>",
            "<table>",
            f'<thead><tr><th scope="col">{t("when")}</th>'
            f'<th scope="col">{t("present")}</th></tr></thead>',
            "<tbody>",
        ]
        for m in plan.meetings:
            body.append(f"<tr><td>{e(m.on_text)}</td><td>{e(', '.join(m.present))}</td></tr>")
        body += ["</tbody>", "</table>"]
    if plan.participants:
        body += [f"<h3>{t('participants')}</h3>", "<ul>"]
        body += [f"<li>{e(p.name)} ({e(p.role_label)})</li>" for p in plan.participants]
        body.append("</ul>")
    for section in plan.sections:
        body.append(f'<section id="s-{e(section.id)}">')
        if section.id != "basic":  # basic answers sit under the Basic details heading
            body.append(f"<h2>{e(section.title)}</h2>")
        if not section.answers:
            body.append(f"<p>{t('nothing')}</p>")
        for a in section.answers:
            body += _answer(a, lang)
        body.append("</section>")
    body += ['<section id="s-differing">', f"<h2>{t('differing')}</h2>"]
    if plan.differing_views:
        body += [
            f"<p>{t('differing_intro')}</p>",
            "<table>",
            f'<thead><tr><th scope="col">{t("question")}</th>'
            f'<th scope="col">{t("client_answer")}</th>'
            f'<th scope="col">{t("other_view")}</th></tr></thead>',
            "<tbody>",
        ]
        for d in plan.differing_views:
            body.append(
                f'<tr><th scope="row">{e(d.label)}</th>'
                f"{_cell(d.client, lang)}{_cell(d.other, lang)}</tr>"
            )
        body += ["</tbody>", "</table>"]
    else:
        body.append(f"<p>{t('nothing')}</p>")
    body += ["</section>", '<section id="s-not-answered">', f"<h2>{t('not_answered')}</h2>"]
    if plan.not_answered:
        body.append("<ul>")
        for a in plan.not_answered:
            body.append(f"<li><strong>{e(a.label)}</strong>: {e(value_text(a, lang))}")
            body.append(_prov(a, lang) + "</li>")
        body.append("</ul>")
    else:
        body.append(f"<p>{t('nothing')}</p>")
    body += ["</section>", f'<p class="notice">{t("not_decision")}</p>']
    return page(lang, f"{title}: {plan.alias}", body)
