"""Pages without JavaScript: the opening before the theme picker, the intro line above a
question, "own words first", a recorded question, and how the view is heard ("who is here")."""

from __future__ import annotations

import re
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from assistant.session import Sessions
from assistant.session.dialogues import Dialogues
from assistant.web.app import make_app
from tests.web.conftest import Browser, new_session, web_config
from tests.web.test_pages import assert_finnish, text_of


def heading(html: str) -> str:
    found = re.search(r"<h1\b.*?</h1>", html, re.S)
    assert found, "no heading"
    return " ".join(text_of(found.group(0)).split())


async def through_opening(browser: Browser, base: str, url: str) -> str:
    """Answer the opening's screens; returns where the client is sent after them."""
    for _ in range(10):
        if not url.startswith(f"{base}/step/"):
            return url
        if 'value="go_on"' in browser.html:
            url = await browser.follow(url, do="go_on")
        else:
            url = await browser.follow(url, choice="read")
    raise AssertionError("the opening did not end")


async def test_who_is_here_leads_into_the_opening_then_the_theme_picker(browser: Browser) -> None:
    session_id = await new_session(browser)
    base = f"/s/{session_id}"
    url = await browser.follow(f"{base}/who", do="go_on")
    assert url == f"{base}/step/opening-hello"  # no theme picker before the rights screens
    # the picker cannot skip them: not offered, not reachable, a jump is refused
    assert f'href="{base}/themes"' not in browser.html
    await browser.get(f"{base}/themes")
    assert browser.url == url
    location = await browser.post(f"{base}/themes", do="jump", theme="first-support")
    assert location == url
    await browser.get(location)
    assert "Tämä sivu on vanha" in browser.html
    # Back on the first screen goes to "who is here", not to the themes
    assert await browser.post(url, do="back") == f"{base}/who"
    after = await through_opening(browser, base, url)
    assert after == f"{base}/themes"  # the opening is over: the client picks a theme now
    themes = re.findall(r'name="theme" value="([^"]+)"', browser.html)
    assert themes == ["first-me", "first-support"]  # never the opening or the closing
    assert_finnish(browser.html)
    url = await browser.follow(f"{base}/themes", do="order")
    assert url == f"{base}/step/about-me-good-at"


async def test_the_intro_line_is_read_before_the_question(browser: Browser) -> None:
    session_id = await new_session(browser)
    base = f"/s/{session_id}"
    url = await through_opening(browser, base, await browser.follow(f"{base}/who", do="go_on"))
    await browser.follow(url, do="order")
    assert heading(browser.html) == "Nyt puhumme sinusta. Mitä osaat hyvin?"
    announce = re.search(r'data-announce="([^"]*)"', browser.html)
    assert announce and announce.group(1).endswith("Nyt puhumme sinusta. Mitä osaat hyvin?")
    read = re.search(r'id="read-aloud" href="[^"]*"\s+data-text="([^"]*)"', browser.html)
    assert read and read.group(1).startswith("Nyt puhumme sinusta. Mitä osaat hyvin?")


async def at_step(browser: Browser, step_id: str) -> tuple[str, str]:
    """A first-meeting session at `step_id` (the steps before it answered)."""
    session_id = await new_session(browser)
    base = f"/s/{session_id}"
    url = await through_opening(browser, base, await browser.follow(f"{base}/who", do="go_on"))
    url = await browser.follow(url, do="order")
    while url != f"{base}/step/{step_id}":
        value = re.search(r'name="choice" value="([^"]+)"', browser.html)
        assert value, url
        url = await browser.follow(url, do="ready", choice=value.group(1))
    return base, url


async def test_own_words_first_asks_openly_then_shows_the_choices(browser: Browser) -> None:
    _base, url = await at_step(browser, "first-likes")
    html = browser.html
    assert 'name="choice"' not in html and 'id="words"' in html  # asked openly
    assert 'value="show_choices"' in html and 'value="own_words"' in html
    read = re.search(r'data-text="([^"]*)"', html)
    assert read and read.group(1) == "Mistä pidät?"  # the choices are not read either
    assert_finnish(html)
    # Ready with nothing written: the same page, a message linked to the box
    page = await browser.post(url, status=400, do="own_words", words="")
    assert "Näytä vaihtoehdot" in page and 'href="#words"' in page
    # "Show choices" keeps the words; nothing is saved; the choices stay open on reload
    page = await browser.post(url, status=200, do="show_choices", words="Laulan <kuorossa>")
    assert 'name="choice"' in page and "Laulan &lt;kuorossa&gt;</textarea>" in page
    await browser.get(url)
    assert 'name="choice"' in browser.html and 'value="show_choices"' not in browser.html


async def test_own_words_sent_openly_are_the_own_words_choice(
    browser: Browser, tmp_path: Path
) -> None:
    _base, url = await at_step(browser, "first-likes")
    next_url = await browser.follow(url, do="own_words", words="Laulan kuorossa")
    assert next_url != url
    await browser.post(next_url, do="back")
    await browser.get(url)  # answered: the choices, the own-words tile chosen, the words kept
    assert 'value="other" id="choice-5" data-number="5" checked' in browser.html
    assert "Laulan kuorossa</textarea>" in browser.html
    assert 'value="show_choices"' not in browser.html


