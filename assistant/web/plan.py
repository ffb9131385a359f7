"""The end of a conversation: the read-back per theme, consent, and the plan as a download.

The read-back is one theme per page, a short list with "Yes, it is right" for all of it and
"I want to change it" per answer; after the change the client comes back to the same page.
Files are made in memory and sent as downloads: nothing is kept on the server beyond the
session itself, and nothing is sent anywhere else.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from aiohttp import web

from assistant.i18n import translator
from assistant.languages import LANGUAGES, is_known
from assistant.session import Place, formats_for
from assistant.session.words import format_words
from assistant.web.common import form, redirect, render_session, safe_id, session_route, where
from assistant.web.desk import Opened
from assistant.web.picks import after_important, has_important

AUDIENCES = ("caseworker", "supporter")


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_post("/s/{sid}/readback", session_route(open_readback))
    router.add_get("/s/{sid}/readback/{theme}", session_route(readback_page))
    router.add_post("/s/{sid}/readback/{theme}", session_route(readback))
    router.add_get("/s/{sid}/end", session_route(end_page))
    router.add_get("/s/{sid}/consent", session_route(consent_page))
    router.add_post("/s/{sid}/consent", session_route(consent))
    router.add_get("/s/{sid}/export", session_route(export_page))
    router.add_post("/s/{sid}/export", session_route(export))


async def open_readback(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    data = await form(request)
    theme = data.get("theme") or None
    if theme is not None and theme not in {t.id for t in active.readback_themes()}:
        raise web.HTTPBadRequest()
    if active.open_readback(theme) is None:
        _ = translator(active.language)
        opened.flash = _("You checked every answer.")
        return redirect(f"/s/{active.id}/end")
    return redirect(where(opened))


async def readback_page(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    theme = safe_id(request.match_info["theme"])
    if active.place is not Place.READBACK or active.readback_theme != theme:
        return redirect(where(opened))
    view = active.readback(theme)
    items = [
        {
            "step_id": i.step_id,
            "symbol": i.symbol,
            "question": i.question,
            "parts": [{"symbol": s, "words": w} for s, w in i.parts],
            "private": i.private,
            "confirmed": i.confirmed,
        }
        for i in view.items
    ]
    context: dict[str, Any] = {
        "theme": view.theme,
        "items": items,
        "number": view.theme_number,
        "count": view.theme_count,
        "spoken": view.spoken,
        "speech_url": f"/s/{active.id}/speech/readback-{theme}.wav",
    }
    return render_session(request, opened, "readback.html", context)


async def readback(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    theme = safe_id(request.match_info["theme"])
    if active.place is not Place.READBACK or active.readback_theme != theme:
        _ = translator(active.language)
        opened.flash = _("This page is old. Here is the question now.")
        return redirect(where(opened))
    data = await form(request)
    action = data.get("do", "")
    step_id = data.get("step", "")
    in_theme = {i.step_id for i in active.readback(theme).items}
    if action == "all_right":
        if active.confirm_theme(theme) is None:
            active.close_readback()
            # every answer read back: the client's top three, then who can see the plan
            if has_important(active):
                return redirect(f"/s/{active.id}/important")
            return redirect(after_important(active))
    elif action == "change" and step_id in in_theme:
        active.change(step_id)
    elif action in ("private", "shared") and step_id in in_theme:
        active.keep_private(step_id, private=action == "private")
    elif action in ("close", "back"):
        active.close_readback()
        return redirect(f"/s/{active.id}/end")
    else:
        raise web.HTTPBadRequest()
    return redirect(where(opened))


async def end_page(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    context = {
        "finished": active.place is Place.END,
        "can_read_back": bool(active.readback_themes()),
        "can_pick": has_important(active),
        "consented": active.consented,
    }
    return render_session(request, opened, "end.html", context)


async def consent_page(request: web.Request, opened: Opened) -> web.Response:
    return render_session(request, opened, "consent.html", {})


async def consent(request: web.Request, opened: Opened) -> web.Response:
    data = await form(request)
    if data.get("do") == "nobody":
        audience: list[str] = []
    else:
        audience = [a for a in data.getall("audience", []) if a in AUDIENCES]
    opened.active.consent(audience)
    return redirect(f"/s/{opened.active.id}/export")


#: The documents of the plan, by the registry's kind: "My plan", the one-page profile, the
#: caseworker's draft.
KINDS = ("mine", "profile", "draft")


def _formats(lang: str) -> dict[str, Any]:
    return {
        **{
            kind: [{"id": f, "words": format_words(f, lang)} for f in formats_for(kind)]
            for kind in KINDS
        },
        "file_languages": [{"code": lang_.code, "name": lang_.name} for lang_ in LANGUAGES],
    }


async def export_page(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    context = {**_formats(active.language), "consented": active.consented}
    return render_session(request, opened, "export.html", context)


async def export(request: web.Request, opened: Opened) -> web.Response:
    """The file as a download, made in memory (the browser saves it where the user wants)."""
    active = opened.active
    data = await form(request)
    kind = data.get("kind") or ("mine" if data.get("mine") == "1" else "draft")
    fmt = data.get("format", "html")
    lang = data.get("language", active.language)
    if kind not in KINDS or fmt not in formats_for(kind) or not is_known(lang):
        raise web.HTTPBadRequest()
    made = active.make_file(fmt, lang, mine=kind == "mine", kind=kind)
    ascii_name = made.name.encode("ascii", "replace").decode("ascii").replace('"', "")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(made.name)}"
    return web.Response(
        body=made.data,
        content_type=made.mime,
        headers={"Content-Disposition": disposition},
    )
