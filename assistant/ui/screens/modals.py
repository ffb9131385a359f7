"""Small windows over a screen: help, confirm, a facilitator's note, who answers, and
picking a session. Every choice is a button or a list row: keys, mouse and touch alike."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from assistant.i18n import _
from assistant.session import AnsweredBy, Answering, Person
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import plain
from assistant.ui.widgets.who_bar import SYMBOLS, answering_line


class HaaveModal(ModalScreen[Any]):
    BINDINGS = [Binding("escape", "close", "Close", id="haave.close")]  # noqa: RUF012

    def action_close(self) -> None:
        self.dismiss(None)


def _button(label: str, action: str, button_id: str) -> Button:
    return Button(plain(label), id=button_id, action=action, compact=True)


class HelpScreen(HaaveModal):
    """Help for the step, with the meaning of hard words, and the keys of the screen."""

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
            yield _button("✖ " + _("Close") + " (Esc)", "screen.close", "close")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()


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


class NoteScreen(HaaveModal):
    """A facilitator's note on this step, for the caseworker (not the client's answer)."""

    def __init__(self, writer: Person) -> None:
        super().__init__()
        self.writer = writer

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static("📝 " + _("Note for the caseworker"), classes="title")
            yield Static(plain(_("Written by:") + " " + self.writer.name), classes="line")
            yield Input(placeholder=_("Write the note here."), id="note")
            with Horizontal(classes="row"):
                yield _button("✔ " + _("Save the note"), "screen.save", "save")
                yield _button("✖ " + _("Close") + " (Esc)", "screen.close", "close")

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        text = self.query_one("#note", Input).value
        self.dismiss(text if text.strip() else None)


class AnsweringScreen(HaaveModal):
    """Pick who answers this step: the client, the client with help, or someone's own view."""

    def __init__(self, client: str, others: list[Person]) -> None:
        super().__init__()
        self.options: list[Answering] = [Answering()]
        for person in others:
            self.options.append(Answering(AnsweredBy.CLIENT_WITH_SUPPORT, person))
        for person in others:
            self.options.append(Answering(AnsweredBy.SUPPORTER_VIEW, person))
        self.items = [
            ChoiceItem(str(n), SYMBOLS[a.by], answering_line(a, client).plain.split("  ", 1)[1])
            for n, a in enumerate(self.options[:9])
        ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(_("Who is answering now?"), classes="title")
            yield ChoiceList(self.items, id="answering-list")
            yield _button("✖ " + _("Close") + " (Esc)", "screen.close", "close")

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        self.dismiss(self.options[int(event.value)])


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
