"""The web front-end (`haave serve`): server-rendered pages over the session service.

One asynchronous aiohttp process serves many browsers (tablets, computers with a screen reader
or zoom). Every step is a URL with a real `<form>`: answering is a POST, then a redirect, so it
works without JavaScript; `static/haave.js` only adds read aloud, drafts, focus and number keys.
This room imports only the session service and its neighbours (never the engine, the store or
Textual); `cli` stays light so that `haave --help` does not load aiohttp.
"""

from __future__ import annotations

__all__ = ["TOKEN_ENV"]

TOKEN_ENV = "HAAVE_SERVE_TOKEN"  # noqa: S105 - the name of the variable, not a secret
"""Environment variable holding the facilitator's passcode (or use `--token-file`)."""
