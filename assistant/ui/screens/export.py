"""Export: an honest placeholder until the draft-plan export lands."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from assistant.i18n import _
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.widgets.action_bar import ActionBar


class ExportScreen(HaaveScreen):
    def compose(self) -> ComposeResult:
        with Vertical(id="body"):
            yield Static("📄  " + _("Your plan"), classes="title")
            yield Static("💾  " + _("Your answers are saved."), classes="line")
            yield Static("🚧  " + _("Making the plan file comes later."), classes="line")
            yield Static("🙂  " + _("Nothing was sent anywhere."), classes="line")
        yield ActionBar()

    def spoken_text(self) -> str:
        return " ".join(
            [
                _("Your answers are saved."),
                _("Making the plan file comes later."),
                _("Nothing was sent anywhere."),
            ]
        )

    def action_back(self) -> None:
        from assistant.ui.screens.readback import ReadbackScreen  # noqa: PLC0415

        self.haave.goto(ReadbackScreen())
