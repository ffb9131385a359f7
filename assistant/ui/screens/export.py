"""Export: first the client chooses who may see the plan, then which file to make.

The choice is recorded with the date in the session (`assistant.plan.record_consent`) and
printed in the draft. The caseworker's draft is made in a language chosen here, apart from
the app's language. In browser mode the file is also offered as a download.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Key
from textual.widgets import Static

from assistant.i18n import _
from assistant.store.model import Role
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.widgets.action_bar import ActionBar
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import plain

#: Who may see the plan: the choice's value -> the audiences recorded.
AUDIENCES: dict[str, list[str]] = {
    "caseworker": ["caseworker"],
    "supporter": ["supporter"],
    "both": ["caseworker", "supporter"],
    "nobody": ["nobody"],
}
DRAFT_LANGUAGES = (("fi", "Suomi"), ("sv", "Svenska"), ("en", "English"))


def plan_available() -> bool:
    """True when the draft-plan export (`assistant.plan`) is part of this install."""
    return importlib.util.find_spec("assistant.plan") is not None


class ExportScreen(HaaveScreen):
    def __init__(self) -> None:
        super().__init__()
        self.stage = "consent" if plan_available() else "unavailable"
        self.result: str | None = None
        self.consent_words: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="body"):
            yield Static("📄  " + _("Your plan"), classes="title")
            yield Static("💾  " + _("Your answers are saved."), classes="line")
            if self.stage == "unavailable":
                yield Static("🚧  " + _("Making the plan file comes later."), classes="line")
                yield Static("🙂  " + _("Nothing was sent anywhere."), classes="line")
            elif self.stage == "consent":
                yield Static("👀  " + _("Who can see your plan?"), classes="line")
                yield ChoiceList(self._items(), id="export-consent")
            else:
                if self.consent_words:
                    yield Static(plain("✅ " + self.consent_words), classes="line")
                yield ChoiceList(self._items(), id="export-choices")
            if self.result:
                yield Static(plain(self.result), id="export-result", classes="line")
        yield ActionBar()

    def _items(self) -> list[ChoiceItem]:
        if self.stage == "consent":
            return [
                ChoiceItem("caseworker", "📋", _("The caseworker")),
                ChoiceItem("supporter", "🤝", _("My supporter")),
                ChoiceItem("both", "👥", _("Both of them")),
                ChoiceItem("nobody", "🔒", _("Nobody yet")),
            ]
        if self.stage == "lang":
            return [ChoiceItem(code, "💬", name) for code, name in DRAFT_LANGUAGES]
        return [
            ChoiceItem("mine", "🙂", _("Make my own easy copy")),
            ChoiceItem("draft", "📋", _("Make the plan for the caseworker")),
        ]

    def spoken_text(self) -> str:
        if self.stage == "unavailable":
            return " ".join([_("Your answers are saved."), _("Making the plan file comes later.")])
        question = _("Who can see your plan?") if self.stage == "consent" else ""
        return " ".join([question, *(item.words for item in self._items())]).strip()

    def on_key(self, event: Key) -> None:
        found = self.query(ChoiceList)
        if event.key in ("1", "2", "3", "4") and found:
            event.stop()
            found.first(ChoiceList).pick_number(int(event.key))

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        if self.stage == "consent":
            self._record_consent(event.value)
        elif self.stage == "what" and event.value == "draft":
            self.stage = "lang"
            self.redraw()
        elif self.stage == "what":
            self._start(mine=True, lang=None)
        elif self.stage == "lang":
            self._start(mine=False, lang=event.value)

    def _record_consent(self, choice: str) -> None:
        session = self.haave.session
        if session is None:
            return
        from assistant.plan.consent import CONSENT_KEY, make_consent
        from assistant.store import StoreError

        people = session.handle.session.participants
        caseworker = next((p.name for p in people if p.role is Role.CASEWORKER), None)
        supporter = next((p.name for p in people if p.role is Role.SUPPORTER), None)
        consent = make_consent(AUDIENCES[choice], caseworker, supporter)
        # Recorded with the date in the session this app holds open (the CLI's
        # `record_consent` writes the same record from outside the app).
        try:
            session.handle.set_extra(CONSENT_KEY, consent.model_dump(mode="json"))
        except (StoreError, OSError) as error:
            self.result = "❗ " + _("The file could not be made.") + f" ({error})"
            self.redraw()
            return
        words = {item.value: item.words for item in self._items()}
        self.consent_words = _("Who can see your plan?") + " " + words[choice]
        self.stage = "what"
        self.redraw()

    def _start(self, *, mine: bool, lang: str | None) -> None:
        session = self.haave.session
        if session is None:
            return
        stored = session.handle.session.model_copy(deep=True)
        folder = self.haave.service.data_dir / "exports"
        language = lang or stored.language
        self.stage = "what"
        self.run_worker(
            lambda: self._export(stored, session.dialogue, folder, mine, language),
            thread=True,
            exclusive=True,
        )

    def _export(self, stored: Any, dialogue: Any, folder: Path, mine: bool, lang: str) -> None:
        """Build and write the file from the session this app holds (its lock stays here)."""
        path: Path | None = None
        try:
            from assistant.plan.build import source_from_session
            from assistant.plan.export import ExportError, export_source

            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            language: Any = lang
            path = export_source(
                source_from_session(stored), dialogue, "html", language, mine, folder
            )
            message = "✅ " + _("The file is ready:") + f" {path}"
        except (ExportError, OSError, ValueError) as error:
            message = "❗ " + _("The file could not be made.") + f" ({error})"
        self.app.call_from_thread(self._show, message, path)

    def _show(self, message: str, path: Path | None) -> None:
        if path is not None and getattr(self.app, "is_web", False):
            from assistant.web import deliver

            deliver(self.app, path, mime_type="text/html")
            message += " " + _("The browser saves a copy too.")
        self.result = message
        self.redraw()

    def action_back(self) -> None:
        from assistant.ui.screens.readback import ReadbackScreen
        from assistant.ui.screens.sessions import SessionsScreen

        self.haave.goto(ReadbackScreen() if self.haave.session else SessionsScreen())
