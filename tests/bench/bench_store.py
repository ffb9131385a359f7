"""Session store: save latency at 1, 100 and 10,000 sessions beside a bare atomic write,
with and without encryption at rest, and the long crash run (1000 SIGKILLs, encrypted).

Every figure is measured in this run on the same disk. The saves of every store and the
bare write are interleaved round by round, so drift of the disk hits them alike.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import shutil
import tempfile
import time
from pathlib import Path

from assistant.dialogue import Answer, Dialogue, load_dialogue
from assistant.store import LocalSessionStore, OpenSession, Provenance, crypto
from assistant.store.migrations import SESSION
from assistant.store.storage import encode
from tests.bench import Row, median_ms, p95_ms
from tests.store.crash import crash_run

SIZES = (1, 100, 10_000)
ENCRYPTED_SIZES = (1, 100)
ROUNDS = 300
PREFILLED_STEPS = 30
EXAMPLE = Path(__file__).resolve().parents[2] / "dialogues" / "example"


def _fill(store: LocalSessionStore, dialogue: Dialogue, count: int) -> str:
    """`count` sessions; the first is real and prefilled, the others written directly."""
    sid = store.create("Bench client", dialogue, "fi").id
    with store.open(sid) as s:
        s.start_meeting(["client"])
        for i in range(PREFILLED_STEPS):
            s.record(f"step-{i}", Answer.words(f"answer number {i} " * 3), Provenance.client())
    raw = json.loads(crypto.read_plain(store.sessions_dir / sid / "session.json"))
    tables = raw["tables"]
    header = tables["session"]["1"]
    for n in range(1, count):
        other = secrets.token_hex(16)
        header["id"], header["alias"] = other, f"client {n}"
        folder = store.sessions_dir / other
        folder.mkdir(mode=0o700)
        path = folder / "session.json"
        path.write_bytes(crypto.seal_for(path, encode(SESSION, {"tables": tables})))
        path.chmod(0o600)
    store.list()  # build the index, as a device with this many sessions has it
    return sid


def _bare_write(folder: Path, data: bytes) -> None:
    """The floor: temp file, fsync, rename, fsync the folder."""
    tmp = folder / "bare.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.write(fd, data)
    os.fsync(fd)
    os.close(fd)
    os.replace(tmp, folder / "bare.json")
    dfd = os.open(folder, os.O_RDONLY)
    os.fsync(dfd)
    os.close(dfd)


def _save_latency(root: Path, dialogue: Dialogue) -> list[Row]:
    opened: dict[str, OpenSession] = {}
    t0 = time.perf_counter()
    for size in SIZES:
        store = LocalSessionStore(root / f"store-{size}", encrypt_new=False)
        sid = _fill(store, dialogue, size)
        opened[str(size)] = store.open(sid)
    for size in ENCRYPTED_SIZES:
        store = LocalSessionStore(root / f"encrypted-{size}")  # new: encrypted
        assert store.encrypted
        sid = _fill(store, dialogue, size)
        opened[f"enc-{size}"] = store.open(sid)
    setup = time.perf_counter() - t0
    os.sync()  # the fast setup wrote without fsync: flush it so it does not land in a save
    bare_dir = root / "bare"
    bare_dir.mkdir()
    samples: dict[str, list[float]] = {k: [] for k in [*opened, "bare"]}
    rng = random.Random(7)
    try:
        for n in range(ROUNDS):
            order = [*opened, "bare"]
            rng.shuffle(order)
            for key in order:
                if key == "bare":
                    data = opened[str(SIZES[0])].paths.file.read_bytes()  # type: ignore[attr-defined]
                    start = time.perf_counter()
                    _bare_write(bare_dir, data)
                else:
                    answer = Answer.words(f"a new answer {n}")
                    start = time.perf_counter()
                    opened[key].record(f"step-{n % PREFILLED_STEPS}", answer, Provenance.client())
                samples[key].append(time.perf_counter() - start)
    finally:
        for session in opened.values():
            session.close()
    med = {k: median_ms(v) for k, v in samples.items()}
    rows = [
        Row(
            f"store: save one answer, {size:,} sessions",
            f"median {med[str(size)]:.2f} ms, p95 {p95_ms(samples[str(size)]):.2f} ms",
        )
        for size in SIZES
    ]
    for size in ENCRYPTED_SIZES:
        key = f"enc-{size}"
        rows.append(
            Row(
                f"store: save one answer, {size:,} sessions, encrypted",
                f"median {med[key]:.2f} ms, p95 {p95_ms(samples[key]):.2f} ms",
            )
        )
        ratio = med[key] / med[str(size)]
        rows.append(
            Row(
                f"store: encrypted / plain save, {size:,} sessions (median)",
                f"{ratio:.2f}x",
                "<= 1.5x",
                ratio <= 1.5,
            )
        )
    rows.append(
        Row(
            "store: bare atomic fsync'd write, same bytes",
            f"median {med['bare']:.2f} ms, p95 {p95_ms(samples['bare']):.2f} ms",
        )
    )
    scale = med[str(SIZES[-1])] / med[str(SIZES[0])]
    rows.append(
        Row("store: save at 10,000 / save at 1 (median)", f"{scale:.2f}x", "<= 1.2x", scale <= 1.2)
    )
    over = max(med[k] for k in opened) / med["bare"]
    rows.append(Row("store: save / bare write (median)", f"{over:.2f}x", "<= 3x", over <= 3))
    big = LocalSessionStore(root / f"store-{SIZES[-1]}", encrypt_new=False)
    t1 = time.perf_counter()
    big.list()
    rows.append(
        Row(
            f"store: list {SIZES[-1]:,} sessions (index warm)",
            f"{(time.perf_counter() - t1) * 1000:.0f} ms (setup {setup:.0f} s)",
        )
    )
    return rows


def _crash(root: Path, dialogue: Dialogue) -> list[Row]:
    result = crash_run(root / "crash", dialogue, kills=1000, seed=1000)  # a new folder: encrypted
    ok = not result.lost and not result.problems and crypto.is_encrypted(root / "crash")
    return [
        Row(
            "store: crash run (encrypted), SIGKILL at random moments",
            f"{result.kills} kills ({result.kills_while_saving} while saving), "
            f"{result.acknowledged} acked saves, {len(result.lost)} lost, "
            f"{len(result.problems)} repairs, {result.seconds:.0f} s",
            "0 lost, 0 repairs",
            ok,
        )
    ]


def run() -> list[Row]:
    dialogue = load_dialogue(EXAMPLE)
    root = Path(tempfile.mkdtemp(prefix="haave-bench-store-"))
    secret = root / "passphrase"
    secret.write_text("a bench passphrase\n")
    secret.chmod(0o600)
    before = os.environ.get(crypto.ENV_PASSPHRASE_FILE)
    os.environ[crypto.ENV_PASSPHRASE_FILE] = str(secret)  # new folders here are encrypted
    try:
        return _save_latency(root, dialogue) + _crash(root, dialogue)
    finally:
        if before is None:
            os.environ.pop(crypto.ENV_PASSPHRASE_FILE, None)
        else:
            os.environ[crypto.ENV_PASSPHRASE_FILE] = before
        crypto.forget()
        shutil.rmtree(root, ignore_errors=True)
