"""What an attack run broke, by class: ids used as paths, errors without a type, listing that
hides sessions, erasure that leaves copies."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from assistant import ids
from assistant.dialogue import Answer, Conversation, Dialogue
from assistant.dialogue.model import Step
from assistant.store import LocalSessionStore, Provenance, SessionBusy
from assistant.store import errors as store_errors
from assistant.store.cli import main
from assistant.store.errors import (
    CODES,
    DiskFull,
    ImportRefused,
    InvalidId,
    NotASessionFolder,
    SessionDamaged,
    StateMismatch,
    StoreError,
)
from assistant.store.files import atomic_write
from assistant.store.session import SessionPaths
from tests.store.helpers import answer_step
from tests.store.raw import plain, write

README = Path(__file__).resolve().parents[2] / "assistant" / "store" / "README.md"


def _export(store: LocalSessionStore, dialogue: Dialogue, path: Path) -> dict[str, object]:
    sid = store.create("Aino", dialogue, "fi").id
    with store.open(sid) as s:
        s.start_meeting(["client"])
        c = Conversation(dialogue)
        c.proceed()
        answer_step(s, c, Answer.words("Aino"), Provenance.client())
    store.export_session(sid, path)
    doc: dict[str, object] = json.loads(path.read_bytes())
    return doc


# -- ids: one strict pattern at every boundary ------------------------------------------------

BAD_IDS = ["../../x", "/tmp/abs", ".hidden", "", "a/b", "UPPER", "a b", "x" * 65, "ok\n", "é"]


@pytest.mark.parametrize("bad", BAD_IDS)
def test_the_one_id_pattern(bad: str) -> None:
    assert not ids.is_id(bad)
    assert ids.is_id("a0_-z") and ids.is_id("0" * 64)


def test_the_dialogue_model_uses_the_same_pattern() -> None:
    field = Step.model_fields["id"]
    patterns = [getattr(m, "pattern", None) for m in field.metadata]
    assert ids.ID_PATTERN in patterns


@pytest.mark.parametrize("bad", ["../../x", "/tmp/abs-x", ".hidden", "a b"])
@pytest.mark.parametrize(
    "where",
    [
        ("id",),
        ("dialogue_id",),
        ("participants", 0, "id"),
        ("steps", "name", "step_id"),
        ("state", "dialogue_id"),
        ("state", "step_id"),
    ],
)
def test_an_import_with_a_bad_id_is_refused(
    store: LocalSessionStore,
    dialogue: Dialogue,
    tmp_path: Path,
    data_dir: Path,
    bad: str,
    where: tuple[str | int, ...],
) -> None:
    path = tmp_path / "export.json"
    doc = _export(store, dialogue, path)
    node: object = doc["session"]
    for key in where[:-1]:
        node = node[key]  # type: ignore[index]
    node[where[-1]] = bad  # type: ignore[index]
    path.write_text(json.dumps(doc))
    before = sorted(p.name for p in store.sessions_dir.iterdir())
    with pytest.raises(ImportRefused, match="nothing was imported") as refused:
        store.import_session(path)
    assert refused.value.code == "import-refused"
    assert sorted(p.name for p in store.sessions_dir.iterdir()) == before
    assert not (tmp_path / "x").exists() and not Path("/tmp/abs-x").exists()


@pytest.mark.parametrize("bad", ["../x", "/etc", ".hidden", "a/b", ""])
def test_a_bad_session_id_is_never_a_path(store: LocalSessionStore, bad: str) -> None:
    for call in (store.open, store.delete, lambda i: store.rename(i, "x")):
        with pytest.raises(InvalidId) as refused:
            call(bad)
        assert refused.value.code == "invalid-id"


def test_a_session_file_with_a_bad_id_is_damaged(
    store: LocalSessionStore, dialogue: Dialogue
) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    paths = SessionPaths(store.sessions_dir / sid)
    raw = plain(paths.file).replace(b'"dialogue_id":"example"', b'"dialogue_id":"/dev/zero"')
    write(paths.file, raw)
    with pytest.raises(SessionDamaged):
        store.open(sid)


# -- typed errors, each with its code ---------------------------------------------------------


def test_every_code_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    classes = [
        c
        for c in vars(store_errors).values()
        if isinstance(c, type) and issubclass(c, StoreError)
    ]
    codes = {c.code for c in classes if isinstance(c.__dict__.get("code"), str)}
    assert codes <= set(CODES)
    for code in CODES:
        assert f"`{code}`" in text, code


def test_a_folder_where_the_session_file_should_be(
    store: LocalSessionStore, dialogue: Dialogue
) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    paths = SessionPaths(store.sessions_dir / sid)
    paths.file.unlink()
    paths.file.mkdir()
    with pytest.raises(NotASessionFolder) as info:
        store.open(sid)
    assert info.value.code == "not-a-session"
    empty = store.sessions_dir / ("0" * 32)
    empty.mkdir()
    with pytest.raises(NotASessionFolder):
        store.open("0" * 32)


def test_a_state_of_another_dialogue(store: LocalSessionStore, dialogue: Dialogue) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    with store.open(sid) as s:
        s.save_state(Conversation(dialogue).state)
    paths = SessionPaths(store.sessions_dir / sid)
    raw = plain(paths.file).replace(
        b'"state":{"dialogue_id":"example"', b'"state":{"dialogue_id":"support-plan"'
    )
    write(paths.file, raw)
    with pytest.raises(StateMismatch) as info:
        store.open(sid)
    assert info.value.code == "state-mismatch"
    with pytest.raises(StateMismatch):  # still refused: the file was not changed
        store.open(sid)


def test_a_full_disk_is_a_typed_error_and_nothing_saved_is_lost(
    store: LocalSessionStore, dialogue: Dialogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    with store.open(sid) as s:
        c = Conversation(dialogue)
        c.proceed()
        answer_step(s, c, Answer.words("kept"), Provenance.client())

        def full(*_: object, **__: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr("assistant.store.storage.atomic_write", full)
        with pytest.raises(DiskFull) as info:
            s.record("name", Answer.words("lost"), Provenance.client())
        assert info.value.code == "disk-full" and "disk is full" in str(info.value)
        assert s.history("name")[-1].answer.text == "kept"
    monkeypatch.undo()
    with store.open(sid) as s:
        assert [r.answer.text for r in s.history("name")] == ["kept"]


def test_deleting_a_session_open_elsewhere(store: LocalSessionStore, dialogue: Dialogue) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    with store.open(sid), pytest.raises(SessionBusy) as info:
        store.delete(sid)
    assert info.value.code == "session-busy"
    assert store.ids() == [sid]


# -- listing: what can be read, and what cannot -----------------------------------------------


def test_the_list_shows_what_it_can_and_names_what_it_cannot(
    store: LocalSessionStore, dialogue: Dialogue, capsys: pytest.CaptureFixture[str]
) -> None:
    good = store.create("Good", dialogue, "fi").id
    damaged = store.create("Damaged", dialogue, "fi").id
    newer = store.create("Newer", dialogue, "fi").id
    folder = store.create("Folder", dialogue, "fi").id
    store.list()  # the index knows every alias
    SessionPaths(store.sessions_dir / damaged).file.write_bytes(b"garbage")
    newer_file = SessionPaths(store.sessions_dir / newer).file
    doc = json.loads(plain(newer_file))
    doc["schema"] = 99
    write(newer_file, json.dumps(doc).encode())
    folder_file = SessionPaths(store.sessions_dir / folder).file
    folder_file.unlink()
    folder_file.mkdir()
    (store.sessions_dir / "Not An Id").mkdir()
    store.index_path.write_bytes(b"\x00 unreadable index")
    listing = store.listing()
    assert [s.id for s in listing.sessions] == [good]
    found = {u.id: (u.code, u.alias) for u in listing.unreadable}
    assert found == {
        damaged: ("session-damaged", None),  # the damaged index forgot the alias
        newer: ("newer-version", None),
        folder: ("not-a-session", None),
    }
    assert any("Not An Id" in n for n in listing.notices)
    assert any("list of sessions was damaged" in n for n in listing.notices)
    # the index is made again; the aliases of the unreadable ones are not known any more,
    # but the next list still names them
    assert {u.id for u in store.listing().unreadable} == {damaged, newer, folder}
    assert main(["sessions"]) == 0
    out = capsys.readouterr().out
    assert "Good" in out and out.count("CANNOT BE OPENED") == 3
    # a damaged session with no good copy can be found and erased
    assert store.resolve(damaged[:10]) == damaged
    store.delete(damaged)
    assert damaged not in {u.id for u in store.listing().unreadable}


def test_the_list_keeps_the_alias_of_a_session_that_became_unreadable(
    store: LocalSessionStore, dialogue: Dialogue
) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    store.list()
    SessionPaths(store.sessions_dir / sid).file.write_bytes(b"garbage")
    for _ in range(2):
        [bad] = store.listing().unreadable
        assert (bad.id, bad.code, bad.alias) == (sid, "session-damaged", "Aino")
    assert store.resolve("Aino") == sid  # found by its alias, to erase it


def test_an_index_that_cannot_be_read_or_written_hides_nothing(
    store: LocalSessionStore, dialogue: Dialogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    store.index_path.mkdir()  # the system refuses to read it as a file
    listing = store.listing()
    assert [s.id for s in listing.sessions] == [sid] and listing.notices
    store.index_path.rmdir()

    def full(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("assistant.store.storage.atomic_write", full)
    listing = store.listing()  # a full disk: the cache is not saved, the list is whole
    assert [s.id for s in listing.sessions] == [sid]
    assert any("could not be saved" in n for n in listing.notices)


# -- erasure: everything Haave made from a session --------------------------------------------


def test_delete_erases_exports_in_the_data_folder(
    store: LocalSessionStore, dialogue: Dialogue, data_dir: Path
) -> None:
    keep = store.create("Keep", dialogue, "fi").id
    sid = store.create("Ainomarjatta", dialogue, "fi").id
    exports = data_dir / "exports"
    (exports / sid).mkdir(parents=True)
    atomic_write(exports / sid / "draft-plan-fi.html", b"Ainomarjatta's plan")
    atomic_write(exports / f"{sid}-my-plan-fi.md", b"Ainomarjatta")
    (exports / keep).mkdir()
    atomic_write(exports / keep / "draft-plan-fi.html", b"Keep's plan")
    store.list()
    store.delete(sid)
    names = " ".join(str(p) for p in data_dir.rglob("*"))
    assert sid not in names
    assert (exports / keep / "draft-plan-fi.html").exists()
    assert [s.id for s in store.list()] == [keep]
    assert os.listdir(exports) == [keep]
