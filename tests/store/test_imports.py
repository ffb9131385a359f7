"""The store never imports textual."""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "assistant.store",
    "assistant.store.api",
    "assistant.store.cli",
    "assistant.store.local",
    "assistant.store.session",
    "assistant.store.transfer",
]


def test_store_imports_without_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for m in {MODULES!r}: importlib.import_module(m)\n"
        "import assistant.store as s; s.open_store; s.SessionStore\n"
        "assert not any(n == 'textual' or n.startswith('textual.') for n in sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
