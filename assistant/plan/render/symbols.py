"""Symbols in the documents: OpenMoji drawings instead of emoji characters.

A computer without an emoji font prints empty boxes, and "My plan" is made for a client who
reads by pictures. So the HTML and PDF draw each symbol as inline SVG (no file or network
needed), and DOCX as a PNG (Word and LibreOffice show SVG only with a PNG fallback beside it,
so a PNG is what every reader shows). The words always stay beside the symbol: the SVG is
hidden from screen readers, the words name it.
"""

from __future__ import annotations

from functools import cache

from assistant.symbols import svg_markup


def symbol_html(emoji: str, css_class: str = "sym") -> str:
    """An emoji as inline SVG in a span; empty when OpenMoji has no drawing of it (the words
    beside it carry the meaning; an emoji character would print as a box)."""
    if not emoji:
        return ""
    markup = svg_markup(emoji)
    if markup is None:
        return ""
    return f'<span class="{css_class}">{markup}</span>'


@cache
def symbol_png(emoji: str, px: int = 96) -> bytes | None:
    """An emoji as a PNG for Word documents, or None when there is no drawing of it.

    CairoSVG (by the makers of WeasyPrint, on Debian's libcairo2) draws OpenMoji's simple
    SVGs faithfully; it is imported here, only when a DOCX with symbols is made."""
    markup = svg_markup(emoji) if emoji else None
    if markup is None:
        return None
    try:
        import cairosvg  # deferred: cairo is loaded only for DOCX symbols
    except (ImportError, OSError):  # no libcairo on this machine: words only
        return None
    png: bytes = cairosvg.svg2png(
        bytestring=markup.encode("utf-8"), output_width=px, output_height=px
    )
    return png


SYMBOL_CSS = """
.sym { display: inline-block; width: 1.5em; height: 1.5em; vertical-align: middle;
  margin-right: 0.3em; }
.sym svg { width: 100%; height: 100%; }
"""
