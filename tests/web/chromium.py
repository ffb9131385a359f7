"""Headless Chromium driven by touch: for the browser tests, the screenshots and the bench.

Debian's `chromium` and `chromium-driver` (no download: Selenium Manager is kept offline).
A tap is a CDP touchStart + touchEnd at the element's centre, as a finger gives it; text goes
in with CDP `Input.insertText`, as an on-screen keyboard or dictation sends it. No mouse and
no keys.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
AXE = Path(__file__).with_name("vendor") / "axe.min.js"

FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    "--disable-default-apps",
    "--hide-scrollbars",
    # nothing but loopback: no name resolves, anything else goes to a dead proxy
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9",
]

TABLET = (768, 1024)
PHONE = (390, 844)
ZOOM_400 = (320, 640)


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (test extras)"
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        return (
            "the browser tests need /usr/bin/chromium and /usr/bin/chromedriver "
            "(apt-get install chromium chromium-driver; .ci/run installs them)"
        )
    return None


@contextmanager
def chromium(profile: Path, downloads: Path | None = None) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    try:
        driver.execute_cdp_cmd(
            "Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5}
        )
        if downloads is not None:
            downloads.mkdir(parents=True, exist_ok=True)
            driver.execute_cdp_cmd(
                "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
            )
        viewport(driver, *TABLET)
        yield driver
    finally:
        driver.quit()


def viewport(driver: Any, width: int, height: int) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True},
    )


def mark_page(driver: Any) -> None:
    """Mark the page's body: a new document, or a body swapped in by haave.js, has none."""
    driver.execute_script("document.body.__haaveOld = true;")


def wait_new_page(driver: Any, timeout: float = 15) -> None:
    """Until the document that was marked is replaced and the new one has loaded."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if driver.execute_script(
                "return document.body && !document.body.__haaveOld"
                " && document.readyState === 'complete'"
            ):
                return
        except Exception:  # mid-navigation: ask again
            pass
        time.sleep(0.02)
    raise TimeoutError("no new page after the tap")


def centre(driver: Any, element: Any) -> tuple[float, float]:
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element
    )
    x, y = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return [r.left + r.width / 2, r.top + r.height / 2];",
        element,
    )
    return float(x), float(y)


def tap(driver: Any, element: Any, navigates: bool = False) -> None:
    """A finger's tap at the element's centre (touchStart, touchEnd)."""
    if navigates:
        mark_page(driver)
    x, y = centre(driver, element)
    point = {"x": x, "y": y, "radiusX": 4, "radiusY": 4, "force": 1}
    driver.execute_cdp_cmd(
        "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [point]}
    )
    time.sleep(0.03)
    driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    if navigates:
        wait_new_page(driver)


def type_text(driver: Any, element: Any, text: str) -> None:
    """Tap into the box, then the words as an on-screen keyboard inserts them."""
    tap(driver, element)
    driver.execute_cdp_cmd("Input.insertText", {"text": text})


def run_axe(driver: Any) -> list[dict[str, Any]]:
    """axe-core's violations of the WCAG 2.1 A and AA rules on the page."""
    if not driver.execute_script("return typeof window.axe !== 'undefined'"):
        driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];"
        "axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}))))"
        ".catch(e => done([{id: 'axe-error', nodes: [String(e)]}]));"
    )
    return list(result)


SMALL_TARGETS = """
const out = [];
const controls = document.querySelectorAll(
  'a[href], button, input:not([type=hidden]), textarea, select, summary');
for (const el of controls) {
  if (el.closest('.skip-link') || el.classList.contains('skip-link')) continue;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;   // not shown (e.g. a closed panel)
  if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') continue;
  if (r.width < 44 || r.height < 44) {
    const name = `${el.tagName.toLowerCase()}#${el.id || ''}.${el.className}`;
    out.push(`${name}: ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
}
return out;
"""


def small_targets(driver: Any) -> list[str]:
    """Every control whose box is smaller than 44 x 44 CSS px."""
    return list(driver.execute_script(SMALL_TARGETS))


def horizontal_overflow(driver: Any) -> int:
    """How many CSS px the page scrolls sideways (0: it reflows)."""
    return int(
        driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    )
