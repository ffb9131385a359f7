"""Fixtures for the web front-end: an in-process client, and a real `haave serve` process."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from assistant.web.app import make_app
from assistant.web.config import WebConfig

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "correct-horse-battery-staple-42"

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no form token on the page"
    return found.group(1)


class Browser:
    """An aiohttp client that keeps the page's form token, like a browser without JS."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.csrf = ""
        self.html = ""
        self.url = "/"

    async def get(self, url: str, status: int = 200) -> str:
        response = await self.client.get(url)
        self.html = await response.text()
        assert response.status == status, (url, response.status, self.html[:500])
        self.url = str(response.url.path)
        found = CSRF.search(self.html)
        if found:
            self.csrf = found.group(1)
        return self.html

    async def post(self, url: str, status: int = 303, **fields: str | list[str]) -> str:
        """POST like a form; returns the Location of the redirect (or the page's text)."""
        data: list[tuple[str, str]] = [("csrf", self.csrf)]
        for key, value in fields.items():
            for item in value if isinstance(value, list) else [value]:
                data.append((key, item))
        response = await self.client.post(url, data=data, allow_redirects=False)
        text = await response.text()
        assert response.status == status, (url, response.status, text[:800])
        if status == 303:
            return response.headers["Location"]
        self.html = text
        return text

    async def follow(self, url: str, **fields: str | list[str]) -> str:
        """POST, then GET where it sends us; returns the new page's URL."""
        location = await self.post(url, **fields)
        await self.get(location)
        return location


def web_config(**changes: object) -> WebConfig:
    return WebConfig(**{"dialogue": "first-meeting", **changes})  # type: ignore[arg-type]


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[TestClient]:
    app = make_app(web_config(data_dir=tmp_path / "data"))
    async with TestClient(TestServer(app)) as test_client:
        yield test_client


@pytest.fixture
async def browser(client: TestClient) -> Browser:
    return Browser(client)


async def new_session(browser: Browser, lang: str = "fi", alias: str = "Aino") -> str:
    """Start a session through the pages; returns its id (the page is "who is here")."""
    await browser.get(f"/{lang}/new")
    location = await browser.post(f"/{lang}/new", alias=alias, dialogue="first-meeting")
    await browser.get(location)
    return location.split("/")[2]


# -- a real server process -----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Served:
    url: str
    port: int
    data_dir: Path
    process: subprocess.Popen[bytes]


def start_server(data_dir: Path, *extra: str, env: dict[str, str] | None = None) -> Served:
    port = free_port()
    environ = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "assistant.web.cli",
            "serve",
            "--port",
            str(port),
            "--data-dir",
            str(data_dir),
            "--dialogue",
            "first-meeting",
            *extra,
        ],
        cwd=ROOT,
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"haave serve exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return Served(f"http://127.0.0.1:{port}", port, data_dir, process)
        except OSError:
            time.sleep(0.05)
    process.kill()
    process.wait()
    raise RuntimeError("haave serve did not start listening")


def stop_server(served: Served) -> None:
    served.process.terminate()
    try:
        served.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        served.process.kill()
        served.process.wait()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    server = start_server(tmp_path / "data")
    yield server
    stop_server(server)
