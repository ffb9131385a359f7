"""Screenshots of every kind of page at phone, tablet portrait and 400 % zoom, for looking at.

    python -m tests.web.screenshots OUT_DIR [fi|sv|en]

Walks a short session by touch in headless Chromium against a fresh `haave serve` (then a
support-plan one to its topic mat) and saves
`KIND-SIZE.png` (the whole page) for each kind of page the first time it is shown, and the
step pages also in the strong-colour look. Not a test: people look at these.
"""

from __future__ import annotations

import base64
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.web.chromium import PHONE, TABLET, ZOOM_400, chromium, viewport
from tests.web.conftest import start_server, stop_server
from tests.web.walk import Walk

SIZES = {"phone": PHONE, "tablet": TABLET, "zoom400": ZOOM_400}
MAX_HEIGHT = 2400


def full_page(driver: Any, path: Path, width: int, height: int) -> None:
    viewport(driver, width, height)
    tall = int(driver.execute_script("return document.documentElement.scrollHeight"))
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(tall, MAX_HEIGHT), "scale": 1},
        },
    )
    path.write_bytes(base64.b64decode(shot["data"]))


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "screenshots")
    lang = argv[1] if len(argv) > 1 else "fi"
    out.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()

    def visit(driver: Any, kind: str) -> None:
        if kind in seen:
            return
        seen.add(kind)
        for size, (width, height) in SIZES.items():
            full_page(driver, out / f"{kind}-{size}.png", width, height)
        if kind.startswith("step-") or kind in ("mat", "important", "who"):
            driver.execute_script("document.documentElement.classList.add('contrast')")
            full_page(driver, out / f"{kind}-tablet-contrast.png", *TABLET)
            driver.execute_script("document.documentElement.classList.remove('contrast')")
        viewport(driver, *TABLET)

    with tempfile.TemporaryDirectory() as folder:
        served = start_server(Path(folder) / "data")
        try:
            with chromium(Path(folder) / "profile") as driver:
                walk = Walk(driver, served.url, lang, visit)
                walk.start()
                walk.who()
                walk.tap('.helpers a[href*="/ways"]')  # the helpers' page of the ways
                walk.tap('button[value="ways"]')
                walk.converse(features=True)
                walk.finish()
                # the full support plan: its topic mat
                plan = Walk(driver, served.url, lang, visit)
                plan.start(dialogue="support-plan")
                plan.who(ways=("speech", "talking_mat"))
                plan.opening()
                plan.mat()
        finally:
            stop_server(served)
    print(f"{len(list(out.glob('*.png')))} screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
