"""Headless Chromium against a real `haave serve` on loopback, with the network closed.

Skips when chromium, chromedriver or selenium are missing (CI installs them: Debian packages
`chromium` and `chromium-driver`). Screenshots go to the test's tmp dir, or to
$HAAVE_WEB_SCREENSHOTS when set.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.web.conftest import TOKEN, Served, wait_for_file

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

selenium = pytest.importorskip("selenium", reason="selenium is not installed (test extras)")
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(
        "headless browser test needs /usr/bin/chromium and /usr/bin/chromedriver "
        "(apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.actions.action_builder import ActionBuilder  # noqa: E402

pytestmark = pytest.mark.slow

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--window-size=1280,800",
    # Network effectively closed: no name resolves, and anything not on loopback would go
    # to a proxy port where nothing listens.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9",
]


@pytest.fixture
def browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager must never download
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(tmp_path / "downloads"),
            "download.prompt_for_download": False,
        },
    )
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


def screen_text(driver: Any) -> str:
    """The terminal's text, as xterm.js's screen-reader mode exposes it."""
    text: str = driver.execute_script(
        "const t = document.querySelector('.xterm-accessibility-tree');"
        "return t ? t.textContent : '';"
    )
    return text


def wait_until(predicate: Any, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def network_urls(driver: Any) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message["method"] == "Network.requestWillBeSent":
            urls.append(params["request"]["url"])
        elif message["method"] == "Network.webSocketCreated":
            urls.append(params["url"])
    return urls


def save_screenshot(driver: Any, tmp_path: Path, name: str) -> Path:
    out_dir = Path(os.environ.get("HAAVE_WEB_SCREENSHOTS", tmp_path))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    assert driver.save_screenshot(str(path))
    return path


def click_text(driver: Any, text: str) -> None:
    """Click the middle of `text` on the terminal, located through the accessibility tree."""
    box = driver.execute_script(
        """
        const rows = [...document.querySelectorAll('.xterm-accessibility-tree > div')];
        const row = rows.find((r) => r.textContent.includes(arguments[0]));
        if (!row) return null;
        const screen = document.querySelector('.xterm-screen').getBoundingClientRect();
        const cell = screen.width / row.textContent.length;
        const r = row.getBoundingClientRect();
        const column = row.textContent.indexOf(arguments[0]) + arguments[0].length / 2;
        return [screen.left + column * cell, r.top + r.height / 2];
        """,
        text,
    )
    assert box is not None, f"{text!r} is not on the screen"
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(int(box[0]), int(box[1]))
    actions.pointer_action.click()
    actions.perform()
    ActionChains(driver).reset_actions()


def test_first_screen_and_a_choice(
    browser: Any, served_with_token: Served, tmp_path: Path
) -> None:
    served = served_with_token
    browser.get(f"{served.url}/?token={TOKEN}")
    # The token was traded for a cookie and is gone from the address bar.
    assert browser.current_url == f"{served.url}/"

    assert wait_for_file(served.marker_dir / "question-1")
    assert not (served.marker_dir / "token-leaked").exists()
    assert wait_until(lambda: "Do you like mornings?" in screen_text(browser)), screen_text(
        browser
    )
    assert "-first-byte" in browser.execute_script("return document.body.className")
    time.sleep(0.5)  # let the renderer paint
    first = save_screenshot(browser, tmp_path, "web-first-screen.png")

    click_text(browser, "1 Yes")
    assert wait_for_file(served.marker_dir / "question-2"), "the click did not advance"
    assert wait_until(lambda: "Do you want help with cooking?" in screen_text(browser))
    time.sleep(0.5)
    second = save_screenshot(browser, tmp_path, "web-second-screen.png")
    assert first.read_bytes() != second.read_bytes()

    # Every request went to our server on loopback.
    origin = urlsplit(served.url).netloc
    urls = network_urls(browser)
    assert any(url.startswith(f"ws://{origin}/ws") for url in urls), urls
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss"):
            assert parts.netloc == origin, url
        else:
            # data: and the browser's own chrome:// new-tab page, before our first load
            assert parts.scheme in ("data", "blob", "chrome", "about"), url

    # Nothing was blocked by our Content-Security-Policy, and no failed loads.
    problems = [
        entry["message"]
        for entry in browser.get_log("browser")
        if entry["level"] == "SEVERE" or "Content Security Policy" in entry["message"]
    ]
    assert problems == []


def test_wrong_token_gets_403_page_and_no_app(
    browser: Any, served_with_token: Served
) -> None:
    served = served_with_token
    browser.get(f"{served.url}/?token=wrong-{TOKEN}")
    assert "403" in browser.page_source
    time.sleep(1)
    assert not (served.marker_dir / "question-1").exists()



def test_export_is_downloaded_by_the_browser(
    browser: Any, served_with_token: Served, tmp_path: Path
) -> None:
    """`assistant.web.deliver` in the app -> the browser downloads the file (cookie-authorised)."""
    served = served_with_token
    browser.get(f"{served.url}/?token={TOKEN}")
    assert wait_until(lambda: "Do you like mornings?" in screen_text(browser))
    browser.find_element("css selector", ".xterm-helper-textarea").send_keys("d")
    assert wait_for_file(served.marker_dir / "delivered")
    downloaded = tmp_path / "downloads" / "export.txt"
    assert wait_for_file(downloaded), list((tmp_path / "downloads").glob("*"))
    assert downloaded.read_text(encoding="utf-8") == "Tukisuunnitelma: aamut, ruoanlaitto.\n"
