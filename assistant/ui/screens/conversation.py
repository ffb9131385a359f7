"""The conversation: one step per screen, the same actions always in the same place.

The screen renders the session service's `StepView` and calls its methods; it never reads
the dialogue or the store. One set of step widgets (`widgets.step_parts`) is made once and
filled for each step (`_fill`): building new widgets for every step took 20 ms a key.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.reactive import var
from textual.widgets import Input

from assistant.i18n import _, get_language
from assistant.session import (
    Action,
    ActiveSession,
    Answer,
    AnsweredBy,
    Answering,
    Problem,
    SessionError,
    StepKind,
    StepView,
)
from assistant.ui import bindings
from assistant.ui.screens import supporter
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.widgets.action_bar import action_button
from assistant.ui.widgets.choice_list import ChoiceList
from assistant.ui.widgets.scale_tiles import ScaleTiles
from assistant.ui.widgets.step_parts import StepParts


@dataclass
class StepShown(Message):
    """A step is on the screen, drawn (read aloud follows, when the client wants it)."""

    step_id: str


@dataclass
class AnswerGiven(Message):
    """An answer was given and saved: by the client, with support, or as someone's view."""

    step_id: str
    answer: Answer
    by: AnsweredBy
    person: str | None
    """The participant id of the helper or of the person whose view it is."""


