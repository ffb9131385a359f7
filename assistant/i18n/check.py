"""The easy-read checker over the UI catalogs: every translated UI string a client sees."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from assistant.i18n import LANGUAGES, STAFF_CONTEXTS, _po_path

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")

#: (text, lang, silenced rule -> reason) -> [(level, rule, message)]
TextChecker = Callable[[str, str, dict[str, str]], list[tuple[str, str, str]]]

#: A translator can accept a finding for one string with a comment in the .po file:
#: `#. easyread-ok: RULE: the reason`
SILENCE_MARK = "easyread-ok:"


@dataclass(frozen=True)
class CatalogFinding:
    path: Path
    line: int
    msgid: str
    level: str
    message: str


def catalog_findings(check: TextChecker) -> Iterator[CatalogFinding]:
    """Findings of the easy-read checker in every language's catalog."""
    from babel.messages.pofile import read_po

    for lang in LANGUAGES:
        po = _po_path(lang)
        if not po.exists():
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        for message in catalog:
            if not message.id or not isinstance(message.id, str):
                continue
            if message.context in STAFF_CONTEXTS:
                continue
            text = message.string if isinstance(message.string, str) and message.string else ""
            # placeholders such as {count} are filled by the app, not read as words
            text = _PLACEHOLDER.sub("", text or message.id)
            silenced = {}
            for comment in message.auto_comments + message.user_comments:
                if comment.strip().startswith(SILENCE_MARK):
                    rule, _, reason = comment.strip()[len(SILENCE_MARK) :].partition(":")
                    silenced[rule.strip()] = reason.strip() or "accepted by the translator"
            for level, rule, note in check(text, lang, silenced):
                yield CatalogFinding(
                    po, message.lineno or 1, message.id, level, f"easy-read {rule} ({lang}): {note}"
                )
