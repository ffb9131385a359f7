"""Read-back before export: every answer in easy words. "Is this right?" """

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.widgets import Static

from assistant.dialogue import Step
from assistant.i18n import _
from assistant.ui.screens.base import COMMON_BINDINGS, HaaveScreen
from assistant.ui.service import OpenSession
from assistant.ui.widgets.action_bar import ActionBar
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import plain, short
from assistant.ui.words import answer_parts, text_of


class ReadbackScreen(HaaveScreen):
    """One answer at a time; F4 shows them all as a list."""

    BINDINGS = [  # noqa: RUF012
        *COMMON_BINDINGS,
        Binding("f4", "as_list", "List", id="haave.readback_list", tooltip="All answers"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.index = 0
        self.as_list = False

    @property
    def session(self) -> OpenSession:
        assert self.haave.session is not None
        return self.haave.session

    def answered_steps(self) -> list[Step]:
        conversation = self.session.conversation
        return [s for s in self.session.dialogue.steps() if conversation.answer_to(s.id)]

    def compose(self) -> ComposeResult:
        steps = self.answered_steps()
        with Vertical(id="body"):
            if self.as_list:
                yield Static("📋  " + _("All your answers"), classes="title")
                yield Static(plain(self._list_words(steps)), id="answers-list")
            elif self.index >= len(steps):
                yield Static("✅  " + _("You checked every answer."), classes="title")
                yield ChoiceList([ChoiceItem("export", "📄", _("Go on to the plan"))], id="done")
            else:
                step = steps[self.index]
                answer = self.session.conversation.answer_to(step.id)
                assert answer is not None
                yield Static(
                    plain(
                        _("Answer {number} of {count}").format(
                            number=self.index + 1, count=len(steps)
                        )
                    ),
                    id="progress",
                )
                yield Static(plain(f"{step.symbol}  {text_of(step.text)}"), id="question")
                said = "\n".join(f"{s}  {w}" for s, w in answer_parts(step, answer))
                yield Static(plain(said), id="answer")
                yield Static("❔  " + _("Is this right?"), classes="line")
                yield ChoiceList(
                    [
                        ChoiceItem("yes", "👍", _("Yes, it is right")),
                        ChoiceItem("change", "📝", _("I want to change it")),
                        ChoiceItem("private", "🔒", _("Keep it private")),
                    ],
                    id="check",
                )
        yield ActionBar()

    def _list_words(self, steps: list[Step]) -> str:
        lines = []
        for step in steps:
            answer = self.session.conversation.answer_to(step.id)
            if answer is None:
                continue
            said = ", ".join(w for _s, w in answer_parts(step, answer))
            lines.append(f"{step.symbol} {short(text_of(step.text), 30)}: {short(said, 40)}")
        return "\n".join(lines)

    def on_mount(self) -> None:
        self._focus()

    def _focus(self) -> None:
        found = self.query(ChoiceList)
        if found:
            found.first().focus()

    def redraw(self) -> None:
        self.refresh(recompose=True)
        self.call_after_refresh(self._focus)

    def spoken_text(self) -> str:
        return (
            " ".join(str(w.render()) for w in self.query(Static) if w.id in ("question", "answer"))
            + " "
            + _("Is this right?")
        )

    def on_key(self, event: Key) -> None:
        if event.key in ("1", "2", "3"):
            found = self.query(ChoiceList)
            if found:
                event.stop()
                found.first(ChoiceList).pick_number(int(event.key))

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        if event.value == "export":
            from assistant.ui.screens.export import ExportScreen

            self.haave.goto(ExportScreen())
            return
        steps = self.answered_steps()
        step = steps[self.index]
        if event.value == "change":
            self.session.confirm(step.id, False)
            self.session.change(step.id)
            from assistant.ui.screens.conversation import ConversationScreen

            self.haave.goto(ConversationScreen())
            return
        if event.value == "private":
            self.session.set_private(step.id, True)
        self.session.confirm(step.id, True)
        self.index += 1
        self.redraw()

    def action_as_list(self) -> None:
        self.as_list = not self.as_list
        self.redraw()

    def action_back(self) -> None:
        if self.as_list:
            self.action_as_list()
        elif self.index > 0:
            self.index -= 1
            self.redraw()
        else:
            from assistant.ui.screens.themes import ThemesScreen

            self.haave.goto(ThemesScreen())
