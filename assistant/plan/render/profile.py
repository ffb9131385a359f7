"""The one-page profile as HTML, PDF/A (exactly one A4) and DOCX, symbols from OpenMoji."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from assistant.dialogue.model import Dialogue
from assistant.plan.model import DraftPlan
from assistant.plan.profile import Profile, build_profile
from assistant.plan.render.docx import add_symbol, set_language
from assistant.plan.render.html import e, page
from assistant.plan.render.symbols import SYMBOL_CSS, symbol_html
from assistant.plan.texts import draft_text

CSS = (
    """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 14pt; line-height: 1.4; max-width: 48em; margin: 1em auto; padding: 0 1em;
  color: #111; background: #fff; }
h1 { font-size: 1.5em; margin: 0 0 0.4em; }
.boxes { display: grid; grid-template-columns: 1fr 1fr; gap: 0.8em; }
.box { border: 3px solid #333; border-radius: 0.6em; padding: 0.3em 0.8em; }
.box.support { grid-column: 1 / span 2; }
.box h2 { font-size: 1.1em; margin: 0.2em 0 0.3em; }
.box ul { list-style: none; margin: 0; padding: 0; }
.box li { margin: 0.25em 0; display: flex; align-items: flex-start; overflow-wrap: anywhere; }
.box li .sym { flex: none; width: 1.6em; height: 1.6em; }
.credit { font-size: 0.6em; margin-top: 0.8em; }
@media print {
  @page { size: A4; margin: 12mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 14pt; line-height: 1.35; }
  .boxes { display: block; }
  .box { break-inside: avoid; margin-bottom: 0.6em; }
  .pair { display: flex; gap: 0.6em; } .pair .box { flex: 1; }
}
"""
    + SYMBOL_CSS
)


def profile_html(profile: Profile) -> str:
    def box(b: Any) -> list[str]:
        out = [
            f'<section class="box {b.id}" aria-labelledby="p-{b.id}">',
            f'<h2 id="p-{b.id}">{symbol_html(b.symbol)}{e(b.title)}</h2>',
            "<ul>",
        ]
        out += [f"<li>{symbol_html(i.symbol)}{e(i.text)}</li>" for i in b.items]
        return [*out, "</ul>", "</section>"]

    first, second, third = profile.boxes
    body = [
        f"<h1>{e(profile.title)}: {e(profile.name)}</h1>",
        '<div class="boxes">',
        '<div class="pair">',
        *box(first),
        *box(second),
        "</div>",
        *box(third),
        "</div>",
        f'<p class="credit">{e(draft_text("credit", profile.lang))}</p>',
    ]
    return page(profile.lang, f"{profile.title}: {profile.name}", body, CSS)


def render_profile_html(plan: DraftPlan, dialogue: Dialogue) -> str:
    return profile_html(build_profile(plan, dialogue))


#: Smaller and smaller budgets, tried until the profile fits one page.
_SCALES = (1.0, 0.85, 0.7, 0.55, 0.4, 0.25)


def render_profile_pdf(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    """PDF/A of the profile on exactly one page: laid out, measured, and rebuilt with less
    content while it overflows (content is chosen, never cut)."""
    from assistant.plan.render.pdf import laid_out, write

    for scale in _SCALES:
        document = laid_out(profile_html(build_profile(plan, dialogue, scale)))
        if len(document.pages) == 1:
            return write(document)
    return write(document)


def render_profile_docx(plan: DraftPlan, dialogue: Dialogue) -> bytes:
    """The profile as a Word document: a heading per box, a symbol picture beside each line."""
    from docx import Document  # deferred: python-docx loads lxml
    from docx.shared import Mm, Pt

    profile = build_profile(plan, dialogue)
    doc = Document()
    for sec in doc.sections:
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = Mm(15)
    doc.core_properties.title = f"{profile.title}: {profile.name}"[:200]
    doc.core_properties.language = profile.lang
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    set_language(doc, profile.lang)
    title = doc.add_paragraph(f"{profile.title}: {profile.name}")
    title._p.style = "Title"
    for box in profile.boxes:
        heading = doc.add_paragraph()
        heading._p.style = "Heading1"
        add_symbol(heading, box.symbol, 8)
        heading.add_run(box.title)
        for item in box.items:
            para = doc.add_paragraph()
            add_symbol(para, item.symbol, 7)
            para.add_run(item.text)
    credit = doc.add_paragraph()
    credit.add_run(draft_text("credit", profile.lang)).font.size = Pt(8)
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()
