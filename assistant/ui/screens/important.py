"""What matters most: the client picks up to three things from their own answers. They come
first in the caseworker's draft and in the client's own copy."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from assistant.i18n import _, get_language
from assistant.session import ActiveSession, SessionError
from assistant.session.important import ImportantView
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.widgets.action_bar import action_button
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import plain, short


class ImportantScreen(HaaveScreen):
    @property
    def session(self) -> ActiveSession:
        assert self.haave.session is not None
        return self.haave.session

    @property
    def view(self) -> ImportantView:
        return self.session.important_choices()

    def compose(self) -> ComposeResult:
        view = self.view
        keymap = self.haave.keymap
        items = [
            ChoiceItem(o.key, o.symbol, f"{short(o.words, 50)} · {o.theme_title}")
            for o in view.options
        ]
        with VerticalScroll(id="body"):
            yield Static(plain(f"⭐  {view.question}"), classes="title")
            yield ChoiceList(items, multi=True, chosen=view.picked, id="important")
            with Horizontal(classes="row"):
                yield action_button(
                    "✔", _("Ready"), "screen.ready", "ready", keymap=keymap, variant="primary"
                )
                yield action_button("⏩", _("Skip"), "screen.skip", "skip", keymap=keymap)
        yield self.action_bar()

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    def spoken_text(self) -> str:
        return self.view.spoken

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        chosen = self.query_one(ChoiceList).chosen
        if len(chosen) > self.view.most:
            self.notify(_("Pick at most three."), severity="warning")

    def action_ready(self) -> None:
        chosen = list(self.query_one(ChoiceList).chosen)
        if len(chosen) > self.view.most:
            self.notify(_("Pick at most three."), severity="warning")
            return
        try:
            self.session.pick_important(chosen)
        except SessionError as error:
            self.notify(error.words(get_language()), severity="error")
            return
        self.haave.show_export()

    def action_skip(self) -> None:
        self.haave.show_export()

    def action_back(self) -> None:
        self.haave.show_themes()
