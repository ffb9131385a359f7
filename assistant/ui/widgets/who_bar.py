"""Who is answering now: always shown. A supporter's own view gets its own frame and label."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from assistant.i18n import _
from assistant.session import AnsweredBy, Answering
from assistant.ui.widgets.text import plain


def answering_words(answering: Answering, client: str) -> Text:
    line = Text()
    name = answering.person.name if answering.person else ""
    if answering.by is AnsweredBy.SUPPORTER_VIEW:
        line.append("💬  ")
        line.append(_("Own view of:") + " ")
        line.append_text(plain(name))
        line.append(" " + _("(not the client's answer)"))
    elif answering.by is AnsweredBy.CLIENT_WITH_SUPPORT:
        line.append("🤝  ")
        line.append_text(plain(client))
        line.append(" " + _("answers with help from") + " ")
        line.append_text(plain(name))
    else:
        line.append("🙂  ")
        line.append(_("Answering:") + " ")
        line.append_text(plain(client))
    return line


class WhoBar(Static):
    DEFAULT_CSS = """
    WhoBar { height: auto; padding: 0 1; }
    """

    def show(self, answering: Answering, client: str) -> None:
        self.set_class(answering.by is AnsweredBy.SUPPORTER_VIEW, "-supporter")
        self.set_class(answering.by is AnsweredBy.CLIENT_WITH_SUPPORT, "-support")
        self.update(answering_words(answering, client))
