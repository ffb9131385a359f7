"""Keep the developer's machine out of tests: a fixed locale, a temporary data folder,
no user configuration."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DIALOGUES = ROOT / "dialogues"
EXAMPLE = DIALOGUES / "example"


@pytest.fixture(autouse=True)
def _isolated(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HAAVE_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("HAAVE_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.delenv("HAAVE_SERVE_TOKEN", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield
