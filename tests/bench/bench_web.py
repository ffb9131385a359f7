"""The web front-end: tap to next step (server and in-page), memory per client, first page.

A real `haave serve` on loopback. 50 simulated clients (aiohttp, each with its own cookies,
like a browser without JavaScript) start a session and walk the support plan's steps at once;
the server's time per step is its own `Server-Timing` figure (the handlers' time, answer
saved with fsync included). Memory per client is the server's PSS with the 50 sessions open
minus its PSS at rest (after one warm-up walk), over 50. In-page time is measured in headless
Chromium by touch: from the tap's navigation start to the first paint of the next step.
Compared with the textual-serve browser mode this replaced (README: 23.5 MiB per session,
82 ms from a tap to the next step drawn).
"""

from __future__ import annotations

import asyncio
import re
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

from tests.bench import Row
from tests.web.conftest import Served, start_server, stop_server

CLIENTS = 50
STEPS = 20
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
CHOICE = re.compile(r'name="choice" value="([^"]+)"')
OLD_PER_SESSION_MIB = 23.5
OLD_TAP_MS = 82.0


def pss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def server_ms(response: aiohttp.ClientResponse) -> float:
    timing = response.headers.get("Server-Timing", "app;dur=0")
    return float(timing.split("dur=")[1])


class Client:
    """One browser without JavaScript: forms, redirects, its own cookie jar."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.csrf = ""
        self.html = ""
        self.step_server_ms: list[float] = []
        self.step_round_ms: list[float] = []

    async def get(self, path: str) -> float:
        async with self.http.get(self.url + path) as response:
            self.html = await response.text()
            found = CSRF.search(self.html)
            if found:
                self.csrf = found.group(1)
            return server_ms(response)

    async def post(self, path: str, **fields: str) -> tuple[str, float]:
        data = {"csrf": self.csrf, **fields}
        async with self.http.post(self.url + path, data=data, allow_redirects=False) as response:
            await response.read()
            return response.headers["Location"], server_ms(response)

    async def start(self, alias: str) -> str:
        await self.get("/fi/new")
        who, _ = await self.post("/fi/new", alias=alias, dialogue="support-plan")
        await self.get(who)
        step, _ = await self.post(who, do="go_on")  # into the opening
        await self.get(step)
        return step

    def fields(self) -> dict[str, str]:
        html = self.html
        if 'value="go_on"' in html:
            return {"do": "go_on"}
        choice = CHOICE.search(html)
        if 'type="checkbox" name="choice"' in html and choice:
            return {"do": "ready", "choice": choice.group(1)}
        if choice:
            return {"choice": choice.group(1)}
        return {"do": "ready", "words": "Pidän musiikista ja kävelystä."}

    async def walk(self, step: str, steps: int) -> None:
        for _ in range(steps):
            if step.endswith("/themes"):  # after the opening: in order
                fields = {"do": "order"}
            elif "/mat/" in step:  # a topic mat: "Yes, it is right"
                fields = {"do": "confirm"}
            elif "/step/" in step:
                fields = self.fields()
            else:
                return
            t0 = time.perf_counter()
            step, posted = await self.post(step, **fields)
            shown = await self.get(step)
            self.step_round_ms.append((time.perf_counter() - t0) * 1000)
            self.step_server_ms.append(posted + shown)

    async def close(self) -> None:
        await self.http.close()


async def clients_walk(served: Served) -> dict[str, float]:
    warm = Client(served.url)
    await warm.walk(await warm.start("Lämmin"), STEPS)
    await warm.close()
    await asyncio.sleep(0.5)
    rest = pss_kib(served.process.pid)
    clients = [Client(served.url) for _ in range(CLIENTS)]
    starts = await asyncio.gather(*(c.start(f"Asiakas {n}") for n, c in enumerate(clients)))
    await asyncio.gather(*(c.walk(s, STEPS) for c, s in zip(clients, starts, strict=True)))
    busy = pss_kib(served.process.pid)
    lone = Client(served.url)
    await lone.walk(await lone.start("Yksin"), STEPS)
    for c in [*clients, lone]:
        await c.close()
    together = [ms for c in clients for ms in c.step_server_ms]
    round_trip = [ms for c in clients for ms in c.step_round_ms]
    return {
        "rest_mib": rest / 1024,
        "per_client_mib": (busy - rest) / 1024 / CLIENTS,
        "server_p50": statistics.median(together),
        "server_p95": quantile(together, 0.95),
        "lone_p50": statistics.median(lone.step_server_ms),
        "lone_p95": quantile(lone.step_server_ms, 0.95),
        "round_p95": quantile(round_trip, 0.95),
        "steps": float(len(together)),
    }


def quantile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def in_page(served: Served, tmp: Path) -> dict[str, float] | None:
    """First paint of each next step after a tap, and the first page, in real Chromium."""
    from tests.web.chromium import chromium, missing
    from tests.web.walk import Walk

    if missing():
        return None
    paints: list[float] = []

    def visit(driver: Any, kind: str) -> None:
        if kind.startswith("step-"):
            # a page swapped in by haave.js: from the tap's send to the frame after the swap;
            # a new document (no JS path): its first paint
            paint = None
            for _ in range(50):
                paint = driver.execute_script(
                    "const s = window.__haaveSwapMs; window.__haaveSwapMs = undefined;"
                    "if (s !== undefined) return s;"
                    "const p = performance.getEntriesByName('first-contentful-paint')[0];"
                    "return p ? p.startTime : null;"
                )
                if paint is not None:
                    break
                time.sleep(0.01)
            if paint is not None:
                paints.append(float(paint))

    with chromium(tmp / "profile") as driver:
        t0 = time.perf_counter()
        driver.get(served.url + "/")
        first_load = (time.perf_counter() - t0) * 1000
        first_paint = 0.0
        for _ in range(50):  # the paint entry can come a moment after the load event
            first_paint = driver.execute_script(
                "const p = performance.getEntriesByName('first-contentful-paint')[0];"
                "return p ? p.startTime : 0;"
            )
            if first_paint:
                break
            time.sleep(0.02)
        walk = Walk(driver, served.url, "fi", visit)
        walk.start()
        walk.who()
        walk.converse(features=False)
    return {
        "tap_p50": statistics.median(paints),
        "tap_p95": quantile(paints, 0.95),
        "taps": float(len(paints)),
        "first_paint": float(first_paint),
        "first_load": first_load,
    }


def run() -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        served = start_server(tmp / "data")
        try:
            t0 = time.perf_counter()
            asyncio.run(_first_get(served.url + "/"))
            first_http = (time.perf_counter() - t0) * 1000
            t0 = time.perf_counter()
            asyncio.run(_first_get(served.url + "/fi/"))
            list_http = (time.perf_counter() - t0) * 1000
            walked = asyncio.run(clients_walk(served))
        finally:
            stop_server(served)
        served = start_server(tmp / "data2")
        try:
            page = in_page(served, tmp)
        finally:
            stop_server(served)
    per = walked["per_client_mib"]
    rows = [
        Row("web: server at rest (PSS, after one walk)", f"{walked['rest_mib']:.1f} MiB"),
        Row(
            f"web: memory per client, {CLIENTS} walking at once (PSS)",
            f"{per:.2f} MiB (textual-serve: {OLD_PER_SESSION_MIB} MiB per session)",
            "< 2 MiB",
            per < 2,
        ),
        Row(
            f"web: server time per step, {CLIENTS} at once ({walked['steps']:.0f} steps)",
            f"{walked['server_p50']:.1f} ms median, {walked['server_p95']:.1f} ms p95",
            "p95 < 20 ms",
            walked["server_p95"] < 20,
        ),
        Row(
            "web: server time per step, one client",
            f"{walked['lone_p50']:.1f} ms median, {walked['lone_p95']:.1f} ms p95",
        ),
        Row(
            f"web: step round trip on loopback, all {CLIENTS} tapping at the same instant",
            f"{walked['round_p95']:.1f} ms p95",
        ),
        Row(
            "web: first page, fresh server (HTTP)",
            f"{first_http:.0f} ms (then the sessions page {list_http:.0f} ms)",
            "< 300 ms",
            first_http < 300,
        ),
    ]
    if page is not None:
        rows += [
            Row(
                f"web: tap to the next step painted, Chromium ({page['taps']:.0f} taps)",
                f"{page['tap_p50']:.0f} ms median, {page['tap_p95']:.0f} ms p95 "
                f"(textual-serve: {OLD_TAP_MS:.0f} ms median)",
                f"< {OLD_TAP_MS:.0f} ms",
                page["tap_p50"] < OLD_TAP_MS,
            ),
            Row(
                "web: first page painted, fresh browser",
                f"{page['first_paint']:.0f} ms (load {page['first_load']:.0f} ms)",
                "< 300 ms",
                page["first_paint"] < 300,
            ),
        ]
    return rows


async def _first_get(url: str) -> None:
    async with aiohttp.ClientSession() as http, http.get(url) as response:
        await response.read()


if __name__ == "__main__":
    for row in run():
        print(row)
