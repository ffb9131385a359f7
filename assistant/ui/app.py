"""The Haave app: settings, language, theme, read-aloud and moving between screens.

The flow: language -> sessions -> who is here -> themes -> conversation -> break, and at the
end a read-back before export. Each screen lives in `screens/`; this class only holds what
they share.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.app import App
from textual.binding import Binding
from textual.dom import NoScreen
from textual.geometry import Offset
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList

from assistant import i18n
from assistant.i18n import _
from assistant.speech import Speaker, SpeechUnavailable

if TYPE_CHECKING:
    from assistant.settings import Settings
    from assistant.ui.service import OpenSession, Service
    from assistant.ui.widgets.scale_tiles import ScaleTiles
from assistant.ui.startup import first_look
from assistant.ui.themes import THEME_ALIASES, THEME_NAMES, THEMES


@runtime_checkable
class CursorSpot(Protocol):
    """A control that knows where on it the terminal cursor goes (its highlighted part)."""

    def cursor_offset(self) -> Offset: ...


class HaaveApp(App[int]):
    """The easy-read conversation app."""

    CSS_PATH = Path(__file__).parent / "haave.tcss"
    TITLE = "Haave"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [  # noqa: RUF012
        Binding(
            "f2", "choose_language", "Language", id="haave.language", tooltip="Choose the language"
        ),
        Binding(
            "ctrl+o",
            "next_theme",
            "Look",
            id="haave.look",
            tooltip="Change colours: default, high contrast, terminal",
        ),
        Binding("ctrl+q", "quit", "Quit", id="haave.quit", tooltip="Close Haave", priority=True),
    ]

    def __init__(
        self,
        data_dir: str | None = None,
        dialogue: str | None = None,
        settings: Settings | None = None,
        settings_path: Path | None = None,
    ) -> None:
        self.settings_path = settings_path
        self._settings = settings
        # pydantic settings load after the first screen is drawn: start-up stays fast
        self._first = (
            first_look(settings_path)
            if settings is None
            else {
                "language": settings.language,
                "theme": settings.theme,
                "auto_read": "1" if settings.auto_read else None,
            }
        )
        super().__init__()
        self._data_dir = data_dir
        self._dialogue_name = dialogue
        self._service: Service | None = None
        self._speaker: Speaker | None = None
        self.session: OpenSession | None = None
        self._told_no_speech = False
        i18n.set_language(self._first["language"] or i18n.system_language())

    @property
    def settings(self) -> Settings:
        """Every setting, validated (loaded at first use)."""
        if self._settings is None:
            from assistant.settings import load_settings

            self._settings = load_settings(self.settings_path)
        return self._settings

    @property
    def speaker(self) -> Speaker:
        if self._speaker is None:
            self._speaker = Speaker(self.settings.speech_command)
        return self._speaker

    @property
    def service(self) -> Service:
        """The sessions and the dialogue; made at first use to keep start-up fast."""
        if self._service is None:
            from assistant.ui.service import Service

            self._service = Service(self._data_dir or self.settings.data_dir, self._dialogue_name)
        return self._service

    # -- start ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        for look in THEMES:
            self.register_theme(look)
        name = self._first["theme"] or "haave"
        wanted = THEME_ALIASES.get(name, name)
        self.theme = wanted if wanted in THEME_NAMES else "haave"
        # the full settings (pydantic) and the keymap load just after the first screen is up
        self.set_timer(0.3, self._load_settings)
        from assistant.ui.screens.language import LanguageScreen

        self.push_screen(LanguageScreen(first=True))

    def _load_settings(self) -> None:
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)

    # -- language, look, settings ---------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Change the language now: every screen is drawn again in it."""
        self.settings.language = i18n.set_language(lang)
        self.save_settings()
        for screen in self.screen_stack:
            if screen.is_mounted and screen.children:
                redraw = getattr(screen, "redraw", None)
                if redraw is not None:
                    redraw()
                else:
                    screen.refresh(recompose=True)

    def action_choose_language(self) -> None:
        from assistant.ui.screens.language import LanguageScreen

        if isinstance(self.screen, LanguageScreen):
            return
        self.push_screen(LanguageScreen(first=False))

    def action_next_theme(self) -> None:
        names = list(THEME_NAMES)
        index = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(index + 1) % len(names)]
        self.settings.theme = self.theme
        self.save_settings()
        self.notify(_("Colours changed."), timeout=3)

    def save_settings(self) -> None:
        from assistant.settings import save_settings

        try:
            save_settings(self.settings, self.settings_path)
        except OSError:
            self.notify(_("Settings could not be saved."), severity="warning")

    # -- moving between screens ------------------------------------------------------------

    def goto(self, screen: Screen[Any]) -> None:
        """Show `screen` in place of the current one (modals are closed first)."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) == 2:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def open_session(self, session: OpenSession) -> None:
        if self.session is not None and self.session is not session:
            self.session.close()
        self.session = session

    def close_session(self) -> None:
        """Save and let go of the session (its lock), e.g. at a break."""
        if self.session is not None:
            self.session.save()
            self.session.close()
            self.session = None

    def take_break(self) -> None:
        """Save everything and show "See you next time"."""
        from assistant.ui.screens.pause import BreakScreen

        self.close_session()
        self.goto(BreakScreen())

    # -- read aloud and the cursor -----------------------------------------------------------

    def read_aloud(self, text: str) -> None:
        if not text.strip():
            return
        try:
            self.speaker.say(text, i18n.get_language())
        except (SpeechUnavailable, OSError):
            if not self._told_no_speech:
                self._told_no_speech = True
                self.notify(
                    _("Read aloud needs espeak-ng. Ask for help."),
                    timeout=10,
                )

    def screen_shown(self, screen: Screen[Any]) -> None:
        """A screen came up: read it when the user wants every screen read."""
        loaded = self._settings
        auto_read = loaded.auto_read if loaded is not None else bool(self._first["auto_read"])
        if auto_read:
            spoken = getattr(screen, "spoken_text", None)
            if spoken is not None:
                self.read_aloud(spoken())

    def place_cursor(self, widget: Widget | None) -> None:
        """Put the terminal cursor on the focused control: console screen readers follow it."""
        if widget is None or not widget.is_mounted:
            return
        try:
            if widget.screen is not self.screen:
                return  # a screen that has gone, or is not on top
        except NoScreen:
            return
        if isinstance(widget, Input):
            # an Input places the cursor at its caret itself, but on focus, before its
            # screen is laid out: place it again now that the layout is done
            offset = widget.cursor_screen_offset
        elif isinstance(widget, CursorSpot):  # the choice list, the three large symbols
            offset = widget.cursor_offset()
        else:
            offset = widget.content_region.offset
        if offset != self.cursor_position:
            self.cursor_position = offset
            # the terminal is told where the cursor is only with a repaint
            self.screen.refresh()

    def on_descendant_focus(self, event: Any) -> None:
        self.call_after_refresh(self.place_cursor, event.widget)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.call_after_refresh(self.place_cursor, event.option_list)

    def on_scale_tiles_highlighted(self, event: ScaleTiles.Highlighted) -> None:
        self.call_after_refresh(self.place_cursor, event.scale)

    def on_unmount(self) -> None:
        if self._speaker is not None:
            self._speaker.stop()
        self.close_session()
