"""The browser-mode server: textual-serve with an access token, local-only assets and headers.

textual-serve runs one app subprocess per browser websocket. This module wraps its `Server`
so that:

* it binds to loopback unless an access token is set (checked by `check_bind`);
* with a token, every request (page, static file, websocket, download) must carry it, as
  `?token=` (first load only: answered with an HttpOnly SameSite=Strict cookie and a redirect
  to the same URL without the token), the cookie, or `Authorization: Bearer`; compared with
  `hmac.compare_digest`; anything else gets 403 before any handler runs, so no app process;
* without a token, the `Host` header must name a loopback address (DNS-rebinding guard);
* websocket upgrades with a foreign `Origin` get 403;
* every response carries a strict Content-Security-Policy (only this origin), no-referrer,
  nosniff, frame-ancestors none and no-store;
* the page is our own template: no web font from a third-party host, our DejaVu Sans Mono
  served locally, a larger font and xterm.js's screen-reader mode (the bundled textual.js
  hard-codes its Terminal options, so we serve a patched copy, see `patched_textual_js`).
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import logging
import re
import shlex
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
import textual_serve
from aiohttp import WSCloseCode, web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.web_request import BaseRequest
from aiohttp.web_response import StreamResponse
from textual_serve.app_service import AppService
from textual_serve.server import Server

from assistant.web import TOKEN_ENV

log = logging.getLogger("haave.web")

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
TEMPLATES_DIR = HERE / "templates"
TEXTUAL_SERVE_STATIC = Path(textual_serve.__file__).parent / "static"

COOKIE_NAME = "haave_token"
DEFAULT_FONT_SIZE = 20
MIN_FONT_SIZE, MAX_FONT_SIZE = 12, 48
DEFAULT_MAX_SESSIONS = 16
FONT_FAMILY = "Haave Mono"
PAGE_LANGUAGES = ("fi", "sv", "en")  # `?lang=`: the language screen readers assume

LOOPBACK_NAMES = {"localhost", "localhost.", "ip6-localhost"}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class BindRefused(ValueError):
    """Binding to a non-loopback address without an access token."""


def is_loopback(host: str) -> bool:
    """True for `localhost` and loopback IP addresses (127.0.0.0/8, ::1)."""
    host = host.strip().strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Raise `BindRefused` unless `host` is loopback or a token is set."""
    if not is_loopback(host) and not token:
        raise BindRefused(
            f"refusing to listen on {host!r} without an access token: "
            f"set --token or {TOKEN_ENV}, or use --host 127.0.0.1"
        )


# --- the bundled textual.js, patched -------------------------------------------------------

# (anchor, replacement) pairs; each anchor must occur exactly once in textual.js.
JS_PATCHES: tuple[tuple[str, str], ...] = (
    # Terminal options: screen-reader mode (from data-screen-reader) and our local font.
    (
        "scrollback:0,fontFamily:\"'Roboto Mono', Monaco, 'Courier New', monospace\"",
        'scrollback:0,screenReaderMode:"1"===e.dataset.screenReader,'
        f"fontFamily:\"'{FONT_FAMILY}', 'DejaVu Sans Mono', monospace\"",
    ),
    # Measure glyphs only after our font has loaded (xterm.js measures cells once, at open).
    (
        "window.onload=e=>{",
        "window.onload=async e=>{try{await document.fonts.load("
        f"\"20px '{FONT_FAMILY}'\")}}catch(_){{}}",
    ),
    # Never fetch a `?ping=` URL taken from the address bar (could be any host).
    ('this.ping&&await fetch(this.ping,{method:"GET",mode:"no-cors"}),', ""),
)


def patched_textual_js(source: str) -> tuple[str, list[str]]:
    """Apply `JS_PATCHES` to textual-serve's textual.js; return (text, anchors not found)."""
    missing = []
    for anchor, replacement in JS_PATCHES:
        if source.count(anchor) != 1:
            missing.append(anchor)
            continue
        source = source.replace(anchor, replacement)
    return source, missing


# --- configuration -------------------------------------------------------------------------


@dataclass(frozen=True)
class WebConfig:
    """What `haave serve` was asked to do."""

    command: Sequence[str]
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    title: str = "Haave"
    max_sessions: int = DEFAULT_MAX_SESSIONS

    def shell_command(self) -> str:
        """textual-serve runs its command through the shell: quote every argument, and
        `exec` so that the app replaces the shell (one process per session, not two)."""
        return "exec " + shlex.join(self.command)


