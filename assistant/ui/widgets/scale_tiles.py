"""The like / not sure / don't like question as three large symbols side by side.

Each tile shows its number key, a face drawn with line characters (large, and readable
without colour or an emoji font), the emoji and the words. Keys 1–3, the arrows and Enter,
or the mouse. The tile under the cursor has a heavy frame; an earlier answer has a ✔.
When the screen is too low for the faces (80x24 with the tip open) or too narrow (a zoomed
terminal), the tiles leave the faces out rather than push the text box out of sight or
break the faces.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Offset
from textual.message import Message
from textual.widgets import Static

from assistant.ui.widgets.choice_list import ChoiceItem
from assistant.ui.widgets.text import plain

# Smile, straight mouth, frown: the first tile is the good one, the last the bad one.
FACES = (
    ("╭───────╮", "│ ●   ● │", "│       │", "│ ╰───╯ │", "╰───────╯"),
    ("╭───────╮", "│ ●   ● │", "│       │", "│ ───── │", "╰───────╯"),
    ("╭───────╮", "│ ●   ● │", "│       │", "│ ╭───╮ │", "╰───────╯"),
)
FACE_ROWS = len(FACES[0])
FACE_WIDTH = len(FACES[0][0])


class Tile(Static):
    """One of the three large choices."""

    def __init__(self, index: int) -> None:
        super().__init__(classes="tile")
        self.index = index
        self.shows: tuple[object, ...] | None = None  # what the tile shows now

    def show(self, item: ChoiceItem, *, picked: bool, compact: bool, pad: int) -> None:
        """Draw the tile again only when what it shows has changed: moving on is fast."""
        shows = (item, picked, compact, pad)
        if shows != self.shows:
            self.shows = shows
            self.update(self._content(item, picked=picked, compact=compact, pad=pad))

    def _content(self, item: ChoiceItem, *, picked: bool, compact: bool, pad: int) -> Text:
        number = self.index + 1
        content = Text(f"✔ {number}" if picked else str(number), justify="center")
        if not compact:
            for line in FACES[self.index]:
                content.append("\n" + line)
        content.append_text(plain(f"\n{item.symbol} {item.words}" + "\n" * pad))
        return content

    def on_click(self, event: events.Click) -> None:
        event.stop()
        parent = self.parent
        if isinstance(parent, ScaleTiles):
            parent.focus()
            parent.pick_number(self.index + 1)


def words_lines(item: ChoiceItem, width: int) -> int:
    """How many lines the symbol and words take in a tile `width` cells wide (greedy, by
    words, as the tile wraps them)."""
    lines, used = 1, cell_len(item.symbol)
    for word in item.words.split():
        size = cell_len(word)
        if used + 1 + size <= width:
            used += 1 + size
        else:
            lines, used = lines + 1, size
    return lines


class ScaleTiles(Horizontal, can_focus=True):
    """Three large choices in a row: the scale3 question."""

    DEFAULT_CSS = """
    ScaleTiles { height: auto; margin: 1 0 0 0; }
    ScaleTiles > .tile {
        width: 1fr; height: auto; border: round $primary; padding: 0 1; margin: 0 1 0 0;
        text-align: center;
    }
    ScaleTiles > .tile.-chosen { text-style: bold; }
    ScaleTiles:focus > .tile.-highlighted {
        border: heavy $accent; background: $boost; text-style: bold;
    }
    """

    BINDINGS = [  # noqa: RUF012
        Binding("left,up", "move(-1)", "Previous", show=False),
        Binding("right,down", "move(1)", "Next", show=False),
        Binding("enter,space", "pick", "Pick", show=False),
        *(Binding(str(n), f"pick({n})", f"Pick {n}", show=False) for n in (1, 2, 3)),
    ]

    @dataclass
    class Picked(Message):
        """The client picked one of the three."""

        scale: ScaleTiles
        value: str

    @dataclass
    class Resized(Message):
        """The tiles were laid out at a new size: time to check they fit."""

        scale: ScaleTiles

    @dataclass
    class Highlighted(Message):
        """The heavy frame moved to another tile (the terminal cursor follows it)."""

        scale: ScaleTiles

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[ChoiceItem] = []
        self.chosen: list[str] = []
        self.highlighted = 0
        self.compact = False
        self._widths: tuple[int, ...] = ()  # the tiles' widths when last drawn

    def compose(self) -> ComposeResult:
        for index in range(len(FACES)):
            yield Tile(index)

    def replace_items(self, items: list[ChoiceItem], *, chosen: tuple[str, ...] = ()) -> None:
        """Show these (at most three) choices; the earlier answer is where the client starts."""
        self.items = items[: len(FACES)]
        self.chosen = [c for c in chosen if any(i.value == c for i in self.items)]
        values = [i.value for i in self.items]
        self.highlighted = values.index(self.chosen[0]) if self.chosen else 0
        self._draw()

    def _draw(self) -> None:
        tiles = list(self.query(Tile))
        self._widths = tuple(t.content_size.width for t in tiles)
        needs = [
            words_lines(item, width) if width else 1
            for item, width in zip(self.items, self._widths, strict=False)
        ]
        for tile in tiles:
            item = self.items[tile.index] if tile.index < len(self.items) else None
            tile.display = item is not None
            if item is None:
                continue
            picked = item.value in self.chosen
            tile.set_class(picked, "-chosen")
            tile.set_class(tile.index == self.highlighted, "-highlighted")
            pad = max(needs) - needs[tile.index]  # as tall as each other when words wrap
            tile.show(item, picked=picked, compact=self.compact, pad=pad)

    def fit(self, rows: int) -> None:
        """Leave the faces out when the tiles with faces would need more than `rows`, or
        when a tile is narrower than a face."""
        tiles = [t for t in self.query(Tile) if t.display]
        words = max(
            (
                words_lines(i, t.content_size.width)
                for i, t in zip(self.items, tiles, strict=False)
                if t.content_size.width
            ),
            default=1,
        )
        # a tile with its face: the number, the face, the words and its frame
        tile_rows = 1 + FACE_ROWS + words + 2
        stacked = self.styles.layout is not None and self.styles.layout.name == "vertical"
        full = (tile_rows * len(tiles) if stacked else tile_rows) + self.styles.margin.height
        narrow = any(0 < t.content_size.width < FACE_WIDTH for t in tiles)
        compact = narrow or rows < full
        widths = tuple(t.content_size.width for t in self.query(Tile))
        if compact != self.compact or widths != self._widths:
            self.compact = compact
            self._draw()

    def on_mount(self) -> None:
        self._draw()

    def on_resize(self) -> None:
        self.post_message(self.Resized(self))

    def action_move(self, step: int) -> None:
        if self.items:
            self.highlighted = (self.highlighted + step) % len(self.items)
            self._draw()
            self.post_message(self.Highlighted(self))

    def action_pick(self, number: int | None = None) -> None:
        self.pick_number(number if number is not None else self.highlighted + 1)

    def pick_number(self, number: int) -> None:
        """Pick the choice with this number (1-based), as the number keys do."""
        if 1 <= number <= len(self.items):
            self.highlighted = number - 1
            item = self.items[number - 1]
            self.chosen = [item.value]
            self._draw()
            self.post_message(self.Picked(self, item.value))

    def cursor_offset(self) -> Offset:
        """Where the terminal cursor goes: the words of the highlighted tile, so that a
        console screen reader, which reads the line under the cursor, says them."""
        for tile in self.query(Tile):
            if tile.index == self.highlighted and tile.index < len(self.items):
                item = self.items[tile.index]
                region = tile.content_region
                row = 1 if self.compact else 1 + FACE_ROWS
                left = max(0, (region.width - cell_len(f"{item.symbol} {item.words}")) // 2)
                return Offset(region.x + left, region.y + row)
        return self.content_region.offset
