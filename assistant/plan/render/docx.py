"""The draft as a Word document (python-docx) with real headings and tables."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from assistant.languages import LangCode, language
from assistant.plan.model import DraftPlan, PlanAnswer
from assistant.plan.render.common import (
    confirmation,
    has_unconfirmed,
    language_name,
    provenance_line,
    provenance_parts,
    value_text,
    with_isolated_bidi,
)
from assistant.plan.texts import draft_text, section_title

# Style ids set directly: python-docx's lookup by style name scans every style on each call
# (about 1 ms a paragraph; 200 ms for the full support-plan dialogue).
_HEADING_IDS = {0: "Title", 1: "Heading1", 2: "Heading2", 3: "Heading3"}


def _styled(doc: Any, text: str, style_id: str) -> Any:
    para = doc.add_paragraph(text)
    para._p.style = style_id  # the w:pStyle of the paragraph
    return para


def _heading(doc: Any, text: str, level: int) -> Any:
    return _styled(doc, text, _HEADING_IDS[level])


def _set_language(doc: Any, lang: str) -> None:
    """The text's language on the Normal style, for screen readers and spelling."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    found = rpr.find(qn("w:lang"))
    if found is None:
        found = OxmlElement("w:lang")
        rpr.append(found)
    found.set(qn("w:val"), language(lang).tag)


def _prov(doc: Any, a: PlanAnswer, lang: LangCode) -> None:
    para = doc.add_paragraph()
    run = para.add_run(" · ".join(provenance_parts(a, lang)))
    run.italic = True
    conf = confirmation(a, lang)
    if conf:
        para.add_run(" · ")
        para.add_run(conf).bold = not a.confirmed


def _cell_text(a: PlanAnswer, lang: LangCode) -> str:
    bits = [x for x in (value_text(a, lang), a.words or "") if x]
    return "\n".join([*bits, provenance_line(a, lang)])


def render_docx(plan: DraftPlan) -> bytes:
    # python-docx pulls in lxml: imported here so other formats do not pay for it.
    from docx import Document
    from docx.shared import Mm

    plan = with_isolated_bidi(plan)  # a U+202E in an answer stays inside that answer
    lang = plan.lang

    def t(key: str) -> str:
        return draft_text(key, lang)

    doc = Document()
    for sec in doc.sections:  # A4
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin = sec.right_margin = Mm(18)
    doc.core_properties.title = f"{t('title')}: {plan.alias}"[:200]  # Word: max 255
    doc.core_properties.language = plan.lang
    _set_language(doc, plan.lang)
    _heading(doc, t("title"), 0)
    doc.add_paragraph().add_run(t("not_decision")).bold = True
    if has_unconfirmed(plan):
        doc.add_paragraph(t("unconfirmed_note"))
    _heading(doc, section_title("basic", lang), 1)
    facts = [
        (t("alias"), plan.alias),
        (t("prepared"), plan.prepared_text),
        (t("language"), language_name(plan.client_lang, lang)),
    ]
    if plan.communication:
        facts.append((t("communication"), "; ".join(plan.communication)))
    facts.append((t("consent"), plan.consent_text))
    for key, value in facts:
        para = doc.add_paragraph()
        para.add_run(f"{key}: ").bold = True
        para.add_run(value)
    _people(doc, plan)
    for section in plan.sections:
        if section.id != "basic":  # basic answers sit under the Basic details heading
            _heading(doc, section.title, 1)
        if not section.answers:
            doc.add_paragraph(t("nothing"))
        for a in section.answers:
            _heading(doc, a.label, 2)
            value = value_text(a, lang)
            if value:
                doc.add_paragraph(value)
            if a.words:
                _styled(doc, a.words, "Quote")
            _prov(doc, a, lang)
    _differing_and_missing(doc, plan)
    doc.add_paragraph().add_run(t("not_decision")).bold = True
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()


def docx_text(data: bytes) -> str:
    """The paragraphs and table cells of a DOCX, one per line (for tests and goldens)."""
    from docx import Document

    doc = Document(BytesIO(data))
    lines = [f"[{p.style.name}] {p.text}" if p.style else p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append(" | ".join(c.text for c in row.cells))
    return "\n".join(lines) + "\n"


def _people(doc: Any, plan: DraftPlan) -> None:
    lang = plan.lang

    def t(key: str) -> str:
        return draft_text(key, lang)

    if plan.meetings:
        _heading(doc, t("meetings"), 2)
        table = doc.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = t("when"), t("present")
        for m in plan.meetings:
            row = table.add_row().cells
            row[0].text, row[1].text = m.on_text, ", ".join(m.present)
    if plan.participants:
        _heading(doc, t("participants"), 2)
        for p in plan.participants:
            _styled(doc, f"{p.name} ({p.role_label})", "ListBullet")


def _differing_and_missing(doc: Any, plan: DraftPlan) -> None:
    lang = plan.lang

    def t(key: str) -> str:
        return draft_text(key, lang)

    _heading(doc, t("differing"), 1)
    if plan.differing_views:
        doc.add_paragraph(t("differing_intro"))
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        head = table.rows[0].cells
        head[0].text, head[1].text, head[2].text = (
            t("question"),
            t("client_answer"),
            t("other_view"),
        )
        for d in plan.differing_views:
            row = table.add_row().cells
            row[0].text = d.label
            row[1].text = _cell_text(d.client, lang)
            row[2].text = _cell_text(d.other, lang)
    else:
        doc.add_paragraph(t("nothing"))
    _heading(doc, t("not_answered"), 1)
    if plan.not_answered:
        for a in plan.not_answered:
            para = _styled(doc, "", "ListBullet")
            para.add_run(f"{a.label}: ").bold = True
            para.add_run(f"{value_text(a, lang)} — " + provenance_line(a, lang))
    else:
        doc.add_paragraph(t("nothing"))
