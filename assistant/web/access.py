"""Who may use the pages: seats (one per browser), the facilitator's passcode, CSRF, origins.

A *seat* is one browser: a random id in an HttpOnly, SameSite=Strict cookie (Secure under
TLS), signed with a key made at start-up, so the server keeps no table of seats and a restart
signs everyone out. On loopback a seat is given to any browser on this computer; beyond it,
only the sign-in page gives one, after the passcode. Every form carries a CSRF token derived
from the seat, and a POST from another origin is refused before any handler runs.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from assistant.web.config import WebConfig

#: Failed sign-ins allowed per window, from one address and in all.
ATTEMPTS_PER_ADDRESS = 5
ATTEMPTS_IN_ALL = 30
ATTEMPT_WINDOW_S = 300.0

SAFE_METHODS = frozenset({"GET", "HEAD"})
#: The request key holding the seat id (set by the guard).
SEAT_KEY: Any = web.RequestKey("seat", str) if hasattr(web, "RequestKey") else "haave.seat"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass
class Attempts:
    """Failed sign-ins in a sliding window: per address and in all (a slow guesser from many
    addresses is still bounded)."""

    per_address: int = ATTEMPTS_PER_ADDRESS
    in_all: int = ATTEMPTS_IN_ALL
    window: float = ATTEMPT_WINDOW_S
    _failed: deque[tuple[float, str]] = field(default_factory=deque)

    def _prune(self, now: float) -> None:
        while self._failed and now - self._failed[0][0] > self.window:
            self._failed.popleft()

    def blocked(self, address: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        self._prune(now)
        mine = sum(1 for _t, a in self._failed if a == address)
        return mine >= self.per_address or len(self._failed) >= self.in_all

    def failed(self, address: str, now: float | None = None) -> None:
        self._failed.append((time.monotonic() if now is None else now, address))


class Access:
    """Seats, CSRF tokens and the passcode of one server."""

    def __init__(self, config: WebConfig) -> None:
        self.config = config
        self._key = secrets.token_bytes(32)
        self.attempts = Attempts()

    @property
    def cookie_name(self) -> str:
        """Per port: browsers share cookies between the ports of one host."""
        return f"haave_seat_{self.config.port}"

    @property
    def needs_sign_in(self) -> bool:
        return self.config.token is not None

    def _sign(self, text: str) -> str:
        return _b64(hmac.new(self._key, text.encode("utf-8"), hashlib.sha256).digest())

    def new_seat(self) -> tuple[str, str]:
        """(seat id, cookie value)."""
        seat = _b64(secrets.token_bytes(18))
        return seat, f"{seat}.{self._sign('seat|' + seat)}"

    def seat_of(self, request: web.Request) -> str | None:
        """The seat in the request's cookie, when it is one this server signed."""
        value = request.cookies.get(self.cookie_name, "")
        seat, _dot, signature = value.partition(".")
        if not seat or not signature:
            return None
        if not hmac.compare_digest(signature, self._sign("seat|" + seat)):
            return None
        return seat

    def csrf(self, seat: str) -> str:
        return self._sign("csrf|" + seat)[:32]

    def csrf_ok(self, seat: str, token: str | None) -> bool:
        return token is not None and hmac.compare_digest(token, self.csrf(seat))

    def passcode_ok(self, candidate: str) -> bool:
        token = self.config.token
        if not token:
            return False
        return hmac.compare_digest(candidate.encode("utf-8"), token.encode("utf-8"))

    def set_seat_cookie(
        self, response: web.StreamResponse, request: web.Request, value: str
    ) -> None:
        response.set_cookie(
            self.cookie_name,
            value,
            httponly=True,
            samesite="Strict",
            path="/",
            secure=request.secure,
        )

    def clear_seat_cookie(self, response: web.StreamResponse) -> None:
        response.del_cookie(self.cookie_name, path="/")

    # -- checks on every request -----------------------------------------------------------

    def host_ok(self, request: web.Request) -> bool:
        try:
            hostname = urlsplit(f"//{request.host}").hostname or ""
        except ValueError:
            return False
        return bool(hostname) and self.config.host_allowed(hostname)

    def same_origin(self, request: web.Request) -> bool:
        """A POST must come from our own pages: its Origin names this host, or (browsers that
        send no Origin) Sec-Fetch-Site says so. Neither header: the CSRF token decides."""
        origin = request.headers.get("Origin")
        site = request.headers.get("Sec-Fetch-Site")
        if origin == "null":  # a privacy setting hid it: the browser's own word decides
            return site == "same-origin"
        if origin is not None:
            try:
                return urlsplit(origin).netloc.lower() == request.host.lower()
            except ValueError:
                return False
        return site in (None, "same-origin", "none")
