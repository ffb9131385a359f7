"""The client's top three, and how the client's view is heard today.

The top three comes after the read-back, before "who can see your plan": the client's own
answers as check-box tiles grouped by theme, at most three picked (the page says so; more is
refused and the page comes back with the picks kept). It can be skipped, and opened again
from the end page. The ways the view is heard (speech, pictures, the mat, signs, a device,
an interpreter) are for the helpers: asked on "who is here", and changed on their own page.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from assistant.i18n import translator
from assistant.session import ActiveSession, Problem, SessionError
from assistant.web.common import form, redirect, render_session, session_route
from assistant.web.desk import Opened


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/s/{sid}/important", session_route(important_page))
    router.add_post("/s/{sid}/important", session_route(important))
    router.add_get("/s/{sid}/ways", session_route(ways_page))
    router.add_post("/s/{sid}/ways", session_route(ways))


def after_important(active: ActiveSession) -> str:
    """The page after the top three: who can see the plan, or the files once decided."""
    return f"/s/{active.id}/{'export' if active.consented else 'consent'}"


def has_important(active: ActiveSession) -> bool:
    return bool(active.important_choices().options)


def _important_context(
    opened: Opened, picked: list[str] | None = None, error: str | None = None
) -> dict[str, Any]:
    view = opened.active.important_choices()
    chosen = set(picked) if picked is not None else set(view.picked)
    groups: list[dict[str, Any]] = []
    for number, option in enumerate(view.options, 1):
        if not groups or groups[-1]["title"] != option.theme_title:
            groups.append({"title": option.theme_title, "options": []})
        groups[-1]["options"].append(
            {
                "key": option.key,
                "symbol": option.symbol,
                "words": option.words,
                "picked": option.key in chosen,
                "number": number,
            }
        )
    return {
        "question": view.question,
        "groups": groups,
        "most": view.most,
        "spoken": view.spoken,
        "error": (error, "important-1") if error else None,
    }


async def important_page(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    if not has_important(active):
        return redirect(after_important(active))
    return render_session(request, opened, "important.html", _important_context(opened))


async def important(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    _ = translator(active.language)
    data = await form(request)
    action = data.get("do", "")
    if action == "skip":
        return redirect(after_important(active))
    if action != "ready":
        raise web.HTTPBadRequest()
    keys = list(dict.fromkeys(data.getall("important", [])))
    view = active.important_choices()
    if any(k not in {o.key for o in view.options} for k in keys):
        raise web.HTTPBadRequest()
    if len(keys) > view.most:
        error = _("You can pick three at most. Take one away.")
        context = _important_context(opened, keys, error)
        return render_session(request, opened, "important.html", context, 400)
    try:
        active.pick_important(keys)
    except SessionError as exc:
        if exc.problem is not Problem.NOT_SAVED:
            raise
        context = _important_context(opened, keys, exc.words(active.language))
        return render_session(request, opened, "important.html", context, 503)
    return redirect(after_important(active))


# -- how the client's view is heard (for the helpers) -----------------------------------------


def _back_to(opened: Opened, value: str) -> str:
    base = f"/s/{opened.active.id}/"
    if value.startswith(base) and "//" not in value and "\\" not in value:
        return value
    return base


async def ways_page(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    if not active.meetings:
        return redirect(f"/s/{active.id}/who")
    back = _back_to(opened, request.query.get("back", ""))
    choices = [
        {"value": w.value.value, "symbol": w.symbol, "words": w.words, "chosen": w.chosen}
        for w in active.view_way_choices()
    ]
    return render_session(request, opened, "ways.html", {"ways": choices, "back": back})


async def ways(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    _ = translator(active.language)
    data = await form(request)
    known = {w.value.value for w in active.view_way_choices()}
    chosen = [w for w in data.getall("way", []) if w in known]
    active.set_view_ways(chosen)
    opened.flash = _("Everything is saved.")
    return redirect(_back_to(opened, data.get("back", "")))
