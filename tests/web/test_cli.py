"""`haave serve`: who may listen where, the passcode from a file or the environment only,
TLS beyond loopback; the web room's imports; the speech fallback's WAV."""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.web import TOKEN_ENV
from assistant.web import cli as web_cli
from assistant.web.config import ConfigError, WebConfig, check, is_loopback, read_token
from tests.web.conftest import ROOT, TOKEN

WEB = ROOT / "assistant" / "web"


def args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="haave")
    subparsers = parser.add_subparsers()
    web_cli.add_parser(subparsers)
    return parser.parse_args(["serve", *argv])


def test_loopback_needs_nothing() -> None:
    config = web_cli.build_config(args())
    assert config.loopback and config.token is None
    assert is_loopback("::1") and is_loopback("localhost") and not is_loopback("192.168.1.5")


def test_beyond_loopback_needs_a_passcode_and_tls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ConfigError, match="without a passcode"):
        web_cli.build_config(args("--host", "0.0.0.0"))
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    with pytest.raises(ConfigError, match="without TLS"):
        web_cli.build_config(args("--host", "0.0.0.0"))
    config = web_cli.build_config(args("--host", "0.0.0.0", "--insecure-lan"))
    assert config.token == TOKEN
    cert = tmp_path / "cert.pem"
    cert.write_text("x")
    with pytest.raises(ConfigError, match="both --cert and --key"):
        web_cli.build_config(args("--host", "0.0.0.0", "--cert", str(cert)))


def test_the_passcode_never_comes_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SystemExit):
        args("--token", TOKEN)
    token_file = tmp_path / "passcode"
    token_file.write_text(TOKEN + "\n")
    token_file.chmod(0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        read_token(token_file)
    token_file.chmod(0o600)
    assert read_token(token_file) == TOKEN
    with pytest.raises(ConfigError, match="at least"):
        read_token(None, {TOKEN_ENV: "short"})
    assert read_token(None, {}) is None


def test_host_names_answered() -> None:
    loop = check(WebConfig())
    assert loop.host_allowed("127.0.0.1") and loop.host_allowed("localhost")
    assert not loop.host_allowed("evil.example")
    lan = WebConfig(
        host="192.168.1.5", token=TOKEN, insecure_lan=True, allowed_hosts=frozenset({"haave.lan"})
    )
    assert lan.host_allowed("192.168.1.5") and lan.host_allowed("haave.lan")
    assert not lan.host_allowed("evil.example")


def test_serve_help_stays_light() -> None:
    code = (
        "import sys, assistant.cli\n"
        "assistant.cli._parser()\n"
        "heavy = [m for m in ('aiohttp', 'jinja2', 'textual') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_refused_bind_is_one_line_on_stderr() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "assistant.web.cli", "serve", "--host", "0.0.0.0"],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("haave serve: refusing") and "Traceback" not in result.stderr


FORBIDDEN = ("assistant.dialogue.engine", "assistant.store", "textual", "assistant.ui")


def test_the_web_room_imports_only_the_session_service_and_its_neighbours() -> None:
    """Front-ends never move the engine or touch the store: only `assistant.session`."""
    for path in sorted(WEB.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                bad = [f for f in FORBIDDEN if name == f or name.startswith(f + ".")]
                assert not bad, f"{path.name} imports {name}"


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
async def test_the_speech_fallback_makes_a_wav() -> None:
    import io
    import wave

    from assistant.web.speech import Speech

    speech = Speech(WebConfig().speech_command)
    data = await speech.wav("--help Hei! Mistä pidät?", "fi")
    with wave.open(io.BytesIO(data)) as wav:
        assert wav.getnframes() > 1000 and wav.getframerate() > 8000


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
async def test_tls_beyond_loopback_signs_in_with_a_secure_cookie(tmp_path: Path) -> None:
    """A LAN server with TLS and a passcode file: sign-in, then a Secure, HttpOnly,
    SameSite=Strict seat cookie; plain HTTP is not answered."""
    import ssl

    import aiohttp

    from tests.web.conftest import start_server, stop_server

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    passcode = tmp_path / "passcode"
    passcode.write_text(TOKEN)
    passcode.chmod(0o600)
    served = start_server(
        tmp_path / "data",
        "--host",
        "0.0.0.0",
        "--allow-host",
        "localhost",
        "--token-file",
        str(passcode),
        "--cert",
        str(cert),
        "--key",
        str(key),
    )
    url = f"https://127.0.0.1:{served.port}"
    context = ssl.create_default_context(cafile=str(cert))
    context.check_hostname = False
    try:
        async with aiohttp.ClientSession() as http:
            async with http.get(url + "/fi/", ssl=context, allow_redirects=False) as response:
                assert response.status == 303
                assert response.headers["Location"].startswith("/sign-in")
            async with http.post(
                url + "/sign-in",
                data={"passcode": TOKEN},
                ssl=context,
                allow_redirects=False,
                headers={"Origin": url},
            ) as response:
                assert response.status == 303
                cookie = response.headers["Set-Cookie"]
                assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
            with pytest.raises(aiohttp.ClientError):
                async with http.get(f"http://127.0.0.1:{served.port}/fi/") as response:
                    await response.read()
    finally:
        stop_server(served)
