"""The aiohttp application: routes, the guard every request passes, headers, error pages.

One asynchronous process serves every browser. The session service is synchronous and each
move is one short fsync'd write, so handlers call it directly on the event loop: moves are
serialised, and no two requests ever move one session at once.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.web_request import BaseRequest
from aiohttp.web_response import StreamResponse

from assistant.i18n import translator
from assistant.session import SessionError, Sessions
from assistant.web import conversation, facilitator, mat, picks, plan, speech, start
from assistant.web.access import SAFE_METHODS, SEAT_KEY, Access
from assistant.web.common import HAAVE, PROBLEM_STATUS, Haave, Handler, haave, lang_of
from assistant.web.config import WebConfig
from assistant.web.desk import Desk
from assistant.web.render import STATIC, Pages, symbol_svg

log = logging.getLogger("haave.web")

#: The largest request body: a step's form with own words fits many times over.
MAX_BODY = 64 * 1024

PUBLIC = ("/static/", "/symbols/", "/sign-in", "/about", "/favicon.ico")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "media-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    # same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on our forms
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def page_language(request: web.Request) -> str:
    """The language of a page that went wrong: the session's, else the URL's."""
    session_id = request.match_info.get("sid")
    if session_id:
        desk = haave(request).desk
        opened = desk._open.get(session_id)
        if opened is not None:
            return opened.active.language
    return lang_of(request)


def problem(request: web.Request, words: str, status: int, lang: str | None = None) -> web.Response:
    state = haave(request)
    lang = lang or page_language(request)
    return state.pages.render("problem.html", lang, {"words": words}, status=status)


@web.middleware
async def errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """No traceback reaches a browser: every problem is a page in the page's language."""
    try:
        return await handler(request)
    except SessionError as exc:
        return problem(request, exc.words(page_language(request)), PROBLEM_STATUS[exc.problem])
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        _ = translator(page_language(request))
        words = {
            400: _("This did not work. Go back and try again."),
            403: _("This page is old. Open it again from the start."),
            404: _("This page is not here."),
            405: _("This did not work. Go back and try again."),
            413: _("This is too much at once. Write a shorter text."),
        }.get(exc.status, _("Something went wrong. Everything saved so far is kept."))
        return problem(request, words, exc.status)
    except Exception as exc:
        # the type only: a traceback's locals may hold a person's answers
        log.error("error on %s %s: %s", request.method, request.path, type(exc).__name__)
        if os.environ.get("HAAVE_DEBUG"):
            log.exception("details (HAAVE_DEBUG)")
        _ = translator(page_language(request))
        return problem(request, _("Something went wrong. Everything saved so far is kept."), 500)


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Host, origin, seat and CSRF checks, before any handler runs."""
    started = time.perf_counter()
    state = haave(request)
    access = state.access
    if not access.host_ok(request):
        return web.Response(status=421, text="421: this server does not answer to that name\n")
    if request.method not in SAFE_METHODS and request.method != "POST":
        raise web.HTTPMethodNotAllowed(request.method, ["GET", "POST"])
    public = request.path.startswith(PUBLIC)
    found = access.seat_of(request)
    cookie = None
    if found is None and not public:
        if access.needs_sign_in:
            if request.method in SAFE_METHODS:
                return web.Response(status=303, headers={"Location": start.sign_in_url(request)})
            log.info("refused: no seat on %s", request.path)
            raise web.HTTPForbidden()
        found, cookie = access.new_seat()
    if request.method == "POST":
        if not access.same_origin(request):
            log.info("refused: a POST from another origin to %s", request.path)
            raise web.HTTPForbidden()
        if request.path != "/sign-in":
            data = await request.post()
            token = data.get("csrf")
            if found is None or not access.csrf_ok(
                found, token if isinstance(token, str) else None
            ):
                raise web.HTTPForbidden()
    request[SEAT_KEY] = found or ""
    response = await handler(request)
    if cookie is not None:
        access.set_seat_cookie(response, request, cookie)
    # the server's own time, for the bench and a browser's devtools (no content in it)
    response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.2f}"
    return response


async def headers(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.path.startswith("/symbols/"):
        return
    if request.path.startswith("/static/"):
        # a versioned name never changes: kept without asking again (see `static_versions`)
        versioned = "v" in request.query
        cache = "public, max-age=31536000, immutable" if versioned else "no-cache"
        response.headers.setdefault("Cache-Control", cache)
    else:
        # pages hold a person's answers: never kept in a cache, nor restored from one
        response.headers["Cache-Control"] = "no-store"


async def favicon(request: web.Request) -> web.Response:
    return web.Response(status=204)


async def symbol_file(request: web.Request) -> web.Response:
    """An OpenMoji symbol (CC BY-SA 4.0, shipped with Haave): the same look on every device."""
    svg = symbol_svg(request.match_info["name"])
    if svg is None:
        raise web.HTTPNotFound()
    return web.Response(
        text=svg,
        content_type="image/svg+xml",
        headers={
            "Cache-Control": "public, max-age=86400",
            "Content-Security-Policy": "default-src 'none'",
        },
    )


def make_app(config: WebConfig, sessions: Sessions | None = None) -> web.Application:
    """The application (tests call it directly)."""
    sessions = sessions or Sessions(config.data_dir, config.dialogue)
    app = web.Application(middlewares=[errors, guard], client_max_size=MAX_BODY)
    app[HAAVE] = Haave(
        config=config,
        sessions=sessions,
        desk=Desk(sessions),
        access=Access(config),
        pages=Pages(),
        speech=speech.Speech(config.speech_command),
    )
    app.router.add_get("/favicon.ico", favicon)
    app.router.add_get("/symbols/{name}.svg", symbol_file)
    app.router.add_static("/static/", STATIC, name="static", append_version=False)
    start.add_routes(app.router)
    conversation.add_routes(app.router)
    facilitator.add_routes(app.router)
    plan.add_routes(app.router)
    mat.add_routes(app.router)
    picks.add_routes(app.router)
    speech.add_routes(app.router)
    app.on_response_prepare.append(headers)
    app.on_startup.append(_warm)
    app.on_shutdown.append(_close_sessions)
    return app


async def _warm(app: web.Application) -> None:
    """Load the dialogues and compile the templates before the first visitor, who would
    otherwise wait for them."""
    state = app[HAAVE]
    state.sessions.dialogues.choices()
    for name in state.pages.env.list_templates(extensions=["html"]):
        state.pages.env.get_template(name)


async def _close_sessions(app: web.Application) -> None:
    """Ctrl+C / SIGTERM: let go of every session (all was saved already)."""
    app[HAAVE].desk.close_all()


class PathOnlyAccessLogger(AbstractAccessLogger):
    """Access log without query strings or bodies: they may hold a person's words."""

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        self.logger.info("%s %s %s", request.method, request.path, response.status)


def serve(config: WebConfig, **run_options: Any) -> None:
    """Serve until Ctrl+C or SIGTERM (OSError when the address cannot be bound)."""
    logging.basicConfig(level="INFO", format="haave serve: %(message)s")
    context = config.ssl_context()
    scheme = "https" if context else "http"
    shown = config.host if ":" not in config.host else f"[{config.host}]"

    def announce(*_args: object) -> None:
        print(
            f"Haave is served on {scheme}://{shown}:{config.port}/  (Ctrl+C stops it)", flush=True
        )
        if not config.loopback and context is None:
            print("Warning: plain HTTP beyond this computer (--insecure-lan).", flush=True)

    web.run_app(
        make_app(config),
        host=config.host,
        port=config.port,
        ssl_context=context,
        print=announce,
        access_log_class=PathOnlyAccessLogger,
        **run_options,
    )
