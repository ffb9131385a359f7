"""`haave export`: a stored session's plan as a file. `assistant.cli` registers it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant.languages import CODES, DEFAULT
from assistant.plan.formats import FORMATS  # light: no renderer is imported


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `export SESSION --format ... --lang ... [--mine | --profile] --out PATH
    [--data-dir DIR]`."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export", help="export a session's draft plan, or the client's own copy (--mine)"
    )
    parser.add_argument("session", help="the session id")
    parser.add_argument("--format", dest="fmt", choices=FORMATS, default="html")
    parser.add_argument("--lang", choices=CODES, default=DEFAULT)
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--mine", action="store_true", help="the client's easy-read copy")
    kind.add_argument("--profile", action="store_true", help="the one-page profile")
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
    from assistant.session.desk import Sessions
    from assistant.session.errors import SessionError

    top = vars(args).get("app_data_dir")  # the top-level `haave --data-dir`, when given
    data_dir = args.export_data_dir or (Path(top) if top else None)
    try:
        sessions = Sessions(data_dir)
        if args.share:
            sessions.record_consent(args.session, args.share, args.caseworker)
        kind = "profile" if args.profile else None
        path = sessions.export_to(args.session, args.fmt, args.lang, args.mine, args.out, kind)
    except SessionError as exc:
        print(f"haave export: {exc.detail or exc.words('en')}", file=sys.stderr)
        return 1
    except (ValueError, OSError) as exc:
        print(f"haave export: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0
