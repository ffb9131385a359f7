"""Pages from Jinja2 templates, in one language per page.

Every template gets `_` for the page's language (so `make i18n` extracts `_("...")` from the
templates too), the page's `lang` and `tag` for `<html lang>`, the seat's CSRF token for its
forms, the client's look (contrast, text size), and `symbol(emoji)`: the OpenMoji SVG,
hidden from assistive technology because the words beside it name it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from aiohttp import web
from markupsafe import Markup

from assistant.i18n import translator
from assistant.languages import LANGUAGES, known_or_default, language
from assistant.symbols import code, svg_markup, svg_path

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
SYMBOL_NAME = re.compile(r"[0-9A-F]{2,6}(-[0-9A-F]{2,6}){0,7}")


@cache
def symbol(emoji: str) -> Markup:
    """An image of the symbol, decorative (`alt=""`): the words beside it name it. An image
    file, not inline SVG: the browser keeps it between pages, and a page parses far faster."""
    if not emoji or svg_path(emoji) is None:
        # no drawing: the character itself, still hidden (the words name it)
        return Markup('<span class="symbol-char" aria-hidden="true">{}</span>').format(emoji)
    return Markup('<img class="symbol-img" src="/symbols/{}.svg" alt="">').format(code(emoji))


def symbol_svg(name: str) -> str | None:
    """The SVG for `/symbols/NAME.svg` (NAME is OpenMoji's code), or None."""
    if not SYMBOL_NAME.fullmatch(name):
        return None
    try:
        emoji = "".join(chr(int(part, 16)) for part in name.split("-"))
    except ValueError:
        return None
    return svg_markup(emoji)


def paragraphs(text: str) -> Markup:
    """Dialogue texts break lines with \\n: one line each, escaped."""
    lines = [line for line in text.split("\n") if line.strip()]
    return Markup("<br>").join(Markup.escape(line) for line in lines)


def static_versions() -> dict[str, str]:
    """`haave.css` -> `/static/haave.css?v=HASH`: a page names the exact file it needs, so a
    browser keeps it (no revalidation round trip per page) and a new Haave gets new files."""
    out = {}
    for path in STATIC.iterdir():
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
            out[path.name] = f"/static/{path.name}?v={digest}"
    return out


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals.update(symbol=symbol, languages=LANGUAGES, static=static_versions())
    env.filters["lines"] = paragraphs
    return env


class Pages:
    """Renders templates into responses."""

    def __init__(self) -> None:
        self.env = make_environment()

    def render(
        self,
        name: str,
        lang: str,
        context: Mapping[str, Any],
        status: int = 200,
    ) -> web.Response:
        lang = known_or_default(lang)
        text = self.env.get_template(name).render(
            {
                "_": translator(lang),
                "lang": lang,
                "tag": language(lang).tag,
                "speech_tag": language(lang).speech_tag,
                "high_contrast": False,
                "large_text": False,
                "read_aloud": False,
                "csrf": "",
                "flash": None,
                "sid": "",
                "drafts_done": "",
                **context,
            }
        )
        return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")
