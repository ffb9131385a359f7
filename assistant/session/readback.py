"""The read-back per theme: the theme's answers as a short list, per answer "Change" and
"Keep private", one "All right" for the theme. After a change the client comes back to the
same theme's read-back, not to the start (a follow-up question the change opens is asked
first)."""

from __future__ import annotations

from assistant.session.core import SessionCore
from assistant.session.errors import Problem, SessionError
from assistant.session.view import ReadbackView, ThemeView
from assistant.session.viewing import readback_view


class ReadbackActions(SessionCore):
    """The read-back of an `ActiveSession`."""

    def readback(self, theme_id: str | None = None) -> ReadbackView:
        """A theme's read-back (the one shown now by default)."""
        theme_id = theme_id or self._readback or self._first_readback()
        if theme_id is None or self._dialogue.theme(theme_id) is None:
            raise SessionError(Problem.NOT_NOW, f"no read-back for theme '{theme_id}'")
        return readback_view(
            self._dialogue, self._conversation, self._stored.session, theme_id, self.language
        )

    def readback_themes(self) -> list[ThemeView]:
        """The themes that have answers (or skips) to read back."""
        return [t for t in self.themes() if self.readback(t.id).items]

    def open_readback(self, theme_id: str | None = None) -> str | None:
        """Show a theme's read-back (the first one not yet confirmed by default)."""
        theme_id = theme_id or self._first_readback()
        self._readback = theme_id
        return theme_id

    def close_readback(self) -> None:
        self._readback = None

    def keep_private(self, step_id: str, private: bool = True) -> None:
        """Kept on this device, never exported."""
        self._require_answered(step_id)
        with self._saving():
            self._stored.set_private(step_id, private)

    def confirm(self, step_id: str, ok: bool = True) -> None:
        self._require_answered(step_id)
        with self._saving():
            self._stored.confirm(step_id, ok)

    def confirm_theme(self, theme_id: str) -> str | None:
        """ "All right" on a theme's read-back: every answer in it is confirmed.

        At the end of the dialogue, returns the next theme to read back (None: all are
        confirmed) and shows it; a read-back opened on the way goes back to the question."""
        view = self.readback(theme_id)
        with self._saving():
            for item in view.items:
                if not item.confirmed:
                    self._stored.confirm(item.step_id, True)
        if not self._conversation.finished:
            self._readback = None  # a read-back opened on the way: back to the question
            return None
        order = [t.id for t in self.readback_themes()]
        after = order[order.index(theme_id) + 1 :] if theme_id in order else order
        following = next((t for t in after if not self.readback(t).confirmed), None)
        self._readback = following
        return following

    def change(self, step_id: str) -> None:
        """ "Change" at the read-back: show the question again; after the answer (and any
        new follow-up question it opens) the client comes back to the same read-back."""
        found = self._dialogue.find(step_id)
        if found is None:
            raise SessionError(Problem.NOT_NOW, f"no step '{step_id}'")
        theme = self._readback or found[0].id
        with self._saving():
            self._returning = (theme, self._conversation.state.step_id)
            self._readback = None
            self._conversation.revisit(step_id)
            self._stored.save_state(self._conversation.state)

    def _after_change(self) -> None:
        """Back to the read-back after a change, unless the answer opened a new question
        in the same theme (a follow-up is asked first)."""
        if self._returning is None:
            return
        theme_id = self._returning[0]
        step = self._conversation.current
        theme = self._dialogue.theme(theme_id)
        follow_up = (
            step is not None
            and step.asks
            and theme is not None
            and theme.step(step.id) is not None
            and self._conversation.answer_to(step.id) is None
        )
        if not follow_up:
            self._finish_change()

    def _finish_change(self) -> None:
        assert self._returning is not None
        theme_id, where = self._returning
        self._returning = None
        self._conversation.return_to(where)
        self._stored.save_state(self._conversation.state)
        self._readback = theme_id

    def _first_readback(self) -> str | None:
        for theme in self.readback_themes():
            if not self.readback(theme.id).confirmed:
                return theme.id
        return None
