"""The `haave` command: a thin layer over the rooms of the application."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    print("haave: nothing here yet", args)
    return 0
