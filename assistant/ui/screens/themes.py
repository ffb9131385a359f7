"""The themes as symbols with words and their state; the client picks where to start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from assistant.i18n import _, get_language
from assistant.session import ActiveSession, SessionError, ThemeState
from assistant.ui.screens.base import HaaveScreen
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


class ThemesScreen(HaaveScreen):
    """Pick a theme to talk about, or go in order."""

    def __init__(self) -> None:
        super().__init__()
        self.page = 0

    @property
    def session(self) -> ActiveSession:
        session = self.haave.session
        assert session is not None
        return session

    def compose(self) -> ComposeResult:
        # the opening and the closing come by themselves: not offered here
        themes = [t for t in self.session.themes() if t.fixed is None]
        items = [ChoiceItem(IN_ORDER, "▶", _("Go in order"))]
        per_page = PER_PAGE if len(themes) > PER_PAGE + 1 else PER_PAGE + 1
        pages = max(1, -(-len(themes) // per_page))
        self.page %= pages
        for theme in themes[self.page * per_page : (self.page + 1) * per_page]:
            words = f"{theme.title} · {STATE_MARKS[theme.state]} {theme.state_words}"
            items.append(ChoiceItem(theme.id, theme.symbol, words))
        if pages > 1:
            items.append(ChoiceItem(MORE, "➡", _("More themes")))
        with VerticalScroll(id="body"):
            title = "💭  " + _("What do you want to talk about first?")
            yield Static(plain(title), classes="title")
            yield ChoiceList(items, id="themes")
        yield self.action_bar()

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    def spoken_text(self) -> str:
        items = self.query_one(ChoiceList).items
        return ". ".join([_("What do you want to talk about first?"), *(i.words for i in items)])

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        if event.value == MORE:
            self.page += 1
            self.redraw()
            return
        self.session.theme_choice_due = False  # the client has chosen
        if event.value != IN_ORDER:
            try:
                self.session.jump(event.value)
            except SessionError as error:
                self.notify(error.words(get_language()), severity="warning")
                return
        self.haave.show_where_the_session_is()

    def action_back(self) -> None:
        self.haave.show_sessions()
