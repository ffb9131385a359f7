"""Who is answering now: always shown. A supporter's own view gets its own frame and label."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from assistant.i18n import _
from assistant.ui.widgets.text import plain


@dataclass(frozen=True)
class Answering:
    """Who gives the answer to this step."""

    kind: str = "client"  # client / client_with_support / supporter_view
    by: str | None = None  # the helper, or the person giving their own view


def answering_words(answering: Answering, client: str) -> Text:
    line = Text()
    if answering.kind == "supporter_view":
        line.append("💬  ")
        line.append(_("Own view of:") + " ")
        line.append_text(plain(answering.by or ""))
        line.append(" " + _("(not the client's answer)"))
    elif answering.kind == "client_with_support":
        line.append("🤝  ")
        line.append_text(plain(client))
        line.append(" " + _("answers with help from") + " ")
        line.append_text(plain(answering.by or ""))
    else:
        line.append("🙂  ")
        line.append(_("Answering:") + " ")
        line.append_text(plain(client))
    line.append("   (F3)")
    return line


class WhoBar(Static):
    DEFAULT_CSS = """
    WhoBar { height: 1; padding: 0 1; }
    """

    def show(self, answering: Answering, client: str) -> None:
        self.set_class(answering.kind == "supporter_view", "-supporter")
        self.set_class(answering.kind == "client_with_support", "-support")
        self.update(answering_words(answering, client))