async def test_how_the_view_is_heard_is_kept_for_the_meeting(browser: Browser) -> None:
    session_id = await new_session(browser)
    base = f"/s/{session_id}"
    assert 'name="way" value="talking_mat"' in browser.html
    assert_finnish(browser.html)
    # adding a person keeps the ticks; a name written but not added is added by Go on
    await browser.follow(
        f"{base}/who", do="add", name="Eero", role="experience_expert", way=["speech", "x"]
    )
    assert 'value="speech" id="way-speech" checked' in browser.html
    assert 'value="pictures" id="way-pictures" >' in browser.html
    await browser.follow(
        f"{base}/who", do="go_on", name="Liisa", role="supporter", way=["speech", "pictures"]
    )
    await browser.get(f"{base}/ways?back={base}/step/opening-hello")
    ticked = re.findall(r'value="(\w+)" id="way-\w+" checked', browser.html)
    assert ticked == ["speech", "pictures"]
    assert_finnish(browser.html)
    back = await browser.post(
        f"{base}/ways", way=["talking_mat"], back=f"{base}/step/opening-hello"
    )
    assert back == f"{base}/step/opening-hello"
    await browser.get(f"{base}/ways")
    assert re.findall(r'value="(\w+)" id="way-\w+" checked', browser.html) == ["talking_mat"]
    await browser.get(back)
    assert "Liisa" in browser.html and "Eero" in browser.html  # both are here


RECORDED = """id: spoken
version: 1
languages: [fi]
title: {fi: Puhuttu}
themes:
  - id: only
    symbol: "🌟"
    title: {fi: Ainoa}
    steps:
      - id: q
        kind: yes_no
        symbol: "🎵"
        text: {fi: Pidätkö laulamisesta?}
        audio: {text: {fi: q-fi.ogg}}
      - id: r
        kind: yes_no
        symbol: "🎵"
        text: {fi: Pidätkö tanssimisesta?}
        audio: {text: {fi: ../secret.ogg}}
"""


async def test_a_recorded_question_is_served_and_only_that_file(tmp_path: Path) -> None:
    root = tmp_path / "dialogues"
    (root / "spoken").mkdir(parents=True)
    (root / "spoken" / "dialogue.yaml").write_text(RECORDED, encoding="utf-8")
    (root / "spoken" / "q-fi.ogg").write_bytes(b"OggS recorded question")
    (root / "secret.ogg").write_bytes(b"OggS not this one")
    sessions = Sessions(tmp_path / "data", "spoken", dialogues=Dialogues(root))
    app = make_app(web_config(data_dir=tmp_path / "data", dialogue="spoken"), sessions)
    async with TestClient(TestServer(app)) as client:
        browser = Browser(client)
        await browser.get("/fi/new")
        location = await browser.post("/fi/new", alias="Aino", dialogue="spoken")
        base = location.removesuffix("/who")
        url = await browser.follow(f"{base}/who", do="go_on")
        url = await browser.follow(f"{base}/themes", do="order")
        assert url == f"{base}/step/q"
        # the recording wins: Read aloud's link (no JavaScript) and its data name it
        assert f'href="{base}/recorded/q"' in browser.html
        assert f'data-recorded="{base}/recorded/q"' in browser.html
        response = await client.get(f"{base}/recorded/q")
        assert response.status == 200
        assert response.headers["Content-Type"] == "audio/ogg"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert await response.read() == b"OggS recorded question"
        for other in ("r", "..%2Fsecret.ogg", "q-fi.ogg"):
            assert (await client.get(f"{base}/recorded/{other}")).status == 404
        url = await browser.follow(url, choice="yes")
        assert url == f"{base}/step/r"
        # a file outside the dialogue's folder is never offered: speech instead
        assert "/recorded/" not in browser.html
        assert (await client.get(f"{base}/recorded/r")).status == 404
        assert (await client.get(f"{base}/recorded/q")).status == 404  # not shown now


async def test_the_theme_picker_comes_once_after_the_opening(browser: Browser) -> None:
    session_id = await new_session(browser)
    base = f"/s/{session_id}"
    await browser.follow(f"{base}/who", do="add", name="Eero", role="experience_expert")
    url = await through_opening(browser, base, await browser.follow(f"{base}/who", do="go_on"))
    assert url == f"{base}/themes"
    url = await browser.follow(url, do="order")
    # a helper's own view moves nothing: the same question, not the picker again
    await browser.post(f"{base}/facilitator", do="answering", answering="view:p2", back=url)
    await browser.get(url)
    value = re.search(r'name="choice" value="([^"]+)"', browser.html)
    assert value
    assert await browser.post(url, do="ready", choice=value.group(1)) == url
    await browser.post(f"{base}/facilitator", do="answering", answering="client", back=url)
    await browser.get(url)
    assert await browser.post(url, do="ready", choice=value.group(1)) != f"{base}/themes"
