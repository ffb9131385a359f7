"""Pages without JavaScript: the topic mat (moves, set aside, Back, confirm), the client's
top three after the read-back, and the plan's files (My plan, the one-page profile, PDF/A)."""

from __future__ import annotations

import io
import re

import pypdf

from tests.web.conftest import Browser
from tests.web.test_opening_and_steps import heading, through_opening
from tests.web.test_pages import assert_finnish

FACES = ("like", "unsure", "dislike")


async def support_plan(browser: Browser, lang: str = "fi") -> str:
    """A full support-plan session after its opening, at the theme picker; returns its base."""
    await browser.get(f"/{lang}/new")
    location = await browser.post(f"/{lang}/new", alias="Aino", dialogue="support-plan")
    base = location.removesuffix("/who")
    await browser.get(location)
    url = await browser.follow(f"{base}/who", do="go_on", way=["speech", "talking_mat"])
    assert await through_opening(browser, base, url) == f"{base}/themes"
    return base


async def at_the_mat(browser: Browser, answers: tuple[str, ...] = (*FACES, "like")) -> str:
    """The likes theme's four cards answered; returns the base (the mat is shown)."""
    base = await support_plan(browser)
    url = await browser.follow(f"{base}/themes", do="jump", theme="likes")
    assert url == f"{base}/step/likes-music"
    assert heading(browser.html).startswith("Nyt puhumme siitä, mistä pidät.")
    for value in answers:
        url = await browser.follow(url, choice=value)
    assert url == f"{base}/mat/likes", url
    return base


def cards_under(html: str) -> dict[str, list[str]]:
    """The card ids in each place of the mat page."""
    out: dict[str, list[str]] = {}
    for place, body in re.findall(
        r'<section class="mat-column mat-(\w+)".*?>(.*?)</section>', html, re.S
    ):
        out[place] = re.findall(r'<li class="mat-card" id="card-([\w-]+)"', body)
    return out


async def test_the_mat_comes_after_its_cards_and_moves_by_touch(browser: Browser) -> None:
    base = await at_the_mat(browser)
    mat = f"{base}/mat/likes"
    html = browser.html
    assert heading(html) == "Sinun mattosi: Mistä pidän"
    assert cards_under(html) == {
        "like": ["likes-music", "likes-crowds"],
        "unsure": ["likes-outdoors"],
        "dislike": ["likes-cooking"],
    }
    # each card has a button per place, named with the card: the place it is in is pressed
    assert html.count('class="button mat-move"') == 4 * 4
    assert re.search(
        r'value="like" aria-pressed="true"><span class="symbol">.*?'
        r'<span class="visually-hidden">Musiikki: </span>Pidän</span>',
        html,
    )
    assert_finnish(html)
    # a step page of the conversation shows the mat while it is due
    await browser.get(f"{base}/step/likes-food")
    assert browser.url == mat
    # moves: to another face, set aside, and back onto the mat
    assert await browser.post(mat, do="dislike", step="likes-music") == mat
    await browser.get(mat)
    assert 'data-focus="card-likes-music"' in browser.html  # the moved card, announced
    assert 'data-announce="Musiikki: En pidä."' in browser.html
    assert await browser.post(mat, do="aside", step="likes-crowds") == mat
    await browser.get(mat)
    places = cards_under(browser.html)
    assert places["dislike"] == ["likes-music", "likes-cooking"]
    assert places["aside"] == ["likes-crowds"] and places["like"] == []
    assert "Täällä ei ole kortteja." in browser.html
    await browser.post(mat, do="like", step="likes-crowds")
    await browser.post(mat, do="like", step="likes-crowds")  # the same place: nothing moves
    await browser.get(mat)
    assert cards_under(browser.html)["like"] == ["likes-crowds"]
    # a card that is not on this mat, or a place that is not one, moves nothing
    await browser.post(mat, status=400, do="like", step="likes-food")
    await browser.post(mat, status=400, do="maybe", step="likes-music")
    # "Yes, it is right": the conversation goes on after the mat
    url = await browser.follow(mat, do="confirm")
    assert url == f"{base}/step/likes-food"
    # the mat is done: its page and its old forms lead to the question now
    await browser.get(mat)
    assert browser.url == url
    location = await browser.post(mat, do="like", step="likes-music")
    assert location == url
    # the moves are the answers: the read-back shows them
    await browser.post(f"{base}/readback", theme="likes")
    await browser.get(f"{base}/readback/likes")
    music = browser.html.split("Mitä mieltä olet musiikista?")[1].split("</li>")[0]
    assert "En pidä" in music


async def test_back_from_the_mat_goes_to_its_last_card(browser: Browser) -> None:
    base = await at_the_mat(browser)
    mat = f"{base}/mat/likes"
    assert await browser.post(mat, do="back") == f"{base}/step/likes-crowds"
    await browser.get(f"{base}/step/likes-crowds")
    assert browser.url == f"{base}/step/likes-crowds"  # the question, not the mat
    assert await browser.post(browser.url, choice="dislike") == mat
    await browser.get(mat)
    assert cards_under(browser.html)["dislike"] == ["likes-cooking", "likes-crowds"]


