"""The read-back, one theme at a time: the theme's answers as a short list, each with
"Change" and "Keep private", and one "All right" that confirms them all (WCAG 3.3.4).
After a change the client comes back to the same theme's read-back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from assistant.i18n import _, get_language
from assistant.session import ActiveSession, ReadbackItem, SessionError
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.widgets.action_bar import action_button
from assistant.ui.widgets.text import plain


class ReadbackScreen(HaaveScreen):
    @property
    def session(self) -> ActiveSession:
        assert self.haave.session is not None
        return self.haave.session

    def compose(self) -> ComposeResult:
        view = self.session.readback()
        keymap = self.haave.keymap
        with VerticalScroll(id="body"):
            count = _("Theme {number} of {count}").format(
                number=view.theme_number, count=view.theme_count
            )
            yield Static(plain(f"🧭  {count}"), id="progress")
            title = _("Your answers: {title}").format(title=view.theme.title)
            yield Static(plain(f"{view.theme.symbol}  {title}"), classes="title")
            yield Static("❔  " + _("Is this right?"), classes="line")
            for index, item in enumerate(view.items):
                with Vertical(classes="readback-item"):
                    yield Static(plain(self._item_words(item)), classes="line")
                    with Horizontal(classes="row"):
                        yield action_button(
                            "📝", _("Change"), f"screen.change({index})", f"change-{index}",
                            keymap=keymap,
                        )  # fmt: skip
                        symbol, words = (
                            ("🔓", _("Share it")) if item.private else ("🔒", _("Keep private"))
                        )
                        yield action_button(
                            symbol, words, f"screen.private({index})", f"private-{index}",
                            keymap=keymap,
                        )  # fmt: skip
            with Horizontal(classes="row"):
                yield action_button(
                    "👍", _("All right"), "screen.all_right", "all-right",
                    keymap=keymap, variant="primary",
                )  # fmt: skip
        yield self.action_bar()

    def _item_words(self, item: ReadbackItem) -> str:
        said = "\n".join(f"   {symbol}  {words}" for symbol, words in item.parts)
        mark = "  🔒" if item.private else ""
        return f"{item.symbol}  {item.question}{mark}\n{said}"

    def on_mount(self) -> None:
        self.query_one("#all-right", Button).focus()

    def redraw(self) -> None:
        self.refresh(recompose=True)
        self.call_after_refresh(lambda: self.query_one("#all-right", Button).focus())

    def spoken_text(self) -> str:
        return self.session.readback().spoken + " " + _("Is this right?")

    def _item(self, index: int) -> ReadbackItem | None:
        items = self.session.readback().items
        return items[index] if 0 <= index < len(items) else None

    def action_change(self, index: int) -> None:
        item = self._item(index)
        if item is None:
            return
        try:
            self.session.change(item.step_id)
        except SessionError as error:
            self.notify(error.words(get_language()), severity="error")
            return
        self.haave.show_where_the_session_is()

    def action_private(self, index: int) -> None:
        item = self._item(index)
        if item is None:
            return
        try:
            self.session.keep_private(item.step_id, not item.private)
        except SessionError as error:
            self.notify(error.words(get_language()), severity="error")
            return
        self.redraw()

    def action_all_right(self) -> None:
        theme = self.session.readback().theme.id
        try:
            self.session.confirm_theme(theme)
        except SessionError as error:
            self.notify(error.words(get_language()), severity="error")
            return
        self.haave.show_where_the_session_is()

    def action_back(self) -> None:
        self.session.close_readback()
        self.haave.show_themes()
