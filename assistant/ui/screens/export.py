"""Export: the client's own easy copy when `assistant.plan` is installed; an honest note if not."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Key
from textual.widgets import Static

from assistant import i18n
from assistant.i18n import _
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.widgets.action_bar import ActionBar
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import plain


def plan_available() -> bool:
    """True when the draft-plan export (`assistant.plan`) is part of this install."""
    return importlib.util.find_spec("assistant.plan") is not None


class ExportScreen(HaaveScreen):
    def __init__(self) -> None:
        super().__init__()
        self.result: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="body"):
            yield Static("📄  " + _("Your plan"), classes="title")
            yield Static("💾  " + _("Your answers are saved."), classes="line")
            if not plan_available():
                yield Static("🚧  " + _("Making the plan file comes later."), classes="line")
                yield Static("🙂  " + _("Nothing was sent anywhere."), classes="line")
            else:
                yield ChoiceList(
                    [
                        ChoiceItem("mine", "🙂", _("Make my own easy copy")),
                        ChoiceItem("draft", "📋", _("Make the plan for the caseworker")),
                    ],
                    id="export-choices",
                )
            if self.result:
                yield Static(plain(self.result), id="export-result", classes="line")
        yield ActionBar()

    def spoken_text(self) -> str:
        return " ".join(
            [
                _("Your answers are saved."),
                _("Making the plan file comes later.")
                if not plan_available()
                else _("Make my own easy copy"),
            ]
        )

    def on_key(self, event: Key) -> None:
        found = self.query(ChoiceList)
        if event.key in ("1", "2") and found:
            event.stop()
            found.first(ChoiceList).pick_number(int(event.key))

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        session = self.haave.session
        if session is None:
            return
        session_id = session.id
        data_dir = self.haave.service.data_dir
        mine = event.value == "mine"
        self.haave.close_session()  # the export reads the session itself
        self.run_worker(
            lambda: self._export(session_id, data_dir, mine), thread=True, exclusive=True
        )

    def _export(self, session_id: str, data_dir: Path, mine: bool) -> None:
        try:
            from assistant.plan.export import export

            folder = data_dir / "exports"
            folder.mkdir(parents=True, exist_ok=True)
            lang: Any = i18n.get_language()  # one of fi / sv / en (set_language keeps it so)
            path = export(
                session_id,
                "html",
                lang,
                mine=mine,
                out=folder,
                data_dir=data_dir,
            )
            message = "✅ " + _("The file is ready:") + f" {path}"
        except Exception as error:
            message = "⚠ " + _("The file could not be made.") + f" ({type(error).__name__})"
        self.app.call_from_thread(self._show, message)

    def _show(self, message: str) -> None:
        self.result = message
        self.redraw()

    def action_back(self) -> None:
        from assistant.ui.screens.readback import ReadbackScreen
        from assistant.ui.screens.sessions import SessionsScreen

        self.haave.goto(ReadbackScreen() if self.haave.session else SessionsScreen())
