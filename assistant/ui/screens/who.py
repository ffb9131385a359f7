"""Who is here today: the client's name or nickname, and the people beside them."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static

from assistant.i18n import _, get_language
from assistant.session import ActiveSession, Role, SessionError, words
from assistant.ui import bindings
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.widgets.action_bar import action_button
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import plain, short


def role_words(role: Role) -> str:
    """One word per role, the same as on the web pages."""
    return words.role_words(role, get_language())


class WhoScreen(HaaveScreen):
    BINDINGS = [  # noqa: RUF012
        *bindings.COMMON,
        bindings.SAME_PEOPLE,
        bindings.REMOVE_PERSON,
        bindings.WHO_GO_ON,
    ]

    def __init__(self, session: ActiveSession | None) -> None:
        super().__init__()
        self.session = session
        self.people: list[tuple[str, Role]] = []
        self.previous: list[tuple[str, Role]] = []
        self.client_name = ""
        if session is not None:
            self.client_name = session.alias
            self.previous = [(p.name, p.role) for p in session.others]

    def on_mount(self) -> None:
        if self.previous:
            self.query_one("#same", Button).focus()
        elif self.session is not None:
            self.query_one("#person-name", Input).focus()
        else:
            self.query_one("#client-name", Input).focus()

    def compose(self) -> ComposeResult:
        keymap = self.haave.keymap
        with VerticalScroll(id="body"):
            yield Static("👥  " + _("Who is here today?"), classes="title")
            yield Input(
                self.client_name,
                placeholder=_("Your name or a nickname"),
                id="client-name",
                disabled=self.session is not None,
            )
            if self.previous:
                same = ", ".join(short(name, 20) for name, _role in self.previous)
                yield action_button(
                    "✔", _("Same people as last time:") + " " + same, "screen.same", "same",
                    keymap=keymap, binding=bindings.SAME_PEOPLE,
                )  # fmt: skip
            yield Static(self._people_words(), id="people", classes="line")
            yield Input(placeholder=_("Who else is here? Write the name."), id="person-name")
            items = [ChoiceItem(r.value, words.ROLE_SYMBOLS[r], role_words(r)) for r in words.ROLES]
            yield ChoiceList(items, id="roles")
            with Horizontal(classes="row"):
                yield action_button(
                    "▶", _("Go on"), "screen.go_on", "go-on",
                    keymap=keymap, binding=bindings.WHO_GO_ON, variant="primary",
                )  # fmt: skip
                yield action_button(
                    "✖", _("Remove the last person"), "screen.remove_last", "remove",
                    keymap=keymap, binding=bindings.REMOVE_PERSON,
                )  # fmt: skip
        yield self.action_bar(pause=False)

    def _people_words(self) -> Text:
        if not self.people:
            return plain("🙂  " + _("Only the client is here."))
        names = ", ".join(f"{short(name, 20)} ({role_words(role)})" for name, role in self.people)
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
        self.people.append((name, Role(event.value)))
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
        try:
            session = self.session or self.haave.sessions.create(alias, get_language())
            self.haave.open_session(session)
            session.start_meeting(self.people)
        except SessionError as error:
            self.notify(error.words(get_language()), severity="warning", timeout=10)
            return
        if self.session is None and not session.in_opening:
            self.haave.show_themes()
        else:  # the opening comes before the themes; a resumed session goes on where it was
            self.haave.show_where_the_session_is()

    def action_back(self) -> None:
        self.haave.show_sessions()
