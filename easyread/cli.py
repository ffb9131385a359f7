"""The `easyread` command:
`easyread check [FILE ...|-] --lang fi|sv|en [--format text|json|html] [--suggest] [--no-voikko]`.

`--format html` writes one readable page (findings marked in place, suggestions beside
them) to stdout. `--suggest` lists only what has a plainer way to say it: official words and
phrases with their plain alternatives and reasons, and the hidden-actor findings with how to
say who acts. Exit 0 with no errors, 1 with errors, 2 on bad usage.
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
    c.add_argument("--format", choices=("text", "json", "html"), default="text",
                   help="html: one page with each finding marked in place.")
    c.add_argument("--suggest", action="store_true",
                   help="List only findings with a plainer way to say it, and the plain words.")
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


def _column(text: str, offset: int) -> int:
    return offset - (text.rfind("\n", 0, offset) + 1) + 1


def _print_text(label: str, text: str, report: object, suggest: bool) -> None:
    from easyread.model import Report

    assert isinstance(report, Report)
    for note in report.notes:
        print(f"{label}: note: {note}")
    for f in report.findings:
        where = f"{label}:{f.line}:{_column(text, f.span[0])}"
        if suggest:
            if f.alternative is None:
                continue
            plain = " / ".join(f'"{p}"' for p in f.alternative.plain)
            source = f" [source: {f.alternative.source}]" if f.alternative.source else ""
            shown = text[f.span[0]:f.span[1]]
            print(f'{where}: "{shown}" -> {plain} ({f.rule}: {f.alternative.why}){source}')
            continue
        tag = f" [silenced: {f.reason}]" if f.silenced else ""
        hint = f" ({f.suggestion})" if f.suggestion else ""
        print(f"{where}: {f.level} {f.rule}: {f.message}{hint}{tag}")
    if report.lix and not suggest:
        print(f"{label}: info lix: {report.lix.value:.0f}, {report.lix.band}. "
              f"{report.lix.note}")


def _check(args: argparse.Namespace) -> int:
    from easyread.check import check_text

    errors = 0
    out: list[dict[str, object]] = []
    sections: list[str] = []
    for index, name in enumerate(args.files or ["-"], start=1):
        try:
            text = _read(name)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"easyread: cannot read {name}: {exc}", file=sys.stderr)
            return 2
        report = check_text(text, args.lang, use_voikko=False if args.no_voikko else None)
        errors += len(report.errors)
        label = "<stdin>" if name == "-" else name
        if args.format == "json":
            data = report.as_dict()
            if args.suggest:
                data["findings"] = [f.as_dict() for f in report.findings if f.alternative]
            out.append({"file": label, **data})
        elif args.format == "html":
            from easyread.report_html import file_section

            sections.append(file_section(label, text, report, index))
        else:
            _print_text(label, text, report, args.suggest)
    if args.format == "json":
        print(json.dumps(out, ensure_ascii=False, indent=2))
    elif args.format == "html":
        from easyread.report_html import page

        sys.stdout.write(page(sections))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
