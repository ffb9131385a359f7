"""The `easyread` command: `easyread check [FILE ...|-] --lang fi|sv|en [--format text|json]`.

Exit 0 with no errors, 1 with errors, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from easyread.settings import LANGS


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="easyread", description="Easy-read checker.")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="Check texts against the easy-read rules.")
    c.add_argument("files", nargs="*", default=["-"], help="Files to check; - reads stdin.")
    c.add_argument("--lang", required=True, choices=LANGS)
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--no-voikko", action="store_true", help="Use the simpler rules for Finnish.")
    return p


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    return Path(name).read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    try:
        return _check(args)
    except BrokenPipeError:  # e.g. `easyread check ... | head`: not an error of the text
        sys.stderr.close()
        return 0


def _check(args: argparse.Namespace) -> int:
    from easyread.check import check_text

    errors = 0
    out: list[dict[str, object]] = []
    for name in args.files or ["-"]:
        try:
            text = _read(name)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"easyread: cannot read {name}: {exc}", file=sys.stderr)
            return 2
        report = check_text(text, args.lang, use_voikko=False if args.no_voikko else None)
        errors += len(report.errors)
        label = "<stdin>" if name == "-" else name
        if args.format == "json":
            out.append({"file": label, **report.as_dict()})
            continue
        for note in report.notes:
            print(f"{label}: note: {note}")
        for f in report.findings:
            line_start = text.rfind("\n", 0, f.span[0]) + 1
            col = f.span[0] - line_start + 1
            tag = f" [silenced: {f.reason}]" if f.silenced else ""
            hint = f" ({f.suggestion})" if f.suggestion else ""
            print(f"{label}:{f.line}:{col}: {f.level} {f.rule}: {f.message}{hint}{tag}")
        if report.lix:
            print(f"{label}: info lix: {report.lix.value:.0f}, {report.lix.band}. "
                  f"{report.lix.note}")
    if args.format == "json":
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
