"""Files and folders Haave owns are private whatever the umask, and a settings file or data
folder that other users can change is refused with a message that says how to fix it."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.dialogue import load_dialogue
from assistant.settings import Settings, UnsafeSettings, load_settings, save_settings
from assistant.store import LocalSessionStore
from assistant.store.errors import UnsafeFolder
from tests.conftest import EXAMPLE


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_everything_is_private_under_umask_000(tmp_path: Path, open_umask: None) -> None:
    settings = save_settings(Settings(), tmp_path / "new" / "config" / "settings.json")
    assert _mode(settings) == 0o600
    assert _mode(settings.parent) == 0o700 and _mode(settings.parent.parent) == 0o700
    data = tmp_path / "a" / "b" / "data"
    store = LocalSessionStore(data)
    store.create("Aino", load_dialogue(EXAMPLE), "fi")
    store.list()
    for path in [tmp_path / "a", tmp_path / "a" / "b", data, *data.rglob("*")]:
        assert _mode(path) == (0o700 if path.is_dir() else 0o600), path


@pytest.mark.parametrize("mode", [0o666, 0o620])
def test_a_settings_file_others_can_change_is_refused(
    tmp_path: Path, mode: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"speech_command": "evil {text}"}')
    path.chmod(mode)
    with pytest.raises(UnsafeSettings, match="chmod 600") as refused:
        load_settings(path)
    assert refused.value.code == "settings-unsafe"
    monkeypatch.setenv("HAAVE_SETTINGS", str(path))
    assert main([]) == 1  # the app does not start, and says how to fix it
    err = capsys.readouterr().err
    assert "chmod 600" in err and "Traceback" not in err


def test_a_settings_file_in_a_folder_others_can_change_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    path = folder / "settings.json"
    path.write_text("{}")
    path.chmod(0o600)
    with pytest.raises(UnsafeSettings, match="chmod 700"):
        load_settings(path)


@pytest.mark.parametrize("mode", [0o777, 0o770])
def test_a_data_folder_others_can_change_is_refused(
    tmp_path: Path, mode: int, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(mode)
    with pytest.raises(UnsafeFolder, match="chmod 700") as refused:
        LocalSessionStore(folder)
    assert refused.value.code == "unsafe-permissions"
    assert main(["sessions", "--data-dir", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "chmod 700" in err and "Traceback" not in err
    folder.chmod(0o755)  # readable by others only: made private, as before
    LocalSessionStore(folder)
    assert _mode(folder) == 0o700
