"""A tiny Textual app for the browser-mode tests: two questions, two answers each.

Run as `python tiny_app.py MARKER_DIR`. It writes MARKER_DIR/question-N when question N is
on screen, and key `d` delivers MARKER_DIR/export.txt through `assistant.web.deliver`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Static

from assistant.web import deliver

QUESTIONS = ["Do you like mornings?", "Do you want help with cooking?", "Thank you!"]


class TinyApp(App[None]):
    CSS = """
    #question { padding: 1 2; text-style: bold; }
    Button { margin: 0 2; }
    """
    BINDINGS = [Binding("d", "export", "Export")]  # noqa: RUF012

    def __init__(self, marker_dir: Path) -> None:
        super().__init__()
        self.marker_dir = marker_dir
        self.index = 0

    def compose(self) -> ComposeResult:
        yield Static(QUESTIONS[0], id="question")
        with Horizontal():
            yield Button("1 Yes", id="yes", variant="success")
            yield Button("2 No", id="no", variant="error")

    def on_mount(self) -> None:
        if "HAAVE_SERVE_TOKEN" in os.environ:  # the server must not pass its token on
            (self.marker_dir / "token-leaked").write_text("yes")
        self.mark()

    def mark(self) -> None:
        (self.marker_dir / f"question-{self.index + 1}").write_text(QUESTIONS[self.index])

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if self.index < len(QUESTIONS) - 1:
            self.index += 1
            self.query_one("#question", Static).update(QUESTIONS[self.index])
            self.mark()

    def action_export(self) -> None:
        path = self.marker_dir / "export.txt"
        path.write_text("Tukisuunnitelma: aamut, ruoanlaitto.\n", encoding="utf-8")
        key = deliver(self, path, mime_type="text/plain")
        (self.marker_dir / "delivered").write_text(str(key))


if __name__ == "__main__":
    TinyApp(Path(sys.argv[1])).run()
