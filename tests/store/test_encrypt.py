"""`haave encrypt`: a plain data folder is encrypted on request, and a SIGKILL at any moment
of the migration loses nothing (running it again finishes the work)."""

from __future__ import annotations

import os
import random
import select
import shutil
import signal
import time
from functools import partial
from pathlib import Path

import pytest

from assistant.dialogue import Answer, Dialogue
from assistant.store import LocalSessionStore, Provenance, crypto
from assistant.store.cli import main
from assistant.store.encrypt import encrypt_folder, plain_files
from assistant.store.session import SessionPaths
from tests.conftest import TEST_PASSPHRASE

SESSIONS = 12
MARK = "plain-answer-5530"


def _plain_folder(root: Path, dialogue: Dialogue) -> dict[str, dict[str, object]]:
    """A plain folder with sessions, backups, a damaged copy and an export; their contents."""
    store = LocalSessionStore(root, encrypt_new=False)
    for n in range(SESSIONS):
        sid = store.create(f"client-{n}", dialogue, "fi").id
        with store.open(sid) as s:
            for i in range(3):
                s.record(f"s{i}", Answer.words(f"{MARK} {n} {i}"), Provenance.client())
    (root / "exports" / sid).mkdir(parents=True)
    (root / "exports" / sid / "draft-fi.md").write_text(f"{MARK} in an export")
    (SessionPaths(root / "sessions" / sid).folder / "session.json.damaged-1").write_text(MARK)
    store.list()
    return _contents(store)


def _contents(store: LocalSessionStore) -> dict[str, dict[str, object]]:
    out = {}
    for sid in store.ids():
        with store.open(sid) as s:
            assert s.notices == []  # no repair was ever needed
            out[sid] = s.session.model_dump(mode="json", exclude={"updated"})
    return out


def test_encrypting_a_plain_folder(data_dir: Path, dialogue: Dialogue) -> None:
    before = _plain_folder(data_dir, dialogue)
    crypto.forget()
    report = encrypt_folder(data_dir, TEST_PASSPHRASE)
    assert report.sealed > SESSIONS * 2 and not report.resumed
    assert plain_files(data_dir) == []
    everything = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert MARK.encode() not in everything and b"client-1" not in everything
    crypto.forget()
    store = LocalSessionStore(data_dir)  # opened with HAAVE_PASSPHRASE_FILE
    assert store.encrypted and _contents(store) == before
    assert encrypt_folder(data_dir, TEST_PASSPHRASE).sealed == 0  # nothing left to do


def test_encrypt_refuses_while_a_session_is_open(data_dir: Path, dialogue: Dialogue) -> None:
    _plain_folder(data_dir, dialogue)
    store = LocalSessionStore(data_dir)
    with store.open(store.ids()[0]):
        assert main(["encrypt"]) == 1
    assert not crypto.is_encrypted(data_dir)  # nothing was changed
    assert main(["encrypt"]) == 0
    assert plain_files(data_dir) == []


def _ack(fd: int, _path: Path) -> None:
    os.write(fd, b"\n")


def _acks(fd: int, wanted: int, timeout: float = 30.0) -> None:
    """Wait until the child has sealed `wanted` files (or ended)."""
    got = b""
    deadline = time.monotonic() + timeout
    while got.count(b"\n") < wanted and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(fd, 4096) if ready else b""
        if not chunk:
            return
        got += chunk


@pytest.mark.slow
def test_a_migration_killed_at_any_moment_loses_nothing(
    tmp_path: Path, dialogue: Dialogue
) -> None:
    template = tmp_path / "template"
    before = _plain_folder(template, dialogue)
    files = len(plain_files(template))
    crypto.forget()
    rng = random.Random(20261124)
    halfway = 0
    for kill in range(16):
        root = tmp_path / f"run-{kill}"
        shutil.copytree(template, root)
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child migrates until it is killed
            try:
                os.close(read_fd)
                encrypt_folder(root, TEST_PASSPHRASE, on_sealed=partial(_ack, write_fd))
            finally:
                os._exit(0)
        os.close(write_fd)
        if kill % 2:  # in the middle of sealing, after some files
            _acks(read_fd, rng.randint(1, files - 1))
        else:  # at any moment, the key's creation included
            time.sleep(rng.uniform(0, 0.05))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_fd)
        left = len(plain_files(root))
        halfway += crypto.is_encrypted(root) and 0 < left < files
        store = LocalSessionStore(root)  # plain, or half-encrypted: both read whole
        assert _contents(store) == before, f"kill {kill}"
        crypto.forget()
        encrypt_folder(root, TEST_PASSPHRASE)  # the same command finishes the work
        assert plain_files(root) == []
        crypto.forget()
        assert _contents(LocalSessionStore(root)) == before, f"kill {kill}, finished"
        crypto.forget()
    assert halfway >= 8  # every other kill lands in the middle of the migration
