"""The Textual app: screens, widgets, themes. The only room of Haave that imports textual."""

from __future__ import annotations


def run_app(data_dir: str | None, dialogue: str | None = None) -> int:
    """Run the conversation app until the user quits. Returns the exit code."""
    from assistant.ui.app import HaaveApp  # deferred: textual is imported only to run

    app = HaaveApp(data_dir=data_dir, dialogue=dialogue)
    result = app.run()
    return int(result or 0)


__all__ = ["run_app"]
