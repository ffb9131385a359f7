"""Browser mode: memory per browser session with 10 concurrent sessions (loopback only).

Serves the tiny test app (tests/web/tiny_app.py) with `haave serve`, opens 10 websocket
sessions with aiohttp's client, waits until each has drawn its first screen, and sums the
memory of the server and every process under it from /proc (RSS, and PSS which shares
libraries fairly between processes).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp

from tests.bench import Row
from tests.web.conftest import descendants, start_served, stop_served

SESSIONS = 10
FIRST_SCREEN_BYTES = 2000
TIME_LIMIT = 60.0
TARGET_MIB = 100.0


def children(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    return [pid, *descendants(pid)]


def memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in KiB of `pid` and its descendants."""
    rss = pss = 0
    for p in children(pid):
        try:
            rollup = Path(f"/proc/{p}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in rollup.splitlines():
            if line.startswith("Rss:"):
                rss += int(line.split()[1])
            elif line.startswith("Pss:"):
                pss += int(line.split()[1])
    return rss, pss


async def open_session(
    http: aiohttp.ClientSession, url: str
) -> tuple[aiohttp.ClientWebSocketResponse, float]:
    t0 = time.perf_counter()
    ws = await http.ws_connect(f"{url}/ws?width=100&height=30")
    await ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
    received = 0
    async for message in ws:
        if message.type == aiohttp.WSMsgType.BINARY:
            received += len(message.data)
            if received >= FIRST_SCREEN_BYTES:
                break
        elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
            raise RuntimeError("session closed before its first screen")
    return ws, time.perf_counter() - t0


async def measure(url: str, server_pid: int) -> list[Row]:
    await asyncio.sleep(0.5)
    base_rss, base_pss = memory_kib(server_pid)
    async with aiohttp.ClientSession() as http:
        opened = await asyncio.wait_for(
            asyncio.gather(*(open_session(http, url) for _ in range(SESSIONS))), TIME_LIMIT
        )
        await asyncio.sleep(1.0)  # let every app settle after its first screen
        rss, pss = memory_kib(server_pid)
        processes = len(children(server_pid))
        for ws, _ in opened:
            await ws.close()
    starts = [seconds for _, seconds in opened]
    per_rss = (rss - base_rss) / SESSIONS / 1024
    per_pss = (pss - base_pss) / SESSIONS / 1024
    return [
        Row("web: server alone (RSS)", f"{base_rss / 1024:.1f} MiB"),
        Row(
            f"web: per session, {SESSIONS} concurrent (PSS)",
            f"{per_pss:.1f} MiB",
            f"< {TARGET_MIB:.0f} MiB",
            per_pss < TARGET_MIB,
        ),
        Row(f"web: per session, {SESSIONS} concurrent (RSS)", f"{per_rss:.1f} MiB"),
        Row(f"web: processes with {SESSIONS} sessions", str(processes)),
        Row(
            f"web: first screen, median of {SESSIONS} concurrent",
            f"{statistics.median(starts) * 1000:.0f} ms",
        ),
    ]


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="haave-bench-web-") as tmp:
        served = start_served(Path(tmp), token=None)
        try:
            return asyncio.run(measure(served.url, served.process.pid))
        finally:
            stop_served(served)