SAFE_HOST = re.compile(r"[A-Za-z0-9.\-]+(:[0-9]+)?|\[[0-9A-Fa-f:.]+\](:[0-9]+)?")


def security_headers(request: web.Request) -> dict[str, str]:
    host = request.host if SAFE_HOST.fullmatch(request.host) else "invalid.invalid"
    return {
        "Content-Security-Policy": (
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "font-src 'self'; img-src 'self' data:; "
            f"connect-src 'self' ws://{host} wss://{host}; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        ),
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
        "Cache-Control": "no-store",
    }


def forbidden(reason: str) -> web.HTTPForbidden:
    return web.HTTPForbidden(text=f"403 Forbidden: {reason}\n")


class HaaveServer(Server):
    """textual-serve's Server with Haave's access control, template and assets."""

    def __init__(self, config: WebConfig) -> None:
        super().__init__(
            config.shell_command(),
            host=config.host,
            port=config.port,
            title=config.title,
            statics_path=STATIC_DIR,
            templates_path=TEMPLATES_DIR,
        )
        self.config = config
        self.sessions = 0
        self.sessions_started = 0
        self.websockets: set[web.WebSocketResponse] = set()
        source = (TEXTUAL_SERVE_STATIC / "js" / "textual.js").read_text(encoding="utf-8")
        self.textual_js, missing = patched_textual_js(source)
        for anchor in missing:
            log.warning("textual.js: patch anchor not found, left as is: %.60s", anchor)

    # -- logging: plain, no locals in tracebacks (they may hold a person's answers) --

    def initialize_logging(self) -> None:
        logging.basicConfig(
            level="DEBUG" if self.debug else "INFO",
            format="haave serve: %(message)s",
        )

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C or SIGTERM (raises OSError when the address cannot be bound)."""
        self.debug = debug
        self.initialize_logging()
        web.run_app(
            self.make_app(),
            host=self.config.host,
            port=self.config.port,
            print=self.announce,
            access_log_class=PathOnlyAccessLogger,
        )

    def announce(self, *_: object) -> None:
        """Called by aiohttp once listening."""
        shown = self.config.host if ":" not in self.config.host else f"[{self.config.host}]"
        url = f"http://{shown}:{self.config.port}/"
        if self.config.token:
            url += "?token=<token>"
        print(f"Haave is served on {url}  (Ctrl+C stops it)", flush=True)
        if not is_loopback(self.config.host):
            print(
                "Warning: plain HTTP beyond this computer; the token and the answers travel "
                "unencrypted unless a TLS reverse proxy is in front.",
                flush=True,
            )

    # -- the aiohttp application --

    async def _make_app(self) -> web.Application:
        return self.make_app()

    def make_app(self) -> web.Application:
        """The aiohttp application (also used directly by tests)."""
        app = web.Application(middlewares=[self.access_middleware])
        aiohttp_jinja2.setup(
            app,
            loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
            autoescape=jinja2.select_autoescape(default=True),
        )
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_session, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.get("/favicon.ico", self.handle_favicon, name="favicon"),
                web.get("/static/textual.js", self.handle_textual_js, name="textual_js"),
                web.get("/static/xterm.css", self.handle_xterm_css, name="xterm_css"),
                web.static("/static/haave", STATIC_DIR, name="static"),
            ]
        )
        app.on_response_prepare.append(self.add_headers)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def add_headers(self, request: web.Request, response: web.StreamResponse) -> None:
        for name, value in security_headers(request).items():
            response.headers.setdefault(name, value)

    # -- access control --

    @property
    def cookie_name(self) -> str:
        """Per port: browsers share cookies between ports of one host."""
        return f"{COOKIE_NAME}_{self.config.port}"

    def token_ok(self, candidate: str | None) -> bool:
        token = self.config.token
        if not token or candidate is None:
            return False
        return hmac.compare_digest(candidate.encode("utf-8"), token.encode("utf-8"))

    @web.middleware
    async def access_middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not SAFE_HOST.fullmatch(request.host):
            raise forbidden("malformed Host header")
        if self.config.token:
            query_token = request.query.get("token")
            auth = request.headers.get("Authorization", "")
            bearer = auth[7:] if auth.lower().startswith("bearer ") else None
            ok = (
                self.token_ok(request.cookies.get(self.cookie_name))
                or self.token_ok(bearer)
                or self.token_ok(query_token)
            )
            if not ok:
                raise forbidden("a valid access token is needed")
            if query_token is not None and request.method == "GET" and not _is_upgrade(request):
                # Trade the token in the address bar for a cookie, then drop it from the URL.
                query = request.rel_url.query.copy()
                del query["token"]
                target = str(request.rel_url.with_query(query))
                response = web.HTTPSeeOther(target)
                response.set_cookie(
                    self.cookie_name,
                    query_token,
                    httponly=True,
                    samesite="Strict",
                    path="/",
                    secure=request.secure,
                )
                raise response
        else:
            hostname = urlsplit(f"//{request.host}").hostname or ""
            if not is_loopback(hostname):
                raise forbidden("this server answers only to a loopback host name")
        if _is_upgrade(request):
            origin = request.headers.get("Origin")
            if origin is not None and urlsplit(origin).netloc.lower() != request.host.lower():
                raise forbidden("foreign origin")
        return await handler(request)

    # -- handlers --

    @aiohttp_jinja2.template("index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        font_size = _clamp_int(request.query.get("fontsize"), DEFAULT_FONT_SIZE)
        screen_reader = request.query.get("screenreader", "1") != "0"
        scheme = "wss" if request.secure else "ws"
        lang = request.query.get("lang", "fi")
        return {
            "lang": lang if lang in PAGE_LANGUAGES else "fi",
            "title": self.config.title,
            "font_size": font_size,
            "screen_reader": "1" if screen_reader else "0",
            "websocket_url": f"{scheme}://{request.host}/ws",
        }

    async def handle_favicon(self, request: web.Request) -> web.Response:
        return web.Response(status=204)

    async def handle_textual_js(self, request: web.Request) -> web.Response:
        return web.Response(text=self.textual_js, content_type="application/javascript")

    async def handle_xterm_css(self, request: web.Request) -> web.FileResponse:
        return web.FileResponse(TEXTUAL_SERVE_STATIC / "css" / "xterm.css")

    async def handle_session(self, request: web.Request) -> web.StreamResponse:
        """One browser session: one app process (textual-serve's handler), bounded in count."""
        if self.sessions >= self.config.max_sessions:
            raise web.HTTPServiceUnavailable(text="too many sessions\n")
        self.sessions += 1
        self.sessions_started += 1
        try:
            return await self.run_session(request)
        finally:
            self.sessions -= 1

    async def run_session(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's `handle_websocket`, plus: the app process is always reaped."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _clamp_size(request.query.get("width"), 80)
        height = _clamp_size(request.query.get("height"), 24)
        app_service: AppService | None = None
        try:
            await websocket.prepare(request)
            self.websockets.add(websocket)

            async def close() -> None:
                await websocket.close()

            app_service = AppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
            raise
        except Exception:
            log.exception("session failed")
        finally:
            self.websockets.discard(websocket)
            if app_service is not None:
                await app_service.stop()
                await _reap(app_service)
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C / SIGTERM: close every session, so that each app is told to quit."""
        for websocket in list(self.websockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"server shutdown")


class PathOnlyAccessLogger(AbstractAccessLogger):
    """Access log without query strings (a first `?token=` must not reach the log)."""

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        self.logger.info("%s %s %s", request.method, request.path, response.status)


async def _reap(app_service: AppService) -> None:
    """Wait for the app process to exit after `stop()`; kill it if it does not."""
    process = app_service._process
    if process is None:
        return
    try:
        await asyncio.wait_for(process.wait(), timeout=5)
    except TimeoutError:
        log.warning("app process %s did not exit; killing it", process.pid)
        process.kill()
        await process.wait()


def _clamp_size(value: str | None, default: int) -> int:
    try:
        number = int(value) if value is not None else default
    except ValueError:
        number = default
    return max(10, min(1000, number))


def _is_upgrade(request: web.Request) -> bool:
    return request.headers.get("Upgrade", "").lower() == "websocket"


def _clamp_int(value: str | None, default: int) -> int:
    try:
        number = int(value) if value is not None else default
    except ValueError:
        number = default
    return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, number))
