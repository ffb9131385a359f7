from __future__ import annotations

from pathlib import Path

import pytest

from assistant.session import Sessions

EXAMPLE = Path(__file__).resolve().parents[2] / "dialogues" / "example"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def sessions(data_dir: Path) -> Sessions:
    return Sessions(data_dir)


def write_dialogue(tmp_path: Path, steps: str, dialogue_id: str = "tiny") -> Path:
    """A one-theme Finnish dialogue with these steps (YAML, indented six spaces); returns
    the folder that holds it, to look dialogues up in."""
    folder = tmp_path / "dialogues" / dialogue_id
    folder.mkdir(parents=True)
    (folder / "dialogue.yaml").write_text(
        f"""id: {dialogue_id}
version: 1
languages: [fi]
title: {{fi: Pieni}}
themes:
  - id: only
    symbol: "🌟"
    title: {{fi: Ainoa}}
    steps:{steps}""",
        encoding="utf-8",
    )
    return folder.parent
