"""What `haave serve` runs for each browser session: `python -m assistant.web.app [--data-dir DIR]`.

A thin launcher for the Textual app (`assistant.ui.run_app`), so that browser mode does not
depend on the shape of the `haave` command line. One process per browser session; textual-serve
selects Textual's web driver through the environment.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
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
