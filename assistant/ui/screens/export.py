"""Export: first the client chooses who may see the plan, then which file to make, then
where to save it.

The choice is recorded with the date in the session and printed in the draft. The client's
own easy copy and the one-page profile are made in the session's language; the caseworker's
draft in a language chosen here. Every format of the plan's registry can be made. The file is
saved where the user chooses, not encrypted (the client agreed to share it): the screen says
so.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import var
from textual.widgets import Input, Static

from assistant.i18n import _, get_language
from assistant.languages import LANGUAGES
from assistant.session import FORMATS, MINE_FORMATS, ActiveSession, SessionError, formats_for
from assistant.session.words import format_words
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.widgets.action_bar import action_button
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import plain

#: Who may see the plan: the choice's value -> the audiences recorded.
AUDIENCES: dict[str, list[str]] = {
    "caseworker": ["caseworker"],
    "supporter": ["supporter"],
    "both": ["caseworker", "supporter"],
    "nobody": [],
}

class Stage(StrEnum):
    CONSENT = "consent"
    WHAT = "what"
    LANGUAGE = "language"
    FORMAT = "format"
    WHERE = "where"


def default_folder() -> Path:
    """Where a shared copy goes unless the user writes another folder: Documents/Haave."""
    from platformdirs import user_documents_dir  # deferred: only when saving a copy

    return Path(user_documents_dir()) / "Haave"


class ExportScreen(HaaveScreen):
    stage: var[Stage] = var(Stage.CONSENT, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.mine = True
        self.kind: str | None = None
        self.fmt = "html"
        self.lang: str | None = None
        self.result: str | None = None
        self.set_reactive(
            ExportScreen.stage, Stage.WHAT if self.session.consented else Stage.CONSENT
        )

    @property
    def session(self) -> ActiveSession:
        assert self.haave.session is not None
        return self.haave.session

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="body"):
            yield Static("📄  " + _("Your plan"), classes="title")
            yield Static("💾  " + _("Your answers are saved."), classes="line")
            yield Static(plain(self._question()), classes="line")
            if self.stage is Stage.WHERE:
                unlocked = _("Haave does not lock this copy. Keep it safe.")
                yield Static("🔓  " + unlocked, classes="line")
                yield Input(str(default_folder()), id="folder", select_on_focus=False)
                with Horizontal(classes="row"):
                    yield action_button(
                        "💾", _("Save here"), "screen.save", "save",
                        keymap=self.haave.keymap, variant="primary",
                    )  # fmt: skip
            else:
                yield ChoiceList(self._items(), id=f"export-{self.stage.value}")
            if self.result:
                yield Static(plain(self.result), id="export-result", classes="line")
        yield self.action_bar()

    def on_mount(self) -> None:
        self.focus_first()

    def watch_stage(self) -> None:
        self.redraw()

    def _question(self) -> str:
        return {
            Stage.CONSENT: "👀  " + _("Who can see your plan?"),
            Stage.WHAT: "📄  " + _("What do you want to make?"),
            Stage.LANGUAGE: "🌐  " + _("In which language?"),
            Stage.FORMAT: "🗂  " + _("What kind of file?"),
            Stage.WHERE: "📁  " + _("Where do you want to save it?"),
        }[self.stage]

    def _items(self) -> list[ChoiceItem]:
        if self.stage is Stage.CONSENT:
            return [
                ChoiceItem("caseworker", "📋", _("The caseworker")),
                ChoiceItem("supporter", "🤝", _("My supporter")),
                ChoiceItem("both", "👥", _("Both of them")),
                ChoiceItem("nobody", "🔒", _("Nobody yet")),
            ]
        if self.stage is Stage.WHAT:
            return [
                ChoiceItem("mine", "🙂", _("Make my own easy copy")),
                ChoiceItem("profile", "🪪", _("Make a one-page profile about me")),
                ChoiceItem("draft", "📋", _("Make the plan for the caseworker")),
            ]
        if self.stage is Stage.LANGUAGE:
            return [ChoiceItem(lang.code, "💬", lang.name) for lang in LANGUAGES]
        formats = formats_for(self.kind) if self.kind else MINE_FORMATS if self.mine else FORMATS
        return [ChoiceItem(fmt, "🗂", format_words(fmt, get_language())) for fmt in formats]

    def spoken_text(self) -> str:
        return " ".join([self._question().split("  ", 1)[-1], *(i.words for i in self._items())])

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        if self.stage is Stage.CONSENT:
            self._record_consent(event.value)
        elif self.stage is Stage.WHAT:
            self.mine = event.value == "mine"
            self.kind = "profile" if event.value == "profile" else None
            draft = event.value == "draft"
            self.lang = None if draft else self.session.language
            self.stage = Stage.LANGUAGE if draft else Stage.FORMAT
        elif self.stage is Stage.LANGUAGE:
            self.lang = event.value
            self.stage = Stage.FORMAT
        else:
            self.fmt = event.value
            self.stage = Stage.WHERE

    def _record_consent(self, choice: str) -> None:
        try:
            self.session.consent(AUDIENCES[choice])
        except SessionError as error:
            self.result = "❗ " + error.words(get_language())
            self.redraw()
            return
        self.stage = Stage.WHAT

    def action_save(self) -> None:
        folder = Path(self.query_one("#folder", Input).value.strip() or str(default_folder()))
        try:
            path = self.session.save_copy(self.fmt, folder, self.lang, self.mine, self.kind)
        except SessionError as error:
            self.notify(error.words(get_language()), severity="error", timeout=10)
            return  # the folder stays in the box to correct it
        self.result = "✅ " + _("The file is ready:") + f" {path}"
        self.stage = Stage.WHAT

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_back(self) -> None:
        if self.stage in (Stage.LANGUAGE, Stage.FORMAT, Stage.WHERE):
            self.stage = Stage.WHAT
        else:
            self.haave.show_themes()
