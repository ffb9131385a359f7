"""Keep the developer's machine out of UI tests: no user settings, a fixed locale, temp data."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import i18n


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("HAAVE_LANGUAGE", "HAAVE_THEME", "HAAVE_AUTO_READ", "HAAVE_KEYMAP", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HAAVE_SETTINGS", str(tmp_path / "settings.json"))
    monkeypatch.setenv("HAAVE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HAAVE_SPEECH_COMMAND", "haave-no-such-speaker {voice} {text}")
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    monkeypatch.setenv("LC_ALL", "fi_FI.UTF-8")
    i18n.set_language("fi")
    return tmp_path
