"""Themes beyond one screen, read aloud by itself, remapped keys, NO_COLOR."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from textual.widgets import Input, Static

from assistant.session import FORMATS, PROFILE_FORMATS, Sessions
from assistant.settings import Settings
from assistant.ui.app import HaaveApp
from assistant.ui.screens.themes import MORE
from assistant.ui.widgets.choice_list import ChoiceList
from tests.ui.helpers import SIZE, current_id, make_app, screen_name, stored, to_conversation


def seven_themes(folder: Path) -> Path:
    themes = []
    for n in range(7):
        themes.append(
            {
                "id": f"t{n}",
                "symbol": "⭐",
                "title": {"fi": f"Aihe {n}", "sv": f"Tema {n}", "en": f"Theme {n}"},
                "steps": [
                    {
                        "id": f"s{n}",
                        "kind": "yes_no",
                        "symbol": "❓",
                        "text": {"fi": "Kyllä?", "sv": "Ja?", "en": "Yes?"},
                    }
                ],
            }
        )
    data = {
        "id": "seven",
        "version": 1,
        "languages": ["fi", "sv", "en"],
        "title": {"fi": "Seitsemän", "sv": "Sju", "en": "Seven"},
        "themes": themes,
    }
    (folder / "seven").mkdir()
    (folder / "seven" / "dialogue.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    return folder / "seven"


async def test_many_themes_page_by_five_choices(tmp_path: Path) -> None:
    app = HaaveApp(data_dir=str(tmp_path / "data"), dialogue=str(seven_themes(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await pilot.press(*"Maija", "f9")
        await pilot.pause()
        assert screen_name(app) == "ThemesScreen"
        items = app.screen.query_one(ChoiceList).items
        assert len(items) <= 5
        assert items[-1].value == MORE
        await pilot.press("5")  # more themes
        await pilot.pause()
        await pilot.press("5")  # and more
        await pilot.pause()
        values = [i.value for i in app.screen.query_one(ChoiceList).items]
        assert "t6" in values
        await pilot.press(str(values.index("t6") + 1))
        await pilot.pause()
        assert current_id(app) == "s6"


async def test_auto_read_speaks_each_new_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path, settings=Settings(auto_read=True, speech_command="true {text}"))
    spoken: list[str] = []
    app.speaker.say = lambda text, lang: spoken.append(text)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot)
        await pilot.press("enter")
        await pilot.pause()
    assert any("Mikä on nimesi?" in text for text in spoken)


async def test_read_aloud_runs_the_command_without_waiting(tmp_path: Path) -> None:
    app = make_app(tmp_path, settings=Settings(speech_command="sleep 3"))  # the text: stdin
    async with app.run_test(size=SIZE) as pilot:
        app.read_aloud("hello")  # returns at once; the program goes on by itself
        assert app.speaker.speaking
        await pilot.pause()
    assert not app.speaker.speaking  # stopped when the app closed


async def test_keys_can_be_remapped(tmp_path: Path) -> None:
    app = make_app(tmp_path, settings=Settings(keymap={"haave.break": "ctrl+p"}))
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert screen_name(app) == "BreakScreen"


async def test_no_color_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await to_conversation(pilot)
        assert app.no_color


async def test_many_sessions_page_by_five_choices(tmp_path: Path) -> None:
    service = Sessions(tmp_path / "data", "example")
    for n in range(8):
        service.create(f"Asiakas {n}", "fi").close()
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        seen: set[str] = set()
        for _ in range(3):
            items = app.screen.query_one(ChoiceList).items
            assert len(items) <= 5
            seen |= {i.words.split(" · ")[0] for i in items[1:-1]}
            await pilot.press("5")  # more sessions
            await pilot.pause()
        assert seen == {f"Asiakas {n}" for n in range(8)}


async def test_help_explains_glossary_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    @dataclass
    class Entry:
        term: str
        explanation: str

    import easyread.glossary
    from assistant.session import viewing

    found = [Entry("nimi", "Sana, jolla sinua kutsutaan.")]
    monkeypatch.setattr(easyread.glossary, "terms_in", lambda text, lang: found)
    viewing.glossary.cache_clear()  # the look-up is kept per text: forget the real one
    app = make_app(tmp_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await to_conversation(pilot)
            await pilot.press("enter", "f1")
            await pilot.pause()
            text = str(app.screen.query_one("#help-text").render())
            assert "Voit kertoa myös lempinimen." in text
            assert "nimi: Sana, jolla sinua kutsutaan." in text
    finally:
        viewing.glossary.cache_clear()  # and this made-up one, for the tests after


async def _to_export(app: Any, pilot: Any) -> None:
    await to_conversation(pilot)
    await pilot.press("enter")
    for key in ("M", "enter", "1", "f7", "f9", "f7", "enter"):
        await pilot.press(key)
        await pilot.pause()
    for _ in range(8):  # "All right" on each theme's read-back
        if screen_name(app) != "ReadbackScreen":
            break
        await pilot.click("#all-right")
        await pilot.pause()
    assert screen_name(app) == "ImportantScreen"  # the client's top three, first
    await pilot.press("1")  # "Maija": the client's own name, as the one thing
    await pilot.click("#ready")
    await pilot.pause()
    assert screen_name(app) == "ExportScreen"


async def save_into(app: Any, pilot: Any, folder: Path) -> None:
    """The last stage: where the copy goes (the box starts with Documents/Haave)."""
    box = app.screen.query_one("#folder", Input)
    box.value = str(folder)
    await pilot.click("#save")
    await pilot.pause()


async def test_export_makes_my_own_easy_copy_where_the_user_chooses(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    shared = tmp_path / "shared" / "Haave"
    async with app.run_test(size=SIZE) as pilot:
        await _to_export(app, pilot)
        session_id = app.session.id  # type: ignore[attr-defined]
        await pilot.press("4")  # nobody yet
        await pilot.pause()
        await pilot.press("1")  # my own easy copy
        await pilot.pause()
        await pilot.press("1")  # a page
        await pilot.pause()
        said = [str(w.render()) for w in app.screen.query(Static)]
        assert any("Haave ei lukitse tätä kopiota" in t for t in said)  # the UI says so
        await save_into(app, pilot, shared)
        assert "✅" in str(app.screen.result)  # type: ignore[attr-defined]
    [copy] = shared.glob("*.html")
    assert copy.name == f"{session_id[:8]}-my-plan-fi.html"
    assert "<html" in copy.read_text(encoding="utf-8")  # shared: not encrypted
    assert shared.stat().st_mode & 0o777 == 0o700 and copy.stat().st_mode & 0o777 == 0o600
    session = stored(tmp_path)
    assert [p.step_id for p in session.important] == ["name"]


async def test_export_asks_who_may_see_the_draft_language_and_format(tmp_path: Path) -> None:
    from assistant.store import open_store

    app = make_app(tmp_path)
    shared = tmp_path / "out"
    async with app.run_test(size=SIZE) as pilot:
        await _to_export(app, pilot)
        session_id = app.session.id  # type: ignore[attr-defined]
        await pilot.press("1")  # the caseworker may see the plan
        await pilot.pause()
        await pilot.press("3")  # the plan for the caseworker
        await pilot.pause()
        await pilot.press("2")  # in Swedish, while the app speaks Finnish
        await pilot.pause()
        await pilot.press(str(FORMATS.index("docx") + 1))  # a Word document
        await pilot.pause()
        await save_into(app, pilot, shared)
        assert "✅" in str(app.screen.result)  # type: ignore[attr-defined]
        await pilot.press("3", "2", str(FORMATS.index("html") + 1))  # and the same as a page
        await pilot.pause()
        await save_into(app, pilot, shared)
        await pilot.press("2", str(PROFILE_FORMATS.index("html") + 1))  # the one-page profile
        await pilot.pause()
        await save_into(app, pilot, shared)
    assert (shared / f"{session_id[:8]}-draft-plan-sv.docx").stat().st_size > 1000
    draft = (shared / f"{session_id[:8]}-draft-plan-sv.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in draft
    assert (shared / f"{session_id[:8]}-one-page-profile-fi.html").exists()
    with open_store(tmp_path / "data").open(session_id) as opened:
        consent = opened.session.extra["plan_consent"]
    assert consent["audience"] == ["caseworker"] and consent["decided_on"]