class ConversationScreen(HaaveScreen):
    BINDINGS = [  # noqa: RUF012
        *bindings.COMMON,
        bindings.WHO_ANSWERS,
        bindings.THEMES,
        *bindings.SKIPS.values(),
        bindings.READY,
        bindings.TIP,
        bindings.NOTE,
    ]

    answering: var[Answering] = var(Answering, init=False)
    """Who answers the step shown now; back to the client on each new step."""
    show_tip: var[bool] = var(False, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.pending_own: str | None = None
        self.choices_shown = False
        """The client asked to see the choices of an 'own words first' question."""
        self.draft: str | None = None
        """Words typed but not yet given: kept when the screen is drawn again."""
        self._shown: str | None = None
        self.parts: StepParts | None = None
        self.view: StepView | None = None

    @property
    def session(self) -> ActiveSession:
        session = self.haave.session
        assert session is not None
        return session

    @property
    def shown(self) -> StepParts | None:
        """The step widgets, when they are on the screen (not before compose or after a
        recompose has replaced them)."""
        parts = self.parts
        return parts if parts is not None and parts.question.is_attached else None

    # -- drawing -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        self.view = self.session.step(self.answering)
        keymap = self.haave.keymap
        parts = self.parts = StepParts.make(self.view, keymap)
        parts.tip.display = self.show_tip
        with VerticalScroll(id="step-scroll"):
            yield from parts.in_order()
            with Horizontal(id="facilitator"):  # set apart from the client's answers
                yield action_button(
                    "🧰", _("For the supporter"), "screen.tools", "tools", keymap=keymap
                )
        yield self.action_bar()

    def _fill(self) -> None:
        """Put the step in the step widgets and show those its kind needs."""
        parts = self.shown
        view = self.view = self.session.step(self.answering)
        if view is None or parts is None:
            return
        parts.fill(view, self.session.alias, asks_openly=self.asks_openly, draft=self.draft)

    def on_mount(self) -> None:
        self._fill()
        self._after_draw()

    def _after_draw(self) -> None:
        view, parts = self.view, self.shown
        if view is None or parts is None:
            return
        if (control := parts.first_control(asks_openly=self.asks_openly)) is not None:
            control.focus()
        self._fit_scale()
        if self._shown != view.step_id:
            self._shown = view.step_id
            self.post_message(StepShown(view.step_id))
            self.haave.screen_shown(self)

    def _fit_scale(self) -> None:
        """The three large symbols leave their faces out when the screen is too low."""
        parts = self.shown
        if parts is None or not parts.scale.display:
            return
        parts.fit_scale(self.query_one("#step-scroll", VerticalScroll))

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_scale)

    def on_scale_tiles_resized(self, event: ScaleTiles.Resized) -> None:
        event.stop()
        self._fit_scale()  # the tiles' own size is known only once they are laid out

    def redraw(self) -> None:
        """Draw the whole screen again (after a language change)."""
        self.refresh(recompose=True)  # new step widgets: every text is put in again
        self.call_after_refresh(self._fill)
        self.call_after_refresh(self._after_draw)

    def show_step(self) -> None:
        """Draw only what changes with the step: fast enough to feel instant."""
        if self.shown is None:
            self.redraw()
            return
        self._fill()
        if parts := self.shown:
            parts.tip.display = self.show_tip
        self.call_after_refresh(self._after_draw)  # StepShown once the step is drawn

    def watch_answering(self) -> None:
        self.draft = None  # someone else answers: their box starts with their own words
        self.show_step()

    def watch_show_tip(self, show: bool) -> None:
        if parts := self.shown:
            parts.tip.display = show
        self.call_after_refresh(self._fit_scale)

    def spoken_text(self) -> str:
        return self.view.spoken if self.view is not None else ""

    def help_text(self) -> str:
        view = self.view
        if view is None:
            return super().help_text()
        lines = [view.help]
        if view.glossary:
            lines += ["", _("What do these words mean?")]
            lines += [f"{g.term}: {g.meaning}" for g in view.glossary]
        return "\n".join(lines)

    # -- answering -----------------------------------------------------------------------

    def submit(self, answer: Answer) -> None:
        view = self.view
        if view is None:
            return
        answering = self.answering
        try:
            self.session.answer(answer, answering)  # the engine moves and all is saved
        except SessionError as error:
            # nothing is lost: the typed words stay in the box
            unfit = error.problem is Problem.ANSWER_UNFIT
            self.notify(
                error.words(get_language()), severity="warning" if unfit else "error", timeout=8
            )
            return
        person = answering.person.id if answering.person else None
        self.post_message(AnswerGiven(view.step_id, answer, answering.by, person))
        if answering.is_view:
            self.notify(_("Saved as the supporter's own view."), timeout=3)
        self._moved()

    @property
    def asks_openly(self) -> bool:
        """An 'own words first' question whose choices are not shown yet."""
        return self.view is not None and self.view.own_words_first and not self.choices_shown

    def action_show_choices(self) -> None:
        self.choices_shown = True
        self.show_step()
        if parts := self.shown:
            parts.choices.focus()

    def _moved(self) -> None:
        self.pending_own = None
        self.choices_shown = False
        self.draft = None
        self.show_tip = False  # the tip is hidden again on each new step
        self.set_reactive(ConversationScreen.answering, Answering())
        from assistant.session import Place

        session = self.session
        if session.place is Place.STEP and not session.mat_due and not session.theme_choice_due:
            self.show_step()
        else:  # a read-back, the topic mat, the theme picker after the opening, the end
            self.haave.show_where_the_session_is()

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
        view = self.view
        if view is None or view.kind is StepKind.MULTI_CHOICE:
            return
        text = self._words().strip() or None
        if own_words and not text:
            self.pending_own = value
            if parts := self.shown:
                parts.words.focus()
            return
        self.submit(Answer.pick(value, text=text))

    def action_ready(self) -> None:
        view, parts = self.view, self.shown
        if view is None or parts is None:
            return
        text = self._words().strip() or None
        if self.asks_openly:  # words given first are the answer of the own-words choice
            own_value = next((c.value for c in view.choices if c.own_words), "")
            # no words yet: the service says plainly what is missing
            self.submit(Answer.pick(own_value, text=text) if text else Answer.words(""))
        elif view.kind is StepKind.MULTI_CHOICE:
            chosen = tuple(parts.choices.chosen)
            own = any(c.own_words for c in view.choices if c.value in chosen)
            self.submit(Answer.pick(*chosen, text=text if own else None))
        elif view.kind is StepKind.TEXT:
            self.submit(Answer.words(self._words()))
        elif self.pending_own is not None:
            self.submit(Answer.pick(self.pending_own, text=text))
        elif view.kind is StepKind.SAY:
            self.action_go_on()
        else:
            chosen = tuple(c.value for c in view.choices if c.chosen)
            picked = parts.scale.chosen if view.kind is StepKind.SCALE3 else chosen
            self.submit(Answer.pick(*picked[:1], text=text))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "words":
            self.draft = event.value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        view, parts = self.view, self.shown
        if view is None or parts is None:
            return
        waiting = view.kind in (StepKind.SCALE3, StepKind.CHOICE) and not self.pending_own
        if waiting and not (view.kind is StepKind.SCALE3 and parts.scale.chosen):
            # from the text box back to the choices
            (parts.scale if view.kind is StepKind.SCALE3 else parts.choices).focus()
            return
        self.action_ready()

    def action_go_on(self) -> None:
        view = self.view
        if view is not None and view.kind is StepKind.SAY:
            try:
                self.session.go_on()
            except SessionError as error:
                self.notify(error.words(get_language()), severity="error")
                return
            self._moved()

    def action_skip(self, reason: str) -> None:
        view = self.view
        if view is None or Action.SKIP not in view.actions:
            return
        self.submit(Answer.skip(reason))

    # -- moving, and the tip -------------------------------------------------------------

    def action_back(self) -> None:
        try:
            moved = self.session.back()
        except SessionError as error:
            self.notify(error.words(get_language()), severity="error")
            return
        if not moved:
            self.action_themes()
            return
        self._moved()

    def action_themes(self) -> None:
        self.haave.show_themes()

    def action_tip(self) -> None:
        self.show_tip = not self.show_tip

    # -- the supporter's tools (`supporter` opens their windows) -------------------------

    def action_tools(self) -> None:
        """The supporter's tools in one window: big buttons by touch, keys as shortcuts."""
        supporter.show_tools(self)

    def action_note(self) -> None:
        supporter.write_note(self, on_step=self.view is not None)

    def action_ways(self) -> None:
        supporter.pick_ways(self)

    def action_who_answers(self) -> None:
        supporter.pick_who_answers(self, self._answered_by)

    def _answered_by(self, answering: Answering) -> None:
        """Someone else answers the step shown now (it is drawn again for them)."""
        self.answering = answering
