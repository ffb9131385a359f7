"""The windows about people: who answers now, and a facilitator's note (they show the
session's people, so they live apart from the light windows of `modals`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Static

from assistant.i18n import _
from assistant.session import AnsweredBy, Answering, Person
from assistant.ui.screens.modals import HaaveModal, _button
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import plain
from assistant.ui.widgets.who_bar import SYMBOLS, answering_line


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
