"""Continue a session or start a new one. The facilitator can archive or delete one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from assistant.i18n import _, format_date
from assistant.store.errors import StoreError
from assistant.ui.screens.base import COMMON_BINDINGS, HaaveScreen
from assistant.ui.service import SessionSummary
from assistant.ui.widgets.action_bar import ActionBar, key_button
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import short

NEW = "__new__"
MORE = "__more__"
#: At most five choices a screen: "start a new one", three sessions and "more".
PER_PAGE = 3


def summary_words(summary: SessionSummary) -> str:
    when = format_date(summary.last_meeting) if summary.last_meeting else _("not met yet")
    done = _("{done} of {count} themes done").format(
        done=summary.themes_done, count=summary.theme_count
    )
    return f"{short(summary.alias, 24)} · {when} · {done}"


class SessionsScreen(HaaveScreen):
    BINDINGS = [  # noqa: RUF012
        *COMMON_BINDINGS,
        Binding("f7", "archive", "Archive", id="haave.archive", tooltip="Archive this session"),
        Binding("f8", "delete", "Delete", id="haave.delete", tooltip="Delete this session"),
    ]

    page = 0

    def compose(self) -> ComposeResult:
        every = self.haave.service.list()
        per_page = PER_PAGE if len(every) > PER_PAGE + 1 else PER_PAGE + 1
        pages = max(1, -(-len(every) // per_page))
        self.page %= pages
        self.summaries = every[self.page * per_page : (self.page + 1) * per_page]
        with Vertical(id="body"):
            yield Static("📂  " + _("Continue or start a new one?"), classes="title")
            items = [ChoiceItem(NEW, "➕", _("Start a new one"))]
            items += [ChoiceItem(s.id, "▶", summary_words(s)) for s in self.summaries]
            if pages > 1:
                items.append(ChoiceItem(MORE, "➡", _("More sessions")))
            yield ChoiceList(items, id="sessions")
            with Horizontal(classes="row"):
                yield key_button("🗄 " + _("Archive"), "F7", "archive")
                yield key_button("🗑 " + _("Delete"), "F8", "delete")
        yield ActionBar(pause=False)

    def on_mount(self) -> None:
        self.haave.close_session()  # a session is open again from "who is here"
        self.query_one(ChoiceList).focus()

    def spoken_text(self) -> str:
        items = self.query_one(ChoiceList).items
        return ". ".join([_("Continue or start a new one?"), *(i.words for i in items)])

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        if key in ("1", "2", "3", "4", "5"):
            self.query_one(ChoiceList).pick_number(int(key))

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        from assistant.ui.screens.who import WhoScreen

        if event.value == NEW:
            self.haave.goto(WhoScreen(session=None))
            return
        if event.value == MORE:
            self.page += 1
            self.redraw()
            return
        try:
            session = self.haave.service.open(event.value)
        except StoreError as error:
            self.notify(_("This session is open somewhere else.") + f" ({type(error).__name__})")
            return
        self.haave.open_session(session)
        for notice in session.notices:  # e.g. repaired from the last good copy
            self.notify(short(notice, 200), timeout=10)
        self.haave.goto(WhoScreen(session=session))

    def _highlighted(self) -> SessionSummary | None:
        choices = self.query_one(ChoiceList)
        index = choices.highlighted
        if index is None or not 1 <= index <= len(self.summaries):
            return None
        return self.summaries[index - 1]

    def action_archive(self) -> None:
        self._ask("archive")

    def action_delete(self) -> None:
        self._ask("delete")

    def _ask(self, what: str) -> None:
        from assistant.ui.screens.modals import ConfirmScreen

        summary = self._highlighted()
        if summary is None:
            self.notify(_("First pick a session with the arrows."))
            return
        question = _("Archive this session?") if what == "archive" else _("Delete this session?")

        def done(ok: bool | None) -> None:
            if not ok or summary is None:
                return
            if what == "archive":
                self.haave.service.archive(summary.id)
            else:
                self.haave.service.delete(summary.id)
            self.refresh(recompose=True)

        self.app.push_screen(ConfirmScreen(question + " " + short(summary.alias, 30)), done)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id in ("archive", "delete"):
            event.stop()
            self._ask(event.button.id)
            return
        super().on_button_pressed(event)

    def action_back(self) -> None:
        from assistant.ui.screens.language import LanguageScreen

        self.haave.goto(LanguageScreen(first=True))
