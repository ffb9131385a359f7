"""The pages before a conversation: language, sessions, a new session, delete, break, about,
and the facilitator's sign-in (only when the server listens beyond this computer).

Their URLs carry the language (`/sv/`), since no session is open yet to say it.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import quote

from aiohttp import web

from assistant.i18n import format_date, translator
from assistant.languages import LANGUAGES, is_known
from assistant.session import SessionError, SessionSummary
from assistant.symbols import ATTRIBUTION, LICENSE_URL
from assistant.web.access import SEAT_KEY
from assistant.web.common import form, haave, lang_of, redirect, safe_id, seat

MAX_ALIAS = 80
#: The test-only dialogue is offered only when the server was started with it.
HIDDEN_DIALOGUES = frozenset({"example"})


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/", choose_language)
    router.add_get("/about", about)
    router.add_get("/sign-in", sign_in_page)
    router.add_post("/sign-in", sign_in)
    router.add_post("/sign-out", sign_out)
    router.add_get("/{lang:[a-z]{2}}/", session_list)
    router.add_post("/{lang:[a-z]{2}}/sessions/{sid}", session_action)
    router.add_get("/{lang:[a-z]{2}}/delete/{sid}", delete_page)
    router.add_post("/{lang:[a-z]{2}}/delete/{sid}", delete)
    router.add_get("/{lang:[a-z]{2}}/new", new_page)
    router.add_post("/{lang:[a-z]{2}}/new", new)
    router.add_get("/{lang:[a-z]{2}}/break/{sid}", break_page)


def _lang(request: web.Request) -> str:
    value = request.match_info.get("lang") or request.query.get("lang", "")
    if request.match_info.get("lang") and not is_known(value):
        raise web.HTTPNotFound()
    return value if is_known(value) else lang_of(request)


def _render(
    request: web.Request, name: str, context: dict[str, Any], status: int = 200
) -> web.Response:
    state = haave(request)
    found = request.get(SEAT_KEY) or ""
    csrf = state.access.csrf(found) if found else ""
    lang = context.pop("lang", None) or _lang(request)
    return state.pages.render(name, lang, {"csrf": csrf, **context}, status)


async def choose_language(request: web.Request) -> web.Response:
    return _render(request, "language.html", {"lang": "fi"})


async def about(request: web.Request) -> web.Response:
    return _render(request, "about.html", {"attribution": ATTRIBUTION, "license_url": LICENSE_URL})


# -- sessions -----------------------------------------------------------------------------------


def _summary_row(
    item: SessionSummary, lang: str, titles: dict[str, dict[str, str]]
) -> dict[str, Any]:
    _ = translator(lang)
    title = titles.get(item.dialogue_id, {})
    return {
        "id": item.id,
        "alias": item.alias,
        "dialogue": title.get(lang) or next(iter(title.values()), item.dialogue_id),
        "when": format_date(item.last_meeting, lang) if item.last_meeting else _("not met yet"),
        "progress": _("{done} of {count} themes done").format(
            done=item.themes_done, count=item.theme_count
        ),
        "problem": item.problem,
    }


async def session_list(request: web.Request) -> web.Response:
    state = haave(request)
    lang = _lang(request)
    archived = request.query.get("archived") == "1"
    titles = {c.id: c.title for c in state.sessions.dialogues.choices()}
    mine = seat(request)
    rows = []
    for item in state.sessions.summaries(archived=archived):
        row = _summary_row(item, lang, titles)
        holder = state.desk.holder(item.id)
        row["elsewhere"] = holder is not None and holder != mine
        rows.append(row)
    return _render(request, "sessions.html", {"rows": rows, "archived": archived})


async def session_action(request: web.Request) -> web.Response:
    """Continue, archive or bring back a session (from the list)."""
    state = haave(request)
    lang = _lang(request)
    session_id = safe_id(request.match_info["sid"])
    action = (await form(request)).get("do", "")
    if action == "open":
        opened = state.desk.held(session_id, seat(request))
        opened.people = None
        return redirect(f"/s/{session_id}/who")
    if action in ("archive", "restore"):
        _ensure_free(request, session_id)
        state.sessions.archive(session_id, archived=action == "archive")
        return redirect(f"/{lang}/" + ("?archived=1" if action == "restore" else ""))
    raise web.HTTPBadRequest()


def _ensure_free(request: web.Request, session_id: str) -> None:
    """Archive and delete work on a session nobody else has open; this seat lets go of it."""
    desk = haave(request).desk
    holder = desk.holder(session_id)
    if holder is not None:
        if holder != seat(request):
            from assistant.session import Problem

            raise SessionError(Problem.BUSY, "held by another browser")
        desk.close(session_id)


async def delete_page(request: web.Request) -> web.Response:
    state = haave(request)
    lang = _lang(request)
    session_id = safe_id(request.match_info["sid"])
    found = [s for s in state.sessions.summaries() + state.sessions.summaries(True)]
    item = next((s for s in found if s.id == session_id), None)
    if item is None:
        raise web.HTTPNotFound()
    return _render(request, "delete.html", {"lang": lang, "sid": session_id, "alias": item.alias})


async def delete(request: web.Request) -> web.Response:
    state = haave(request)
    lang = _lang(request)
    session_id = safe_id(request.match_info["sid"])
    _ensure_free(request, session_id)
    state.sessions.delete(session_id)
    return redirect(f"/{lang}/")


# -- a new session --------------------------------------------------------------------------


def _dialogue_choices(request: web.Request, lang: str) -> list[dict[str, str]]:
    state = haave(request)
    default = state.sessions.dialogue.id
    out = []
    for choice in state.sessions.dialogues.choices():
        if choice.id in HIDDEN_DIALOGUES and choice.id != default:
            continue
        title = choice.title.get(lang) or next(iter(choice.title.values()), choice.id)
        out.append({"id": choice.id, "symbol": choice.symbol, "title": title})
    out.sort(key=lambda c: c["id"] != default)  # the server's default first, and checked
    return out


async def new_page(request: web.Request) -> web.Response:
    lang = _lang(request)
    choices = _dialogue_choices(request, lang)
    return _render(
        request,
        "new.html",
        {
            "choices": choices,
            "alias": "",
            "chosen": choices[0]["id"] if choices else "",
            "error": None,
        },
    )


async def new(request: web.Request) -> web.Response:
    state = haave(request)
    lang = _lang(request)
    data = await form(request)
    alias = " ".join(data.get("alias", "").split())[:MAX_ALIAS]
    choices = _dialogue_choices(request, lang)
    chosen = data.get("dialogue", "")
    if chosen not in {c["id"] for c in choices}:
        chosen = choices[0]["id"] if choices else ""
    if not alias:
        _ = translator(lang)
        context = {
            "choices": choices,
            "alias": alias,
            "chosen": chosen,
            "error": _("Write your name or a nickname first."),
        }
        return _render(request, "new.html", context, status=400)
    opened = state.desk.create(alias, lang, chosen or None, seat(request))
    return redirect(f"/s/{opened.active.id}/who")


async def break_page(request: web.Request) -> web.Response:
    session_id = safe_id(request.match_info["sid"])
    return _render(request, "break.html", {"sid": session_id})


# -- the facilitator's sign-in (beyond loopback) ---------------------------------------------


def sign_in_url(request: web.Request) -> str:
    return "/sign-in?next=" + quote(request.path_qs, safe="")


def _next(value: str) -> str:
    """Only a path on this server (never `//host` or a scheme)."""
    if value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


async def sign_in_page(request: web.Request) -> web.Response:
    lang = request.query.get("lang", "")
    lang = lang if is_known(lang) else "fi"
    return _render(
        request,
        "sign_in.html",
        {"lang": lang, "next": _next(request.query.get("next", "/")), "error": None},
    )


async def sign_in(request: web.Request) -> web.StreamResponse:
    state = haave(request)
    access = state.access
    data = await form(request)
    lang = data.get("lang", "")
    lang = lang if is_known(lang) else "fi"
    _ = translator(lang)
    address = request.remote or "?"
    target = _next(data.get("next", "/"))
    if access.attempts.blocked(address):
        context = {"lang": lang, "next": target, "error": _("Too many tries. Wait a few minutes.")}
        return _render(request, "sign_in.html", context, status=429)
    if not access.needs_sign_in:
        return redirect(target)
    if not access.passcode_ok(data.get("passcode", "")):
        access.attempts.failed(address)
        await asyncio.sleep(0.3)  # slows a guesser; the page still answers at once to a person
        context = {"lang": lang, "next": target, "error": _("The passcode is not right.")}
        return _render(request, "sign_in.html", context, status=403)
    _seat, cookie = access.new_seat()
    response = redirect(target)
    access.set_seat_cookie(response, request, cookie)
    return response


async def sign_out(request: web.Request) -> web.Response:
    state = haave(request)
    state.desk.release_seat(seat(request))
    response = redirect("/sign-in" if state.access.needs_sign_in else "/")
    state.access.clear_seat_cookie(response)
    return response


__all__ = ["LANGUAGES", "add_routes", "sign_in_url"]
