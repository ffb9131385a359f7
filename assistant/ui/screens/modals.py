"""Small windows over a screen: help, confirm, and picking one or several things. Every
choice is a button or a list row: keys, mouse and touch alike. Nothing here loads the
session service, so the first screen (which has Help) comes up fast."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from assistant.i18n import _
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import plain

if TYPE_CHECKING:
    from assistant.ui.app import HaaveApp


class HaaveModal(ModalScreen[Any]):
    BINDINGS = [Binding("escape", "close", "Close", id="haave.close")]  # noqa: RUF012

    def on_screen_resume(self) -> None:
        """A window on a zoomed terminal stacks its buttons too."""
        cast("HaaveApp", self.app).mark_narrow()

    def action_close(self) -> None:
        self.dismiss(None)


def _button(label: str, action: str, button_id: str) -> Button:
    return Button(plain(label), id=button_id, action=action, compact=True)


class HelpScreen(HaaveModal):
    """Help for the step, with the meaning of hard words, and the keys of the screen. The
    help is read aloud too (its words, not the keys)."""

    BINDINGS = [  # noqa: RUF012
        *HaaveModal.BINDINGS,
        Binding("f5", "read", "Read aloud", id="haave.read_help", show=False),
    ]

    def __init__(self, text: str, keys: str = "") -> None:
        super().__init__()
        self.text = text
        self.keys = keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static("❓ " + _("Help"), classes="title")
            yield Static(plain(self.text), id="help-text")
            if self.keys:
                yield Static("⌨ " + _("On the keyboard:"), classes="line")
                yield Static(plain(self.keys), id="help-keys")
            with Horizontal(classes="row"):
                yield _button("🔊 " + _("Read aloud"), "screen.read", "read-help")
                yield _button("✖ " + _("Close") + " (Esc)", "screen.close", "close")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def action_read(self) -> None:
        cast("HaaveApp", self.app).read_aloud(self.text)


class ConfirmScreen(HaaveModal):
    """Ask once more before something that cannot be undone."""

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(plain("❗ " + self.question), id="confirm-question")
            with Horizontal(classes="row"):
                yield _button("✔ " + _("Yes"), "screen.answer(True)", "yes")
                yield _button("✖ " + _("No"), "screen.answer(False)", "no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, ok: bool) -> None:
        self.dismiss(ok)


class PickScreen(HaaveModal):
    """Pick one of a few things (e.g. which session to archive), or close."""

    def __init__(self, question: str, items: list[ChoiceItem]) -> None:
        super().__init__()
        self.question = question
        self.items = items

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(plain(self.question), classes="title")
            yield ChoiceList(self.items, id="pick-list")
            yield _button("✖ " + _("Close") + " (Esc)", "screen.close", "close")

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        self.dismiss(event.value)


class ManyScreen(HaaveModal):
    """Pick any of a few things (e.g. how the client's view was heard today), then Ready."""

    def __init__(self, question: str, items: list[ChoiceItem], chosen: tuple[str, ...]) -> None:
        super().__init__()
        self.question = question
        self.items = items
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(plain(self.question), classes="title")
            yield ChoiceList(self.items, multi=True, chosen=self.chosen, id="many-list")
            with Horizontal(classes="row"):
                yield _button("✔ " + _("Ready"), "screen.ready", "ready")
                yield _button("✖ " + _("Close") + " (Esc)", "screen.close", "close")

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()  # a toggle; Ready sends them all

    def action_ready(self) -> None:
        self.dismiss(list(self.query_one(ChoiceList).chosen))
