"""The client's choice of who will see the plan, kept beside the session.

Until `assistant.store` has a field for it, consent is a plan-owned record: one small JSON
file per session under `<data dir>/plan-consent/`, written atomically.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from assistant.plan.model import Audience, Consent

CONSENT_DIR = "plan-consent"


class ConsentError(ValueError):
    """A consent record that cannot be read."""


def consent_path(data_dir: Path, session_id: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in session_id)
    return data_dir / CONSENT_DIR / f"{safe}.json"


def make_consent(
    audience: list[str],
    caseworker_name: str | None = None,
    supporter_name: str | None = None,
    on: date | None = None,
) -> Consent:
    """Consent from the client's choice: any of 'caseworker', 'supporter'; none = nobody yet."""
    wanted = [Audience(a) for a in audience if a != "nobody"]
    return Consent(
        audience=list(dict.fromkeys(wanted)),
        caseworker_name=caseworker_name,
        supporter_name=supporter_name,
        decided_on=on or date.today(),
    )


def save_consent(data_dir: Path, session_id: str, consent: Consent) -> Path:
    """Record the client's choice (atomic: temp file, fsync, rename)."""
    path = consent_path(data_dir, session_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".consent-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(consent.model_dump_json(indent=2))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def load_consent(data_dir: Path, session_id: str) -> Consent | None:
    """The recorded choice, or None when the client has not chosen yet."""
    path = consent_path(data_dir, session_id)
    if not path.exists():
        return None
    try:
        return Consent.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError) as exc:
        raise ConsentError(f"cannot read the consent record {path}: {exc}") from exc
