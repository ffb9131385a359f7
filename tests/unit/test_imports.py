"""Import hygiene: the core rooms import in a fresh interpreter without textual (or tinydb,
for the dialogue room)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

CORE = ["assistant.dialogue", "assistant.store", "assistant.plan", "easyread"]


@pytest.mark.parametrize("module", CORE)
def test_core_imports_without_textual(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not built yet")
    code = (
        "import importlib, pkgutil, sys\n"
        f"m = importlib.import_module({module!r})\n"
        "for info in pkgutil.walk_packages(getattr(m, '__path__', []), m.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = [n for n in ('textual',) if n in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_dialogue_room_imports_without_storage() -> None:
    code = (
        "import sys, importlib\n"
        "for name in ['engine', 'loader', 'checks', 'testplan', 'schema']:\n"
        "    importlib.import_module('assistant.dialogue.' + name)\n"
        "assert 'tinydb' not in sys.modules and 'textual' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_cli_parser_starts_light() -> None:
    """`haave` builds its parser without pydantic, tinydb or textual: start-up stays quick."""
    code = (
        "import sys, assistant.cli\n"
        "assistant.cli._parser()\n"
        "heavy = [m for m in ('pydantic', 'tinydb', 'textual', 'aiohttp') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
