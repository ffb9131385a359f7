"""Haave's settings: one pydantic model, layered from defaults, a file and `HAAVE_*` variables.

The file is JSON or TOML in the platformdirs config folder (`settings.toml` or
`settings.json`), or wherever `HAAVE_SETTINGS` points. Environment variables win over the
file: `HAAVE_LANGUAGE=sv`, `HAAVE_THEME=haave-high-contrast`, `HAAVE_AUTO_READ=1`,
`HAAVE_DATA_DIR=/path`, `HAAVE_SPEECH_COMMAND="espeak-ng -v {voice} {text}"`.
Never imports textual.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.languages import LangCode

ENV_PREFIX = "HAAVE_"
SETTINGS_ENV = "HAAVE_SETTINGS"


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

    speech_command: str = "espeak-ng -v {voice} {text}"
    """The read-aloud command. `{voice}` and `{text}` are each one argument; never a shell."""

    keymap: dict[str, str] = Field(default_factory=dict)
    """Key bindings by binding id, e.g. {"haave.read_aloud": "f5"} (Textual keymap)."""


def config_path() -> Path:
    """The settings file in use (it may not exist yet)."""
    override = os.environ.get(SETTINGS_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_dir  # deferred: only needed when no override

    folder = Path(user_config_dir("haave", appauthor=False))
    toml = folder / "settings.toml"
    return toml if toml.exists() else folder / "settings.json"


def _read_file(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
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
    """Defaults, then the file, then `HAAVE_*` variables. A broken file falls back to defaults."""
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
    """Write the settings as JSON (atomically). Returns the file written."""
    target = path or config_path()
    if target.suffix == ".toml":
        target = target.with_suffix(".json")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(settings.model_dump_json(indent=2), encoding="utf-8")
    tmp.replace(target)
    return target
