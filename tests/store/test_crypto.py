"""Encryption at rest: new folders encrypted, nothing readable in the folder, the key and its
passphrase, plain folders, and what happens without (or with a wrong) passphrase."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.dialogue import Answer, Conversation, Dialogue
from assistant.store import LocalSessionStore, Participant, Provenance, crypto
from assistant.store.errors import (
    KeyDamaged,
    NewerVersionError,
    PassphraseNeeded,
    StoreError,
    WrongPassphrase,
)
from assistant.store.files import atomic_write
from assistant.store.session import SessionPaths
from tests.conftest import TEST_PASSPHRASE
from tests.store.helpers import answer_step

SECRET = "dream-of-a-red-bicycle-8812"
ALIAS = "Ainomarjatta"


def _fill(store: LocalSessionStore, dialogue: Dialogue, people: list[Participant]) -> str:
    sid = store.create(ALIAS, dialogue, "fi", people).id
    with store.open(sid) as s:
        s.start_meeting(["client", "sari"])
        c = Conversation(dialogue)
        c.proceed()
        answer_step(s, c, Answer.words(SECRET), Provenance.client())
        s.record("name", Answer.words(SECRET + " view"), Provenance.supporter_view("sari"))
    return sid


def _everything(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def _passphrase_file(tmp_path: Path, text: str, name: str = "other") -> Path:
    path = tmp_path / name
    path.write_text(text + "\n")
    path.chmod(0o600)
    return path


def test_a_search_of_the_data_folder_finds_no_answer(
    store: LocalSessionStore, dialogue: Dialogue, people: list[Participant], data_dir: Path
) -> None:
    assert store.encrypted and (data_dir / crypto.KEY_FILE).exists()
    sid = _fill(store, dialogue, people)
    with store.open(sid) as s:
        s.start_meeting(["client"])  # a backup too
    store.list()  # the index
    # exports kept in the data folder: a session export and a draft, as the UI writes them
    (data_dir / "exports" / sid).mkdir(parents=True)
    store.export_session(sid, data_dir / "exports" / sid / "session.json", include_private=True)
    atomic_write(data_dir / "exports" / sid / "draft-fi.html", f"<p>{SECRET}</p>".encode())
    # a damaged copy set aside by a repair
    paths = SessionPaths(store.sessions_dir / sid)
    paths.file.write_bytes(paths.file.read_bytes()[:-5])
    with store.open(sid) as s:
        assert s.notices and s.history("name")[-1].answer.text == SECRET
    assert list(paths.folder.glob("session.json.damaged-*"))
    everything = _everything(data_dir)
    for trace in (SECRET.encode(), ALIAS.encode(), b"Sari", b"haave-session"):
        assert trace not in everything
    # and everything reads back through the store and `read_plain`
    assert [s.alias for s in store.list()] == [ALIAS]
    assert SECRET.encode() in crypto.read_plain(data_dir / "exports" / sid / "draft-fi.html")


def test_exports_outside_the_data_folder_are_plain(
    store: LocalSessionStore, dialogue: Dialogue, people: list[Participant], tmp_path: Path
) -> None:
    sid = _fill(store, dialogue, people)
    out = tmp_path / "shared" / "aino.json"
    out.parent.mkdir()
    store.export_session(sid, out)
    assert json.loads(out.read_bytes())["format"] == "haave-session-export"
    other = LocalSessionStore(tmp_path / "other-device")
    new = other.import_session(out)
    with other.open(new) as s:
        assert s.history("name")[-1].answer.text == SECRET


def test_a_plain_folder_keeps_working(
    tmp_path: Path, dialogue: Dialogue, people: list[Participant]
) -> None:
    plain = LocalSessionStore(tmp_path / "plain", encrypt_new=False)
    assert not plain.encrypted
    sid = _fill(plain, dialogue, people)
    raw = (plain.sessions_dir / sid / "session.json").read_bytes()
    assert SECRET.encode() in raw and not crypto.is_sealed(raw)
    crypto.forget()
    again = LocalSessionStore(tmp_path / "plain")  # stays plain until `haave encrypt`
    assert not again.encrypted and [s.alias for s in again.list()] == [ALIAS]


def test_without_a_passphrase_the_store_says_what_is_needed(
    tmp_path: Path, dialogue: Dialogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    LocalSessionStore(tmp_path / "locked").create("Aino", dialogue, "fi")
    crypto.forget()
    monkeypatch.delenv("HAAVE_PASSPHRASE_FILE")
    with pytest.raises(PassphraseNeeded) as needed:
        LocalSessionStore(tmp_path / "locked")
    assert needed.value.code == "passphrase-needed"
    with pytest.raises(PassphraseNeeded) as new:
        LocalSessionStore(tmp_path / "new")
    assert new.value.code == "passphrase-new" and "passphrase" in str(new.value)
    monkeypatch.setenv("HAAVE_PASSPHRASE_FILE", str(_passphrase_file(tmp_path, "not the one!")))
    with pytest.raises(WrongPassphrase) as wrong:
        LocalSessionStore(tmp_path / "locked")
    assert wrong.value.code == "passphrase-wrong"


def test_a_passphrase_file_others_can_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _passphrase_file(tmp_path, TEST_PASSPHRASE)
    path.chmod(0o644)
    monkeypatch.setenv("HAAVE_PASSPHRASE_FILE", str(path))
    with pytest.raises(StoreError, match="chmod 600"):
        LocalSessionStore(tmp_path / "new")


def test_changing_the_passphrase_rewraps_the_key_only(
    store: LocalSessionStore,
    dialogue: Dialogue,
    people: list[Participant],
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fill(store, dialogue, people)
    files = {
        p: p.read_bytes()
        for p in data_dir.rglob("*")
        if p.is_file() and not p.name.startswith("haave-key")
    }
    crypto.change_passphrase(data_dir, TEST_PASSPHRASE, "a brand new passphrase")
    assert {p: p.read_bytes() for p in files} == files  # the data is not touched
    crypto.forget()
    with pytest.raises(WrongPassphrase):
        crypto.unlock(data_dir, TEST_PASSPHRASE)
    new = _passphrase_file(tmp_path, "a brand new passphrase")
    monkeypatch.setenv("HAAVE_PASSPHRASE_FILE", str(new))
    assert [s.alias for s in LocalSessionStore(data_dir).list()] == [ALIAS]


def test_a_crash_while_changing_the_passphrase_leaves_both_working(
    store: LocalSessionStore, data_dir: Path
) -> None:
    old_key = (data_dir / crypto.KEY_FILE).read_bytes()
    crypto.change_passphrase(data_dir, TEST_PASSPHRASE, "the next passphrase")
    # the crash: the copy was written, the key file not yet
    (data_dir / crypto.KEY_FILE).write_bytes(old_key)
    crypto.forget()
    crypto.unlock(data_dir, "the next passphrase")
    assert (data_dir / crypto.KEY_FILE).read_bytes() == (data_dir / crypto.KEY_COPY).read_bytes()
    crypto.forget()
    crypto.unlock(data_dir, "the next passphrase")


def test_a_damaged_key_file_is_repaired_from_its_copy(
    store: LocalSessionStore, dialogue: Dialogue, data_dir: Path
) -> None:
    store.create("Aino", dialogue, "fi")
    key = data_dir / crypto.KEY_FILE
    key.write_bytes(key.read_bytes()[:40])
    crypto.forget()
    assert [s.alias for s in LocalSessionStore(data_dir).list()] == ["Aino"]
    assert key.read_bytes() == (data_dir / crypto.KEY_COPY).read_bytes()
    for name in (crypto.KEY_FILE, crypto.KEY_COPY):
        doc = json.loads((data_dir / name).read_bytes())
        doc["kdf"]["memory_kib"] = 2**40  # a crafted file must not eat the memory
        (data_dir / name).write_text(json.dumps(doc))
    crypto.forget()
    with pytest.raises(KeyDamaged) as damaged:
        LocalSessionStore(data_dir)
    assert damaged.value.code == "key-damaged"


def test_a_sealed_file_of_another_folder_or_version_is_not_read(
    store: LocalSessionStore, dialogue: Dialogue, tmp_path: Path
) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    with store.open(sid) as s:
        s.start_meeting(["client"])
    other = LocalSessionStore(tmp_path / "other")
    osid = other.create("Bertta", dialogue, "fi").id
    mine = SessionPaths(store.sessions_dir / sid)
    theirs = SessionPaths(other.sessions_dir / osid)
    mine.file.write_bytes(theirs.file.read_bytes())  # another folder's key: damaged here
    with store.open(sid) as s:
        assert s.notices and s.session.alias == "Aino"  # repaired from the backup
    raw = bytearray(mine.file.read_bytes())
    raw[len(crypto.MAGIC)] = crypto.VERSION + 1
    mine.file.write_bytes(bytes(raw))
    with pytest.raises(NewerVersionError):
        store.open(sid)


def test_new_keys_use_the_recommended_setting(tmp_path: Path) -> None:
    assert crypto.KdfParams(memory_kib=65536, iterations=3, lanes=4) == crypto.RECOMMENDED_KDF
    code = "import sys; from assistant.store import LocalSessionStore as S; S(sys.argv[1])"
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "real")], check=True)
    kdf = json.loads((tmp_path / "real" / crypto.KEY_FILE).read_bytes())["kdf"]
    assert (kdf["name"], kdf["memory_kib"], kdf["iterations"], kdf["lanes"]) == (
        "argon2id",
        65536,
        3,
        4,
    )
    assert os.stat(tmp_path / "real" / crypto.KEY_FILE).st_mode & 0o777 == 0o600


def _asker(answers: list[str]) -> tuple[list[str], object]:
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return answers.pop(0)

    return asked, ask


def test_a_new_folder_on_a_terminal_explains_and_asks_twice(
    tmp_path: Path, dialogue: Dialogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.store.unlock import prepare

    monkeypatch.delenv("HAAVE_PASSPHRASE_FILE")
    said: list[str] = []
    answers = ["short", "long enough one", "not the same", "long enough one", "long enough one"]
    asked, ask = _asker(answers)
    prepare(tmp_path / "new", ask=ask, say=said.append, interactive=True)  # type: ignore[arg-type]
    assert "forgotten" in said[0] and "nobody can open" in said[0]
    assert len(asked) == 5 and any("too short" in s for s in said)
    store = LocalSessionStore(tmp_path / "new")  # unlocked in this process: no prompt
    assert store.encrypted
    store.create("Aino", dialogue, "fi")
    crypto.forget()
    asked, ask = _asker(["wrong passphrase", "long enough one"])
    prepare(tmp_path / "new", ask=ask, say=said.append, interactive=True)  # type: ignore[arg-type]
    assert "does not open" in said[-1]
    assert [s.alias for s in LocalSessionStore(tmp_path / "new").list()] == ["Aino"]


def test_the_passphrase_command(
    store: LocalSessionStore, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.store.cli import main

    new = _passphrase_file(tmp_path, "the next passphrase", "new")
    assert main(["passphrase", "--new-passphrase-file", str(new)]) == 0
    crypto.forget()
    monkeypatch.setenv("HAAVE_PASSPHRASE_FILE", str(new))
    assert LocalSessionStore(data_dir).encrypted
    plain = LocalSessionStore(tmp_path / "plain", encrypt_new=False)
    assert main(["passphrase", "--data-dir", str(plain.root)]) == 1  # not encrypted: says so
