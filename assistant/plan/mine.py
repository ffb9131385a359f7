""" "My plan": the client's own easy-read copy, in the first person, with symbols.

Only the client's own answers are in it (not supporters' views or facilitators' notes);
private answers never reach the `DraftPlan` it is made from.
"""

from __future__ import annotations

from babel.dates import format_date

from assistant.languages import LangCode
from assistant.plan.model import (
    OTHER_SECTION,
    SECTION_ORDER,
    Audience,
    DraftPlan,
    PlanAnswer,
    Source,
    Status,
)
from assistant.plan.render.html import e, mat_table, page
from assistant.plan.render.markdown import mat_markdown, md_inline, md_quote
from assistant.plan.render.symbols import SYMBOL_CSS, symbol_html
from assistant.plan.summary import mat_step_ids
from assistant.plan.texts import MINE, draft_text, mine_text

SECTION_SYMBOLS: dict[str, str] = {
    "basic": "🙂",
    "own_view": "🙂",
    "strengths": "💪",
    "important": "💖",
    "dreams_goals": "🌟",
    "daily_life": "🏠",
    "daytime": "🔧",
    "free_time": "🎨",
    "people": "👥",
    "health_safety": "🩺",
    "working_not_working": "👍",
    "support_needs": "🤝",
    "communication": "💬",
    "decision_support": "🧭",
    "budget": "🧾",
    "open_questions": "📝",
    OTHER_SECTION: "📌",
}

CSS = (
    """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 16pt; line-height: 1.6; max-width: 36em; margin: 1em auto; padding: 0 1em;
  color: #111; background: #fff; }
h1 { font-size: 1.8em; } h2 { font-size: 1.4em; margin-top: 1.5em; }
ul { list-style: none; padding: 0; } li { margin: 0.8em 0; }
.symbol { font-size: 1.4em; margin-right: 0.4em; }
.words { white-space: pre-wrap; overflow-wrap: anywhere; }
h2 .sym, h1 .sym { width: 1.3em; height: 1.3em; }
li .sym { width: 1.6em; height: 1.6em; }
table.mat { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; table-layout: fixed; }
.mat-title { font-weight: bold; margin-bottom: 0.2em; }
table.mat th, table.mat td { border: 2px solid #333; text-align: center;
  vertical-align: top; padding: 0.4em; }
table.mat .face { width: 2.4em; height: 2.4em; display: block; margin: 0 auto; }
table.mat .card { display: block; margin: 0.5em 0; }
table.mat .card .sym { display: block; margin: 0 auto; width: 2em; height: 2em; }
ol.top li { margin: 0.6em 0; font-weight: bold; }
.credit { font-size: 0.7em; margin-top: 2em; }
@media print { @page { size: A4; margin: 16mm; } body { max-width: none; margin: 0;
  font-size: 14pt; } tr, li { break-inside: avoid; } h2 { break-after: avoid; } }
"""
    + SYMBOL_CSS
)

_CLIENT = (Source.CLIENT, Source.CLIENT_WITH_SUPPORT)


def my_answers(plan: DraftPlan) -> list[tuple[str, list[PlanAnswer]]]:
    """The client's own answers, by section in draft order: (section id, answers)."""
    mine = [a for a in plan.all_answers() if a.source in _CLIENT]
    out = []
    for section in (*SECTION_ORDER, OTHER_SECTION):
        found = [a for a in mine if a.section == section]
        if found:
            out.append((section, found))
    return out


def _sees(plan: DraftPlan) -> list[str]:
    consent = plan.consent
    if consent is None or consent.nobody_yet:
        return [mine_text("sees_nobody", plan.lang)]
    keys = {Audience.CASEWORKER: "sees_caseworker", Audience.SUPPORTER: "sees_supporter"}
    return [mine_text(keys[a], plan.lang) for a in consent.audience]


def _answer_lines(a: PlanAnswer, lang: LangCode) -> list[tuple[str, str]]:
    """(symbol, text) pairs saying my answer."""
    if a.status is not Status.ANSWERED:
        return [("", mine_text(a.status.value, lang))]
    return [(c.symbol, c.mine) for c in a.choices]


