"""Crash safety: a saving process is killed 200 times; no acknowledged answer is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.dialogue import Dialogue
from tests.store.crash import crash_run


@pytest.mark.slow
def test_no_acknowledged_answer_is_lost_after_sigkill(data_dir: Path, dialogue: Dialogue) -> None:
    result = crash_run(data_dir, dialogue, kills=200, seed=20261123)
    assert result.problems == []
    assert result.lost == []
    assert result.kills == 200
    assert result.kills_while_saving >= 100  # half the kills wait for a first save
    print(f"crash: {result}")
