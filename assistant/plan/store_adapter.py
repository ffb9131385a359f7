"""Loads a session from `assistant.store` for export: the plan's only door into the store.

Reads through the store's public API (`open_store(data_dir)`, `resolve`, `open`), looked up
at run time so the plan room builds and tests without the store room.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

from assistant.dialogue.loader import default_root, load_dialogue
from assistant.dialogue.model import Dialogue
from assistant.dialogue.yamlio import DataFileError
from assistant.plan.build import PlanSource, source_from_session
from assistant.plan.export import ExportError


class StoreUnavailable(ExportError):
    """`assistant.store` is not part of this build yet."""


def load_session(session_key: str, data_dir: Path | None) -> Any:
    """The store's `Session` for an id, id prefix or alias (lock held only while reading)."""
    try:
        store_mod = import_module("assistant.store")
    except ImportError as exc:
        raise StoreUnavailable("the session store is not available in this build") from exc
    error: type[Exception] = getattr(store_mod, "StoreError", Exception)
    try:
        store = store_mod.open_store(data_dir)
        session_id = store.resolve(session_key)
        with store.open(session_id) as opened:
            return opened.session
    except error as exc:
        raise ExportError(str(exc)) from exc


def load_dialogue_of(dialogue_id: str, root: Path | None = None) -> Dialogue:
    folder = (root or default_root()) / dialogue_id
    try:
        return load_dialogue(folder)
    except DataFileError as exc:
        raise ExportError(f"cannot load the dialogue '{dialogue_id}': {exc}") from exc


def load_source(session_key: str, data_dir: Path | None) -> tuple[PlanSource, Dialogue]:
    source = source_from_session(load_session(session_key, data_dir))
    return source, load_dialogue_of(source.dialogue_id)
