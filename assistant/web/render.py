"""Pages from Jinja2 templates, in one language per page.

Every template gets `_` for the page's language (so `make i18n` extracts `_("...")` from the
templates too), the page's `lang` and `tag` for `<html lang>`, the seat's CSRF token for its
forms, the client's look (contrast, text size), and `symbol(emoji)`: the OpenMoji SVG,
hidden from assistive technology because the words beside it name it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from aiohttp import web
from markupsafe import Markup

from assistant.i18n import translator
from assistant.languages import LANGUAGES, known_or_default, language
from assistant.symbols import svg_markup

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


def symbol(emoji: str) -> Markup:
    svg = svg_markup(emoji) if emoji else None
    if svg is None:
        # no drawing: the character itself, still hidden (the words name it)
        return Markup('<span class="symbol-char" aria-hidden="true">{}</span>').format(emoji)
    return Markup(svg)  # noqa: S704 - OpenMoji files shipped with Haave, ids stripped


def paragraphs(text: str) -> Markup:
    """Dialogue texts break lines with \\n: one line each, escaped."""
    lines = [line for line in text.split("\n") if line.strip()]
    return Markup("<br>").join(Markup.escape(line) for line in lines)


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals.update(symbol=symbol, languages=LANGUAGES)
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
