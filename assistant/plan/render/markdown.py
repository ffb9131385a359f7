"""The draft as Markdown (CommonMark with pipe tables). Every text from a session is
escaped, so the client's words can never become headings, links, HTML or table cells."""

from __future__ import annotations

import re

from assistant.languages import LangCode
from assistant.plan.model import DraftPlan, PlanAnswer
from assistant.plan.render.common import (
    confirmation,
    has_unconfirmed,
    language_name,
    provenance_parts,
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


def _prov(a: PlanAnswer, lang: LangCode) -> str:
    line = "*" + " · ".join(md_inline(p) for p in provenance_parts(a, lang)) + "*"
    conf = confirmation(a, lang)
    if conf:
        line += " · " + (md_inline(conf) if a.confirmed else f"**{md_inline(conf)}**")
    return line


def render_markdown(plan: DraftPlan) -> str:
    lang = plan.lang

    def t(key: str) -> str:
        return md_inline(draft_text(key, lang))

    out = [f"# {t('title')}", "", f"**{t('not_decision')}**", ""]
    if has_unconfirmed(plan):
        out += [f"> {t('unconfirmed_note')}", ""]
    out += [
        f"## {md_inline(section_title('basic', lang))}",
        "",
        f"- **{t('alias')}:** {md_inline(plan.alias)}",
        f"- **{t('prepared')}:** {md_inline(plan.prepared_text)}",
        f"- **{t('language')}:** {md_inline(language_name(plan.client_lang, lang))}",
    ]
    if plan.communication:
        out.append(f"- **{t('communication')}:** {md_inline('; '.join(plan.communication))}")
    out += [f"- **{t('consent')}:** {md_inline(plan.consent_text)}", ""]
    if plan.meetings:
        out += [f"### {t('meetings')}", "", f"| {t('when')} | {t('present')} |", "|---|---|"]
        out += [
            f"| {md_inline(m.on_text)} | {md_inline(', '.join(m.present))} |" for m in plan.meetings
        ]
        out.append("")
    if plan.participants:
        out += [f"### {t('participants')}", ""]
        out += [f"- {md_inline(p.name)} ({md_inline(p.role_label)})" for p in plan.participants]
        out.append("")
    for section in plan.sections:
        if section.id != "basic":  # basic answers sit under the Basic details heading
            out += [f"## {md_inline(section.title)}", ""]
        if not section.answers:
            out += [t("nothing"), ""]
        for a in section.answers:
            out += [f"### {md_inline(a.label)}", ""]
            value = value_text(a, lang)
            if value:
                out += [md_inline(value), ""]
            if a.words:
                out += [*md_quote(a.words), ""]
            out += [_prov(a, lang), ""]
    out += [f"## {t('differing')}", ""]
    if plan.differing_views:
        out += [
            t("differing_intro"),
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
                cells.append("<br>".join([*bits, _prov(a, lang)]))
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    else:
        out += [t("nothing"), ""]
    out += [f"## {t('not_answered')}", ""]
    if plan.not_answered:
        out += [
            f"- **{md_inline(a.label)}:** {md_inline(value_text(a, lang))} — {_prov(a, lang)}"
            for a in plan.not_answered
        ]
        out.append("")
    else:
        out += [t("nothing"), ""]
    out += [f"**{t('not_decision')}**", ""]
    return "\n".join(out)
