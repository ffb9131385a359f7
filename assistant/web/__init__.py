"""Browser mode (`haave serve`): the Textual app served to a web browser by textual-serve.

This package does not import Textual: the server runs the app as a subprocess, one per
browser session. The one thing the app side needs is `deliver`, for exports.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

__all__ = ["TOKEN_ENV", "deliver", "is_web"]

TOKEN_ENV = "HAAVE_SERVE_TOKEN"  # noqa: S105 - the name of the variable, not a secret
"""Environment variable holding the access token of `haave serve`."""


class _DeliveringApp(Protocol):
    @property
    def is_web(self) -> bool: ...

    def deliver_binary(self, path_or_file: Any, **kwargs: Any) -> str | None: ...


def is_web(app: object) -> bool:
    """True when `app` (a Textual App) runs in a browser through textual-serve.

    Textual's `App.is_web` is True when the app's driver is textual's WebDriver, which
    textual-serve selects for the subprocess through `TEXTUAL_DRIVER`.
    """
    return bool(getattr(app, "is_web", False))


def deliver(
    app: _DeliveringApp | object,
    path: str | Path,
    *,
    mime_type: str | None = None,
    name: str | None = None,
) -> str | None:
    """Offer the file at `path` to the browser as a download, when in browser mode.

    Call it after an export has written `path`. In a terminal it does nothing and returns
    None (the export is already on disk; Textual's own fallback would copy it into
    ~/Downloads, which we do not want for sensitive data). In a browser it returns the
    delivery key; textual-serve then asks the browser to fetch `/download/<key>`, which is
    behind the same access token as the page. The download is single-use.
    """
    if not is_web(app):
        return None
    file_path = Path(path)
    deliver_binary = getattr(app, "deliver_binary")  # noqa: B009 - typed as object above
    key: str | None = deliver_binary(
        file_path,
        save_filename=file_path.name,
        open_method="download",
        mime_type=mime_type,
        name=name,
    )
    return key
