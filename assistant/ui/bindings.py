"""Every key of the app in one place, by binding id, and the labels shown for them.

Buttons, help texts and hints show a key through `key_label`, which reads the binding the
user may have remapped (the `keymap` setting): after a remap no screen shows the old key.
Descriptions and tooltips are English message ids, translated where they are shown.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding

from assistant.i18n import N_


def _b(
    key: str, action: str, words: str, binding_id: str, tip: str, *, priority: bool = False
) -> Binding:
    return Binding(key, action, words, id=f"haave.{binding_id}", tooltip=tip, priority=priority)


BACK = _b("escape", "back", N_("Back"), "back", N_("Go back one step"))
HELP = _b("f1", "help", N_("Help"), "help", N_("Help for this screen"))
READ_ALOUD = _b("f5", "read_aloud", N_("Read aloud"), "read_aloud", N_("Read this screen"))
BREAK = _b("f10", "pause", N_("Break"), "break", N_("Save and take a break"))
LANGUAGE = _b("f2", "choose_language", N_("Language"), "language", N_("Choose the language"))
LOOK = _b("ctrl+o", "next_look", N_("Colours"), "look", N_("Change the colours"))
QUIT = _b("ctrl+q", "quit", N_("Close Haave"), "quit", N_("Close Haave"), priority=True)

WHO_ANSWERS = _b("f3", "who_answers", N_("Who answers"), "who_answers", N_("Who answers now"))
THEMES = _b("f4", "themes", N_("Themes"), "themes", N_("Pick another theme"))
DONT_KNOW = _b("f6", "skip('dont_know')", N_("I don't know"), "dont_know", N_("I don't know"))
SKIP = _b("f7", "skip('skip')", N_("Skip"), "skip", N_("Skip this question"))
LATER = _b("f8", "skip('later')", N_("Not now"), "later", N_("Ask me later"))
DECLINE = _b(
    "f9",
    "skip('decline')",
    N_("I don't want to talk about this"),
    "decline",
    N_("Do not ask this again"),
)
READY = _b("ctrl+r", "ready", N_("Ready"), "ready", N_("The answer is ready"))
TIP = _b("ctrl+t", "tip", N_("Tip"), "tip", N_("Show the supporter's tip"))
NOTE = _b("ctrl+n", "note", N_("Note"), "note", N_("A note for the caseworker"))

SAME_PEOPLE = _b("f6", "same", N_("Same people"), "same_people", N_("The same people as before"))
REMOVE_PERSON = _b(
    "f8", "remove_last", N_("Remove"), "remove_person", N_("Take away the person added last")
)
WHO_GO_ON = _b("f9", "go_on", N_("Go on"), "go_on", N_("Go on"))
ARCHIVE = _b("f7", "archive", N_("Archive"), "archive", N_("Put a session away"))
DELETE = _b("f8", "delete", N_("Delete"), "delete", N_("Delete a session"))

#: The number keys pick a choice wherever the focus is (after a tap on Read aloud, too).
NUMBERS = [Binding(str(n), f"pick_number({n})", f"Pick {n}", show=False) for n in range(1, 10)]

#: The keys every screen shares: Back, Help, Read aloud, Break (WCAG 3.2.6).
COMMON: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    BACK,
    HELP,
    READ_ALOUD,
    BREAK,
    *NUMBERS,
]
SKIPS = {"dont_know": DONT_KNOW, "skip": SKIP, "later": LATER, "decline": DECLINE}

_NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "space": "Space",
    "tab": "Tab",
    "delete": "Del",
    "backspace": "Backspace",
}


def key_words(key: str) -> str:
    """A key as people write it: "Ctrl+R", "F5", "Esc"."""
    parts = key.split("+")
    mods = [p.capitalize() for p in parts[:-1]]
    last = parts[-1]
    last = _NAMES.get(last, last.upper() if len(last) <= 3 else last.capitalize())
    return "+".join([*mods, last])


def key_label(keymap: Mapping[str, str], binding: Binding) -> str:
    """The key a binding answers to now (after the user's remap in `keymap`), in words."""
    chosen = keymap.get(binding.id or "") or binding.key
    return key_words(chosen.split(",")[0].strip())
