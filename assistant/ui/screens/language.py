"""Pick the language. The question is in every language: the client may not read the
current one. The system language is chosen first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from assistant import i18n
from assistant.languages import LANGUAGES
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList


class LanguageScreen(HaaveScreen):
    """The first screen, and the language chooser (F2) at any time."""

    def __init__(self, first: bool) -> None:
        super().__init__()
        self.first = first

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="body"):
            choose = "  ·  ".join(lang.choose for lang in LANGUAGES)
            yield Static("🌐  " + choose, classes="title")
            items = [ChoiceItem(lang.code, "💬", lang.name) for lang in LANGUAGES]
            yield ChoiceList(items, chosen=(i18n.get_language(),), id="languages")
        yield self.action_bar(back=not self.first, pause=False)

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    def spoken_text(self) -> str:
        return ". ".join([*(lang.choose for lang in LANGUAGES), *(lang.name for lang in LANGUAGES)])

    def help_text(self) -> str:
        return " · ".join(f"{n} {lang.name}" for n, lang in enumerate(LANGUAGES, 1))

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        if self.first:
            self.haave.set_language(event.value)
            self.haave.show_sessions()
        else:
            self.dismiss(None)
            self.haave.set_language(event.value)

    def action_back(self) -> None:
        if not self.first:
            self.dismiss(None)
