"""The widgets that show a step on the conversation screen: progress, who answers, the frame
with the question and the ways to answer, the skip buttons and the tip.

They are made once per screen (`StepParts.make`) and filled for each step (`fill`), which
shows only those the step's kind needs: building new widgets for every step took 20 ms a key.
They only show the session service's `StepView`; the screen places them and answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from assistant.i18n import _, get_language
from assistant.session import Action, AnsweredBy, SkipReason, StepKind, StepView
from assistant.session.words import answering_words, skip_words
from assistant.ui import bindings
from assistant.ui.widgets.action_bar import action_button
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.scale_tiles import ScaleTiles
from assistant.ui.widgets.text import plain, short
from assistant.ui.widgets.who_bar import WhoBar


@dataclass
class StepParts:
    """The widgets that show a step. Made once per screen and filled for each step."""

    progress: Static
    who: WhoBar
    frame: Vertical
    intro: Static
    question: Static
    views: Static
    go_on: Button
    choices: ChoiceList
    scale: ScaleTiles
    words_label: Static
    words: Input
    ready: Button
    show_choices: Button
    skips: Horizontal
    tip: Static
    texts: dict[str, str] = field(default_factory=dict)
    """The words each text widget shows now, by its id (new widgets start with none)."""

    @classmethod
    def make(cls, view: StepView | None, keymap: Mapping[str, str]) -> StepParts:
        """The same widgets serve every step; `view` (the first step) names the skips."""
        intro, question, views = Static(id="intro"), Static(id="question"), Static(id="views")
        go_on = action_button(
            "▶", _("Go on"), "screen.go_on", "go-on", keymap=keymap, variant="primary"
        )
        choices, scale = ChoiceList([], id="choices"), ScaleTiles(id="scale")
        # an earlier answer stays when the client types: the caret goes to its end
        words_label = Static(id="words-label")
        words = Input(id="words", placeholder=_("Your words here"), select_on_focus=False)
        ready = action_button(
            "✔", _("Ready"), "screen.ready", "ready",
            keymap=keymap, binding=bindings.READY, variant="primary",
        )  # fmt: skip
        show_choices = action_button(
            "🔽", _("Show choices"), "screen.show_choices", "show-choices", keymap=keymap
        )
        frame = Vertical(
            intro, question, views, go_on, choices, scale, words_label, words, ready,
            show_choices, id="frame",
        )  # fmt: skip
        progress, who = Static(id="progress"), WhoBar(id="who")
        skips = [
            action_button(
                symbol,
                label,
                f"screen.skip('{reason.value}')",
                f"skip-{reason.value}",
                keymap=keymap,
                binding=binding,
            )
            for reason, binding in zip(SkipReason, bindings.SKIPS.values(), strict=True)
            for symbol, label in [_skip_words(view, reason)]
        ]
        return cls(
            progress, who, frame, intro, question, views, go_on, choices, scale, words_label,
            words, ready, show_choices, Horizontal(*skips, id="skips", classes="row"),
            Static(id="tip"),
        )  # fmt: skip

    def in_order(self) -> tuple[Widget, ...]:
        """The widgets the screen places, top to bottom (the frame holds the others)."""
        return (self.progress, self.who, self.frame, self.skips, self.tip)

    def fill(self, view: StepView, client: str, *, asks_openly: bool, draft: str | None) -> None:
        """Put the step in the widgets and show those its kind needs. `asks_openly`: an 'own
        words first' question whose choices are not shown yet; `draft`: words typed but not
        yet given, shown in place of the step's own."""
        kind = view.kind
        show = self._show
        show(self.progress, "🧭  " + view.progress)
        self.who.show(view.answering, client)
        self.frame.set_class(view.answering.is_view, "-supporter")
        self.intro.display = bool(view.intro)
        show(self.intro, view.intro)
        show(self.question, f"{view.symbol}  {view.question}")
        self.views.display = bool(view.views)
        show(self.views, _views_words(view) if view.views else "")
        items = [ChoiceItem(c.value, c.symbol, c.words, c.own_words) for c in view.choices]
        chosen = tuple(c.value for c in view.choices if c.chosen)
        is_scale = kind is StepKind.SCALE3  # three large symbols, not a list
        in_list = bool(items) and not is_scale and not asks_openly
        self.choices.display = in_list
        self.scale.display = is_scale
        if in_list:  # a hidden list or hidden tiles are left as they are
            self.choices.replace_items(items, multi=kind is StepKind.MULTI_CHOICE, chosen=chosen)
        elif is_scale:
            self.scale.replace_items(items, chosen=chosen)
        words = self.words
        words.display = self.words_label.display = view.takes_words
        show(self.words_label, "✏ " + view.words_label)  # a label, never cut
        with words.prevent(Input.Changed):  # a step's own words are not the client's draft
            shown = draft if draft is not None else view.words
            words.value = shown if view.takes_words else ""
        self.go_on.display = kind is StepKind.SAY
        # a tile or a choice answers at once; Ready sends words and several choices
        self.ready.display = kind in (StepKind.MULTI_CHOICE, StepKind.TEXT) or (
            kind is StepKind.CHOICE and view.takes_words
        )
        self.show_choices.display = asks_openly
        self.skips.display = Action.SKIP in view.actions
        show(self.tip, "💡 " + (view.tip or _("No tip for this question.")))

    def _show(self, widget: Static, text: str) -> None:
        """Put words in a widget only when they change: a new step then lays out only
        what is new (every update costs a layout)."""
        if self.texts.get(widget.id or "") != text:
            self.texts[widget.id or ""] = text
            widget.update(plain(text))

    def first_control(self, *, asks_openly: bool) -> Widget | None:
        """Where the focus goes: the first way to answer shown, the text box first when the
        question asks for own words first."""
        for control in (
            (self.words, self.choices, self.scale, self.go_on)
            if asks_openly
            else (self.choices, self.scale, self.words, self.go_on)
        ):
            if control.display:
                return control
        return None

    def fit_scale(self, scroll: Widget) -> None:
        """The three large symbols leave their faces out when the screen is too low: they
        get the height of `scroll` (which holds the step widgets) that the others leave."""
        others = sum(
            w.outer_size.height + w.styles.margin.height
            for w in (*scroll.children, *self.frame.children)
            if w.display and w is not self.scale and w is not self.frame
        )
        frame_edges = self.frame.outer_size.height - self.frame.content_size.height
        self.scale.fit(scroll.content_size.height - others - frame_edges)


def _views_words(view: StepView) -> str:
    """The others' own views of this step, at most two lines."""
    lines = []
    for other in view.views:
        said = ", ".join(words for _s, words in other.parts)
        name = other.person.name if other.person else ""
        who = answering_words(AnsweredBy.SUPPORTER_VIEW, "", short(name, 20), get_language())
        lines.append(f"💬 {who}: {short(said, 40)}")
    return "\n".join(lines[:2])


def _skip_words(view: StepView | None, reason: SkipReason) -> tuple[str, str]:
    found = next((s for s in view.skips if s.reason is reason), None) if view else None
    if found is not None:
        return found.symbol, found.words
    return skip_words(reason, get_language())
