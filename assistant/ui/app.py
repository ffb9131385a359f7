"""The Haave app: the terminal front-end over the session service.

It holds what the screens share (settings, the client's language and look, read aloud, the
terminal cursor) and the flow between screens: language -> sessions -> who is here ->
themes -> conversation -> read-back per theme -> export, with a break at any time. Screens
never import each other; they ask the app to show the next one (`show_*`), so the flow is
here, in one place.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual import events
from textual.app import App
from textual.dom import NoScreen
from textual.geometry import Offset
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList

from assistant import i18n
from assistant.i18n import _
from assistant.speech import Speaker, SpeechUnavailable
from assistant.ui import bindings
from assistant.ui.startup import first_keymap, first_look
from assistant.ui.themes import HIGH_CONTRAST, THEME_ALIASES, THEME_NAMES, THEMES

if TYPE_CHECKING:
    from assistant.session import ActiveSession, Sessions
    from assistant.settings import Settings
    from assistant.ui.widgets.scale_tiles import ScaleTiles

#: Below this many columns the screens stack their buttons (a zoomed terminal, a phone).
NARROW = 60


@runtime_checkable
class CursorSpot(Protocol):
    """A control that knows where on it the terminal cursor goes (its highlighted part)."""

    def cursor_offset(self) -> Offset: ...


@runtime_checkable
class Redrawn(Protocol):
    """A screen that draws itself again after a language change (keeping its focus)."""

    def redraw(self) -> None: ...


@runtime_checkable
class Spoken(Protocol):
    """A screen that says what Read aloud reads on it."""

    def spoken_text(self) -> str: ...


class HaaveApp(App[int]):
    """The easy-read conversation app."""

    CSS_PATH = Path(__file__).parent / "haave.tcss"
    TITLE = "Haave"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [bindings.LANGUAGE, bindings.LOOK, bindings.QUIT]  # noqa: RUF012

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
        self.keymap: dict[str, str] = (
            first_keymap(settings_path) if settings is None else dict(settings.keymap)
        )
        super().__init__()
        self._data_dir = data_dir
        self._dialogue_name = dialogue
        self._sessions: Sessions | None = None
        self._speaker: Speaker | None = None
        self.session: ActiveSession | None = None
        self._important_asked = False
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
    def sessions(self) -> Sessions:
        """The sessions and dialogues; made at first use to keep start-up fast."""
        if self._sessions is None:
            from assistant.session import Sessions

            self._sessions = Sessions(self._data_dir or self.settings.data_dir, self._dialogue_name)
        return self._sessions

    # -- start ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        for look in THEMES:
            self.register_theme(look)
        name = self._first["theme"] or "haave"
        wanted = THEME_ALIASES.get(name, name)
        self.theme = wanted if wanted in THEME_NAMES else "haave"
        # the full settings (pydantic) and the keymap load just after the first screen is up
        self.set_timer(0.3, self._load_settings)
        self.show_language(first=True)

    def _load_settings(self) -> None:
        if self.settings.keymap:
            self.keymap = dict(self.settings.keymap)
            self.set_keymap(self.keymap)

    def on_resize(self, event: events.Resize) -> None:
        self.mark_narrow(event.size.width)

    def mark_narrow(self, width: int | None = None) -> None:
        """Stack buttons on a narrow screen (a zoomed terminal): labels wrap, never cut."""
        with contextlib.suppress(NoScreen):
            self.screen.set_class((width or self.size.width) < NARROW, "-narrow")

    # -- the flow between screens ------------------------------------------------------------

    def goto(self, screen: Screen[Any]) -> None:
        """Show `screen` in place of the current one (modals are closed first)."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) == 2:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        self.call_after_refresh(self.mark_narrow)

    def show_language(self, *, first: bool) -> None:
        from assistant.ui.screens.language import LanguageScreen

        if first:
            self.goto(LanguageScreen(first=True))
        elif not isinstance(self.screen, LanguageScreen):
            self.push_screen(LanguageScreen(first=False))
            self.call_after_refresh(self.mark_narrow)

    def show_sessions(self) -> None:
        from assistant.ui.screens.sessions import SessionsScreen

        self.close_session()
        self.goto(SessionsScreen())

    def show_who(self, session: ActiveSession | None) -> None:
        from assistant.ui.screens.who import WhoScreen

        self.goto(WhoScreen(session))

    def show_themes(self) -> None:
        from assistant.ui.screens.themes import ThemesScreen

        self.goto(ThemesScreen())

    def show_conversation(self) -> None:
        from assistant.ui.screens.conversation import ConversationScreen

        self.goto(ConversationScreen())

    def show_readback(self) -> None:
        from assistant.ui.screens.readback import ReadbackScreen

        self.goto(ReadbackScreen())

    def show_export(self) -> None:
        from assistant.ui.screens.export import ExportScreen

        self.goto(ExportScreen())

    def show_break(self) -> None:
        from assistant.ui.screens.pause import BreakScreen

        self.close_session()
        self.goto(BreakScreen())

    def show_where_the_session_is(self) -> None:
        """After a move: the step (or the topic mat after its group, or the theme picker
        after the opening), a theme's read-back, or at the end the read-back of the first
        theme not yet confirmed, then the client's top three, then the export."""
        from assistant.session import Place

        session = self.session
        if session is None:
            self.show_sessions()
            return
        place = session.place
        if place is Place.END and session.open_readback() is not None:
            place = session.place
        if place is Place.STEP:
            if session.mat_due is not None:
                self.show_mat(session.mat_due)
            elif session.theme_choice_due:
                self.show_themes()
            else:
                self.show_conversation()
        elif place is Place.READBACK:
            self.show_readback()
        elif not self._important_asked and session.important_choices().options:
            self._important_asked = True  # asked once a sitting; the client may skip it
            self.show_important()
        else:
            self.show_export()

    def show_mat(self, mat_id: str) -> None:
        from assistant.ui.screens.mat import MatScreen

        self.goto(MatScreen(mat_id))

    def show_important(self) -> None:
        from assistant.ui.screens.important import ImportantScreen

        self.goto(ImportantScreen())

    # -- the session and the client's own ways ---------------------------------------------------

    def open_session(self, session: ActiveSession) -> None:
        if self.session is not None and self.session is not session:
            self.session.close()
        self.session = session
        self._important_asked = False
        # a shared device serves each client their own way: language and look come back
        i18n.set_language(session.language)
        self._apply_look()

    def close_session(self) -> None:
        """Let go of the session (its lock), e.g. at a break. Everything was saved already."""
        if self.session is not None:
            self.session.close()
            self.session = None
            self._apply_look()

    def take_break(self) -> None:
        """Everything is saved: "See you next time"."""
        self.show_break()

    def set_language(self, lang: str) -> None:
        """Change the language now, for this client too: every screen is drawn again in it."""
        if self.session is not None:
            from assistant.session import SessionError

            try:
                self.session.set_language(lang)
            except SessionError as error:
                self.notify(error.words(i18n.get_language()), severity="warning")
        self.settings.language = i18n.set_language(lang)
        self.save_settings()
        for screen in self.screen_stack:
            if screen.is_mounted and screen.children:
                if isinstance(screen, Redrawn):
                    screen.redraw()
                else:
                    screen.refresh(recompose=True)

    def action_choose_language(self) -> None:
        self.show_language(first=False)

    def action_next_look(self) -> None:
        """The next look: default, high contrast, the terminal's own colours. With a client
        here, high contrast is kept as the client's own preference."""
        names = list(THEME_NAMES)
        index = names.index(self.theme) if self.theme in names else -1
        look = names[(index + 1) % len(names)]
        self.settings.theme = look
        self.save_settings()
        if self.session is not None:
            self.session.set_preferences(high_contrast=look == HIGH_CONTRAST.name)
        self.theme = look
        self.notify(_("Colours changed."), timeout=3)

    def _apply_look(self) -> None:
        prefs = self.session.preferences if self.session is not None else None
        if prefs is not None and prefs.high_contrast:
            self.theme = HIGH_CONTRAST.name
        elif self.theme == HIGH_CONTRAST.name and prefs is not None:
            self.theme = self._device_look()

    def _device_look(self) -> str:
        name = self.settings.theme
        wanted = THEME_ALIASES.get(name, name)
        return wanted if wanted in THEME_NAMES and wanted != HIGH_CONTRAST.name else "haave"

    def save_settings(self) -> None:
        from assistant.settings import save_settings

        try:
            save_settings(self.settings, self.settings_path)
        except OSError:
            self.notify(_("Settings could not be saved."), severity="warning")

    # -- read aloud and the cursor -----------------------------------------------------------

    @property
    def auto_read(self) -> bool:
        """Read each new screen: the client's own preference, else the device's."""
        if self.session is not None and self.session.preferences.read_aloud:
            return True
        loaded = self._settings
        return loaded.auto_read if loaded is not None else bool(self._first["auto_read"])

    def read_aloud(self, text: str) -> None:
        if not text.strip():
            return
        try:
            self.speaker.say(text, i18n.get_language())
        except (SpeechUnavailable, OSError):
            if not self._told_no_speech:
                self._told_no_speech = True
                words = _("Read aloud does not work on this computer. Ask for help.")
                self.notify(words, timeout=10)

    def screen_shown(self, screen: Screen[Any]) -> None:
        """A screen came up: read it when the client wants every screen read."""
        if self.auto_read and isinstance(screen, Spoken):
            self.read_aloud(screen.spoken_text())

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
