"""What `haave serve` runs for each browser session: `python -m assistant.web.app [--data-dir DIR]`.

A thin launcher for the Textual app (`assistant.ui.run_app`), so that browser mode does not
depend on the shape of the `haave` command line. One process per browser session; textual-serve
selects Textual's web driver through the environment.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib
import os
import signal
import sys
from collections.abc import Sequence

PR_SET_PDEATHSIG = 1


def die_with_server() -> None:
    """Linux: end this app if the server dies without telling it (e.g. SIGKILL), so no
    process holding a person's answers is left behind."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the server was already gone before prctl
        raise SystemExit(1)


def main(argv: Sequence[str] | None = None) -> int:
    die_with_server()
    parser = argparse.ArgumentParser(prog="python -m assistant.web.app")
    parser.add_argument("--data-dir", default=None)
    args = parser.parse_args(argv)
    try:
        ui = importlib.import_module("assistant.ui")
    except ImportError as error:
        print(f"haave serve: the app is not available ({error})", file=sys.stderr)
        return 1
    result: int = ui.run_app(args.data_dir)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
