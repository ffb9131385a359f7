"""Run every benchmark module and print one table (`make bench`)."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import tempfile
import traceback
from pathlib import Path

from tests.bench import Row


def _passphrase() -> None:
    """New data folders are encrypted: give the benchmarks' apps and stores a passphrase."""
    if os.environ.get("HAAVE_PASSPHRASE_FILE"):
        return
    fd, name = tempfile.mkstemp(prefix="haave-bench-passphrase-")
    os.write(fd, b"a bench passphrase\n")
    os.close(fd)
    os.environ["HAAVE_PASSPHRASE_FILE"] = name


def main(argv: list[str]) -> int:
    _passphrase()
    wanted = set(argv)
    rows: list[Row] = []
    here = Path(__file__).parent
    for info in sorted(pkgutil.iter_modules([str(here)]), key=lambda m: m.name):
        if not info.name.startswith("bench_"):
            continue
        short = info.name.removeprefix("bench_")
        if wanted and short not in wanted:
            continue
        print(f"running {info.name} ...", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(f"tests.bench.{info.name}")
            rows.extend(module.run())
        except Exception:  # a broken benchmark must not hide the others
            traceback.print_exc()
            rows.append(Row(info.name, "FAILED", ok=False))
    width = max([len(r.name) for r in rows] + [9])
    fig_w = max([len(r.figure) for r in rows] + [6])
    print(f"| {'benchmark'.ljust(width)} | {'figure'.ljust(fig_w)} | target | ok |")
    print(f"|{'-' * (width + 2)}|{'-' * (fig_w + 2)}|--------|----|")
    for r in rows:
        mark = {True: "yes", False: "NO", None: ""}[r.ok]
        print(f"| {r.name.ljust(width)} | {r.figure.ljust(fig_w)} | {r.target} | {mark} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
