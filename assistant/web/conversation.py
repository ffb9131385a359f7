"""The conversation's pages: who is here, the themes, one step per URL, back and break.

A step page's form posts to its own URL; the answer is checked against the step shown now
(a stale page, a forged step id or an unknown choice moves nothing) and the browser is sent
on with a redirect. When saving fails, or the answer does not fit, the same page is shown
again with the typed words still in the box.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from assistant.i18n import translator
from assistant.session import (
    ActiveSession,
    Answer,
    Place,
    Problem,
    SessionError,
    SkipReason,
    StepKind,
    StepView,
    ThemeView,
)
from assistant.web import steps
from assistant.web.common import (
    MAX_WORDS,
    after_move,
    due_mat,
    form,
    redirect,
    render_session,
    safe_id,
    session_route,
    where,
)
from assistant.web.desk import Opened
from assistant.web.words import ROLE_SYMBOLS, ROLES, person_words, role_words

MAX_NAME = 80
MAX_PEOPLE = 12


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/s/{sid}/", session_route(here))
    router.add_get("/s/{sid}/who", session_route(who_page))
    router.add_post("/s/{sid}/who", session_route(who))
    router.add_get("/s/{sid}/themes", session_route(themes_page))
    router.add_post("/s/{sid}/themes", session_route(themes))
    router.add_get("/s/{sid}/step/{step}", session_route(step_page))
    router.add_post("/s/{sid}/step/{step}", session_route(step))
    router.add_post("/s/{sid}/break", session_route(take_break))


async def here(request: web.Request, opened: Opened) -> web.Response:
    return redirect(where(opened))


# -- who is here today -----------------------------------------------------------------------


def _who_context(opened: Opened, error: str | None = None, name: str = "") -> dict[str, Any]:
    active = opened.active
    lang = active.language
    pending = opened.people or []
    previous = active.others if active.meetings else []
    chosen = set(opened.ways or [])
    return {
        # how the client's view is heard: for the helpers, fresh for each meeting
        "ways": [
            {
                "value": w.value.value,
                "symbol": w.symbol,
                "words": w.words,
                "chosen": w.value.value in chosen,
            }
            for w in active.view_way_choices()
        ],
        "client": active.alias,
        "people": [
            {"name": n, "role": role_words(r, lang), "symbol": ROLE_SYMBOLS[r]} for n, r in pending
        ],
        "previous": ", ".join(person_words(p, lang) for p in previous),
        "roles": [
            {"value": r.value, "words": role_words(r, lang), "symbol": ROLE_SYMBOLS[r]}
            for r in ROLES
        ],
        "error": error,
        "name": name,
        "full": len(pending) >= MAX_PEOPLE,
    }


async def who_page(request: web.Request, opened: Opened) -> web.Response:
    return render_session(request, opened, "who.html", _who_context(opened))


async def who(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    _ = translator(active.language)
    data = await form(request)
    action = data.get("do", "")
    pending = opened.people if opened.people is not None else []
    known_ways = {w.value.value for w in active.view_way_choices()}
    opened.ways = [w for w in data.getall("way", []) if w in known_ways]
    if action == "add":
        name = " ".join(data.get("name", "").split())[:MAX_NAME]
        role = next((r for r in ROLES if r.value == data.get("role")), None)
        if not name or role is None:
            error = (
                _("First write the person's name.") if not name else _("Choose the person's role.")
            )
            return render_session(
                request, opened, "who.html", _who_context(opened, error, name), 400
            )
        if len(pending) < MAX_PEOPLE:
            pending.append((name, role))
        opened.people = pending
        return redirect(f"/s/{active.id}/who")
    if action.startswith("remove:"):
        index = action.removeprefix("remove:")
        if index.isdigit() and int(index) < len(pending):
            pending.pop(int(index))
        opened.people = pending
        return redirect(f"/s/{active.id}/who")
    if action in ("same", "go_on"):
        first = active.meetings == 0
        if action == "same":
            pending = [(p.name, p.role) for p in active.others]
        typed = " ".join(data.get("name", "").split())[:MAX_NAME]
        role = next((r for r in ROLES if r.value == data.get("role")), None)
        if typed and role is not None and len(pending) < MAX_PEOPLE:
            pending.append((typed, role))  # written but not added yet: not lost
        active.start_meeting(pending)
        if opened.ways:
            active.set_view_ways(opened.ways)
        opened.people = opened.ways = None
        opened.set_answering(opened.answering_by, None)
        # a new session goes straight into its opening; without one, to the theme picker
        to_themes = first and not active.in_opening
        return redirect(f"/s/{active.id}/themes" if to_themes else where(opened))
    raise web.HTTPBadRequest()


# -- themes ------------------------------------------------------------------------------------


def _pickable(active: ActiveSession) -> list[ThemeView]:
    """The themes a client can pick: never the opening or the closing ('fixed')."""
    return [t for t in active.themes() if t.fixed is None]


def _in_opening(active: ActiveSession) -> bool:
    return active.place is Place.STEP and active.in_opening


async def themes_page(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    if _in_opening(active):
        return redirect(where(opened))  # the rights screens come before any pick
    rows = [
        {
            "id": t.id,
            "symbol": t.symbol,
            "title": t.title,
            "state": t.state_words,
            "answers": t.answers,
        }
        for t in _pickable(active)
    ]
    context = {"themes": rows, "can_read_back": bool(active.readback_themes())}
    return render_session(request, opened, "themes.html", context)


async def themes(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    data = await form(request)
    action = data.get("do", "")
    theme_id = data.get("theme", "")
    known = {t.id for t in active.themes()}
    if _in_opening(active) and action != "readback":
        return _old_page(opened)
    if action == "jump" and theme_id in {t.id for t in _pickable(active)}:
        active.jump(theme_id)
    elif action == "readback":
        if active.open_readback(theme_id if theme_id in known else None) is None:
            return redirect(f"/s/{active.id}/end")
    elif action != "order":
        raise web.HTTPBadRequest()
    else:
        active.close_readback()
    return redirect(where(opened))


# -- one step ----------------------------------------------------------------------------------


def _current(active: ActiveSession, opened: Opened, step_id: str) -> StepView | None:
    """The step shown now, when it is `step_id` (else None: the page is old)."""
    if active.place is not Place.STEP:
        return None
    view = active.step(opened.answering())
    if view is None or view.step_id != step_id or due_mat(active, step_id) is not None:
        return None  # another step, or a topic mat shown over the conversation
    return view


def _old_page(opened: Opened) -> web.Response:
    _ = translator(opened.active.language)
    opened.flash = _("This page is old. Here is the question now.")
    return redirect(where(opened))


async def step_page(request: web.Request, opened: Opened) -> web.Response:
    step_id = safe_id(request.match_info["step"])
    view = _current(opened.active, opened, step_id)
    if view is None:
        return redirect(where(opened))  # Back or an old bookmark: the question now
    return render_session(request, opened, "step.html", steps.context(opened, view))


async def step(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    _ = translator(active.language)
    step_id = safe_id(request.match_info["step"])
    view = _current(active, opened, step_id)
    if view is None:
        return _old_page(opened)
    data = await form(request)
    action = data.get("do", "")
    words = data.get("words", "").replace("\r\n", "\n").strip()
    picked = data.getall("choice", [])

    def again(error: str, status: int, field: str = "words") -> web.Response:
        context = steps.context(opened, view, typed=words, picked=picked, error=(error, field))
        return render_session(request, opened, "step.html", context, status)

    if len(words) > MAX_WORDS:
        return again(_("This is too much at once. Write a shorter text."), 413)
    if action == "back":
        opening = active.in_opening
        if active.back():
            return redirect(where(opened))
        return redirect(f"/s/{active.id}/{'who' if opening else 'themes'}")
    from_opening = active.in_opening
    if action == "show_choices" and view.own_words_first:
        # nothing is saved: the same question with its choices, the typed words kept
        opened.choices_shown = step_id
        context = steps.context(opened, view, typed=words)
        return render_session(request, opened, "step.html", context)
    try:
        if action == "go_on" and view.kind is StepKind.SAY:
            active.go_on()
        elif data.get("skip") and view.asks:
            reason = data.get("skip", "")
            if reason not in {r.value for r in SkipReason}:
                return again(_("This did not work. Go back and try again."), 400, "choices")
            active.skip(SkipReason(reason), opened.answering())
            opened.saved.append(step_id)
        elif view.asks:
            answer, problem = steps.answer_of(view, action, picked, words, active.language)
            if answer is None:
                field = (
                    "choices"
                    if action != "own_words"
                    and (not view.takes_words or view.kind is StepKind.MULTI_CHOICE)
                    else "words"
                )
                return again(problem, 400, field)
            active.answer(answer, opened.answering())
            opened.saved.append(step_id)
            if opened.answering().is_view:
                opened.flash = _("Saved as the supporter's own view.")
        else:
            raise web.HTTPBadRequest()
    except SessionError as exc:
        if exc.problem in (Problem.NOT_SAVED, Problem.ANSWER_UNFIT):
            status = 503 if exc.problem is Problem.NOT_SAVED else 400
            return again(exc.words(active.language), status)
        raise
    opened.choices_shown = None
    return redirect(after_move(opened, from_opening))


async def take_break(request: web.Request, opened: Opened) -> web.Response:
    """Break: everything is saved already; the session is let go, for any device to open."""
    active = opened.active
    lang, session_id = active.language, active.id
    from assistant.web.common import haave

    haave(request).desk.close(session_id)
    return redirect(f"/{lang}/break/{session_id}")


__all__ = ["Answer", "add_routes"]
