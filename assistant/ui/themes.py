"""The looks: the default, a high-contrast theme, and the terminal's own colours.

Meaning is never carried by colour alone: every state also has a symbol and words.
"""

from __future__ import annotations

from textual.theme import Theme

HAAVE = Theme(
    name="haave",
    primary="#2F6DB5",
    secondary="#6A4C93",
    accent="#B35C00",
    foreground="#F2F2F2",
    background="#14161A",
    surface="#1E2228",
    panel="#2A2F37",
    success="#3C9D5D",
    warning="#C98A00",
    error="#C0392B",
    dark=True,
)

HIGH_CONTRAST = Theme(
    name="haave-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFFFF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    success="#00FF00",
    warning="#FFFF00",
    error="#FF6060",
    dark=True,
    variables={
        "border": "#FFFF00",
        # text boxes keep a visible white frame when they are not focused
        "border-blurred": "#FFFFFF",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
    },
)

THEMES = (HAAVE, HIGH_CONTRAST)
#: The terminal's own colours are Textual 8's `ansi-dark` theme (`textual-ansi` is accepted too).
THEME_NAMES = ("haave", "haave-high-contrast", "ansi-dark")
THEME_ALIASES = {
    "textual-ansi": "ansi-dark",
    "ansi": "ansi-dark",
    "high-contrast": "haave-high-contrast",
}
