"""Who is here today: the client's name or nickname, and the people beside them."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from assistant.i18n import _
from assistant.ui.screens.base import COMMON_BINDINGS, HaaveScreen
from assistant.ui.service import ROLES, OpenSession, Participant
from assistant.ui.widgets.action_bar import ActionBar, key_button
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import plain, short

ROLE_SYMBOLS = {
    "supporter": "🤝",
    "support_ring": "👥",
    "experience_expert": "🌟",
    "relative": "🏠",
    "caseworker": "📋",
}


def role_words(role: str) -> str:
    words = {
        "client": _("Client"),
        "supporter": _("Supporter"),
        "support_ring": _("Support ring"),
        "experience_expert": _("Experience expert"),
        "relative": _("Relative"),
        "caseworker": _("Caseworker"),
    }
    return words.get(role, role)


class WhoScreen(HaaveScreen):
    BINDINGS = [  # noqa: RUF012
        *COMMON_BINDINGS,
        Binding(
            "f6",
            "same",
            "Same people",
            id="haave.same_people",
            tooltip="The same people as last time",
        ),
        Binding(
            "f8",
            "remove_last",
            "Remove the last person",
            id="haave.remove_person",
            tooltip="Take away the person added last (added by mistake)",
        ),
        Binding("f9", "go_on", "Go on", id="haave.go_on", tooltip="Go on"),
    ]

    def __init__(self, session: OpenSession | None) -> None:
        super().__init__()
        self.session = session
        self.people: list[Participant] = []
        self.previous: list[Participant] = []
        self.client_name = ""
        if session is not None:
            self.client_name = session.alias
            self.previous = [p for p in session.present if p.role != "client"]

    def on_mount(self) -> None:
        if self.previous:
            self.query_one("#same", Button).focus()
        elif self.session is not None:
            self.query_one("#person-name", Input).focus()
        else:
            self.query_one("#client-name", Input).focus()

    def compose(self) -> ComposeResult:
        with Vertical(id="body"):
            yield Static("👥  " + _("Who is here today?"), classes="title")
            name = Input(
                self.client_name,
                placeholder=_("Your name or a nickname"),
                id="client-name",
                disabled=self.session is not None,
            )
            yield name
            if self.previous:
                same = ", ".join(short(p.name, 20) for p in self.previous)
                yield key_button("✔ " + _("Same people as last time:") + " " + same, "F6", "same")
            yield Static(self._people_words(), id="people", classes="line")
            yield Input(placeholder=_("Name of another person here"), id="person-name")
            items = [ChoiceItem(r, ROLE_SYMBOLS[r], role_words(r)) for r in ROLES]
            yield ChoiceList(items, id="roles")
            with Horizontal(classes="row"):
                yield key_button("▶ " + _("Go on"), "F9", "go-on", variant="primary")
                yield key_button("✖ " + _("Remove the last person"), "F8", "remove")
        yield ActionBar(pause=False)

    def _people_words(self) -> Text:
        if not self.people:
            return plain("🙂  " + _("Only the client is here."))
        names = ", ".join(f"{short(p.name, 20)} ({role_words(p.role)})" for p in self.people)
        return plain("👥  " + names)

    def spoken_text(self) -> str:
        return _("Who is here today?") + " " + _("Your name or a nickname")

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "client-name":
            self.client_name = event.value

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        person = self.query_one("#person-name", Input)
        name = person.value.strip()
        if not name:
            self.notify(_("First write the person's name."))
            person.focus()
            return
        self.people.append(Participant(name=name, role=event.value))
        person.value = ""
        self.query_one("#people", Static).update(self._people_words())
        person.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "client-name":
            self.query_one("#person-name", Input).focus()
        elif event.input.id == "person-name":
            if event.value.strip():
                self.query_one("#roles", ChoiceList).focus()
            else:
                self.action_go_on()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "same":
            event.stop()
            self.action_same()
        elif event.button.id == "go-on":
            event.stop()
            self.action_go_on()
        elif event.button.id == "remove":
            event.stop()
            self.action_remove_last()
        else:
            super().on_button_pressed(event)

    def action_remove_last(self) -> None:
        """Take away the person added last, e.g. a name typed by mistake."""
        if self.people:
            self.people.pop()
            self.query_one("#people", Static).update(self._people_words())

    def action_same(self) -> None:
        self.people = list(self.previous)
        self.action_go_on()

    def action_go_on(self) -> None:
        alias = self.client_name.strip()
        if not alias:
            self.notify(_("Write your name or a nickname first."))
            self.query_one("#client-name", Input).focus()
            return
        from assistant import i18n

        session = self.session or self.haave.service.create(alias, i18n.get_language())
        session.start_meeting([Participant(name=alias, role="client"), *self.people])
        self.haave.open_session(session)
        if self.session is None:
            from assistant.ui.screens.themes import ThemesScreen

            self.haave.goto(ThemesScreen())
        else:
            from assistant.ui.screens.conversation import ConversationScreen

            self.haave.goto(ConversationScreen())

    def action_back(self) -> None:
        from assistant.ui.screens.sessions import SessionsScreen

        self.haave.goto(SessionsScreen())
