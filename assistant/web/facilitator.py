"""The facilitator bar's actions: who answers, a note, language, contrast, text size, read aloud.

Every one is a small form on every page of a session (touch only, no keys needed) that posts
here and comes back to the page it was sent from.
"""

from __future__ import annotations

from aiohttp import web

from assistant.i18n import translator
from assistant.languages import is_known
from assistant.session import Place, Problem, SessionError
from assistant.web.common import MAX_WORDS, form, redirect, safe_id, session_route, where
from assistant.web.desk import Opened
from assistant.web.words import parse_answering


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_post("/s/{sid}/facilitator", session_route(act))


def _back_to(opened: Opened, value: str) -> str:
    """Back to the page the form was on, when it is a page of this session."""
    base = f"/s/{opened.active.id}/"
    if value.startswith(base) and "//" not in value and "\\" not in value:
        return value
    return where(opened)


async def act(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    data = await form(request)
    action = data.get("do", "")
    back = _back_to(opened, data.get("back", ""))
    prefs = active.preferences
    if action == "answering":
        parsed = parse_answering(data.get("answering", ""), active.others)
        if parsed is None:
            raise web.HTTPBadRequest()
        opened.set_answering(*parsed)
    elif action == "note":
        _ = translator(active.language)
        text = data.get("note", "").replace("\r\n", "\n").strip()
        step = safe_id(data.get("step", "-"))
        shown = active.step() if active.place is Place.STEP else None
        if shown is None or shown.step_id != step:
            opened.flash = _("This page is old. Here is the question now.")
            return redirect(where(opened))
        if not text or len(text) > MAX_WORDS:
            opened.flash = _("Write the note first.")
            return redirect(back)
        try:
            active.note(text, by=active.note_writer())
        except SessionError as exc:
            if exc.problem is not Problem.NOT_SAVED:
                raise
            opened.flash = exc.words(active.language)  # the draft keeps the words
            return redirect(back)
        opened.saved.append(f"note-{step}")
        opened.flash = _("Haave saved the note.")
    elif action == "language":
        lang = data.get("language", "")
        if not is_known(lang):
            raise web.HTTPBadRequest()
        active.set_language(lang)
    elif action == "contrast":
        active.set_preferences(high_contrast=not prefs.high_contrast)
    elif action == "text_size":
        active.set_preferences(large_text=not prefs.large_text)
    elif action == "read_aloud":
        active.set_preferences(read_aloud=not prefs.read_aloud)
    else:
        raise web.HTTPBadRequest()
    return redirect(back)
