"""Helpers that keep client and supporter text literal: never read as markup."""

from __future__ import annotations

import re

from rich.text import Text

# Control characters (ANSI escapes start with ESC) are shown as visible symbols, not run.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def plain(value: str, style: str = "") -> Text:
    """`value` as literal text: `[bold]` stays `[bold]`, ESC becomes a visible mark."""
    return Text(_CONTROL.sub("\N{REPLACEMENT CHARACTER}", value), style=style)


def short(value: str, limit: int = 80) -> str:
    """A long text cut for a one-line list (the stored text is never cut)."""
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "\N{HORIZONTAL ELLIPSIS}"
