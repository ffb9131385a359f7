"""Each session follows the dialogue it pinned; new sessions follow the full support plan."""

from __future__ import annotations

from pathlib import Path

from assistant.session import Sessions
from assistant.session.dialogues import DEFAULT_DIALOGUE


def test_new_sessions_follow_the_support_plan(tmp_path: Path) -> None:
    sessions = Sessions(tmp_path)
    assert sessions.dialogue.id == DEFAULT_DIALOGUE == "support-plan"


def test_a_session_opens_with_its_own_dialogue(tmp_path: Path) -> None:
    short = Sessions(tmp_path, "first-meeting")
    opened = short.create("Aino", "fi")
    opened.close()
    full = Sessions(tmp_path)  # started later with the default dialogue
    [summary] = full.summaries()
    assert summary.alias == "Aino" and summary.theme_count == len(short.dialogue.themes)
    again = full.open(summary.id)
    try:
        assert again.dialogue_id == "first-meeting"
        assert again.step() is not None
    finally:
        again.close()
