"""Bad input gets a clear page or a 4xx in the session's language, never a traceback, and
nothing saved is lost: forged and stale step ids, missing form tokens, foreign origins, huge
posts, unknown choices, markup, a session open in another browser, a failed save."""

from __future__ import annotations

import re
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient

from assistant.session import Problem, SessionError, Sessions
from tests.web.conftest import Browser, new_session


async def at_first_question(browser: Browser) -> tuple[str, str]:
    """A session at its first step that asks something; returns (base URL, step URL)."""
    session_id = await new_session(browser)
    base = f"/s/{session_id}"
    url = await browser.follow(f"{base}/who", do="go_on")  # into the opening
    while 'name="skip"' not in browser.html:
        url = await browser.follow(url, do="go_on")
    return base, url


async def skip_on(browser: Browser, url: str) -> str:
    """Skip the question shown; after the opening, go on in order from the theme picker."""
    url = await browser.follow(url, skip="skip")
    if url.endswith("/themes"):
        url = await browser.follow(url, do="order")
    return url


def stored_answers(data_dir: Path, session_id: str) -> dict[str, object]:
    sessions = Sessions(data_dir)
    active = sessions.open(session_id)
    try:
        return {t.id: t.answers for t in active.themes()}
    finally:
        active.close()


async def test_missing_or_wrong_form_token_is_refused(browser: Browser) -> None:
    _base, url = await at_first_question(browser)
    for token in ("", "forged"):
        response = await browser.client.post(url, data={"csrf": token, "do": "ready", "words": "x"})
        html = await response.text()
        assert response.status == 403
        assert "Tämä sivu on vanha" in html and "Traceback" not in html
    await browser.get(url)
    assert 'name="words"' in browser.html and "x</textarea>" not in browser.html


async def test_a_post_from_another_site_is_refused(browser: Browser) -> None:
    _base, url = await at_first_question(browser)
    response = await browser.client.post(
        url,
        data={"csrf": browser.csrf, "do": "ready", "words": "x"},
        headers={"Origin": "http://evil.example"},
    )
    assert response.status == 403
    response = await browser.client.post(
        url,
        data={"csrf": browser.csrf, "do": "ready", "words": "x"},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert response.status == 403


async def test_a_foreign_host_name_is_not_answered(client: TestClient) -> None:
    """DNS rebinding: a page on another name that resolves to 127.0.0.1 gets nothing."""
    response = await client.get("/fi/", headers={"Host": "evil.example"})
    assert response.status == 421


async def test_forged_and_stale_steps_move_nothing(browser: Browser) -> None:
    base, url = await at_first_question(browser)
    for other in ("first-dream", "no-such-step"):
        location = await browser.post(f"{base}/step/{other}", do="ready", words="x")
        assert location == url
    await browser.get(url)
    assert "Tämä sivu on vanha" in browser.html
    # an old step page's GET (browser Back) shows the question now
    response = await browser.client.get(f"{base}/step/first-hello", allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == url
    # ids that are not names at all
    response = await browser.client.get(f"{base}/step/..%2f..%2fetc")
    assert response.status == 404
    response = await browser.client.get("/s/not-a-session/step/x")
    assert response.status == 404
    assert "ei ole" in await response.text()


async def test_unknown_choice_keeps_the_words(browser: Browser) -> None:
    _base, url = await at_first_question(browser)
    while 'type="checkbox" name="choice"' not in browser.html:
        url = await skip_on(browser, url)
    html = await browser.post(
        url, status=400, do="ready", choice="no-such-choice", words="omat sanat"
    )
    assert "Korjaa tämä" in html
    assert "omat sanat</textarea>" in html


async def test_markup_in_answers_is_shown_as_text(browser: Browser) -> None:
    _base, url = await at_first_question(browser)
    while 'name="words"' not in browser.html or 'name="choice"' in browser.html:
        url = await skip_on(browser, url)
    after = await browser.post(url, do="ready", words='<script>alert("x")</script><img src=x>')
    assert await browser.post(after, do="back") == url
    await browser.get(url)
    assert "<script>alert" not in browser.html
    assert "&lt;script&gt;alert" in browser.html


async def test_huge_posts_get_a_clear_page(browser: Browser) -> None:
    _base, url = await at_first_question(browser)
    while 'name="words"' not in browser.html or 'name="choice"' in browser.html:
        url = await skip_on(browser, url)
    response = await browser.client.post(url, data={"csrf": browser.csrf, "words": "a" * 200_000})
    assert response.status == 413
    assert "liikaa" in await response.text()
    long_words = "sana " * 1000
    html = await browser.post(url, status=413, do="ready", words=long_words)
    assert "liikaa" in html and long_words.strip()[:50] in html


async def test_a_session_open_in_another_browser_is_refused(
    browser: Browser, client: TestClient
) -> None:
    _base, url = await at_first_question(browser)
    async with aiohttp.ClientSession() as other:  # a second browser: its own cookies
        response = await other.get(client.make_url(url))
        html = await response.text()
        assert response.status == 409
        assert "Tämä on auki toisessa ikkunassa." in html
    await browser.get(url)  # the first browser goes on as before


async def test_a_failed_save_keeps_the_typed_words(
    browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    _base, url = await at_first_question(browser)
    while 'name="words"' not in browser.html or 'name="choice"' in browser.html:
        url = await skip_on(browser, url)
    from assistant.session.active import ActiveSession

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise SessionError(Problem.NOT_SAVED, "disk full")

    monkeypatch.setattr(ActiveSession, "answer", full_disk)
    html = await browser.post(url, status=503, do="ready", words="tärkeät sanat")
    assert "tärkeät sanat</textarea>" in html
    assert re.search(r"ei tallentunut|Yritä uudelleen", html)


async def test_sign_in_is_bounded(tmp_path: Path) -> None:
    from aiohttp.test_utils import TestServer

    from assistant.web.app import make_app
    from assistant.web.common import HAAVE
    from tests.web.conftest import TOKEN, web_config

    app = make_app(web_config(data_dir=tmp_path / "data", token=TOKEN))
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/fi/", allow_redirects=False)
        assert response.status == 303 and response.headers["Location"].startswith("/sign-in")
        response = await client.post("/fi/new", data={"alias": "x"})
        assert response.status == 403
        for _ in range(5):
            response = await client.post("/sign-in", data={"passcode": "wrong-guess-123"})
            assert response.status == 403
        response = await client.post("/sign-in", data={"passcode": TOKEN}, allow_redirects=False)
        assert response.status == 429  # bounded: even the right passcode waits now
        app[HAAVE].access.attempts._failed.clear()
        response = await client.post(
            "/sign-in", data={"passcode": TOKEN, "next": "//evil.example/"}, allow_redirects=False
        )
        assert response.status == 303 and response.headers["Location"] == "/"
        cookie = response.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        response = await client.get("/fi/")
        assert response.status == 200
