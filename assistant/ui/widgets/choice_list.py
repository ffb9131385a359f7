"""Big numbered choices with the symbol on the LEFT: keys 1–5, arrows + Enter, or the mouse."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Offset
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from assistant.ui.widgets.text import plain


@dataclass(frozen=True)
class ChoiceItem:
    value: str
    symbol: str
    words: str
    own_words: bool = False


class ChoiceList(OptionList):
    """One choice per line: "1  🎵  I listen to music". Multi mode toggles ☑ / ☐."""

    DEFAULT_CSS = """
    ChoiceList { height: auto; max-height: 12; border: round $primary; padding: 0 1; }
    ChoiceList > .option-list--option { padding: 0 1; }
    """

    #: The number keys pick: one place for every list (not a handler per screen).
    BINDINGS = [  # noqa: RUF012
        Binding(str(n), f"pick({n})", f"Pick {n}", show=False) for n in range(1, 10)
    ]

    @dataclass
    class Picked(Message):
        """The client picked (or, in multi mode, toggled) a choice."""

        choice_list: ChoiceList
        value: str
        own_words: bool

    def __init__(
        self,
        items: list[ChoiceItem],
        *,
        multi: bool = False,
        chosen: tuple[str, ...] = (),
        id: str | None = None,
    ) -> None:
        self.items = items
        self.multi = multi
        self.chosen: list[str] = [c for c in chosen if any(i.value == c for i in items)]
        super().__init__(*self._build_options(), id=id)

    def replace_items(
        self, items: list[ChoiceItem], *, multi: bool, chosen: tuple[str, ...] = ()
    ) -> None:
        """Show other choices in this same widget (faster than a new one for each step)."""
        self.items = items
        self.multi = multi
        self.chosen = [c for c in chosen if any(i.value == c for i in items)]
        self.set_options(self._build_options())
        self._highlight_first()

    def _prompt(self, number: int, item: ChoiceItem) -> Text:
        picked = item.value in self.chosen
        mark = ("☑ " if picked else "☐ ") if self.multi else "✔ " if picked else "  "
        line = Text(f"{number}  {mark}")
        line.append_text(plain(f"{item.symbol}  "))
        line.append_text(plain(item.words, style="bold" if picked else ""))
        return line

    def _build_options(self) -> list[Option]:
        return [Option(self._prompt(n, i), id=i.value) for n, i in enumerate(self.items, 1)]

    def on_mount(self) -> None:
        self._highlight_first()

    def _highlight_first(self) -> None:
        """The first chosen item, or else the first item, is where the client starts."""
        if self.chosen:
            first = next(n for n, i in enumerate(self.items) if i.value in self.chosen)
            self.highlighted = first
        elif self.items:
            self.highlighted = 0

    def cursor_offset(self) -> Offset:
        """Where the terminal cursor goes: the highlighted choice's line."""
        offset = self.content_region.offset
        if self.highlighted is None:
            return offset
        return Offset(offset.x, offset.y + max(0, self.highlighted - int(self.scroll_offset.y)))

    def action_pick(self, number: int) -> None:
        self.pick_number(number)

    def pick_number(self, number: int) -> None:
        """Pick the choice with this number (1-based), as the number keys do."""
        if 1 <= number <= len(self.items):
            self.highlighted = number - 1
            self._pick(self.items[number - 1])

    def _pick(self, item: ChoiceItem) -> None:
        if self.multi:
            if item.value in self.chosen:
                self.chosen.remove(item.value)
            else:
                self.chosen.append(item.value)
            keep = self.highlighted
            self.set_options(self._build_options())
            self.highlighted = keep
        else:
            self.chosen = [item.value]
        self.post_message(self.Picked(self, item.value, item.own_words))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(self.items[event.option_index])
