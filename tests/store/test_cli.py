"""The store's commands: one clear line on error, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.dialogue import Dialogue
from assistant.store import LocalSessionStore
from assistant.store.cli import main


def test_sessions_lists(
    store: LocalSessionStore, dialogue: Dialogue, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sessions"]) == 0
    assert "No sessions" in capsys.readouterr().out
    sid = store.create("Aino", dialogue, "fi").id
    store.archive(sid)
    assert main(["sessions"]) == 0
    out = capsys.readouterr().out
    assert sid[:8] in out and "Aino" in out and "archived" in out and "example v1" in out
    assert main(["sessions", "--hide-archived"]) == 0
    assert "Aino" not in capsys.readouterr().out


def test_data_dir_option(
    tmp_path: Path, dialogue: Dialogue, capsys: pytest.CaptureFixture[str]
) -> None:
    LocalSessionStore(tmp_path / "elsewhere").create("Bertta", dialogue, "fi")
    assert main(["sessions", "--data-dir", str(tmp_path / "elsewhere")]) == 0
    assert "Bertta" in capsys.readouterr().out


def test_delete_asks_unless_yes(
    store: LocalSessionStore,
    dialogue: Dialogue,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    assert main(["delete", "Aino"]) == 1  # stdin is not a terminal: refuse
    assert "--yes" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["delete", sid[:6]]) == 1
    assert len(store.list()) == 1
    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    assert main(["delete", sid[:6]]) == 0
    assert store.list() == []
    assert main(["delete", "Aino", "--yes"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("haave: no session 'Aino'") and "Traceback" not in err


def test_export_import(
    store: LocalSessionStore, dialogue: Dialogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.create("Aino", dialogue, "fi")
    out = tmp_path / "aino.json"
    assert main(["session", "export", "Aino", str(out)]) == 0
    assert main(["session", "export", "Aino", str(out)]) == 1
    assert "exists already" in capsys.readouterr().err
    other = tmp_path / "other"
    assert main(["session", "import", str(out), "--data-dir", str(other)]) == 0
    assert "Imported" in capsys.readouterr().out
    assert [s.alias for s in LocalSessionStore(other).list()] == ["Aino"]
    bad = tmp_path / "bad.json"
    bad.write_text("hello")
    assert main(["session", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "not a Haave session export" in err


def test_busy_is_one_line(
    store: LocalSessionStore, dialogue: Dialogue, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    with store.open(sid):
        assert main(["delete", sid, "--yes"]) == 1
    assert "open elsewhere" in capsys.readouterr().err
