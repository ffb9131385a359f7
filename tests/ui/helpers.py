"""Walking the app with the Pilot: small steps the tests share."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.message import Message
from textual.pilot import Pilot

from assistant.store import Session, open_store
from assistant.ui.app import HaaveApp
from assistant.ui.screens.conversation import AnswerGiven, ConversationScreen

SIZE = (80, 24)
LANG_KEYS = {"fi": "1", "sv": "2", "en": "3"}


def make_app(tmp_path: Path, **kwargs: Any) -> HaaveApp:
    return HaaveApp(data_dir=str(tmp_path / "data"), dialogue="example", **kwargs)


def screen_name(app: HaaveApp) -> str:
    return type(app.screen).__name__


async def type_text(pilot: Pilot[Any], text: str) -> None:
    for char in text:
        await pilot.press(char if char != " " else "space")


async def to_conversation(
    pilot: Pilot[Any], lang: str = "fi", client: str = "Maija", helper: str | None = "Anna"
) -> None:
    """Language -> new session -> who is here -> themes (in order) -> conversation."""
    app = pilot.app
    await pilot.pause()
    await pilot.press(LANG_KEYS[lang])
    await pilot.pause()
    assert screen_name(app) == "SessionsScreen"  # type: ignore[arg-type]
    await pilot.press("1")
    await pilot.pause()
    assert screen_name(app) == "WhoScreen"  # type: ignore[arg-type]
    await type_text(pilot, client)
    await pilot.press("enter")
    if helper:
        await type_text(pilot, helper)
        await pilot.press("enter")
        await pilot.press("enter")  # the first role: supporter
    await pilot.press("f9")
    await pilot.pause()
    assert screen_name(app) == "ThemesScreen"  # type: ignore[arg-type]
    await pilot.press("1")
    await pilot.pause()
    assert isinstance(app.screen, ConversationScreen)


async def to_mood(pilot: Pilot[Any], lang: str = "fi") -> None:
    """On to the example's like / not sure / don't like question, past the welcome and
    the name (answered "Maija")."""
    await to_conversation(pilot, lang=lang)
    await pilot.press("enter")
    await type_text(pilot, "Maija")
    await pilot.press("enter")
    await pilot.pause()
    assert current_id(pilot.app) == "mood"  # type: ignore[arg-type]


def current_id(app: HaaveApp) -> str | None:
    """The step the service shows now."""
    assert app.session is not None
    view = app.session.step()
    return view.step_id if view else None


def names(messages: list[Message]) -> list[str]:
    return [type(m).__name__ for m in messages]


def given(messages: list[Message]) -> list[AnswerGiven]:
    """Each answer once (the hook sees a message at every node it bubbles through)."""
    return list({id(m): m for m in messages if isinstance(m, AnswerGiven)}.values())


def stored(tmp_path: Path) -> Session:
    """The one session the app saved, read from the data folder after the app closed."""
    store = open_store(tmp_path / "data")
    [summary] = store.list()
    with store.open(summary.id) as opened:
        return opened.session
