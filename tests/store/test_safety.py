"""Safety: data folder, permissions, the lock between processes, schema versions, repair,
erasure."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant.dialogue import Answer, Conversation, Dialogue
from assistant.store import (
    LocalSessionStore,
    NewerVersionError,
    Participant,
    Provenance,
    SessionBusy,
    SessionDamaged,
    migrations,
    resolve_data_dir,
)
from assistant.store.session import SessionPaths
from tests.store.helpers import answer_step
from tests.store.raw import plain, write


def _answered(store: LocalSessionStore, dialogue: Dialogue, text: str = "Aino") -> str:
    sid = store.create("Aino", dialogue, "fi").id
    with store.open(sid) as s:
        s.start_meeting(["client"])
        c = Conversation(dialogue)
        c.proceed()
        answer_step(s, c, Answer.words(text), Provenance.client())
    return sid


def test_resolve_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"
    monkeypatch.setenv("HAAVE_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("HAAVE_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_data_dir(None).name == "haave"


def test_permissions(store: LocalSessionStore, dialogue: Dialogue, data_dir: Path) -> None:
    old = os.umask(0o022)
    try:
        sid = _answered(store, dialogue)
        with store.open(sid) as s:
            s.start_meeting([])  # a second save: the backup exists too
        store.list()
        store.export_session(sid, data_dir / "export.json")
    finally:
        os.umask(old)
    paths = [data_dir, *data_dir.rglob("*")]
    assert (data_dir / "sessions" / sid / "session.json.bak").exists()
    for path in paths:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


def test_existing_open_folder_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "wide"
    folder.mkdir(mode=0o755)
    LocalSessionStore(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


HOLDER = textwrap.dedent(
    """
    import sys, time
    from assistant.store import LocalSessionStore, SessionBusy
    store = LocalSessionStore(sys.argv[1])
    try:
        s = store.open(sys.argv[2])
    except SessionBusy as exc:
        print("BUSY", exc, flush=True)
        raise SystemExit(3)
    print("OPEN", flush=True)
    sys.stdin.readline()
    s.close()
    """
)


def test_lock_between_two_processes(
    store: LocalSessionStore, dialogue: Dialogue, data_dir: Path
) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    cmd = [sys.executable, "-c", HOLDER, str(data_dir), sid]
    holder = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "OPEN"
        with pytest.raises(SessionBusy, match="open elsewhere"):
            store.open(sid)
        second = subprocess.run(cmd, capture_output=True, text=True, timeout=30, check=False)
        assert second.returncode == 3 and "open elsewhere" in second.stdout
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
    with store.open(sid):  # released when the other process closed it
        pass


def test_lock_is_released_when_the_holder_is_killed(
    store: LocalSessionStore, dialogue: Dialogue, data_dir: Path
) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    cmd = [sys.executable, "-c", HOLDER, str(data_dir), sid]
    holder = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "OPEN"
    holder.kill()
    holder.wait(timeout=30)
    with store.open(sid):
        pass


def _bump_schema(path: Path, schema: int) -> bytes:
    doc = json.loads(plain(path))
    doc["schema"] = schema
    write(path, json.dumps(doc).encode())
    return path.read_bytes()


def test_newer_schema_is_refused_and_left_alone(
    store: LocalSessionStore, dialogue: Dialogue
) -> None:
    sid = _answered(store, dialogue)
    store.list()  # the index knows the alias
    paths = SessionPaths(store.sessions_dir / sid)
    raw = _bump_schema(paths.file, 99)
    with pytest.raises(NewerVersionError, match="newer version of Haave"):
        store.open(sid)
    assert paths.file.read_bytes() == raw
    assert not list(paths.folder.glob("*.damaged-*"))
    listing = store.listing()  # listed as made by a newer Haave, and not touched
    assert listing.sessions == []
    assert [(u.id, u.code, u.alias) for u in listing.unreadable] == [(sid, "newer-version", "Aino")]
    assert paths.file.read_bytes() == raw


def test_older_schema_is_migrated(
    store: LocalSessionStore, dialogue: Dialogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = _answered(store, dialogue)
    paths = SessionPaths(store.sessions_dir / sid)
    monkeypatch.setitem(migrations.CURRENT, migrations.SESSION, 2)

    def add_nothing(body: dict[str, object]) -> dict[str, object]:
        return {**body, "migrated": True}

    monkeypatch.setitem(migrations.MIGRATIONS[migrations.SESSION], 1, add_nothing)
    with store.open(sid) as s:
        assert s.history("name")[0].answer.text == "Aino"
        s.start_meeting([])
    assert json.loads(plain(paths.file))["schema"] == 2


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: b"\x00\xff garbage \x13" * 50, id="garbage"),
        pytest.param(lambda raw: b"", id="empty"),
        pytest.param(
            lambda raw: raw.replace(b'"steps"', b'"stepz"', 1).replace(b'"text"', b'"txet"'),
            id="wrong-fields",
        ),
        pytest.param(
            lambda raw: raw.replace(b'"step_id":"name"', b'"step_id":"../../x"', 1),
            id="bad-id",
        ),
    ],
)
def test_damaged_file_is_set_aside_and_backup_restored(
    store: LocalSessionStore, dialogue: Dialogue, damage: object
) -> None:
    sid = _answered(store, dialogue)
    with store.open(sid) as s:
        s.start_meeting(["client"])  # the backup now holds the answer too
    paths = SessionPaths(store.sessions_dir / sid)
    bad = damage(plain(paths.file))  # type: ignore[operator]
    write(paths.file, bad)
    bad = paths.file.read_bytes()
    with store.open(sid) as s:
        assert s.notices and "damaged" in s.notices[0] and "last good copy" in s.notices[0]
        assert s.history("name")[0].answer.text == "Aino"
    (kept,) = paths.folder.glob("session.json.damaged-*")
    assert kept.read_bytes() == bad  # never deleted or overwritten
    with store.open(sid) as s:
        assert s.notices == []


def test_damaged_without_backup_is_kept_and_reported(
    store: LocalSessionStore, dialogue: Dialogue
) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    paths = SessionPaths(store.sessions_dir / sid)
    assert not paths.backup.exists()
    paths.file.write_bytes(b'{"format": "haave-session", "sch')
    with pytest.raises(SessionDamaged, match="no good copy") as info:
        store.open(sid)
    assert info.value.kept is not None and info.value.kept.read_bytes().startswith(b'{"format"')
    assert info.value.code == "session-damaged"


def test_index_is_rebuilt_when_damaged_or_missing(
    store: LocalSessionStore, dialogue: Dialogue
) -> None:
    sid = _answered(store, dialogue)
    assert [s.id for s in store.list()] == [sid]
    store.index_path.write_bytes(b"{garbage")
    assert [s.id for s in store.list()] == [sid]
    assert store.notices
    assert json.loads(plain(store.index_path))["format"] == "haave-index"
    store.index_path.unlink()
    assert [s.progress.answered for s in store.list()] == [1]


def test_list_follows_changes_without_index_writes_on_save(
    store: LocalSessionStore, dialogue: Dialogue
) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    store.list()
    before = store.index_path.stat().st_mtime_ns
    with store.open(sid) as s:
        c = Conversation(dialogue)
        c.proceed()
        answer_step(s, c, Answer.words("Aino"), Provenance.client())
    assert store.index_path.stat().st_mtime_ns == before  # saving never writes the index
    assert store.list()[0].progress.answered == 1


def test_erasure_leaves_no_trace(
    store: LocalSessionStore, dialogue: Dialogue, data_dir: Path, people: list[Participant]
) -> None:
    keep = store.create("Someone Else", dialogue, "fi").id
    sid = store.create("Ainomarjatta", dialogue, "fi", people).id
    secret = "my-secret-answer-7431"
    with store.open(sid) as s:
        s.start_meeting(["client", "sari"])
        c = Conversation(dialogue)
        c.proceed()
        answer_step(s, c, Answer.words(secret), Provenance.client())
        c.back()
        answer_step(s, c, Answer.words(secret + "-2"), Provenance.client())
        s.record("name", Answer.words(secret + "-view"), Provenance.supporter_view("sari"))
    store.list()
    paths = SessionPaths(store.sessions_dir / sid)
    paths.file.write_bytes(b"broken")  # leave a damaged copy aside too
    with store.open(sid):
        pass
    store.delete(sid)
    everything = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    names = " ".join(str(p) for p in data_dir.rglob("*"))
    for trace in (b"Ainomarjatta", secret.encode(), sid.encode()):
        assert trace not in everything
    assert sid not in names
    assert [s.id for s in store.list()] == [keep]


def test_missing_file_with_backup_is_restored(store: LocalSessionStore, dialogue: Dialogue) -> None:
    sid = _answered(store, dialogue)
    with store.open(sid) as s:
        s.start_meeting([])
    paths = SessionPaths(store.sessions_dir / sid)
    paths.file.unlink()
    with store.open(sid) as s:
        assert s.notices and s.history("name")[0].answer.text == "Aino"
    assert paths.file.exists()


def test_crash_leftovers_are_cleaned(store: LocalSessionStore, dialogue: Dialogue) -> None:
    sid = _answered(store, dialogue)
    folder = store.sessions_dir / sid
    (folder / ".tmp-half-written").write_bytes(b"Aino half")
    gone = store.sessions_dir / ".tmp-deleted-0123"
    gone.mkdir()
    (gone / "session.json").write_bytes(b"Ainomarjatta")
    with store.open(sid):
        pass
    assert not (folder / ".tmp-half-written").exists()
    assert [s.id for s in store.list()] == [sid]  # the half-made delete is finished
    assert not gone.exists()


@pytest.mark.parametrize("schema", [None, 99])
def test_damaged_or_newer_session_can_still_be_erased(
    store: LocalSessionStore, dialogue: Dialogue, data_dir: Path, schema: int | None
) -> None:
    sid = _answered(store, dialogue, text="erase-me-5521")
    paths = SessionPaths(store.sessions_dir / sid)
    if schema is None:
        paths.file.write_bytes(b"garbage erase-me-5521")
        paths.backup.unlink(missing_ok=True)
    else:
        _bump_schema(paths.file, schema)
    store.delete(sid)
    everything = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert b"erase-me-5521" not in everything and not paths.folder.exists()
