"""`haave export`: the plan's sub-command. `assistant.cli` registers it with `add_parser`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

#: Kept here, not imported from `export`, so that `haave` starts without pydantic.
#: A test checks it equals `assistant.plan.export.FORMATS`.
FORMATS: tuple[str, ...] = ("html", "md", "docx", "json", "fhir")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `export SESSION --format ... --lang ... [--mine] --out PATH [--data-dir DIR]`."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export", help="export a session's draft plan, or the client's own copy (--mine)"
    )
    parser.add_argument("session", help="the session id")
    parser.add_argument("--format", dest="fmt", choices=FORMATS, default="html")
    parser.add_argument("--lang", choices=("fi", "sv", "en"), default="fi")
    parser.add_argument("--mine", action="store_true", help="the client's easy-read copy")
    parser.add_argument("--out", type=Path, default=Path.cwd(), help="a file or a folder")
    # Its own dest: a subparser default would overwrite the top-level `haave --data-dir`.
    parser.add_argument("--data-dir", dest="export_data_dir", type=Path, default=None)
    parser.add_argument(
        "--share",
        action="append",
        choices=("caseworker", "supporter", "nobody"),
        help="record who may see the plan (may repeat)",
    )
    parser.add_argument("--caseworker", default=None, help="the caseworker's name")
    parser.set_defaults(handler=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Do the export; print where the file went, or one clear line of error. Exit code."""
    from assistant.plan.consent import ConsentError, make_consent
    from assistant.plan.export import ExportError, export, record_consent

    top = getattr(args, "data_dir", None)
    data_dir = args.export_data_dir or (Path(top) if top else None)
    try:
        if args.share:
            consent = make_consent(args.share, args.caseworker)
            record_consent(args.session, consent, data_dir)
        path = export(args.session, args.fmt, args.lang, args.mine, args.out, data_dir)
    except (ExportError, ConsentError, ValueError, OSError) as exc:
        print(f"haave export: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0
