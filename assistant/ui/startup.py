"""A first look at the settings without pydantic, so the first screen comes up fast.

Only the language and the theme are read here (file, then `HAAVE_*` variables, the same
order as `assistant.settings`); the full, validated settings load right after the first
screen is drawn.
"""

from __future__ import annotations

import contextlib
import json
import os
import tomllib
from pathlib import Path


def settings_file(override: Path | None) -> Path:
    if override is not None:
        return override
    if os.environ.get("HAAVE_SETTINGS"):
        return Path(os.environ["HAAVE_SETTINGS"])
    from platformdirs import user_config_dir

    folder = Path(user_config_dir("haave", appauthor=False))
    toml = folder / "settings.toml"
    return toml if toml.exists() else folder / "settings.json"


def first_look(override: Path | None = None) -> dict[str, str | None]:
    """{"language", "theme", "auto_read"} from the settings file and the environment."""
    found: dict[str, str | None] = {"language": None, "theme": None, "auto_read": None}
    data = _file(override)
    if isinstance(data, dict):
        for key in found:
            value = data.get(key)
            if isinstance(value, bool):
                value = "1" if value else None
            found[key] = value if isinstance(value, str) else None
    for key in found:
        env = os.environ.get(f"HAAVE_{key.upper()}")
        if env:
            found[key] = env
    if found["auto_read"] is not None:
        on = found["auto_read"].strip().lower() in ("1", "true", "yes", "on")
        found["auto_read"] = "1" if on else None
    return found


def first_keymap(override: Path | None = None) -> dict[str, str]:
    """The user's key remaps (binding id -> keys), so the first screen shows the right keys."""
    raw: object = _file(override).get("keymap")
    env = os.environ.get("HAAVE_KEYMAP")
    if env:
        with contextlib.suppress(ValueError):
            raw = json.loads(env)
    if not isinstance(raw, dict):
        return {}
    return {str(k): str(v) for k, v in raw.items() if isinstance(v, str)}


def _file(override: Path | None) -> dict[str, object]:
    path = settings_file(override)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
