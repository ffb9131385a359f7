"""Continue a session or start a new one. The facilitator can archive or delete one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from assistant.i18n import _, format_date, get_language, ngettext
from assistant.session import SessionError, SessionSummary
from assistant.ui import bindings
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.screens.modals import ConfirmScreen, PickScreen
from assistant.ui.widgets.action_bar import action_button
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import plain, short

NEW = "__new__"
MORE = "__more__"
#: At most five choices a screen: "start a new one", three sessions and "more".
PER_PAGE = 3


def summary_words(summary: SessionSummary) -> str:
    when = format_date(summary.last_meeting) if summary.last_meeting else _("not met yet")
    if summary.problem is not None:
        return f"{short(summary.alias, 24)} · ❗ {_('cannot be opened here')}"
    done = ngettext(
        "{done} of {count} theme done", "{done} of {count} themes done", summary.theme_count
    ).format(done=summary.themes_done, count=summary.theme_count)
    return f"{short(summary.alias, 24)} · {when} · {done}"


class SessionsScreen(HaaveScreen):
    BINDINGS = [*bindings.COMMON, bindings.ARCHIVE, bindings.DELETE]  # noqa: RUF012

    def __init__(self) -> None:
        super().__init__()
        self.page = 0
        self.summaries: list[SessionSummary] = []

    def compose(self) -> ComposeResult:
        problem: str | None = None
        try:
            every = self.haave.sessions.summaries()
        except SessionError as error:  # e.g. a locked data folder: say so, never crash
            every, problem = [], error.words(get_language())
        per_page = PER_PAGE if len(every) > PER_PAGE + 1 else PER_PAGE + 1
        pages = max(1, -(-len(every) // per_page))
        self.page %= pages
        self.summaries = every[self.page * per_page : (self.page + 1) * per_page]
        keymap = self.haave.keymap
        with VerticalScroll(id="body"):
            yield Static("📂  " + _("Continue or start a new one?"), classes="title")
            if problem is not None:
                yield Static(plain("❗ " + problem), id="problem", classes="line")
            items = [ChoiceItem(NEW, "➕", _("Start a new one"))]
            items += [ChoiceItem(s.id, "▶", summary_words(s)) for s in self.summaries]
            if pages > 1:
                items.append(ChoiceItem(MORE, "➡", _("More sessions")))
            yield ChoiceList(items, id="sessions")
            with Horizontal(classes="row"):
                yield action_button(
                    "🗄", _("Archive"), "screen.archive", "archive",
                    keymap=keymap, binding=bindings.ARCHIVE,
                )  # fmt: skip
                yield action_button(
                    "🗑", _("Delete"), "screen.delete", "delete",
                    keymap=keymap, binding=bindings.DELETE,
                )  # fmt: skip
        yield self.action_bar(pause=False)

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    def spoken_text(self) -> str:
        items = self.query_one(ChoiceList).items
        return ". ".join([_("Continue or start a new one?"), *(i.words for i in items)])

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        if event.value == NEW:
            self.haave.show_who(None)
            return
        if event.value == MORE:
            self.page += 1
            self.redraw()
            return
        try:
            session = self.haave.sessions.open(event.value)
        except SessionError as error:
            self.notify(error.words(get_language()), severity="warning", timeout=10)
            return
        self.haave.open_session(session)
        for notice in session.notices:  # e.g. repaired from the last good copy
            self.notify(notice.words(session.language), timeout=10)
        self.haave.show_who(session)

    def action_archive(self) -> None:
        self._ask("archive")

    def action_delete(self) -> None:
        self._ask("delete")

    def _ask(self, what: str) -> None:
        if not self.summaries:
            self.notify(_("There are no sessions yet."))
            return
        question = _("Which session?")
        items = [ChoiceItem(s.id, "▶", short(s.alias, 30)) for s in self.summaries]

        def picked(session_id: str | None) -> None:
            summary = next((s for s in self.summaries if s.id == session_id), None)
            if summary is not None:
                self._confirm(what, summary)

        self.app.push_screen(PickScreen(question, items), picked)

    def _confirm(self, what: str, summary: SessionSummary) -> None:
        question = _("Archive this session?") if what == "archive" else _("Delete this session?")

        def done(ok: bool | None) -> None:
            if not ok:
                return
            try:
                if what == "archive":
                    self.haave.sessions.archive(summary.id)
                else:
                    self.haave.sessions.delete(summary.id)
            except SessionError as error:
                self.notify(error.words(get_language()), severity="warning", timeout=10)
            self.redraw()

        self.app.push_screen(ConfirmScreen(question + " " + short(summary.alias, 30)), done)

    def action_back(self) -> None:
        self.haave.show_language(first=True)
