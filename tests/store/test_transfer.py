"""Export a session to one file and import it on another device."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.dialogue import Answer, Conversation, Dialogue
from assistant.store import (
    ImportRefused,
    LocalSessionStore,
    Participant,
    Provenance,
    SessionBusy,
)
from tests.store.helpers import answer_step


def _filled(store: LocalSessionStore, dialogue: Dialogue, people: list[Participant]) -> str:
    sid = store.create("Aino", dialogue, "fi", people).id
    with store.open(sid) as s:
        s.start_meeting(["client", "sari"])
        c = Conversation(dialogue)
        c.proceed()
        answer_step(s, c, Answer.words("Aino"), Provenance.client())
        answer_step(s, c, Answer.pick("like"), Provenance.with_support("sari"))
        s.record("mood", Answer.pick("unsure"), Provenance.supporter_view("sari"))
        s.confirm("name", True)
        s.set_private("mood", True)
    return sid


def test_round_trip_to_another_device(
    store: LocalSessionStore, dialogue: Dialogue, people: list[Participant], tmp_path: Path
) -> None:
    sid = _filled(store, dialogue, people)
    export = tmp_path / "aino.haave.json"
    store.export_session(sid, export, include_private=True)
    other = LocalSessionStore(tmp_path / "other-device")
    new_id = other.import_session(export)
    assert new_id == sid  # free on the other device: the id is kept
    with store.open(sid) as a, other.open(new_id) as b:
        assert a.session == b.session


def test_private_answers_are_not_exported(
    store: LocalSessionStore, dialogue: Dialogue, people: list[Participant], tmp_path: Path
) -> None:
    sid = _filled(store, dialogue, people)
    export = tmp_path / "aino.json"
    store.export_session(sid, export)
    raw = export.read_text()
    assert '"like"' not in raw and '"unsure"' not in raw
    other = LocalSessionStore(tmp_path / "other")
    with other.open(other.import_session(export)) as s:
        assert s.step("mood") is None
        assert s.session.state is not None and "mood" not in s.session.state.answers
        assert s.history("name")[0].answer.text == "Aino"
    with store.open(sid) as s:  # still kept here
        assert s.step("mood") is not None


def test_import_never_overwrites(
    store: LocalSessionStore, dialogue: Dialogue, people: list[Participant], tmp_path: Path
) -> None:
    sid = _filled(store, dialogue, people)
    export = tmp_path / "aino.json"
    store.export_session(sid, export)
    before = (store.sessions_dir / sid / "session.json").read_bytes()
    new_id = store.import_session(export)
    assert new_id != sid
    assert (store.sessions_dir / sid / "session.json").read_bytes() == before
    assert len(store.list()) == 2


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "not a Haave session export"),
        (b"\x89PNG\r\n\x1a\n garbage", "not a Haave session export"),
        (b'{"format": "haave-session", "schema": 1, "tables": {}}', "not a Haave session export"),
        (b'{"format": "haave-session-export", "schema": 1}', "damaged or incomplete"),
        (b'{"format": "haave-session-export", "schema": 1, "session": {"id": 1}}', "damaged"),
        (b'{"format": "haave-session-export", "schema": 7, "session": {}}', "newer version"),
        (b"[1, 2]", "not a Haave"),
    ],
)
def test_bad_or_foreign_files_are_refused(
    store: LocalSessionStore, tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(content)
    with pytest.raises(ImportRefused, match=reason):
        store.import_session(path)
    assert store.list() == []


def test_missing_file_refused(store: LocalSessionStore, tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="cannot read"):
        store.import_session(tmp_path / "nothing.json")


def test_truncated_export_refused(
    store: LocalSessionStore, dialogue: Dialogue, people: list[Participant], tmp_path: Path
) -> None:
    sid = _filled(store, dialogue, people)
    export = tmp_path / "aino.json"
    store.export_session(sid, export)
    export.write_bytes(export.read_bytes()[:-40])
    with pytest.raises(ImportRefused):
        store.import_session(export)


def test_export_of_busy_session_refused(
    store: LocalSessionStore, dialogue: Dialogue, tmp_path: Path
) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    with store.open(sid) as s:
        with pytest.raises(SessionBusy):
            store.export_session(sid, tmp_path / "x.json")
        s.export(tmp_path / "x.json")  # the window that has it open can export
    assert json.loads((tmp_path / "x.json").read_bytes())["format"] == "haave-session-export"
