"""The languages Haave speaks: the one registry every room reads.

Adding a language is one entry here, plus its data: the UI catalog
(`assistant/i18n/locale/<code>/LC_MESSAGES/haave.po`), the dialogue texts, and (for the
easy-read checker, which is its own package) `easyread/data/*_<code>.yaml`. No other code
lists languages. Never imports textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any


@dataclass(frozen=True)
class Language:
    """One language, with the names other tools know it by."""

    code: str
    """ISO 639-1 code, as used in dialogue texts, sessions and catalogs ("fi")."""
    name: str
    """The language's name in itself, for choosers ("Suomi")."""
    locale: str
    """The babel / CLDR locale for dates and plurals ("fi_FI")."""
    tag: str
    """The BCP 47 tag of text written in it, for documents and pages ("sv-FI")."""
    choose: str
    """"Choose a language" in this language, for the first screen."""
    speech_tag: str
    """The BCP 47 tag a browser's speech synthesis is asked for ("fi-FI")."""
    voice: str
    """The espeak-ng voice ("fi")."""


LANGUAGES: tuple[Language, ...] = (
    Language("fi", "Suomi", "fi_FI", "fi-FI", "Valitse kieli", "fi-FI", "fi"),
    # Browsers and tablets ship Swedish voices as sv-SE; the text itself is Finland-Swedish.
    Language("sv", "Svenska", "sv_FI", "sv-FI", "Välj språk", "sv-SE", "sv"),
    Language("en", "English", "en_GB", "en-GB", "Choose a language", "en-GB", "en"),
)

#: The language codes, Finnish first.
CODES: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES)

#: Finnish first: the language a session or page falls back to.
DEFAULT = "fi"

_BY_CODE = {lang.code: lang for lang in LANGUAGES}


def is_known(code: object) -> bool:
    return isinstance(code, str) and code in _BY_CODE


def language(code: str) -> Language:
    """The registry entry for a code; the default language for an unknown one."""
    return _BY_CODE.get(code, _BY_CODE[DEFAULT])


def known_or_default(code: str | None) -> str:
    return code if code is not None and code in _BY_CODE else DEFAULT


def _check(code: str) -> str:
    if code not in _BY_CODE:
        raise ValueError(f"unknown language '{code}'; use one of {', '.join(CODES)}")
    return code


if TYPE_CHECKING:
    #: A language code checked against the registry (a plain `str` for type checkers).
    LangCode = str
else:

    def __getattr__(name: str) -> Any:
        # pydantic is imported only when a model needs the type: `haave --help` stays light
        if name == "LangCode":
            from pydantic import AfterValidator, WithJsonSchema

            return Annotated[
                str,
                AfterValidator(_check),
                WithJsonSchema({"type": "string", "enum": list(CODES)}),
            ]
        raise AttributeError(f"module 'assistant.languages' has no attribute {name!r}")
