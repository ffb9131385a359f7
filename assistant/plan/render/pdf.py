"""PDF/A-2b from the HTML renderers, for the client record (the archive takes PDF/A).

WeasyPrint lays out the same HTML the other formats make, with a print stylesheet on top:
one known font (DejaVu Sans, Debian's fonts-dejavu-core), so page counts are the same on
every machine, and PDF/A-2b: fonts embedded, an sRGB output intent, XMP metadata that names
the PDF/A part (`pdfaid:part="2"`, `pdfaid:conformance="B"`). Part 2 and not 3: an archive
copy needs no attached files, and part 2 is the one archives accept most widely. WeasyPrint
(and Pango under it) is imported here only: the other formats never pay for it.
"""

from __future__ import annotations

import re
from typing import Any

#: The PDF/A variant WeasyPrint writes.
PDF_VARIANT = "pdf/a-2b"

#: Laid over each document's own CSS: the font, and print media.
PRINT_CSS = """
html, body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
"""


class PdfUnavailable(RuntimeError):
    """WeasyPrint or the Pango library it needs is not installed."""


def _weasyprint() -> Any:
    try:
        import weasyprint  # deferred: about half a second of imports (Pango, fonts)
    except (ImportError, OSError) as exc:
        raise PdfUnavailable(
            "PDF needs WeasyPrint and Pango (Debian: libpango-1.0-0 libpangoft2-1.0-0)"
        ) from exc
    return weasyprint


#: A run of this many characters with no break opportunity in a text node.
_LONG_RUN = re.compile(r"[^\s<>\u200b]{40}(?=[^\s<>])")
_TEXT_NODE = re.compile(r">([^<]+)<")


def breakable(html: str) -> str:
    """Long unbroken runs in text get a zero-width break opportunity every 40 characters.

    Pango takes time that grows fast with the length of a word it must wrap anywhere: a
    client who typed 10,000 letters with no space would make the PDF take minutes. Only text
    between tags is touched; what is shown stays the same."""
    return _TEXT_NODE.sub(
        lambda m: ">" + _LONG_RUN.sub(lambda r: r.group(0) + "\u200b", m.group(1)) + "<", html
    )


def laid_out(html: str) -> Any:
    """The HTML laid out on A4 pages (a WeasyPrint document: `.pages`, `write`)."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=breakable(html), media_type="print")
    return document.render(
        stylesheets=[weasyprint.CSS(string=PRINT_CSS)], pdf_variant=PDF_VARIANT, pdf_tags=True
    )


def write(document: Any) -> bytes:
    """A laid-out document as PDF/A-2b bytes, tagged for screen readers."""
    data: bytes = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
    return data


def html_to_pdf(html: str) -> bytes:
    """The HTML page as PDF/A-2b bytes."""
    return write(laid_out(html))
