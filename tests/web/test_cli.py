"""`haave serve` arguments: bind refusal, token rules, one-line errors; the `deliver` helper."""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from assistant.web import app as launcher
from assistant.web import cli as web_cli
from assistant.web import deliver, is_web
from tests.web.conftest import ROOT, TOKEN


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="haave")
    subparsers = parser.add_subparsers(dest="command_name", required=True)
    web_cli.add_parser(subparsers)
    return parser.parse_args(["serve", *argv])


@pytest.fixture(autouse=True)
def no_env_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HAAVE_SERVE_TOKEN", raising=False)
    monkeypatch.delenv("HAAVE_SERVE_COMMAND", raising=False)


def test_defaults_bind_loopback() -> None:
    config = web_cli.build_config(parse())
    assert config.host == "127.0.0.1"
    assert config.port == 8000
    assert config.token is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.org"])
def test_non_loopback_without_token_refused(
    host: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert web_cli.run(parse("--host", host)) == 2
    err = capsys.readouterr().err
    assert err.startswith("haave serve: refusing to listen on")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_non_loopback_with_token_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    config = web_cli.build_config(parse("--host", "0.0.0.0", "--token", TOKEN))
    assert config.host == "0.0.0.0"
    assert config.token == TOKEN
    monkeypatch.setenv("HAAVE_SERVE_TOKEN", TOKEN)
    assert web_cli.build_config(parse("--host", "0.0.0.0")).token == TOKEN


def test_short_token_and_bad_port_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert web_cli.run(parse("--token", "short")) == 2
    assert "at least 16" in capsys.readouterr().err
    assert web_cli.run(parse("--port", "70000")) == 2
    assert "out of range" in capsys.readouterr().err


def test_command_and_data_dir(tmp_path: Path) -> None:
    config = web_cli.build_config(
        parse("--command", "python3 -m my.app --flag 'two words'", "--data-dir", str(tmp_path))
    )
    assert list(config.command) == [
        "python3", "-m", "my.app", "--flag", "two words", "--data-dir", str(tmp_path.resolve())
    ]
    assert config.shell_command() == (
        f"exec python3 -m my.app --flag 'two words' --data-dir {tmp_path.resolve()}"
    )
    default = web_cli.build_config(parse()).command
    assert list(default) == [sys.executable, "-m", "assistant.web.app"]


def test_data_dir_must_be_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_dir = tmp_path / "file"
    not_dir.write_text("x")
    assert web_cli.run(parse("--data-dir", str(not_dir))) == 2
    assert "not a directory" in capsys.readouterr().err


def test_refusal_end_to_end_as_a_process() -> None:
    """The real command, as a process: exit code 2, one line, no traceback, nothing bound."""
    result = subprocess.run(
        [sys.executable, "-m", "assistant.web.cli", "serve", "--host", "0.0.0.0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("haave serve: refusing to listen on '0.0.0.0'")
    assert "Traceback" not in result.stderr


def test_port_in_use_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        assert web_cli.run(parse("--port", str(port), "--command", "true")) == 2
    err = capsys.readouterr().err
    assert f"haave serve: cannot listen on 127.0.0.1:{port}" in err
    assert "Traceback" not in err


class FakeApp:
    def __init__(self, web: bool) -> None:
        self.is_web = web
        self.calls: list[tuple[Any, dict[str, Any]]] = []

    def deliver_binary(self, path_or_file: Any, **kwargs: Any) -> str | None:
        self.calls.append((path_or_file, kwargs))
        return "key-1"


def test_deliver_only_in_browser(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF")
    terminal = FakeApp(web=False)
    assert not is_web(terminal)
    assert deliver(terminal, path) is None
    assert terminal.calls == []
    browser = FakeApp(web=True)
    assert is_web(browser)
    assert deliver(browser, path, mime_type="application/pdf") == "key-1"
    assert browser.calls == [
        (
            path,
            {
                "save_filename": "plan.pdf",
                "open_method": "download",
                "mime_type": "application/pdf",
                "name": None,
            },
        )
    ]


def test_importing_browser_mode_is_light() -> None:
    """`haave --help` must not pay for aiohttp or textual because `serve` exists."""
    code = (
        "import sys, assistant.web, assistant.web.cli; "
        "print(sorted(m for m in ('textual', 'aiohttp', 'textual_serve') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_app_launcher_without_ui(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def missing(name: str) -> object:
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr(launcher.importlib, "import_module", missing)
    assert launcher.main(["--data-dir", "x"]) == 1
    assert capsys.readouterr().err.startswith("haave serve: the app is not available")


def test_launched_app_dies_with_the_server(tmp_path: Path) -> None:
    """The launcher sets PR_SET_PDEATHSIG: an app whose server is SIGKILLed ends too."""
    script = (
        "import subprocess, sys, time; "
        "p = subprocess.Popen([sys.executable, '-c', "
        "'from assistant.web.app import die_with_server; import time; "
        "die_with_server(); time.sleep(30)']); "
        "print(p.pid, flush=True); time.sleep(30)"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    time.sleep(0.5)
    parent.kill()
    parent.wait()

    def running() -> bool:
        try:
            stat = Path(f"/proc/{child}/stat").read_text()
        except OSError:
            return False
        return stat[stat.rindex(")") + 2] != "Z"  # a zombie has ended

    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and running():
        time.sleep(0.05)
    alive = running()
    if alive:
        os.kill(child, 9)
    assert not alive
