"""The pages without JavaScript: a whole session by forms and redirects, in the session's
language, with a supporter's own view, a note, a theme jump, a break, the read-back, consent
and downloads."""

from __future__ import annotations

import re
from html import unescape

from tests.web.conftest import Browser, new_session

#: English words of the pages that must never reach a Finnish page.
ENGLISH = (
    "Back",
    "Help",
    "Read aloud",
    "Break",
    "Ready",
    "Skip",
    "Not now",
    "Answering now",
    "For the people who help",
    "Who is answering now?",
    "Themes",
    "Language",
    "Strong colours",
    "Bigger text",
    "Go on",
    "Other answers",
    "Your answer",
    "About Haave",
    "Go to the main part",
)


def text_of(html: str) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def assert_finnish(html: str) -> None:
    assert '<html lang="fi-FI"' in html
    shown = " ".join(text_of(html).split())
    for words in ENGLISH:
        assert not re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", shown), words


async def answer_step(browser: Browser, url: str) -> str:
    """Answer the step on the page in the simplest way; returns where it went."""
    html = browser.html
    if 'value="go_on"' in html:
        return await browser.post(url, do="go_on")
    if 'type="checkbox" name="choice"' in html:
        value = re.search(r'name="choice" value="([^"]+)"', html)
        assert value
        return await browser.post(url, do="ready", choice=value.group(1))
    if 'name="choice"' in html:
        value = re.search(r'name="choice" value="([^"]+)"', html)
        assert value
        return await browser.post(url, choice=value.group(1))
    return await browser.post(url, do="ready", words="Piirrän <b>kuvia</b> & laulan")


async def test_whole_session_without_javascript(browser: Browser) -> None:
    pages: list[str] = []
    await browser.get("/fi/")
    pages.append(browser.html)
    session_id = await new_session(browser)
    pages.append(browser.html)
    base = f"/s/{session_id}"
    assert "Keitä täällä on tänään?" in browser.html or "Kuka" in browser.html
    await browser.follow(f"{base}/who", do="add", name="Eero", role="experience_expert")
    assert "Eero" in browser.html
    url = await browser.follow(f"{base}/who", do="go_on")
    assert url == f"{base}/step/opening-hello"  # the opening first, then the theme picker

    seen_view = noted = jumped = rested = picked = False
    for _ in range(60):
        pages.append(browser.html)
        if url == f"{base}/themes" and not picked:  # the opening is over
            url = await browser.follow(url, do="order")
            picked = True
            continue
        if not url.startswith(f"{base}/step/"):
            break
        step_id = url.rsplit("/", 1)[1]
        asks = 'name="skip"' in browser.html
        if asks and not seen_view:
            # the experience expert's own view: kept beside, the step does not move
            await browser.post(f"{base}/facilitator", do="answering", answering="view:p2", back=url)
            await browser.get(url)
            assert "Eero: oma näkemys" in browser.html
            assert await answer_step(browser, url) == url
            await browser.get(url)
            assert "tukihenkilön omana näkemyksenä" in browser.html or "näkemys" in browser.html
            await browser.post(f"{base}/facilitator", do="answering", answering="client", back=url)
            seen_view = True
            await browser.get(url)
        if asks and not noted:
            await browser.post(
                f"{base}/facilitator", do="note", note="Puhui mielellään", step=step_id, back=url
            )
            await browser.get(url)
            assert "Haave tallensi muistiinpanon." in browser.html
            noted = True
        if asks and noted and not jumped and f'href="{base}/themes"' in browser.html:
            # a theme jump through the themes page, then back to the order
            await browser.get(f"{base}/themes")
            theme = re.findall(r'name="theme" value="([^"]+)"', browser.html)[-1]
            jumped_to = await browser.follow(f"{base}/themes", do="jump", theme=theme)
            assert jumped_to.startswith(f"{base}/step/")
            jumped = True
            url = jumped_to
            continue
        if jumped and not rested:
            # Break: the session is let go and opened again, nothing lost
            location = await browser.post(f"{base}/break", do="break")
            assert location == f"/fi/break/{session_id}"
            await browser.get(location)
            pages.append(browser.html)
            who = await browser.follow(f"/fi/sessions/{session_id}", do="open")
            assert who == f"{base}/who"
            url = await browser.follow(f"{base}/who", do="same")
            rested = True
            continue
        url = await answer_step(browser, url)
        await browser.get(url)
    assert seen_view and noted and jumped and rested and picked

    # the end: read-back of every theme, consent, files
    end = await browser.follow(f"{base}/themes", do="order")
    if end.startswith(f"{base}/step/"):  # the jump left the first themes open: finish them
        url = end
        for _ in range(60):
            if not url.startswith(f"{base}/step/"):
                break
            url = await answer_step(browser, url)
            await browser.get(url)
    await browser.get(f"{base}/end")
    pages.append(browser.html)
    url = await browser.follow(f"{base}/readback")
    for _ in range(10):
        if "/readback/" not in url:
            break
        pages.append(browser.html)
        assert "&lt;b&gt;kuvia&lt;/b&gt;" in browser.html or "kuvia" not in browser.html
        url = await browser.follow(url, do="all_right")
    assert url == f"{base}/important"  # the client's top three, before who may see it
    pages.append(browser.html)
    first = re.search(r'name="important" value="([^"]+)"', browser.html)
    assert first
    url = await browser.follow(url, do="ready", important=[first.group(1)])
    assert url == f"{base}/consent"
    pages.append(browser.html)
    url = await browser.follow(f"{base}/consent", do="ready", audience=["caseworker"])
    assert url == f"{base}/export"
    pages.append(browser.html)
    response = await browser.client.post(
        f"{base}/export",
        data={"csrf": browser.csrf, "mine": "1", "format": "html", "language": "fi"},
        allow_redirects=False,
    )
    assert response.status == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    body = await response.read()
    assert b"<html" in body and "Piirrän".encode() in body
    response = await browser.client.post(
        f"{base}/export",
        data={"csrf": browser.csrf, "format": "docx", "language": "sv"},
        allow_redirects=False,
    )
    assert response.status == 200
    assert (await response.read())[:2] == b"PK"
    for html in pages:
        assert_finnish(html)


