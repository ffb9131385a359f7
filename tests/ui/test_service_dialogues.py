"""Each session follows the dialogue it pinned; new sessions follow the full support plan."""

from __future__ import annotations

from pathlib import Path

from assistant.ui.service import DEFAULT_DIALOGUE, Service


def test_new_sessions_follow_the_support_plan(tmp_path: Path) -> None:
    service = Service(tmp_path)
    assert service.dialogue.id == DEFAULT_DIALOGUE == "support-plan"


def test_a_session_opens_with_its_own_dialogue(tmp_path: Path) -> None:
    short = Service(tmp_path, "first-meeting")
    opened = short.create("Aino", "fi")
    opened.close()
    full = Service(tmp_path)  # started later with the default dialogue
    [summary] = full.list()
    assert summary.alias == "Aino" and summary.theme_count == len(short.dialogue.themes)
    again = full.open(summary.id)
    try:
        assert again.dialogue.id == "first-meeting"
        assert again.conversation.current is not None
    finally:
        again.close()
