"""The opening before the theme picker, the topic mat after its group, the client's top
three at the end, and how the view was heard today: all by keys and by touch."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from assistant.ui.app import HaaveApp
from tests.ui.helpers import SIZE, current_id, screen_name, stored, type_text

DIALOGUE = """id: tiny
version: 1
languages: [fi]
title: {fi: Pieni}
themes:
  - id: opening
    symbol: "👋"
    title: {fi: Aluksi}
    fixed: first
    steps:
      - {id: hello, kind: say, symbol: "👋", text: {fi: "Hei! Tämä on sinun suunnitelmasi."}}
  - id: likes
    symbol: "😊"
    title: {fi: Mistä pidät}
    steps:
      - {id: music, kind: scale3, symbol: "🎵", mat: likes, label: {fi: Musiikki},
         text: {fi: "Mitä mieltä olet musiikista?"},
         intro: {fi: "Nyt puhumme siitä, mistä pidät."}}
      - {id: sport, kind: scale3, symbol: "⚽", mat: likes, label: {fi: Liikunta},
         text: {fi: "Mitä mieltä olet liikunnasta?"}}
  - id: dreams
    symbol: "🌈"
    title: {fi: Unelmat}
    steps:
      - {id: dream, kind: text, symbol: "🌈", text: {fi: "Mistä unelmoit?"}}
  - id: closing
    symbol: "🙏"
    title: {fi: Lopuksi}
    fixed: last
    steps:
      - {id: thanks, kind: say, symbol: "🙏", text: {fi: "Kiitos!"}}
"""


def tiny(tmp_path: Path) -> HaaveApp:
    folder = tmp_path / "dialogues" / "tiny"
    folder.mkdir(parents=True)
    (folder / "dialogue.yaml").write_text(DIALOGUE, encoding="utf-8")
    return HaaveApp(data_dir=str(tmp_path / "data"), dialogue=str(folder))


async def test_opening_mat_top_three_and_ways(tmp_path: Path) -> None:
    app = tiny(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")  # suomi
        await pilot.pause()
        await pilot.press("1")  # a new session
        await pilot.pause()
        await type_text(pilot, "Maija")
        await pilot.press("f9")
        await pilot.pause()
        # the opening first, not the theme picker
        assert screen_name(app) == "ConversationScreen" and current_id(app) == "hello"
        await pilot.click("#go-on")
        await pilot.pause()
        assert screen_name(app) == "ThemesScreen"  # after the opening: the client picks
        items = [i.value for i in app.screen.query_one("#themes").items]  # type: ignore[attr-defined]
        assert "opening" not in items and "closing" not in items
        await pilot.press("1")  # in order
        await pilot.pause()
        assert current_id(app) == "music"
        intro = str(app.screen.query_one("#intro", Static).render())
        assert "Nyt puhumme siitä, mistä pidät." in intro  # a line above the question
        await pilot.click("#tools")
        await pilot.pause()
        await pilot.press("7")  # how we talk today
        await pilot.pause()
        assert screen_name(app) == "ManyScreen"
        await pilot.press("1", "3")  # speech, the mat
        await pilot.click("#ready")
        await pilot.pause()
        await pilot.press("1")  # music: like
        await pilot.pause()
        await pilot.press("3")  # sport: don't like
        await pilot.pause()
        assert screen_name(app) == "MatScreen"  # the whole mat in view
        picture = app.export_screenshot()  # the mat as drawn on the terminal
        assert "Musiikki" in picture and "Liikunta" in picture
        await pilot.press("2")  # the second card: sport
        await pilot.pause()
        assert screen_name(app) == "PickScreen"
        await pilot.press("2")  # move it under "not sure"
        await pilot.pause()
        await pilot.click("#mat-right")
        await pilot.pause()
        assert current_id(app) == "dream"
        await type_text(pilot, "Matka Lappiin")
        await pilot.click("#ready")
        await pilot.pause()
        await pilot.click("#go-on")  # the closing comes last by itself
        await pilot.pause()
        for _ in range(6):
            if screen_name(app) != "ReadbackScreen":
                break
            await pilot.click("#all-right")
            await pilot.pause()
        assert screen_name(app) == "ImportantScreen"
        await pilot.press("1")
        await pilot.click("#ready")
        await pilot.pause()
        assert screen_name(app) == "ExportScreen"
    session = stored(tmp_path)
    sport = session.steps["sport"].current
    assert sport is not None and sport.answer.choices == ("unsure",)
    assert "likes" in session.mats
    assert [w.value for w in session.meetings[-1].ways] == ["speech", "talking_mat"]
    assert len(session.important) == 1
