"""The topic mat (Talking Mats): the like / not sure / don't like cards of a theme, seen
together, moved by touch, and confirmed.

A mat is shown over the conversation when the session service says one is due
(`ActiveSession.mat_due`): after its last question, before the next one. Every card is one
small form with a button per place (the three faces and "I don't want to talk about this"):
no dragging, every target at least 44 px. A move is saved at once (it is the answer to the
card's question) and the same page comes back with the moved card focused and its new place
announced. "Yes, it is right" confirms the mat and the conversation goes on. Back goes to the
mat's last question (the mat comes again after it).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from assistant.i18n import translator
from assistant.session import AnsweredBy, Answering
from assistant.session.mat import MatCard, MatView
from assistant.session.words import answering_words
from assistant.web.common import (
    form,
    redirect,
    render_session,
    safe_id,
    session_route,
    where,
)
from assistant.web.desk import Opened

ASIDE = "aside"


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/s/{sid}/mat/{mat}", session_route(mat_page))
    router.add_post("/s/{sid}/mat/{mat}", session_route(move))


def _due(opened: Opened, mat_id: str) -> MatView | None:
    """The mat, when it is the one shown now (else None: the page is old)."""
    return opened.active.mat(mat_id) if where(opened).endswith(f"/mat/{mat_id}") else None


def places(view: MatView) -> dict[str, str]:
    """Where each card is now: a face ('like', 'unsure', 'dislike'), 'aside' or ''."""
    out = {c.step_id: "" for c in view.unplaced}
    out.update({c.step_id: ASIDE for c in view.set_aside})
    for column in view.columns:
        out.update({c.step_id: column.value for c in column.cards})
    return out


def _answering(opened: Opened) -> Answering:
    """The mat is the client's: alone, or with help. A helper's own view is not a move."""
    answering = opened.answering()
    return answering if answering.by is AnsweredBy.CLIENT_WITH_SUPPORT else Answering()


def _card(card: MatCard, place: str) -> dict[str, Any]:
    return {"step_id": card.step_id, "symbol": card.symbol, "words": card.words, "place": place}


def context(opened: Opened, view: MatView) -> dict[str, Any]:
    active = opened.active
    moved, opened.moved = opened.moved, None
    answering = _answering(opened)
    return {
        "view": view,
        "columns": [
            {
                "value": c.value,
                "symbol": c.symbol,
                "words": c.words,
                "cards": [_card(card, c.value) for card in c.cards],
            }
            for c in view.columns
        ],
        "moves": [(c.value, c.symbol, c.words) for c in view.columns]
        + [(ASIDE, view.set_aside_symbol, view.set_aside_words)],
        "set_aside": [_card(card, ASIDE) for card in view.set_aside],
        "unplaced": [_card(card, "") for card in view.unplaced],
        "focus": f"card-{moved[0]}" if moved else "question",
        "announce": f"{moved[1]}." if moved else view.title,
        "with_help": answering_words(
            answering.by, active.alias, answering.person.name, active.language
        )
        if answering.person is not None
        else "",
        "spoken": view.spoken,
        "speech_url": f"/s/{active.id}/speech/mat-{view.mat_id}.wav",
    }


async def mat_page(request: web.Request, opened: Opened) -> web.Response:
    view = _due(opened, safe_id(request.match_info["mat"]))
    if view is None:
        return redirect(where(opened))
    return render_session(request, opened, "mat.html", context(opened, view))


async def move(request: web.Request, opened: Opened) -> web.Response:
    active = opened.active
    _ = translator(active.language)
    mat_id = safe_id(request.match_info["mat"])
    view = _due(opened, mat_id)
    if view is None:
        opened.flash = _("This page is old. Here is the question now.")
        return redirect(where(opened))
    data = await form(request)
    action = data.get("do", "")
    here = f"/s/{active.id}/mat/{mat_id}"
    if action == "confirm":
        active.mat_confirm(mat_id)
        return redirect(where(opened))
    if action == "back":
        active.back()
        return redirect(where(opened))
    step_id = data.get("step", "")
    now = places(view)
    words = dict(
        [(c.value, c.words) for c in view.columns] + [(ASIDE, view.set_aside_words)]
    )
    if step_id not in now or action not in words:
        raise web.HTTPBadRequest()
    if now[step_id] != action:  # the same place again moves nothing
        if action == ASIDE:
            active.mat_set_aside(step_id, _answering(opened))
        else:
            active.mat_place(step_id, action, _answering(opened))
    card = next(c for c in [*view.set_aside, *view.unplaced, *_cards(view)] if c.step_id == step_id)
    opened.moved = (step_id, f"{card.words}: {words[action]}")
    return redirect(here)


def _cards(view: MatView) -> list[MatCard]:
    return [card for column in view.columns for card in column.cards]
