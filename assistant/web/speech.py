"""Read aloud's fallback: a WAV made on the server, for a device with no voice of the language.

The page speaks with the device's own voice first (Web Speech API). Where the device has none
for the session's language, it plays this: espeak-ng reads the text from stdin (never from
the command line, so no text is ever read as an option or shown in `ps`) and writes a WAV to
stdout. A recorded file from the dialogue, where there is one, wins over both. Only the text
shown now can be spoken: the URL names the step, and any other step is a 404.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Sequence
from pathlib import Path

from aiohttp import web

from assistant.languages import language
from assistant.session import Place
from assistant.web.common import safe_id, session_route, where
from assistant.web.desk import Opened
from assistant.web.steps import spoken_of

#: At most this many speech programs at once; more wait their turn.
PARALLEL = 2
TIMEOUT_S = 30.0
#: The recorded files a dialogue may name (its schema's suffixes), with their media types.
AUDIO_SUFFIXES = {
    ".wav": "audio/wav",
    ".mp3": "audio/mpeg",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".m4a": "audio/mp4",
    ".webm": "audio/webm",
}


class SpeechUnavailable(RuntimeError):
    pass


class Speech:
    """Makes WAVs with a command that reads text on stdin."""

    def __init__(self, command: Sequence[str]) -> None:
        self.command = tuple(command)
        self._turns = asyncio.Semaphore(PARALLEL)

    def available(self) -> bool:
        return bool(self.command) and shutil.which(self.command[0]) is not None

    async def wav(self, text: str, lang: str) -> bytes:
        if not self.available():
            raise SpeechUnavailable(self.command[0] if self.command else "")
        voice = language(lang).voice
        argv = [part.replace("{voice}", voice) for part in self.command]
        async with self._turns:
            process = await asyncio.create_subprocess_exec(
                *argv,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.DEVNULL,
            )
            try:
                out, _err = await asyncio.wait_for(
                    process.communicate(text.replace("\n", ". ").encode("utf-8")), TIMEOUT_S
                )
            except TimeoutError:
                process.kill()
                await process.wait()
                raise SpeechUnavailable("timed out") from None
        if process.returncode != 0 or not out.startswith(b"RIFF"):
            raise SpeechUnavailable(f"exit {process.returncode}")
        return out


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/s/{sid}/speech/{key}.wav", session_route(spoken))
    router.add_get("/s/{sid}/recorded/{step}", session_route(recorded))


def _text_now(opened: Opened, key: str) -> str | None:
    """What read aloud says for `key` (a step id, `readback-THEME`, `mat-MAT` or
    `important`), if it is shown now."""
    active = opened.active
    if key.startswith("readback-") and active.place is Place.READBACK:
        theme = key.removeprefix("readback-")
        if active.readback_theme == theme:
            return active.readback(theme).spoken
        return None
    if key == "important":
        return active.important_choices().spoken
    if key.startswith("mat-"):
        mat_id = key.removeprefix("mat-")
        return active.mat(mat_id).spoken if where(opened).endswith(f"/mat/{mat_id}") else None
    view = active.step() if active.place is Place.STEP else None
    if view is None or view.step_id != key:
        return None
    return spoken_of(opened, view)


async def spoken(request: web.Request, opened: Opened) -> web.Response:
    from assistant.web.common import haave

    text = _text_now(opened, safe_id(request.match_info["key"]))
    if text is None:
        raise web.HTTPNotFound()
    try:
        data = await haave(request).speech.wav(text, opened.active.language)
    except SpeechUnavailable:
        return web.Response(status=503, text="speech is not available here\n")
    return web.Response(body=data, content_type="audio/wav")


async def recorded(request: web.Request, opened: Opened) -> web.StreamResponse:
    """The dialogue's own recording of the step shown now."""
    active = opened.active
    view = active.step() if active.place is Place.STEP else None
    if view is None or view.step_id != safe_id(request.match_info["step"]) or not view.audio:
        raise web.HTTPNotFound()
    path = Path(view.audio)  # in the dialogue's folder, checked by the session service
    mime = AUDIO_SUFFIXES.get(path.suffix.lower())
    if mime is None or not path.is_file():
        raise web.HTTPNotFound()
    # only this file, as audio: never sniffed as a page, never shown as one
    headers = {
        "Content-Type": mime,
        "Content-Disposition": "inline",
        "Content-Security-Policy": "default-src 'none'; sandbox",
    }
    return web.FileResponse(path, headers=headers)
