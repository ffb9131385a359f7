"""Haave's settings: one pydantic model, layered from defaults, a file and `HAAVE_*` variables.

The file is JSON or TOML in the platformdirs config folder (`settings.toml` or
`settings.json`), or wherever `HAAVE_SETTINGS` points. Environment variables win over the
file: `HAAVE_LANGUAGE=sv`, `HAAVE_THEME=haave-high-contrast`, `HAAVE_AUTO_READ=1`,
`HAAVE_DATA_DIR=/path`, `HAAVE_SPEECH_COMMAND="espeak-ng -v {voice} --stdin"`.

The file names the read-aloud program to run, so it is code: it is written 0600 in a 0700
folder whatever the umask, and a file (or its folder) that other users can change is refused
with `UnsafeSettings`, whose message says how to fix it. Never imports textual.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.languages import LangCode

# the file's place and safety live in a module without pydantic, so `haave` can check them
# before the app starts without slowing its first frame; re-exported here
from assistant.settings_file import (
    SETTINGS_ENV,
    UnsafeSettings,
    check_settings_file,
    config_path,
)

ENV_PREFIX = "HAAVE_"
__all__ = [
    "SETTINGS_ENV",
    "Settings",
    "UnsafeSettings",
    "check_settings_file",
    "config_path",
    "load_settings",
    "save_settings",
]


class Settings(BaseModel):
    """Everything a user or an organisation may set."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    language: LangCode | None = None
    """The language of the app; None: ask, with the system language chosen first."""

    theme: str = "haave"
    """The look: `haave`, `haave-high-contrast` or `ansi-dark` (the terminal's own colours)."""

    auto_read: bool = False
    """Read each new screen aloud by itself."""

    data_dir: str | None = None
    """Where sessions are kept; None: the platform's data folder."""

    speech_command: str = "espeak-ng -v {voice} --stdin"
    """The read-aloud command; the text goes to its standard input, never on its command line
    (a `{text}` left in an older setting is dropped). `{voice}` is one argument; never a shell."""

    keymap: dict[str, str] = Field(default_factory=dict)
    """Key bindings by binding id, e.g. {"haave.read_aloud": "f5"} (Textual keymap)."""


def _read_file(path: Path) -> dict[str, Any]:
    check_settings_file(path)
    if not path.exists():
        return {}
    try:
        if not path.is_file():
            return {}
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _from_env() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in Settings.model_fields:
        value = os.environ.get(ENV_PREFIX + name.upper())
        if value is None:
            continue
        if name == "keymap":
            try:
                out[name] = json.loads(value)
            except ValueError:
                continue
        elif name == "auto_read":
            out[name] = value.strip().lower() in ("1", "true", "yes", "on")
        else:
            out[name] = value
    return out


def load_settings(path: Path | None = None) -> Settings:
    """Defaults, then the file, then `HAAVE_*` variables. A broken file falls back to defaults;
    one others can change raises `UnsafeSettings`."""
    data = _read_file(path or config_path())
    data.update(_from_env())
    try:
        return Settings.model_validate(data)
    except ValidationError:
        env_only = _from_env()
        try:
            return Settings.model_validate(env_only)
        except ValidationError:
            return Settings()


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings as JSON, atomically, 0600 in a 0700 folder. Returns the file written."""
    target = path or config_path()
    if target.suffix == ".toml":
        target = target.with_suffix(".json")
    _private_dirs(target.parent)
    check_settings_file(target)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    data = settings.model_dump_json(indent=2).encode("utf-8")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)  # whatever the umask
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        tmp.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


def _private_dirs(folder: Path) -> None:
    """Create the folder and its missing parents as 0700 (existing ones are left alone)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(made, 0o700)
            os.chmod(made, 0o700)
