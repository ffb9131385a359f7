"""UI strings and dates in the client's language: babel gettext catalogs, one per language.

Strings in code are English msgids wrapped in `_()`. The `.po` files under `locale/` are
the source; a `.mo` is compiled in-process at first use when missing or older than its `.po`
(so a fresh clone works without a build step). Never imports textual.
"""

from __future__ import annotations

import contextlib
import gettext as _gettext
import io
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from pathlib import Path

from assistant import languages

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "haave"
LANGUAGES: tuple[str, ...] = languages.CODES
DEFAULT_LANGUAGE = languages.DEFAULT

#: Contexts of texts for the caseworker, not the client (the draft plan): the checks of
#: client texts (easy-read, short lines) leave them out.
STAFF_CONTEXTS = frozenset({"draft", "role", "plan section"})

_state = {"language": DEFAULT_LANGUAGE}


def _po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_catalog(lang: str) -> bytes:
    """The `.mo` bytes for a language, compiled from its `.po` with babel."""
    from babel.messages.mofile import write_mo  # deferred: only when a .mo must be made
    from babel.messages.pofile import read_po

    with _po_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The gettext translations for a language (English msgids fall through)."""
    po = _po_path(lang)
    if not po.exists():
        return _gettext.NullTranslations()
    mo = po.with_suffix(".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as handle:
            return _gettext.GNUTranslations(handle)
    data = compile_catalog(lang)
    with contextlib.suppress(OSError):  # a read-only install still works from memory
        mo.write_bytes(data)
    return _gettext.GNUTranslations(io.BytesIO(data))


def set_language(lang: str) -> str:
    """Make `lang` the language of `_()`. Unknown languages fall back to Finnish."""
    _state["language"] = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    return _state["language"]


def get_language() -> str:
    return _state["language"]


def _(message: str) -> str:
    """The message in the current language."""
    return translations(_state["language"]).gettext(message)


def gettext(message: str, lang: str | None = None) -> str:
    return translations(lang or _state["language"]).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    return translations(lang or _state["language"]).ngettext(singular, plural, n)


def translator(lang: str) -> Callable[[str], str]:
    """`_` for one language, whatever the current one is: a server serves many clients,
    each in their own language. Use it as `_ = translator(lang)`; `make i18n` finds the
    `_("...")` calls."""
    return translations(languages.known_or_default(lang)).gettext


def N_(message: str) -> str:
    """Mark a message for the catalog; it is translated later, where it is used."""
    return message


def NC_(context: str, message: str) -> str:
    """Mark a message with a context (`msgctxt`) for the catalog; see `pgettext`."""
    return message


def pgettext(context: str, message: str, lang: str | None = None) -> str:
    """The message in a context: the same English words can need other translations
    ("client" as the one who answered, and as a role)."""
    lang = languages.known_or_default(lang or _state["language"])
    return translations(lang).pgettext(context, message)


def format_date(value: date | datetime, lang: str | None = None, fmt: str = "long") -> str:
    """A date written in full words, e.g. '23. marraskuuta 2026'."""
    from babel.dates import format_date as _format  # deferred: babel.dates loads locale data

    day = value.date() if isinstance(value, datetime) else value
    return _format(day, format=fmt, locale=languages.language(lang or _state["language"]).locale)


def system_language() -> str:
    """The system locale's language when it is one of ours, else Finnish."""
    import locale
    import os

    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        code = value[:2].lower()
        if code in LANGUAGES:
            return code
    try:
        code = (locale.getlocale()[0] or "")[:2].lower()
    except ValueError:
        code = ""
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def catalog_texts(lang: str) -> list[tuple[str, str]]:
    """Every (msgid, translated text) a client may see in a language's catalog (texts for the
    caseworker's draft left out), for the easy-read checker and the tests."""
    from babel.messages.pofile import read_po

    po = _po_path(lang)
    if not po.exists():
        return []
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    out: list[tuple[str, str]] = []
    for message in catalog:
        if not message.id or not isinstance(message.id, str):
            continue
        if message.context in STAFF_CONTEXTS:
            continue
        text = message.string if isinstance(message.string, str) and message.string else ""
        out.append((message.id, text or message.id))
    return out
