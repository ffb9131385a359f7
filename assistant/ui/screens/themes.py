"""The themes as symbols with words and their state; the client picks where to start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from assistant.dialogue import ThemeState
from assistant.i18n import _
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.widgets.action_bar import ActionBar
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import plain

IN_ORDER = "__in_order__"
MORE = "__more__"
#: At most five choices a screen: "in order", three themes and "more themes".
PER_PAGE = 3

STATE_MARKS = {
    ThemeState.NOT_STARTED: "○",
    ThemeState.BEGUN: "◐",
    ThemeState.DONE: "●",
    ThemeState.LATER: "⏳",
}


def state_words(state: ThemeState) -> str:
    return {
        ThemeState.NOT_STARTED: _("not started"),
        ThemeState.BEGUN: _("begun"),
        ThemeState.DONE: _("done"),
        ThemeState.LATER: _("left for later"),
    }[state]


class ThemesScreen(HaaveScreen):
    """Pick a theme to talk about, or go in order."""

    def __init__(self) -> None:
        super().__init__()
        self.page = 0

    def compose(self) -> ComposeResult:
        session = self.haave.session
        assert session is not None
        from assistant import i18n

        lang = i18n.get_language()
        states = session.conversation.theme_states()
        items = [ChoiceItem(IN_ORDER, "▶", _("Go in order"))]
        themes = session.dialogue.themes
        per_page = PER_PAGE if len(themes) > PER_PAGE + 1 else PER_PAGE + 1
        pages = max(1, -(-len(themes) // per_page))
        self.page %= pages
        for theme in themes[self.page * per_page : (self.page + 1) * per_page]:
            state = states[theme.id]
            title = theme.title.get(lang) or next(iter(theme.title.values()))
            words = f"{title} · {STATE_MARKS[state]} {state_words(state)}"
            items.append(ChoiceItem(theme.id, theme.symbol, words))
        if pages > 1:
            items.append(ChoiceItem(MORE, "➡", _("More themes")))
        with Vertical(id="body"):
            title = "💭  " + _("What do you want to talk about first?")
            yield Static(plain(title), classes="title")
            yield ChoiceList(items, id="themes")
        yield ActionBar()

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    def spoken_text(self) -> str:
        items = self.query_one(ChoiceList).items
        return ". ".join([_("What do you want to talk about first?"), *(i.words for i in items)])

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        if key in ("1", "2", "3", "4", "5"):
            self.query_one(ChoiceList).pick_number(int(key))

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        if event.value == MORE:
            self.page += 1
            self.redraw()
            return
        session = self.haave.session
        assert session is not None
        if event.value != IN_ORDER:
            session.conversation.jump_to_theme(event.value)
            session.save()
        from assistant.ui.screens.conversation import ConversationScreen

        self.haave.goto(ConversationScreen())

    def action_back(self) -> None:
        from assistant.ui.screens.sessions import SessionsScreen

        self.haave.goto(SessionsScreen())
