"""HTTP-level tests of `haave serve`: token, host and origin checks, headers, local-only page."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer
from textual_serve.app_service import AppService

from assistant.web import server as web_server
from assistant.web.server import (
    COOKIE_NAME,
    HaaveServer,
    WebConfig,
    is_loopback,
    patched_textual_js,
)
from tests.web.conftest import TOKEN, Served, descendants, tiny_command, wait_for_file


class SpawnCounter:
    def __init__(self) -> None:
        self.count = 0


@pytest.fixture
def spawns(monkeypatch: pytest.MonkeyPatch) -> SpawnCounter:
    """Counts app processes started by textual-serve (the real spawn still happens)."""
    counter = SpawnCounter()
    original = AppService._open_app_process

    async def counting(self: AppService, width: int = 80, height: int = 24) -> object:
        counter.count += 1
        return await original(self, width, height)

    monkeypatch.setattr(AppService, "_open_app_process", counting)
    return counter


async def make_client(tmp_path: Path, token: str | None, max_sessions: int = 4) -> TestClient:
    config = WebConfig(command=tiny_command(tmp_path), token=token, max_sessions=max_sessions)
    server = HaaveServer(config)
    client = TestClient(TestServer(server.make_app(), host="127.0.0.1"))
    await client.start_server()
    return client


@pytest.fixture
async def open_client(tmp_path: Path) -> AsyncIterator[TestClient]:
    client = await make_client(tmp_path, None)
    yield client
    await client.close()


@pytest.fixture
async def token_client(tmp_path: Path) -> AsyncIterator[TestClient]:
    client = await make_client(tmp_path, TOKEN)
    yield client
    await client.close()


# --- without a token (loopback only) ---


async def test_page_served_with_security_headers(open_client: TestClient) -> None:
    response = await open_client.get("/")
    assert response.status == 200
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


async def test_foreign_host_header_refused(open_client: TestClient) -> None:
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 must get nothing."""
    response = await open_client.get("/", headers={"Host": "evil.example:8000"})
    assert response.status == 403
    response = await open_client.get("/", headers={"Host": "localhost:8000"})
    assert response.status == 200


async def test_foreign_origin_websocket_refused(
    open_client: TestClient, spawns: SpawnCounter
) -> None:
    with pytest.raises(aiohttp.WSServerHandshakeError) as info:
        await open_client.ws_connect("/ws", headers={"Origin": "http://evil.example"})
    assert info.value.status == 403
    assert spawns.count == 0


async def test_page_references_only_local_urls(open_client: TestClient) -> None:
    html = await (await open_client.get("/")).text()
    urls = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert urls, html
    for url in urls:
        assert url.startswith("/") and not url.startswith("//"), url
    assert "googleapis" not in html
    ws = re.search(r'data-session-websocket-url="([^"]*)"', html)
    assert ws is not None
    assert ws.group(1) == f"ws://127.0.0.1:{open_client.port}/ws"
    assert 'data-font-size="20"' in html
    assert 'data-screen-reader="1"' in html
    for url in urls:
        response = await open_client.get(url)
        assert response.status == 200, url
        body = await response.read()
        if url.endswith((".css", ".js")):
            text = body.decode("utf-8")
            assert "fonts.googleapis" not in text
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), url
            assert not re.search(r"@import", text), url


async def test_font_size_clamped(open_client: TestClient) -> None:
    html = await (await open_client.get("/?fontsize=4")).text()
    assert 'data-font-size="12"' in html
    html = await (await open_client.get("/?fontsize=28&screenreader=0")).text()
    assert 'data-font-size="28"' in html
    assert 'data-screen-reader="0"' in html
    assert '<html lang="fi">' in html
    assert '<html lang="sv">' in await (await open_client.get("/?lang=sv")).text()
    assert '<html lang="fi">' in await (await open_client.get("/?lang=x\"y")).text()


def test_textual_js_patches_all_apply() -> None:
    source = (web_server.TEXTUAL_SERVE_STATIC / "js" / "textual.js").read_text("utf-8")
    patched, missing = patched_textual_js(source)
    assert missing == []
    assert 'screenReaderMode:"1"===e.dataset.screenReader' in patched
    assert "fetch(this.ping" not in patched
    assert "Roboto Mono" not in patched


def test_is_loopback() -> None:
    for host in ("127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"):
        assert is_loopback(host), host
    for host in ("0.0.0.0", "::", "192.168.1.10", "example.org", ""):
        assert not is_loopback(host), host


