"""The draft as Markdown (CommonMark with pipe tables). Every text from a session is
escaped, so the client's words can never become headings, links, HTML or table cells."""

from __future__ import annotations

import re

from assistant.languages import LangCode
from assistant.plan.model import DraftPlan, PlanAnswer, PlanMat, Source
from assistant.plan.render.common import (
    basic_answers,
    details,
    has_unconfirmed,
    language_name,
    value_text,
)
from assistant.plan.texts import draft_text, section_title

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#|<>&~!$^])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])")
_LEADING = re.compile(r"^(\s*)([-+=>])")
_LINKISH = re.compile(r"(:)(?=//)|(?<=www)(\.)", re.IGNORECASE)


def _escape(line: str) -> str:
    line = _LINKISH.sub(lambda m: "\\" + m.group(0), _SPECIAL.sub(r"\\\1", line))
    return _LEADING.sub(r"\1\\\2", _ORDERED.sub(r"\1\\\2", line))


def md_inline(text: str) -> str:
    """One line of text, safe anywhere in Markdown (newlines become spaces)."""
    return _escape(" ".join(text.splitlines()))


def md_lines(text: str) -> list[str]:
    """Several lines, each escaped (and a leading '1.' kept from becoming a list)."""
    return [_escape(line) for line in text.splitlines()]


def md_quote(text: str) -> list[str]:
    return [f"> {line}".rstrip() for line in md_lines(text)] or [">"]


def md_cell(text: str) -> str:
    return "<br>".join(md_lines(text))


def _mark(a: PlanAnswer, lang: LangCode) -> str:
    """The provenance mark, only where it carries information (see render.html.mark)."""
    bits = []
    if a.source is not Source.CLIENT:
        who = a.supported_by if a.source is Source.CLIENT_WITH_SUPPORT else a.given_by
        text = draft_text(f"src_{a.source.value}", lang)
        bits.append(md_inline(f"{text} ({who})" if who else text))
    if a.source.is_client and not a.confirmed:
        bits.append(f"**{md_inline(draft_text('not_confirmed', lang))}**")
    return f" *\\[{' · '.join(bits)}\\]*" if bits else ""


def _answer(a: PlanAnswer, lang: LangCode) -> list[str]:
    """One answer as a list item; the client's own words quoted below it."""
    value = value_text(a, lang)
    said = " ".join(x for x in (md_inline(value), _mark(a, lang).strip()) if x)
    line = f"- **{md_inline(a.label)}:** {said}".rstrip()
    out = [line]
    if a.words:
        out += ["", *(f"  {q}" for q in md_quote(a.words))]
    return out


def _answers(answers: list[PlanAnswer], lang: LangCode) -> list[str]:
    out: list[str] = []
    for a in answers:
        out += _answer(a, lang)
    return [*out, ""] if out else []


def _summary(plan: DraftPlan) -> list[str]:
    lang = plan.lang

    def t(key: str) -> str:
        return md_inline(draft_text(key, lang))

    out = [f"## {t('summary')}", "", f"### {t('sum_important')}", ""]
    if plan.important:
        out += [
            f"{n}. {i.symbol} **{md_inline(i.words)}** ({md_inline(i.label)})".replace(".  ", ". ")
            for n, i in enumerate(plan.important, 1)
        ]
        out.append("")
    else:
        out += [t("sum_important_none"), ""]
    for block in plan.summary:
        out += [f"### {md_inline(block.title)}", "", *_answers(block.answers, lang)]
    if plan.differing_views:
        out += [
            f"### {t('differing')}",
            "",
            f"| {t('question')} | {t('client_answer')} | {t('other_view')} |",
            "|---|---|---|",
        ]
        for d in plan.differing_views:
            cells = [md_inline(d.label)]
            for a in (d.client, d.other):
                bits = [md_inline(value_text(a, lang))] if value_text(a, lang) else []
                if a.words:
                    bits.append(md_cell(a.words))
                cells.append("<br>".join(bits) + _mark(a, lang))
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    if plan.not_answered:
        out += [f"### {t('sum_declined')}", ""]
        out += [
            f"- {md_inline(a.label)}: {md_inline(value_text(a, lang))}{_mark(a, lang)}"
            for a in plan.not_answered
        ]
        out.append("")
    return [*out, f"### {t('consent')}", "", md_inline(plan.consent_text), ""]


def _basic(plan: DraftPlan) -> list[str]:
    lang = plan.lang

    def t(key: str) -> str:
        return md_inline(draft_text(key, lang))

    ways = ", ".join(plan.view_ways) or draft_text("ways_none", lang)
    out = [
        f"## {md_inline(section_title('basic', lang))}",
        "",
        f"- **{t('alias')}:** {md_inline(plan.alias)}",
        f"- **{t('prepared')}:** {md_inline(plan.prepared_text)}",
        f"- **{t('language')}:** {md_inline(language_name(plan.client_lang, lang))}",
        f"- **{t('view_ways')}:** {md_inline(ways)}",
    ]
    if plan.communication:
        out.append(f"- **{t('communication')}:** {md_inline('; '.join(plan.communication))}")
    for m in plan.meetings:
        out.append(
            f"- **{t('meetings')}:** {md_inline(m.on_text)}: {md_inline(', '.join(m.present))}"
        )
    if plan.participants:
        people = ", ".join(f"{p.name} ({p.role_label})" for p in plan.participants)
        out.append(f"- **{t('participants')}:** {md_inline(people)}")
    out.append("")
    return out + _answers(basic_answers(plan), lang)


def mat_markdown(mat: PlanMat, mine: bool = False) -> list[str]:
    """A topic mat as a pipe table: one column per face, a card per row."""
    heads = [f"{c.symbol} {md_inline(c.mine if mine else c.title)}" for c in mat.columns]
    rows = max((len(c.cards) for c in mat.columns), default=0)
    out = [f"**{md_inline(mat.title)}**", "", "| " + " | ".join(heads) + " |", "|---|---|---|"]
    for n in range(rows):
        cells = [
            f"{c.cards[n].symbol} {md_inline(c.cards[n].label)}" if n < len(c.cards) else ""
            for c in mat.columns
        ]
        out.append("| " + " | ".join(cells) + " |")
    return [*out, ""]


def render_markdown(plan: DraftPlan) -> str:
    lang = plan.lang

    def t(key: str) -> str:
        return md_inline(draft_text(key, lang))

    out = [f"# {t('title')}: {md_inline(plan.alias)}", "", f"**{t('not_decision')}**", ""]
    if has_unconfirmed(plan):
        out += [f"> {t('unconfirmed_note')}", ""]
    out += _summary(plan) + _basic(plan) + [f"## {t('details')}", ""]
    for part in details(plan):
        out += [f"### {md_inline(part.section.title)}", ""]
        for mat in part.mats:
            out += mat_markdown(mat)
            done = "mat_confirmed" if mat.confirmed else "mat_not_confirmed"
            for key, cards in (("mat_set_aside", mat.set_aside), ("mat_unplaced", mat.unplaced)):
                if cards:
                    out += [f"{t(key)}: {md_inline(', '.join(c.label for c in cards))}", ""]
            out += [f"*{t(done)}*", ""]
        if part.answers:
            out += _answers(part.answers, lang)
        elif not part.mats:
            out += [t("nothing"), ""]
    out += [f"**{t('not_decision')}**", "", t("credit"), ""]
    return "\n".join(out)
