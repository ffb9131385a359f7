"""The break: everything is saved. "See you next time"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from assistant.i18n import _
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.widgets.text import plain


class BreakScreen(HaaveScreen):
    def compose(self) -> ComposeResult:
        with Vertical(id="body"):
            yield Static("☕  " + _("Time for a break."), classes="title")
            yield Static("💾  " + _("Everything is saved."), classes="line")
            yield Static("👋  " + _("See you next time!"), classes="line")
            with Horizontal(classes="row"):
                yield Button(plain("▶ " + _("Go on") + " (Enter)"), id="resume", compact=True)
                yield Button(plain("✖ " + _("Close Haave") + " (Ctrl+Q)"), id="quit", compact=True)

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    def spoken_text(self) -> str:
        return " ".join(
            [_("Time for a break."), _("Everything is saved."), _("See you next time!")]
        )

    def action_back(self) -> None:
        self._resume()

    def action_pause(self) -> None:
        return None

    def _resume(self) -> None:
        from assistant.ui.screens.sessions import SessionsScreen

        self.haave.goto(SessionsScreen())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "quit":
            self.app.exit(0)
        else:
            self._resume()
