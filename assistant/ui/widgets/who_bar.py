"""Who is answering now: always shown. A supporter's own view gets its own frame and label."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from assistant.i18n import get_language
from assistant.session import AnsweredBy, Answering
from assistant.session.words import answering_words
from assistant.ui.widgets.text import plain

SYMBOLS = {
    AnsweredBy.CLIENT: "🙂",
    AnsweredBy.CLIENT_WITH_SUPPORT: "🤝",
    AnsweredBy.SUPPORTER_VIEW: "💬",
}


def answering_line(answering: Answering, client: str) -> Text:
    """ "🙂  Maija answers", "🤝  Maija with help from Anna", "💬  Anna: own view" """
    person = answering.person.name if answering.person else None
    words = answering_words(answering.by, client, person, get_language())
    return plain(f"{SYMBOLS[answering.by]}  {words}")


class WhoBar(Static):
    DEFAULT_CSS = """
    WhoBar { height: auto; padding: 0 1; }
    """

    def show(self, answering: Answering, client: str) -> None:
        self.set_class(answering.by is AnsweredBy.SUPPORTER_VIEW, "-supporter")
        self.set_class(answering.by is AnsweredBy.CLIENT_WITH_SUPPORT, "-support")
        self.update(answering_line(answering, client))
