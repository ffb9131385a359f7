"""What every page handler shares: the server's state, the seat, forms, redirects, problems.

Handlers return responses (never raise redirects), so that the guard can still add the seat
cookie to a response. A `SessionError` raised anywhere becomes a page in plain words.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from multidict import MultiDict, MultiDictProxy

from assistant.languages import is_known, known_or_default
from assistant.session import ActiveSession, Place, Problem, Sessions
from assistant.web.access import SEAT_KEY, Access
from assistant.web.config import WebConfig
from assistant.web.desk import Desk, Opened
from assistant.web.render import Pages

#: Session ids and step / theme ids in URLs: plain names only (anything else is a 404).
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,79}")
#: Own words longer than this are refused with a page that keeps them in the text box.
MAX_WORDS = 4000

PROBLEM_STATUS: dict[Problem, int] = {
    Problem.BUSY: 409,
    Problem.NOT_FOUND: 404,
    Problem.NEWER: 409,
    Problem.DAMAGED: 409,
    Problem.DIALOGUE_MISSING: 409,
    Problem.NOT_SAVED: 503,
    Problem.ANSWER_UNFIT: 400,
    Problem.NOT_NOW: 409,
    Problem.EXPORT_FAILED: 500,
}


@dataclass
class Haave:
    """The state of one server: everything a handler reaches."""

    config: WebConfig
    sessions: Sessions
    desk: Desk
    access: Access
    pages: Pages
    speech: Any  # assistant.web.speech.Speech (typed there; avoids an import cycle)


HAAVE = web.AppKey("haave", Haave)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
SessionHandler = Callable[[web.Request, Opened], Awaitable[web.StreamResponse]]


def haave(request: web.Request) -> Haave:
    return request.app[HAAVE]


def seat(request: web.Request) -> str:
    found = request.get(SEAT_KEY)
    if not found:
        raise web.HTTPForbidden()
    return str(found)


async def form(request: web.Request) -> MultiDictProxy[str]:
    """The posted form, text fields only (bounded by the app's `client_max_size`)."""
    data = await request.post()
    return MultiDictProxy(MultiDict((k, v) for k, v in data.items() if isinstance(v, str)))


def redirect(url: str) -> web.Response:
    """303 See Other: after a POST the browser GETs the page (Back and reload stay safe)."""
    return web.Response(status=303, headers={"Location": url})


def lang_of(request: web.Request) -> str:
    """The page language from the URL (`/sv/...`), else Finnish."""
    value = request.match_info.get("lang", "")
    return value if is_known(value) else known_or_default(None)


def safe_id(value: str) -> str:
    if not SAFE_ID.fullmatch(value):
        raise web.HTTPNotFound()
    return value


def where(opened: Opened) -> str:
    """The URL of where the conversation is now: a read-back, a topic mat that is due, the
    step, or the end."""
    active = opened.active
    base = f"/s/{active.id}"
    place = active.place
    if place is Place.READBACK and active.readback_theme:
        return f"{base}/readback/{active.readback_theme}"
    step = active.step() if place is Place.STEP else None
    mat_id = due_mat(active, step.step_id if step is not None else None)
    if mat_id is not None:
        return f"{base}/mat/{mat_id}"
    if step is None:
        return f"{base}/end"
    return f"{base}/step/{step.step_id}"


def due_mat(active: ActiveSession, step_id: str | None) -> str | None:
    """The topic mat to show over the conversation now, or None. Not while the client is at
    one of its own questions again (Back from the mat goes to its last question)."""
    mat_id = active.mat_due
    if mat_id is None or step_id is None:
        return mat_id
    view = active.mat(mat_id)
    cards = [*view.set_aside, *view.unplaced, *(c for col in view.columns for c in col.cards)]
    return None if any(c.step_id == step_id for c in cards) else mat_id


def after_move(opened: Opened, from_opening: bool) -> str:
    """Where the client goes after answering: a topic mat that is due, the theme picker
    when this answer ended the opening (`from_opening`: it was given in the opening), else
    where the conversation is. (The service's flag stays up until the next move: a helper's
    own view given after it must not show the picker again.)"""
    active = opened.active
    due = from_opening and active.theme_choice_due
    if due and active.place is Place.STEP and active.mat_due is None:
        return f"/s/{active.id}/themes"
    return where(opened)


def session_route(handler: SessionHandler) -> Handler:
    """A page of one session: the seat must hold it (it is opened for the seat when nobody
    holds it). Another seat's session gives the "open somewhere else" page."""

    async def route(request: web.Request) -> web.StreamResponse:
        session_id = safe_id(request.match_info["sid"])
        opened = haave(request).desk.held(session_id, seat(request))
        return await handler(request, opened)

    route.__name__ = handler.__name__
    route.__doc__ = handler.__doc__
    return route


def look(opened: Opened) -> dict[str, Any]:
    """The context every page of a session shares."""
    active = opened.active
    prefs = active.preferences
    return {
        "sid": active.id,
        "high_contrast": prefs.high_contrast,
        "large_text": prefs.large_text,
        "read_aloud": prefs.read_aloud,
    }


def take_flash(opened: Opened) -> str | None:
    message, opened.flash = opened.flash, None
    return message


def render_session(
    request: web.Request, opened: Opened, name: str, context: dict[str, Any], status: int = 200
) -> web.Response:
    from assistant.web import steps  # the bar's words; steps imports this module

    state = haave(request)
    if "bar" not in context:
        context = {**context, "bar": steps.bar(opened)}
    if "drafts_done" not in context:
        done, opened.saved = opened.saved, []
        context = {**context, "drafts_done": " ".join(done)}
    full = {
        **look(opened),
        "csrf": state.access.csrf(seat(request)),
        "flash": take_flash(opened),
        **context,
    }
    return state.pages.render(name, opened.active.language, full, status)