# --- with a token ---


@pytest.mark.parametrize(
    "path", ["/", "/static/textual.js", "/static/haave/haave.css", "/download/abc"]
)
async def test_token_missing_or_wrong_is_403(token_client: TestClient, path: str) -> None:
    assert (await token_client.get(path)).status == 403
    assert (await token_client.get(path, params={"token": "wrong"})).status == 403
    wrong = {"Authorization": "Bearer " + TOKEN[:-1] + "x"}
    assert (await token_client.get(path, headers=wrong)).status == 403
    token_client.session.cookie_jar.update_cookies({f"{COOKIE_NAME}_8000": "nope"})
    assert (await token_client.get(path)).status == 403


async def test_token_in_query_becomes_cookie(token_client: TestClient) -> None:
    response = await token_client.get(
        "/", params={"token": TOKEN, "fontsize": "24"}, allow_redirects=False
    )
    assert response.status == 303
    assert response.headers["Location"] == "/?fontsize=24"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"{COOKIE_NAME}_8000={TOKEN};")
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    # The client keeps the cookie: the page and its assets now load without the token.
    response = await token_client.get("/?fontsize=24")
    assert response.status == 200
    assert 'data-font-size="24"' in await response.text()
    assert (await token_client.get("/static/textual.js")).status == 200


async def test_bearer_header_accepted(token_client: TestClient) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    assert (await token_client.get("/", headers=headers)).status == 200


async def test_no_app_process_without_token(
    token_client: TestClient, spawns: SpawnCounter
) -> None:
    for kwargs in ({}, {"params": {"token": "wrong"}}, {"headers": {"Authorization": "Bearer x"}}):
        with pytest.raises(aiohttp.WSServerHandshakeError) as info:
            await token_client.ws_connect("/ws", **kwargs)  # type: ignore[arg-type]
        assert info.value.status == 403
    assert spawns.count == 0


async def test_session_and_download_need_token(
    token_client: TestClient, spawns: SpawnCounter, tmp_path: Path
) -> None:
    """Right token: the app starts; its export is offered for download, behind the token."""
    headers = {"Authorization": f"Bearer {TOKEN}"}
    ws = await token_client.ws_connect(
        "/ws?width=80&height=24",
        headers={**headers, "Origin": f"http://127.0.0.1:{token_client.port}"},
    )
    try:
        assert spawns.count == 1
        assert await asyncio.to_thread(wait_for_file, tmp_path / "question-1")
        await ws.send_str(json.dumps(["stdin", "d"]))
        key = None
        async with asyncio.timeout(15):
            async for message in ws:
                if message.type == aiohttp.WSMsgType.TEXT:
                    envelope = json.loads(message.data)
                    if envelope[0] == "deliver_file_start":
                        key = envelope[1]
                        break
        assert key
        assert (await token_client.get(f"/download/{key}")).status == 403
        response = await token_client.get(f"/download/{key}", headers=headers)
        assert response.status == 200
        assert "attachment" in response.headers["Content-Disposition"]
        assert "export.txt" in response.headers["Content-Disposition"]
        assert await response.text() == "Tukisuunnitelma: aamut, ruoanlaitto.\n"
    finally:
        await ws.close()


async def test_session_limit(tmp_path: Path, spawns: SpawnCounter) -> None:
    client = await make_client(tmp_path, None, max_sessions=0)
    try:
        with pytest.raises(aiohttp.WSServerHandshakeError) as info:
            await client.ws_connect("/ws")
        assert info.value.status == 503
        assert spawns.count == 0
    finally:
        await client.close()


async def test_odd_host_header_kept_out_of_csp(open_client: TestClient) -> None:
    response = await open_client.get("/", headers={"Host": "localhost:1;script-src *"})
    assert response.status == 403
    assert "script-src *" not in response.headers["Content-Security-Policy"]


async def test_server_stop_ends_app_processes(served_with_token: Served) -> None:
    """SIGTERM with a session open: the server exits promptly and no app process is left."""
    served = served_with_token
    async with aiohttp.ClientSession() as http:
        ws = await http.ws_connect(
            f"{served.url}/ws", headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert await asyncio.to_thread(wait_for_file, served.marker_dir / "question-1")
        apps = descendants(served.process.pid)
        assert len(apps) == 1  # one process per session (the shell execs the app)
        served.process.terminate()
        assert await asyncio.to_thread(served.process.wait, 10) == 0
        await ws.close()
    for pid in apps:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text()
