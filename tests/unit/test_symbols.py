"""Every symbol a dialogue or the session service shows has an OpenMoji SVG."""

from __future__ import annotations

from pathlib import Path

from assistant import symbols
from assistant.dialogue import load_dialogue
from assistant.dialogue.loader import default_root, dialogue_folders
from assistant.session.words import FIXED, OWN_WORDS_SYMBOL, SKIPS


def test_every_symbol_in_the_dialogues_and_the_service_has_an_svg() -> None:
    used: set[str] = {OWN_WORDS_SYMBOL, *(s for _r, s, _w in SKIPS)}
    used |= {s for values in FIXED.values() for _v, s, _w in values}
    for folder in dialogue_folders(default_root()):
        dialogue = load_dialogue(folder)
        used.add(dialogue.symbol)
        for theme in dialogue.themes:
            used.add(theme.symbol)
            for step in theme.steps:
                used.add(step.symbol)
                used |= {c.symbol for c in step.choices}
    missing = sorted(s for s in used if symbols.svg_path(s) is None)
    assert not missing, missing


def test_the_markup_can_share_a_page_and_is_hidden_from_screen_readers() -> None:
    markup = symbols.svg_markup("😊")
    assert markup is not None and markup.startswith("<svg ")
    assert ' id="' not in markup and 'aria-hidden="true"' in markup
    assert symbols.svg_path("\u2603\u200d\u2603") is None  # no such symbol: words alone


def test_the_variation_selector_does_not_matter() -> None:
    with_vs, without = symbols.svg_path("✏️"), symbols.svg_path("✏")
    assert with_vs is not None and with_vs == without
    assert isinstance(with_vs, Path)
