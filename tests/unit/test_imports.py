"""Import hygiene: the core rooms import in a fresh interpreter without textual or the web
server (nor tinydb, for the dialogue room), and the front-ends keep to the layer contract."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CORE = [
    "assistant.dialogue",
    "assistant.store",
    "assistant.plan",
    "assistant.session",
    "assistant.languages",
    "assistant.symbols",
    "easyread",
]


@pytest.mark.parametrize("module", CORE)
def test_core_imports_without_textual(module: str) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"m = importlib.import_module({module!r})\n"
        "for info in pkgutil.walk_packages(getattr(m, '__path__', []), m.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = [n for n in ('textual', 'aiohttp', 'jinja2') if n in sys.modules]\n"
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


def test_the_front_ends_call_only_the_session_service() -> None:
    """No module in assistant.ui or assistant.web imports the engine, the store or the plan
    (import-linter's contracts in pyproject.toml; `make check` runs them too)."""
    import grimp

    graph = grimp.build_graph("assistant")
    shells = [m for m in graph.modules if m.startswith(("assistant.ui", "assistant.web"))]
    assert shells
    for shell in shells:
        for imported in graph.find_modules_directly_imported_by(shell):
            assert not imported.startswith(
                ("assistant.dialogue", "assistant.store", "assistant.plan")
            ), f"{shell} imports {imported}: call assistant.session instead"
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "BROKEN" not in result.stdout, result.stdout[-2000:]
    assert result.stdout.count("KEPT") == 4


def test_the_first_screen_starts_without_the_core() -> None:
    """The language screen (and its Help) comes up before pydantic, the store or the
    session service are loaded: the app's start stays close to a bare Textual app's."""
    code = (
        "import sys\n"
        "import assistant.ui.app\n"
        "from assistant.ui.screens.language import LanguageScreen\n"
        "heavy = [m for m in ('pydantic', 'tinydb', 'assistant.session', 'assistant.store')\n"
        "         if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
