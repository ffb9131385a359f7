"""The topic mat: after a group of like / not sure / don't like questions, the client sees
every card under its face at once (as Talking Mats ends), can move any card or set it aside,
and says the mat is right."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from assistant.i18n import _, get_language
from assistant.session import ActiveSession, SessionError
from assistant.session.mat import MatCard, MatView
from assistant.ui.screens.base import HaaveScreen
from assistant.ui.screens.modals import PickScreen
from assistant.ui.widgets.action_bar import action_button
from assistant.ui.widgets.choice_list import ChoiceItem, ChoiceList
from assistant.ui.widgets.text import plain

ASIDE = "__aside__"


class MatScreen(HaaveScreen):
    def __init__(self, mat_id: str) -> None:
        super().__init__()
        self.mat_id = mat_id

    @property
    def session(self) -> ActiveSession:
        assert self.haave.session is not None
        return self.haave.session

    @property
    def view(self) -> MatView:
        return self.session.mat(self.mat_id)

    def compose(self) -> ComposeResult:
        view = self.view
        with VerticalScroll(id="body"):
            yield Static(plain(f"🗂  {view.title}"), classes="title")
            yield Static(self._mat_picture(view), id="mat")
            yield Static("❔  " + _("Is this right? You can move a card."), classes="line")
            yield ChoiceList(self._cards(view), id="mat-cards")
            with Horizontal(classes="row"):
                yield action_button(
                    "👍", _("The mat is right"), "screen.right", "mat-right",
                    keymap=self.haave.keymap, variant="primary",
                )  # fmt: skip
        yield self.action_bar()

    def _mat_picture(self, view: MatView) -> Table:
        """The whole mat in view: a column under each face, and the cards set aside."""
        table = Table(expand=True, show_lines=False, padding=(0, 1))
        columns = [(c.symbol, c.words, c.cards) for c in view.columns]
        columns.append((view.set_aside_symbol, view.set_aside_words, view.set_aside))
        for symbol, words, _cards in columns:
            table.add_column(Text(f"{symbol} {words}", style="bold"), overflow="fold")
        for row in range(max((len(cards) for *_h, cards in columns), default=0)):
            table.add_row(*(_card_text(cards, row) for *_h, cards in columns))
        return table

    def _cards(self, view: MatView) -> list[ChoiceItem]:
        # where each card is now, in a symbol and words (never by the symbol alone)
        where = {c.step_id: f"{col.symbol} {col.words}" for col in view.columns for c in col.cards}
        aside = f"{view.set_aside_symbol} {view.set_aside_words}"
        where |= {c.step_id: aside for c in view.set_aside}
        cards = [c for col in view.columns for c in col.cards] + [*view.set_aside, *view.unplaced]
        return [
            ChoiceItem(c.step_id, c.symbol, f"{c.words}  →  {where.get(c.step_id, '❔')}")
            for c in cards
        ]

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    def spoken_text(self) -> str:
        return self.view.spoken

    def help_text(self) -> str:
        return _("Pick a card. Then pick where it goes.")

    def on_choice_list_picked(self, event: ChoiceList.Picked) -> None:
        event.stop()
        step_id = event.value
        view = self.view
        places = [ChoiceItem(c.value, c.symbol, c.words) for c in view.columns]
        places.append(ChoiceItem(ASIDE, view.set_aside_symbol, view.set_aside_words))

        def placed(value: str | None) -> None:
            if value is None:
                return
            try:
                if value == ASIDE:
                    self.session.mat_set_aside(step_id)
                else:
                    self.session.mat_place(step_id, value)
            except SessionError as error:
                self.notify(error.words(get_language()), severity="error")
                return
            self.redraw()

        every = [c for col in view.columns for c in col.cards] + [*view.set_aside, *view.unplaced]
        name = next((c.words for c in every if c.step_id == step_id), step_id)
        self.app.push_screen(PickScreen(_("Where does it go?") + f" {name}", places), placed)

    def action_right(self) -> None:
        try:
            self.session.mat_confirm(self.mat_id)
        except SessionError as error:
            self.notify(error.words(get_language()), severity="error")
            return
        self.haave.show_where_the_session_is()

    def action_back(self) -> None:
        """Back to the group's last question (the mat comes again after it)."""
        try:
            self.session.back()
        except SessionError as error:
            self.notify(error.words(get_language()), severity="error")
            return
        self.haave.show_conversation()


def _card_text(cards: tuple[MatCard, ...], row: int) -> Text:
    return plain(f"{cards[row].symbol} {cards[row].words}") if row < len(cards) else Text("")
