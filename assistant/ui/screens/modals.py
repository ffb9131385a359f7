"""Small dialogs: help, confirm, a facilitator's note, and who is answering."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from assistant.i18n import _
from assistant.ui.screens.base import HaaveModal
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import plain
from assistant.ui.widgets.who_bar import Answering


class HelpScreen(HaaveModal):
    """Help for the step, with the meaning of hard words."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("❓ " + _("Help"), classes="title")
            yield Static(plain(self.text), id="help-text")
            yield Button(plain(_("Close") + " (Esc)"), id="close", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)


class ConfirmScreen(HaaveModal):
    """Ask once more before something that cannot be undone."""

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain("❗ " + self.question), id="confirm-question")
            with Horizontal(classes="row"):
                yield Button(plain("✔ " + _("Yes")), id="yes", compact=True)
                yield Button(plain("✖ " + _("No")), id="no", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")


class NoteScreen(HaaveModal):
    """A facilitator's note on this step, for the caseworker (not the client's answer)."""

    def __init__(self, writer: str) -> None:
        super().__init__()
        self.writer = writer

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("📝 " + _("Note for the caseworker"), classes="title")
            yield Static(plain(_("Written by:") + " " + self.writer), classes="line")
            yield Input(placeholder=_("Write the note. Then press Enter."), id="note")

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value if event.value.strip() else None)


class AnsweringScreen(HaaveModal):
    """Pick who answers this step: the client, the client with help, or a supporter's view."""

    def __init__(self, client: str, others: list[str]) -> None:
        super().__init__()
        self.options: list[Answering] = [Answering()]
        items = [ChoiceItem("0", "🙂", plain(client).plain + " " + _("answers"))]
        for name in others:
            self.options.append(Answering("client_with_support", name))
            items.append(ChoiceItem(str(len(items)), "🤝", _("With help from:") + " " + name))
        for name in others:
            self.options.append(Answering("supporter_view", name))
            items.append(ChoiceItem(str(len(items)), "💬", _("Own view of:") + " " + name))
        self.items = items[:9]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Who is answering now?"), classes="title")
            yield ChoiceList(self.items, id="answering-list")

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        self.dismiss(self.options[int(event.value)])

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        if key.isdigit():
            self.query_one(ChoiceList).pick_number(int(key))