def section_heading(section: str, lang: LangCode) -> str:
    key = f"s_{section}"
    return mine_text(key if key in MINE else "s_other", lang)


def render_mine_html(plan: DraftPlan) -> str:
    lang = plan.lang
    title = mine_text("title", lang)
    made = format_date(plan.prepared_on, "long", locale=lang)
    body = [
        f"<h1>{symbol_html('📘')}{e(title)}</h1>",
        f"<p>{e(mine_text('intro', lang))}</p>",
        f"<p>{e(mine_text('made_on', lang))}: {e(made)}</p>",
        f"<p>{e(mine_text('draft', lang))}</p>",
    ]
    if plan.important:
        body += [
            f"<h2>{symbol_html('⭐')}{e(mine_text('important', lang))}</h2>",
            '<ol class="top">',
        ]
        body += [f"<li>{symbol_html(i.symbol)}{e(i.words)}</li>" for i in plan.important]
        body.append("</ol>")
    on_mat = mat_step_ids(plan.mats)
    for section, answers in my_answers(plan):
        symbol = SECTION_SYMBOLS.get(section, "📌")
        body.append(f"<h2>{symbol_html(symbol)}{e(section_heading(section, lang))}</h2>")
        for mat in (m for m in plan.mats if m.section == section):
            body += mat_table(mat, lang, mine=True)
            for key, cards in (("mat_set_aside", mat.set_aside), ("mat_unplaced", mat.unplaced)):
                if cards:
                    names = ", ".join(c.label for c in cards)
                    body.append(f"<p>{e(mine_text(key, lang))} {e(names)}</p>")
        listed = [a for a in answers if a.step_id not in on_mat or a.words]
        if not listed:
            continue
        body.append("<ul>")
        for a in listed:
            body.append(f"<li>{symbol_html(a.symbol)}<strong>{e(a.question)}</strong>")
            for sym, text in _answer_lines(a, lang):
                body.append(f"<br>{symbol_html(sym)}{e(text)}")
            if a.words:
                body.append(f'<p class="words">{e(a.words)}</p>')
            body.append("</li>")
        body.append("</ul>")
    who = e(mine_text("who_sees", lang))
    body += [
        f"<h2>{symbol_html('👀')}{who}</h2>",
        *(f"<p>{e(line)}</p>" for line in _sees(plan)),
        f'<p class="credit">{e(draft_text("credit", lang))}</p>',
    ]
    return page(lang, title, body, CSS)


def render_mine_markdown(plan: DraftPlan) -> str:
    lang = plan.lang
    made = format_date(plan.prepared_on, "long", locale=lang)
    out = [
        f"# 📘 {md_inline(mine_text('title', lang))}",
        "",
        md_inline(mine_text("intro", lang)),
        "",
        f"{md_inline(mine_text('made_on', lang))}: {md_inline(made)}",
        "",
        md_inline(mine_text("draft", lang)),
        "",
    ]
    if plan.important:
        out += [f"## ⭐ {md_inline(mine_text('important', lang))}", ""]
        out += [f"{n}. {i.symbol} {md_inline(i.words)}" for n, i in enumerate(plan.important, 1)]
        out.append("")
    for section, answers in my_answers(plan):
        symbol = SECTION_SYMBOLS.get(section, "📌")
        out += [f"## {symbol} {md_inline(section_heading(section, lang))}", ""]
        for mat in (m for m in plan.mats if m.section == section):
            out += mat_markdown(mat, mine=True)
        for a in answers:
            out += [f"### {a.symbol} {md_inline(a.question)}".replace("###  ", "### "), ""]
            lines = _answer_lines(a, lang)
            for sym, text in lines:
                out.append(f"- {sym} {md_inline(text)}".replace("-  ", "- "))
            if lines:
                out.append("")
            if a.words:
                out += [*md_quote(a.words), ""]
    out += [f"## 👀 {md_inline(mine_text('who_sees', lang))}", ""]
    out += [md_inline(line) for line in _sees(plan)]
    return "\n".join(out) + "\n"
