"""The conversation: one step per screen, the same actions always in the same place."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Key
from textual.message import Message
from textual.widgets import Button, Input, Static

from assistant.dialogue import Answer, AnswerError, SkipReason, Step, StepKind
from assistant.i18n import _
from assistant.ui.screens.base import COMMON_BINDINGS, HaaveScreen
from assistant.ui.service import OpenSession
from assistant.ui.widgets.action_bar import ActionBar, key_button
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.scale_tiles import ScaleTiles
from assistant.ui.widgets.text import plain, short
from assistant.ui.widgets.who_bar import Answering, WhoBar
from assistant.ui.words import answer_parts, fixed_choices, progress_words, skip_words, text_of

SKIP_KEYS = {
    SkipReason.DONT_KNOW: "F6",
    SkipReason.SKIP: "F7",
    SkipReason.LATER: "F8",
    SkipReason.DECLINE: "F9",
}


@dataclass
class StepShown(Message):
    step_id: str


@dataclass
class AnswerGiven(Message):
    step_id: str
    answer: Answer
    kind: str
    by: str | None


@dataclass
class StepParts:
    """The widgets that show a step. Made once per screen and filled for each step."""

    progress: Static
    who: WhoBar
    frame: Vertical
    question: Static
    views: Static
    go_on: Button
    choices: ChoiceList
    scale: ScaleTiles
    words: Input
    ready: Button

    @classmethod
    def make(cls) -> StepParts:
        question, views = Static(id="question"), Static(id="views")
        go_on = key_button("▶ " + _("Go on"), "Enter", "go-on", variant="primary")
        choices, scale = ChoiceList([], id="choices"), ScaleTiles(id="scale")
        words = Input(id="words")
        ready = key_button("✔ " + _("Ready"), "Ctrl+R", "ready", variant="primary")
        frame = Vertical(question, views, go_on, choices, scale, words, ready, id="frame")
        return cls(
            Static(id="progress"), WhoBar(id="who"), frame, question, views, go_on, choices,
            scale, words, ready,
        )  # fmt: skip



class StepView(Vertical):
    """The part of the conversation screen that shows the step: made once, filled for each
    step by `ConversationScreen._fill`."""

    DEFAULT_CSS = "StepView { height: 1fr; }"

    def __init__(self, owner: ConversationScreen) -> None:
        super().__init__(id="step-view")
        self.owner = owner

    def compose(self) -> ComposeResult:
        yield from self.owner.step_widgets()


class ConversationScreen(HaaveScreen):
    BINDINGS = [  # noqa: RUF012
        *COMMON_BINDINGS,
        Binding(
            "f3",
            "who_answers",
            "Who answers",
            id="haave.who_answers",
            tooltip="Who is answering now",
        ),
        Binding("f4", "themes", "Themes", id="haave.themes", tooltip="Pick another theme"),
        Binding(
            "f6", "skip('dont_know')", "I don't know", id="haave.dont_know", tooltip="I don't know"
        ),
        Binding("f7", "skip('skip')", "Skip", id="haave.skip", tooltip="Skip this question"),
        Binding("f8", "skip('later')", "Not now", id="haave.later", tooltip="Ask me later"),
        Binding(
            "f9",
            "skip('decline')",
            "I don't want to talk about this",
            id="haave.decline",
            tooltip="Do not ask this again",
        ),
        Binding("ctrl+r", "ready", "Ready", id="haave.ready", tooltip="The answer is ready"),
        Binding("ctrl+t", "tip", "Tip", id="haave.tip", tooltip="Show the supporter's tip"),
        Binding(
            "ctrl+n", "note", "Note", id="haave.note", tooltip="A facilitator's note on this step"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.answering = Answering()
        self.show_tip = False
        self.draft: str | None = None
        self.pending_own: str | None = None
        self._shown: str | None = None
        self.parts: StepParts | None = None

    @property
    def session(self) -> OpenSession:
        session = self.haave.session
        assert session is not None
        return session

    @property
    def shown(self) -> StepParts | None:
        """The step widgets, when they are on the screen (not before compose or after a
        recompose has replaced them)."""
        parts = self.parts
        return parts if parts is not None and parts.question.is_attached else None

    @property
    def step(self) -> Step | None:
        return self.session.conversation.current

    # -- drawing -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        step = self.step
        if step is None:
            return
        yield StepView(self)
        with Horizontal(id="skips", classes="row"):
            for reason in SkipReason:
                symbol, words = skip_words(reason)
                yield key_button(f"{symbol} {words}", SKIP_KEYS[reason], f"skip-{reason.value}")
        tip = Static(self._tip_words(step), id="tip")
        tip.display = self.show_tip
        yield tip
        yield Static(_("F3 who answers · F4 themes · Ctrl+T tip · F2 language"), id="more-keys")
        yield ActionBar()

    def step_widgets(self) -> ComposeResult:
        """What changes from step to step: progress, who answers, the question and answers.

        The same widgets serve every step; `_fill` puts the step in them and shows only
        those the step's kind needs, so moving on does not build new widgets."""
        if self.step is None:
            return
        self.parts = parts = StepParts.make()
        yield parts.progress
        yield parts.who
        yield parts.frame

    def _tip_words(self, step: Step) -> Text:
        return plain("💡 " + (text_of(step.tip) or _("No tip for this question.")))

    def _earlier(self, step: Step) -> tuple[tuple[str, ...], str]:
        conversation = self.session.conversation
        earlier = (
            conversation.answer_to(step.id) if self.answering.kind != "supporter_view" else None
        )
        chosen = earlier.choices if earlier and earlier.given else ()
        earlier_text = earlier.text if earlier and earlier.given else None
        return chosen, self.draft if self.draft is not None else (earlier_text or "")

    def _items(self, step: Step) -> list[ChoiceItem]:
        if step.kind in (StepKind.YES_NO, StepKind.SCALE3):
            return [ChoiceItem(v, s, w) for v, s, w in fixed_choices(step.kind)]
        return [ChoiceItem(c.id, c.symbol, text_of(c.text), c.own_words) for c in step.choices]

    def _fill(self) -> None:
        """Put the current step in the step widgets and show those its kind needs."""
        step, parts = self.step, self.shown
        if step is None or parts is None:
            return
        kind = step.kind
        parts.progress.update(plain("🧭  " + progress_words(self.session.conversation.progress())))
        parts.who.show(self.answering, self.session.alias)
        parts.frame.set_class(self.answering.kind == "supporter_view", "-supporter")
        parts.question.update(plain(f"{step.symbol}  {text_of(step.text)}"))
        views = parts.views
        views.display = bool(self.session.views(step.id))
        views.update(plain(self._views_words(step)) if views.display else "")
        chosen, text = self._earlier(step)
        is_scale = kind is StepKind.SCALE3  # three large symbols, not a list
        in_list = kind not in (StepKind.SAY, StepKind.TEXT) and not is_scale
        parts.choices.display = in_list
        parts.scale.display = is_scale
        if in_list:  # a hidden list or hidden tiles are left as they are
            multi = kind is StepKind.MULTI_CHOICE
            parts.choices.replace_items(self._items(step), multi=multi, chosen=chosen)
        elif is_scale:
            parts.scale.replace_items(self._items(step), chosen=chosen)
        words = parts.words
        words.display = kind in (StepKind.TEXT, StepKind.SCALE3) or any(
            c.own_words for c in step.choices
        )
        words.placeholder = (
            _("Write here. Then press Enter.")
            if kind is StepKind.TEXT
            else _("Tell me more, if you want.")
            if kind is StepKind.SCALE3
            else _("Own words here")
        )
        with words.prevent(Input.Changed):  # a step's own text is not the client's draft
            words.value = text if words.display else ""
        parts.go_on.display = kind is StepKind.SAY
        parts.ready.display = kind is StepKind.MULTI_CHOICE

    def _views_words(self, step: Step) -> str:
        lines = []
        for view in self.session.views(step.id):
            said = ", ".join(words for _s, words in answer_parts(step, view.answer))
            lines.append(f"💬 {_('Own view of:')} {short(view.by or '', 20)}: {short(said, 40)}")
        return "\n".join(lines[:2])

    def on_mount(self) -> None:
        self._fill()
        self._after_draw()

    def _after_draw(self) -> None:
        step, parts = self.step, self.shown
        if step is None or parts is None:
            return
        for control in (parts.choices, parts.scale, parts.words, parts.go_on):
            if control.display:
                control.focus()
                break
        self._fit_scale()
        if self._shown != step.id:
            self._shown = step.id
            self.post_message(StepShown(step.id))
            self.haave.screen_shown(self)

    def _fit_scale(self) -> None:
        """The three large symbols leave their faces out when the frame is too low."""
        parts = self.shown
        if parts is None or not parts.scale.display:
            return
        scale, frame = parts.scale, parts.frame
        others = sum(
            w.outer_size.height + w.styles.margin.height
            for w in frame.children
            if w.display and w is not scale
        )
        scale.fit(frame.content_size.height - others)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_scale)

    def on_scale_tiles_resized(self, event: ScaleTiles.Resized) -> None:
        event.stop()
        self._fit_scale()  # the tiles' own size is known only once they are laid out

    def redraw(self) -> None:
        """Draw the whole screen again (after a language change)."""
        self.refresh(recompose=True)
        self.call_after_refresh(self._fill)
        self.call_after_refresh(self._after_draw)

    def show_step(self) -> None:
        """Draw only what changes with the step: fast enough to feel instant."""
        if self.shown is None:
            self.redraw()
            return
        self._fill()
        self._show_tip()

    def _show_tip(self) -> None:
        step = self.step
        if step is not None:
            tip = self.query_one("#tip", Static)
            tip.update(self._tip_words(step))
            tip.display = self.show_tip
        self.call_after_refresh(self._after_draw)  # StepShown once the step is drawn

    def spoken_text(self) -> str:
        step = self.step
        if step is None:
            return ""
        parts = [text_of(step.text)]
        if step.kind in (StepKind.YES_NO, StepKind.SCALE3):
            parts += [w for _v, _s, w in fixed_choices(step.kind)]
        parts += [text_of(c.text) for c in step.choices]
        return ". ".join(parts)

    def help_text(self) -> str:
        from assistant.ui.screens.help_text import step_help

        step = self.step
        return step_help(step) if step else super().help_text()

    # -- answering -----------------------------------------------------------------------

    def submit(self, answer: Answer) -> None:
        step = self.step
        if step is None:
            return
        kind, by = self.answering.kind, self.answering.by
        if kind == "supporter_view":
            self.session.supporter_view(step.id, answer, by or "")
            self.post_message(AnswerGiven(step.id, answer, kind, by))
            self.notify(_("Saved as the supporter's own view."), timeout=3)
            self.answering = Answering()
            self.draft = None
            self.show_step()
            return
        try:
            self.session.answer(answer, kind, by)  # the engine moves and all is saved
        except AnswerError:
            self.notify(_("Pick a choice or write something first."), severity="warning")
            return
        self.post_message(AnswerGiven(step.id, answer, kind, by))
        self._moved(saved=True)

    def _moved(self, *, saved: bool = False) -> None:
        if not saved:  # an answer was saved with the engine's state in one write already
            self.session.save()
        self.answering = Answering()
        self.draft = None
        self.pending_own = None
        self.show_tip = False  # the tip is hidden again on each new step
        if self.session.conversation.finished:
            from assistant.ui.screens.readback import ReadbackScreen

            self.haave.goto(ReadbackScreen())
        else:
            self.show_step()

    def _words(self) -> str:
        parts = self.shown
        return parts.words.value if parts is not None else ""

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        self._picked(event.value, own_words=event.own_words)

    def on_scale_tiles_picked(self, event: ScaleTiles.Picked) -> None:
        event.stop()
        self._picked(event.value, own_words=False)

    def _picked(self, value: str, *, own_words: bool) -> None:
        step = self.step
        if step is None or step.kind is StepKind.MULTI_CHOICE:
            return
        text = self._words().strip() or None
        if own_words and not text:
            self.pending_own = value
            if parts := self.shown:
                parts.words.focus()
            return
        self.submit(Answer.pick(value, text=text))

    def action_ready(self) -> None:
        step = self.step
        if step is None:
            return
        if step.kind is StepKind.MULTI_CHOICE:
            chosen = tuple(parts.choices.chosen) if (parts := self.shown) else ()
            own = any(step.choice(c) and step.choice(c).own_words for c in chosen)  # type: ignore[union-attr]
            self.submit(Answer.pick(*chosen, text=(self._words().strip() or None) if own else None))
        elif step.kind is StepKind.TEXT:
            self.submit(Answer.words(self._words()))
        elif self.pending_own is not None:
            self.submit(Answer.pick(self.pending_own, text=self._words().strip() or None))
        elif step.kind is StepKind.SAY:
            self.action_go_on()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.draft = event.value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        step = self.step
        if step is None:
            return
        parts = self.shown
        if step.kind is StepKind.SCALE3 or (step.kind is StepKind.CHOICE and not self.pending_own):
            if parts is not None:  # from the text box back to the choices
                (parts.scale if step.kind is StepKind.SCALE3 else parts.choices).focus()
            return
        if step.kind is StepKind.CHOICE and self.pending_own:
            chosen = self.pending_own
            self.submit(Answer.pick(chosen, text=event.value.strip() or None))
            return
        self.action_ready()

    def action_go_on(self) -> None:
        step = self.step
        if step is not None and step.kind is StepKind.SAY:
            self.session.conversation.proceed()
            self._moved()

    def action_skip(self, reason: str) -> None:
        if self.step is None or self.step.kind is StepKind.SAY:
            return
        self.submit(Answer.skip(reason))

    def on_key(self, event: Key) -> None:
        focused = self.focused
        if event.key in ("1", "2", "3", "4", "5") and isinstance(focused, ChoiceList | ScaleTiles):
            event.stop()
            focused.pick_number(int(event.key))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        if button_id.startswith("skip-"):
            event.stop()
            self.action_skip(button_id.removeprefix("skip-"))
        elif button_id == "go-on":
            event.stop()
            self.action_go_on()
        elif button_id == "ready":
            event.stop()
            self.action_ready()
        else:
            super().on_button_pressed(event)

    # -- moving and people ----------------------------------------------------------------

    def action_back(self) -> None:
        if self.session.conversation.back() is None:
            self.action_themes()
            return
        self._moved()

    def action_themes(self) -> None:
        from assistant.ui.screens.themes import ThemesScreen

        self.session.save()
        self.haave.goto(ThemesScreen())

    def action_tip(self) -> None:
        self.show_tip = not self.show_tip
        self.query_one("#tip", Static).display = self.show_tip
        self.call_after_refresh(self._fit_scale)

    def action_note(self) -> None:
        from assistant.ui.screens.modals import NoteScreen

        step = self.step
        writer = self.session.note_writer()
        if step is None or writer is None:
            self.notify(_("Only the client is here."), timeout=3)
            return

        def written(text: str | None) -> None:
            if text:
                self.session.note(step.id, text, writer)
                self.notify(_("The note is saved."), timeout=3)

        self.app.push_screen(NoteScreen(writer), written)

    def action_who_answers(self) -> None:
        from assistant.ui.screens.modals import AnsweringScreen

        others = [p.name for p in self.session.present if p.role != "client"]
        if not others:
            self.notify(_("Only the client is here."), timeout=3)
            return

        def chosen(answering: Answering | None) -> None:
            if answering is not None:
                self.answering = answering
                self.show_step()

        self.app.push_screen(AnsweringScreen(self.session.alias, others), chosen)

    def set_answering(self, answering: Answering) -> None:
        """Who answers this step (also used by tests)."""
        self.answering = answering
        self.show_step()
