"""Reads a session of `assistant.store` into the plan's neutral `PlanSource`.

The only module of `assistant.plan` that knows the store's model.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from assistant.dialogue.model import Dialogue
from assistant.plan.build import PlanSource
from assistant.plan.export import ExportError


class StoreUnavailable(ExportError):
    """`assistant.store` is not part of this build yet."""


def load_source(session_id: str, data_dir: Path | None) -> tuple[PlanSource, Dialogue]:
    try:
        import_module("assistant.store")
    except ImportError as exc:
        raise StoreUnavailable("the session store is not available in this build") from exc
    raise StoreUnavailable("the session store's model is not wired to the plan yet")
