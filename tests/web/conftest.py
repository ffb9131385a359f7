"""Fixtures for the browser-mode tests: a tiny Textual app and a real `haave serve` on loopback."""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

TINY_APP = Path(__file__).with_name("tiny_app.py")
ROOT = Path(__file__).resolve().parents[2]
TOKEN = "correct-horse-battery-staple-42"


def tiny_command(marker_dir: Path) -> list[str]:
    return [sys.executable, str(TINY_APP), str(marker_dir)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"haave serve exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("haave serve did not start listening")


def wait_for_file(path: Path, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            return True
        time.sleep(0.05)
    return False


@dataclass
class Served:
    url: str
    port: int
    token: str | None
    marker_dir: Path
    process: subprocess.Popen[bytes]


def start_served(marker_dir: Path, token: str | None) -> Served:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "HAAVE_SERVE_TOKEN"}
    if token:
        env["HAAVE_SERVE_TOKEN"] = token
    env["PYTHONPATH"] = str(ROOT)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "assistant.web.cli",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--command",
            shlex.join(tiny_command(marker_dir)),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
    except Exception:
        process.kill()
        process.wait()
        raise
    return Served(f"http://127.0.0.1:{port}", port, token, marker_dir, process)


def stop_served(served: Served) -> None:
    apps = descendants(served.process.pid)
    served.process.terminate()
    try:
        served.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        served.process.kill()
        served.process.wait()
    for pid in apps:  # never leave an app process behind, even if the server misbehaved
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


@pytest.fixture
def served_with_token(tmp_path: Path) -> Iterator[Served]:
    served = start_served(tmp_path, TOKEN)
    yield served
    stop_served(served)


def descendants(pid: int) -> list[int]:
    """The processes under `pid`, from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(text[text.rindex(")") + 2 :].split()[1])
    found = [pid]
    for candidate in found:
        found.extend(p for p, parent in parents.items() if parent == candidate)
    return found[1:]
