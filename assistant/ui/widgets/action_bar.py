"""Buttons that run an action, and the bar always in the same place: Back, Help, Read aloud,
Break (WCAG 3.2.6).

A button here runs its action itself (Textual's `Button(action=...)`): no screen handles
its press, so one click is one action, whatever the screen's base class does.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button

from assistant.i18n import _
from assistant.ui import bindings
from assistant.ui.widgets.text import plain


def action_button(
    symbol: str,
    words: str,
    action: str,
    button_id: str,
    *,
    keymap: Mapping[str, str],
    binding: Binding | None = None,
    variant: str = "default",
) -> Button:
    """A button "◀ Back (Esc)" that runs `action` (e.g. "screen.back"); the key shown is
    the binding's key now (after a remap). Long labels wrap, never cut."""
    key = f" ({bindings.key_label(keymap, binding)})" if binding is not None else ""
    return Button(
        plain(f"{symbol} {words}{key}"),
        id=button_id,
        action=action,
        compact=True,
        variant=variant,  # type: ignore[arg-type]
    )


class ActionBar(Horizontal):
    """Back, Help, Read aloud and Break, in this order, at the bottom of every screen."""

    DEFAULT_CSS = """
    ActionBar { height: auto; dock: bottom; }
    ActionBar Button { margin: 0 1 0 0; }
    """

    def __init__(self, keymap: Mapping[str, str], back: bool = True, pause: bool = True) -> None:
        super().__init__(id="action-bar")
        self._keymap = keymap
        self._back = back
        self._pause = pause

    def compose(self) -> ComposeResult:
        keymap = self._keymap
        if self._back:
            yield action_button(
                "◀", _("Back"), "screen.back", "action-back", keymap=keymap, binding=bindings.BACK
            )
        yield action_button(
            "❓", _("Help"), "screen.help", "action-help", keymap=keymap, binding=bindings.HELP
        )
        yield action_button(
            "🔊",
            _("Read aloud"),
            "screen.read_aloud",
            "action-read",
            keymap=keymap,
            binding=bindings.READ_ALOUD,
        )
        if self._pause:
            yield action_button(
                "☕", _("Break"), "screen.pause", "action-break",
                keymap=keymap, binding=bindings.BREAK,
            )  # fmt: skip
