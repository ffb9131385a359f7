"""Where the settings file is, whether it is safe to use, and one value read quickly.

No pydantic here: `haave` checks the file before the app starts without slowing the app's
first frame. The file names the read-aloud program to run, so it is code: a file (or its
folder) that other users can change is refused with `UnsafeSettings`.
"""

from __future__ import annotations

import json
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

SETTINGS_ENV = "HAAVE_SETTINGS"


def config_path() -> Path:
    """The settings file in use (it may not exist yet)."""
    override = os.environ.get(SETTINGS_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_dir  # deferred: only needed when no override

    folder = Path(user_config_dir("haave", appauthor=False))
    toml = folder / "settings.toml"
    return toml if toml.exists() else folder / "settings.json"


class UnsafeSettings(Exception):
    """The settings file (or its folder) can be changed by other users: it is not used."""

    code = "settings-unsafe"

    def __init__(self, path: Path, reason: str, fix: str) -> None:
        super().__init__(
            f"the settings file {path} {reason}, and it names the program Haave runs to read "
            f"aloud, so Haave does not use it. Check what it says, then fix it with: {fix}"
        )
        self.path = path


def check_settings_file(path: Path) -> None:
    """Refuse a settings file that is not ours or that others can change (nor its folder)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    uid = os.geteuid() if hasattr(os, "geteuid") else st.st_uid
    if st.st_uid != uid:
        raise UnsafeSettings(path, "belongs to another user", f"rm '{path}'")
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafeSettings(path, "can be changed by other users", f"chmod 600 '{path}'")
    folder = path.parent.stat()
    if folder.st_mode & (stat.S_IWGRP | stat.S_IWOTH) and not (
        folder.st_mode & stat.S_ISVTX and folder.st_uid in (0, uid)
    ):
        raise UnsafeSettings(
            path, "is in a folder other users can change", f"chmod 700 '{path.parent}'"
        )



def raw_value(path: Path, key: str) -> Any:
    """One value of the settings file as written (None when absent or unreadable)."""
    check_settings_file(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except (OSError, ValueError):
        return None
    return data.get(key) if isinstance(data, dict) else None
