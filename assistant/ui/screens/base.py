"""What every Haave screen shares: Back, Help, Read aloud and Break, always the same keys and
the same buttons in the same place. Screens never import each other: the app shows the next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.binding import Binding
from textual.screen import Screen

from assistant.i18n import _
from assistant.ui import bindings
from assistant.ui.screens.modals import HelpScreen
from assistant.ui.widgets.action_bar import ActionBar
from assistant.ui.widgets.choice_list import ChoiceList
from assistant.ui.widgets.scale_tiles import ScaleTiles

if TYPE_CHECKING:
    from assistant.ui.app import HaaveApp


class HaaveScreen(Screen[Any]):
    """A screen with the common actions. Subclasses say what Back does and what to read."""

    BINDINGS = bindings.COMMON

    @property
    def haave(self) -> HaaveApp:
        return cast("HaaveApp", self.app)

    def action_bar(self, *, back: bool = True, pause: bool = True) -> ActionBar:
        return ActionBar(self.haave.keymap, back=back, pause=pause)

    def key(self, binding: Binding) -> str:
        """The key of a binding now, in words (after the user's remap)."""
        return bindings.key_label(self.haave.keymap, binding)

    def spoken_text(self) -> str:
        """The text Read aloud speaks on this screen."""
        return ""

    def help_text(self) -> str:
        return _("Tap a choice. Or press its number.")

    def keys_help(self) -> str:
        """The keys of this screen, from its real bindings."""
        lines = []
        for binding in self._bindings_for_help():
            lines.append(f"{self.key(binding)}: {_(binding.description)}")
        return "\n".join(lines)

    def _bindings_for_help(self) -> list[Binding]:
        return [b for b in self.BINDINGS if isinstance(b, Binding) and b.show]

    def action_pick_number(self, number: int) -> None:
        """A number key when the focus is not on the choices (e.g. after a tap on a
        button): it picks on the screen's choices all the same."""
        for widget in self.query("ChoiceList, ScaleTiles"):
            shown = all(n.display for n in widget.ancestors_with_self if n is not self)
            if shown and isinstance(widget, ChoiceList | ScaleTiles):
                widget.focus()
                widget.pick_number(number)
                return

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.dismiss(None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.help_text(), self.keys_help()))

    def action_read_aloud(self) -> None:
        self.haave.read_aloud(self.spoken_text())

    def action_pause(self) -> None:
        self.haave.take_break()

    def redraw(self) -> None:
        """Draw the screen again (after a language change) and keep the focus on a control."""
        self.refresh(recompose=True)
        self.call_after_refresh(self.focus_first)

    def focus_first(self) -> None:
        for widget in self.query("ChoiceList, ScaleTiles, Input, TextArea, Button"):
            if widget.focusable and widget.display:
                widget.focus()
                return

    def on_screen_resume(self) -> None:
        self.haave.screen_shown(self)