async def test_a_card_answered_otherwise_waits_beside_the_mat(browser: Browser) -> None:
    base = await support_plan(browser)
    url = await browser.follow(f"{base}/themes", do="jump", theme="likes")
    url = await browser.follow(url, choice="like")
    url = await browser.follow(url, skip="dont_know")
    url = await browser.follow(url, skip="decline")
    url = await browser.follow(url, choice="unsure")
    assert url == f"{base}/mat/likes"
    places = cards_under(browser.html)
    assert places["unplaced"] == ["likes-outdoors"] and places["aside"] == ["likes-cooking"]
    await browser.post(url, do="unsure", step="likes-outdoors")
    await browser.get(url)
    assert "mat-unplaced" not in browser.html
    speech = await browser.client.get(f"{base}/speech/mat-likes.wav")
    assert speech.status in (200, 503)  # 503: no espeak-ng on this machine
    assert (await browser.client.get(f"{base}/speech/mat-other.wav")).status == 404


async def read_back_everything(browser: Browser, base: str) -> str:
    url = await browser.follow(f"{base}/readback")
    for _ in range(30):
        if "/readback/" not in url:
            return url
        url = await browser.follow(url, do="all_right")
    raise AssertionError("the read-back did not end")


async def test_the_top_three_comes_after_the_read_back(browser: Browser) -> None:
    base = await at_the_mat(browser)
    url = await browser.follow(f"{base}/mat/likes", do="confirm")
    url = await browser.follow(url, do="ready", words="Lohikeitto")
    assert await read_back_everything(browser, base) == f"{base}/important"
    html = browser.html
    assert "Mikä on sinulle tärkeintä?" in heading(html)
    assert "Voit valita enintään kolme." in html
    keys = re.findall(r'name="important" value="([^"]+)"', html)
    assert {"likes-music", "likes-crowds", "likes-food"} <= set(keys)  # the client's own
    assert "likes-cooking" not in keys  # "I do not like it" is not offered
    assert "<legend class=\"legend-m\">Mistä pidän</legend>" in html  # grouped by theme
    assert_finnish(html)
    # four is refused: the same page, the four still ticked, a message to fix
    four = ([*keys, "opening-how-read:read"])[:4]
    page = await browser.post(f"{base}/important", status=400, do="ready", important=four)
    assert "Voit valita enintään kolme. Ota yksi pois." in page
    assert page.count("checked") == 4
    await browser.post(f"{base}/important", status=400, do="ready", important=["no-such"])
    # up to three are saved; the page shows them again from the end page
    url = await browser.follow(f"{base}/important", do="ready", important=keys[:2])
    assert url == f"{base}/consent"
    await browser.get(f"{base}/end")
    assert f'href="{base}/important"' in browser.html
    await browser.get(f"{base}/important")
    assert re.findall(r'value="([^"]+)" id="important-\d+" checked', browser.html) == keys[:2]
    # it can be skipped: nothing changes
    assert await browser.post(f"{base}/important", do="skip") == f"{base}/consent"
    await browser.get(f"{base}/important")
    assert browser.html.count(" checked>") == 2


async def test_nothing_to_pick_goes_straight_to_consent(browser: Browser) -> None:
    await browser.get("/fi/new")
    base = (await browser.post("/fi/new", alias="Aino", dialogue="support-plan"))[:-4]
    url = await browser.follow(f"{base}/who", do="go_on")
    while 'name="skip"' not in browser.html:
        url = await browser.follow(url, do="go_on")
    assert await browser.post(url, skip="skip") == f"{base}/themes"
    await browser.get(f"{base}/important")
    assert browser.url == f"{base}/consent"  # no answer of the client's own yet
    await browser.get(f"{base}/end")
    assert f'href="{base}/important"' not in browser.html


async def test_every_file_of_the_plan_as_a_download(browser: Browser) -> None:
    base = await at_the_mat(browser)
    await browser.follow(f"{base}/mat/likes", do="confirm")
    await browser.get(f"{base}/export")
    html = browser.html
    for kind, formats in {
        "mine": ("html", "pdf", "md"),
        "profile": ("html", "pdf", "docx"),
        "draft": ("html", "pdf", "md", "docx", "json", "fhir"),
    }.items():
        found = re.findall(rf'id="{kind}-format-(\w+)"', html)
        assert tuple(found) == formats, (kind, found)
    assert "Minä yhdellä sivulla" in html and "PDF/A" in html
    assert_finnish(html)
    magic = {"html": b"<!DOCTYPE html", "pdf": b"%PDF-", "docx": b"PK", "md": b"#"}
    for kind, fmt in (("profile", "pdf"), ("profile", "docx"), ("mine", "pdf"), ("draft", "pdf")):
        response = await browser.client.post(
            f"{base}/export",
            data={"csrf": browser.csrf, "kind": kind, "format": fmt, "language": "fi"},
            allow_redirects=False,
        )
        assert response.status == 200, (kind, fmt)
        body = await response.read()
        assert body.upper().startswith(magic[fmt].upper()), (kind, fmt, body[:20])
        name = response.headers["Content-Disposition"]
        stem = {"profile": "one-page-profile", "mine": "my-plan", "draft": "draft-plan"}[kind]
        assert stem in name and name.endswith(f".{fmt}")
        if fmt == "pdf":  # PDF/A-2b, for the client record; the profile is one page
            pdf = pypdf.PdfReader(io.BytesIO(body))
            meta = bytes(pdf.trailer["/Root"]["/Metadata"].get_object().get_data())
            assert b'pdfaid:part="2"' in meta
            assert kind != "profile" or len(pdf.pages) == 1
    for bad in ({"kind": "profile", "format": "md"}, {"kind": "nope", "format": "html"}):
        response = await browser.client.post(
            f"{base}/export", data={"csrf": browser.csrf, "language": "fi", **bad}
        )
        assert response.status == 400
