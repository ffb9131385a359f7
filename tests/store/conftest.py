from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.dialogue import Dialogue, load_dialogue
from assistant.store import LocalSessionStore, Participant, Role

EXAMPLE = Path(__file__).resolve().parents[2] / "dialogues" / "example"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own data folder; the user's real one is never touched."""
    path = tmp_path / "data"
    monkeypatch.setenv("HAAVE_DATA_DIR", str(path))
    yield path


@pytest.fixture(scope="session")
def dialogue() -> Dialogue:
    return load_dialogue(EXAMPLE)


@pytest.fixture
def store(data_dir: Path) -> LocalSessionStore:
    return LocalSessionStore(data_dir)


@pytest.fixture
def people() -> list[Participant]:
    return [
        Participant(id="client", name="Aino", role=Role.CLIENT),
        Participant(id="sari", name="Sari", role=Role.SUPPORTER),
        Participant(id="kalle", name="Kalle", role=Role.EXPERIENCE_EXPERT),
    ]
