"""The draft as a Word document (python-docx) with real headings and tables."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from assistant.languages import LangCode, language
from assistant.plan.model import DraftPlan, PlanAnswer, PlanMat, Source
from assistant.plan.render.common import (
    basic_answers,
    details,
    has_unconfirmed,
    language_name,
    value_text,
    with_isolated_bidi,
)
from assistant.plan.render.symbols import symbol_png
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


def set_language(doc: Any, lang: str) -> None:
    """The text's language on the Normal style, for screen readers and spelling."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    found = rpr.find(qn("w:lang"))
    if found is None:
        found = OxmlElement("w:lang")
        rpr.append(found)
    found.set(qn("w:val"), language(lang).tag)


def _mark(a: PlanAnswer, lang: LangCode) -> str:
    """The provenance mark, only where it carries information (see render.html.mark)."""
    bits = []
    if a.source is not Source.CLIENT:
        who = a.supported_by if a.source is Source.CLIENT_WITH_SUPPORT else a.given_by
        text = draft_text(f"src_{a.source.value}", lang)
        bits.append(f"{text} ({who})" if who else text)
    if a.source.is_client and not a.confirmed:
        bits.append(draft_text("not_confirmed", lang))
    return f" [{' · '.join(bits)}]" if bits else ""


def _cell_text(a: PlanAnswer, lang: LangCode) -> str:
    bits = [x for x in (value_text(a, lang), a.words or "") if x]
    return "\n".join(bits) + _mark(a, lang)


def _answers_table(doc: Any, answers: list[PlanAnswer], lang: LangCode) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for a in answers:
        row = table.add_row().cells
        row[0].text, row[1].text = a.label, _cell_text(a, lang)
    doc.add_paragraph()


def add_symbol(para: Any, emoji: str, mm: int = 5) -> None:
    """The emoji's OpenMoji picture at the start of a paragraph (nothing if there is none)."""
    from docx.shared import Mm

    png = symbol_png(emoji)
    if png is not None:
        para.add_run().add_picture(BytesIO(png), width=Mm(mm), height=Mm(mm))
        para.add_run(" ")


def _mat(doc: Any, mat: PlanMat, lang: LangCode) -> None:
    _heading(doc, f"{draft_text('mat', lang)}: {mat.title}", 3)
    table = doc.add_table(rows=2, cols=3)
    table.style = "Table Grid"
    for i, column in enumerate(mat.columns):
        head = table.rows[0].cells[i].paragraphs[0]
        add_symbol(head, column.symbol)
        head.add_run(column.title).bold = True
        cell = table.rows[1].cells[i]
        for n, card in enumerate(column.cards):
            para = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            add_symbol(para, card.symbol)
            para.add_run(
                card.label + ("" if card.confirmed else " " + draft_text("not_confirmed", lang))
            )
    for key, cards in (("mat_set_aside", mat.set_aside), ("mat_unplaced", mat.unplaced)):
        if cards:
            doc.add_paragraph(f"{draft_text(key, lang)}: {', '.join(c.label for c in cards)}")
    for card in (c for col in mat.columns for c in col.cards if c.words):
        doc.add_paragraph(f"{card.label}: {card.words}")
    done = "mat_confirmed" if mat.confirmed else "mat_not_confirmed"
    doc.add_paragraph().add_run(draft_text(done, lang)).italic = True


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
    set_language(doc, plan.lang)
    _heading(doc, f"{t('title')}: {plan.alias}", 0)
    doc.add_paragraph().add_run(t("not_decision")).bold = True
    if has_unconfirmed(plan):
        doc.add_paragraph(t("unconfirmed_note"))
    _summary(doc, plan)
    _basic(doc, plan)
    _heading(doc, t("details"), 1)
    for part in details(plan):
        _heading(doc, part.section.title, 2)
        for mat in part.mats:
            _mat(doc, mat, lang)
        if part.answers:
            _answers_table(doc, part.answers, lang)
        elif not part.mats:
            doc.add_paragraph(t("nothing"))
    doc.add_paragraph().add_run(t("not_decision")).bold = True
    doc.add_paragraph(t("credit"))
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _summary(doc: Any, plan: DraftPlan) -> None:
    lang = plan.lang

    def t(key: str) -> str:
        return draft_text(key, lang)

    _heading(doc, t("summary"), 1)
    _heading(doc, t("sum_important"), 2)
    if not plan.important:
        doc.add_paragraph(t("sum_important_none"))
    for item in plan.important:
        para = _styled(doc, "", "ListNumber")
        add_symbol(para, item.symbol)
        para.add_run(item.words).bold = True
        para.add_run(f" ({item.label})").italic = True
    for block in plan.summary:
        _heading(doc, block.title, 2)
        _answers_table(doc, block.answers, lang)
    if plan.differing_views:
        _heading(doc, t("differing"), 2)
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
    if plan.not_answered:
        _heading(doc, t("sum_declined"), 2)
        for a in plan.not_answered:
            _styled(doc, f"{a.label}: {value_text(a, lang)}{_mark(a, lang)}", "ListBullet")
    _heading(doc, t("consent"), 2)
    doc.add_paragraph(plan.consent_text)


def _basic(doc: Any, plan: DraftPlan) -> None:
    lang = plan.lang

    def t(key: str) -> str:
        return draft_text(key, lang)

    _heading(doc, section_title("basic", lang), 1)
    facts = [
        (t("alias"), plan.alias),
        (t("prepared"), plan.prepared_text),
        (t("language"), language_name(plan.client_lang, lang)),
        (t("view_ways"), ", ".join(plan.view_ways) or t("ways_none")),
    ]
    if plan.communication:
        facts.append((t("communication"), "; ".join(plan.communication)))
    facts += [(t("meetings"), f"{m.on_text}: {', '.join(m.present)}") for m in plan.meetings]
    if plan.participants:
        people = ", ".join(f"{p.name} ({p.role_label})" for p in plan.participants)
        facts.append((t("participants"), people))
    for key, value in facts:
        para = doc.add_paragraph()
        para.add_run(f"{key}: ").bold = True
        para.add_run(value)
    if answers := basic_answers(plan):
        _answers_table(doc, answers, lang)


def docx_text(data: bytes) -> str:
    """The paragraphs and table cells of a DOCX, one per line (for tests and goldens)."""
    from docx import Document

    doc = Document(BytesIO(data))
    lines = [f"[{p.style.name}] {p.text}" if p.style else p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append(" | ".join(c.text for c in row.cells))
    return "\n".join(lines) + "\n"
