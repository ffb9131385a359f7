"""The break: everything is saved. "Go on when you are ready"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from assistant.i18n import _
from assistant.ui import bindings
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.widgets.action_bar import action_button


class BreakScreen(HaaveScreen):
    def compose(self) -> ComposeResult:
        keymap = self.haave.keymap
        with VerticalScroll(id="body"):
            yield Static("☕  " + _("Time for a break."), classes="title")
            yield Static("💾  " + _("Everything is saved."), classes="line")
            yield Static("👋  " + _("Go on when you are ready."), classes="line")
            with Horizontal(classes="row"):
                yield action_button("▶", _("Go on"), "screen.resume", "resume", keymap=keymap)
                yield action_button(
                    "✖", _("Close Haave"), "app.quit", "quit", keymap=keymap, binding=bindings.QUIT
                )
        yield self.action_bar(pause=False)

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    def spoken_text(self) -> str:
        return " ".join(
            [_("Time for a break."), _("Everything is saved."), _("Go on when you are ready.")]
        )

    def action_back(self) -> None:
        self.action_resume()

    def action_pause(self) -> None:
        return None

    def action_resume(self) -> None:
        self.haave.show_sessions()
