"""What every Haave screen shares: the same keys for Back, Help, Read aloud and Break."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Button

from assistant.i18n import _

if TYPE_CHECKING:
    from assistant.ui.app import HaaveApp

COMMON_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    Binding("escape", "back", "Back", id="haave.back", tooltip="Go back one step"),
    Binding("f1", "help", "Help", id="haave.help", tooltip="Help for this screen"),
    Binding("f5", "read_aloud", "Read aloud", id="haave.read_aloud", tooltip="Read this screen"),
    Binding("f10", "pause", "Break", id="haave.break", tooltip="Save and take a break"),
]


class HaaveScreen(Screen[Any]):
    """A screen with the common actions. Subclasses say what Back does and what to read."""

    BINDINGS = COMMON_BINDINGS

    @property
    def haave(self) -> HaaveApp:
        return cast("HaaveApp", self.app)

    def spoken_text(self) -> str:
        """The text Read aloud speaks on this screen."""
        return ""

    def help_text(self) -> str:
        return _("Pick with the number keys, or the arrows and Enter.")

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.dismiss(None)

    def action_help(self) -> None:
        from assistant.ui.screens.modals import HelpScreen

        self.app.push_screen(HelpScreen(self.help_text()))

    def action_read_aloud(self) -> None:
        self.haave.read_aloud(self.spoken_text())

    def action_pause(self) -> None:
        self.haave.take_break()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        if button_id.startswith("action-"):
            event.stop()
            self.run_action_named(button_id.removeprefix("action-"))

    def run_action_named(self, name: str) -> None:
        actions = {
            "back": self.action_back,
            "help": self.action_help,
            "read": self.action_read_aloud,
            "break": self.action_pause,
        }
        if name in actions:
            actions[name]()

    def redraw(self) -> None:
        """Draw the screen again (after a language change) and keep the focus on a control."""
        self.refresh(recompose=True)
        self.call_after_refresh(self.focus_first)

    def focus_first(self) -> None:
        for widget in self.query("ChoiceList, Input, Button"):
            if widget.focusable:
                widget.focus()
                return

    def on_screen_resume(self) -> None:
        self.haave.screen_shown(self)


class HaaveModal(ModalScreen[Any]):
    BINDINGS = [Binding("escape", "close", "Close", id="haave.close", tooltip="Close")]  # noqa: RUF012

    def action_close(self) -> None:
        self.dismiss(None)
