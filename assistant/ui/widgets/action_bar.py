"""The bar that is always in the same place: Back, Help, Read aloud, Break (WCAG 3.2.6)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

from assistant.i18n import _
from assistant.ui.widgets.text import plain


def key_button(label: str, key: str, button_id: str, variant: str = "default") -> Button:
    """A compact button showing its key, e.g. "Back (Esc)"."""
    return Button(
        plain(f"{label} ({key})"),
        id=button_id,
        compact=True,
        variant=variant,  # type: ignore[arg-type]
    )


class ActionBar(Horizontal):
    """Back, Help, Read aloud and Break, in this order, at the bottom of every screen."""

    DEFAULT_CSS = """
    ActionBar { height: 1; dock: bottom; }
    ActionBar Button { margin: 0 1 0 0; }
    """

    def __init__(self, back: bool = True, pause: bool = True) -> None:
        super().__init__(id="action-bar")
        self._back = back
        self._pause = pause

    def compose(self) -> ComposeResult:
        if self._back:
            yield key_button("◀ " + _("Back"), "Esc", "action-back")
        yield key_button("❓ " + _("Help"), "F1", "action-help")
        yield key_button("🔊 " + _("Read aloud"), "F5", "action-read")
        if self._pause:
            yield key_button("☕ " + _("Break"), "F10", "action-break")