async def test_swedish_pages_are_swedish(browser: Browser) -> None:
    session_id = await new_session(browser, "sv", "Saga")
    assert '<html lang="sv-FI"' in browser.html
    await browser.follow(f"/s/{session_id}/who", do="go_on")
    await browser.follow(f"/s/{session_id}/themes", do="order")
    shown = text_of(browser.html)
    for words in ("Tillbaka", "Hjälp", "Läs högt", "Paus", "För dem som hjälper"):
        assert words in shown, words
    assert "Takaisin" not in shown


async def test_language_and_look_are_the_clients_preferences(browser: Browser) -> None:
    session_id = await new_session(browser)
    base = f"/s/{session_id}"
    url = await browser.follow(f"{base}/who", do="go_on")
    await browser.post(f"{base}/facilitator", do="contrast", back=url)
    await browser.post(f"{base}/facilitator", do="text_size", back=url)
    await browser.get(url)
    assert 'class="contrast large"' in browser.html
    await browser.post(f"{base}/facilitator", do="language", language="en", back=url)
    await browser.get(url)
    assert '<html lang="en-GB"' in browser.html
    assert "Hello! This is your own plan." in browser.html


async def test_security_headers_and_no_inline_code(browser: Browser) -> None:
    response = await browser.client.get("/fi/new")
    html = await response.text()
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["Cache-Control"] == "no-store"
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert " style=" not in html and "<style" not in html
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Secure" not in cookie


async def test_archive_bring_back_and_delete(browser: Browser) -> None:
    session_id = await new_session(browser)
    await browser.get("/fi/")
    assert "Aino" in browser.html
    assert await browser.post(f"/fi/sessions/{session_id}", do="archive") == "/fi/"
    await browser.get("/fi/")
    assert f"/fi/sessions/{session_id}" not in browser.html
    await browser.get("/fi/?archived=1")
    assert f"/fi/sessions/{session_id}" in browser.html
    await browser.post(f"/fi/sessions/{session_id}", do="restore")
    await browser.get(f"/fi/delete/{session_id}")
    assert "Aino" in browser.html
    assert await browser.post(f"/fi/delete/{session_id}", do="delete") == "/fi/"
    await browser.get("/fi/")
    assert f"/fi/sessions/{session_id}" not in browser.html
    await browser.get(f"/fi/delete/{session_id}", status=404)
