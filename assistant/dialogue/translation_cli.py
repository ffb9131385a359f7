"""`haave i18n export|import|stamp|status` and `haave script`: the translators' commands.

The work is in `assistant.dialogue.translation_po` (export, import, stamp), `translation`
(status) and `recording` (the script); this module only reads the command line and prints.
Usage errors exit 2, problems exit 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parsers(sub: Any) -> None:
    """Register `i18n` and `script` on the `haave` sub-command parser."""
    i18n = sub.add_parser("i18n", help="translate dialogues: export and import .po files")
    i18n.set_defaults(handler=_cmd_help(i18n))
    actions = i18n.add_subparsers(dest="i18n_command", metavar="ACTION")

    export = actions.add_parser("export", help="write a .po file of every text of a dialogue")
    export.add_argument("path", type=Path, metavar="DIALOGUE", help="a dialogue folder")
    export.add_argument("--lang", required=True, help="the language to translate into")
    export.add_argument("--out", type=Path, help="the .po file (default: print it)")
    export.set_defaults(handler=_cmd_export)

    imp = actions.add_parser("import", help="write a translated .po file into the YAML files")
    imp.add_argument("path", type=Path, metavar="DIALOGUE", help="a dialogue folder")
    imp.add_argument("po", type=Path, metavar="FILE", help="the translated .po file")
    imp.add_argument("--lang", required=True, help="the language of the translations")
    imp.set_defaults(handler=_cmd_import)

    stamp = actions.add_parser(
        "stamp", help="record that a language's texts match today's source texts"
    )
    stamp.add_argument("path", type=Path, metavar="DIALOGUE", help="a dialogue folder")
    stamp.add_argument("--lang", required=True, help="the translated language")
    stamp.add_argument(
        "--only", nargs="+", default=[], metavar="ID", help="only these steps, themes or choices"
    )
    stamp.set_defaults(handler=_cmd_stamp)

    status = actions.add_parser("status", help="texts missing, outdated or not stamped")
    status.add_argument("path", type=Path, metavar="DIALOGUE", help="a dialogue folder")
    status.set_defaults(handler=_cmd_status)

    script = sub.add_parser("script", help="write a recording script (line id, text, file)")
    script.add_argument("path", type=Path, metavar="DIALOGUE", help="a dialogue folder")
    script.add_argument("--lang", required=True, help="the language to record")
    script.add_argument("--out", type=Path, help="the CSV file (default: print it)")
    script.add_argument("--missing", action="store_true", help="only lines not recorded yet")
    script.set_defaults(handler=_cmd_script)


def _cmd_help(parser: argparse.ArgumentParser) -> Any:
    def show(_args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    return show


def _folder(path: Path) -> Path | None:
    from assistant.dialogue.loader import DIALOGUE_FILE

    folder = path.parent if path.is_file() else path
    if not (folder / DIALOGUE_FILE).exists():
        print(f"haave: {path}: not a dialogue folder (no {DIALOGUE_FILE})", file=sys.stderr)
        return None
    return folder


def _language(code: str) -> bool:
    from assistant import languages

    if languages.is_known(code):
        return True
    known = ", ".join(languages.CODES)
    print(f"haave: unknown language '{code}'; use one of {known}", file=sys.stderr)
    return False


def _problems(exc: Exception) -> int:
    from assistant.dialogue.yamlio import DataFileError

    if isinstance(exc, DataFileError):
        for problem in exc.problems:
            print(problem, file=sys.stderr)
    else:
        print(f"haave: {exc}", file=sys.stderr)
    return 1


def _cmd_export(args: argparse.Namespace) -> int:
    from assistant.dialogue.translation_po import export_po
    from assistant.dialogue.yamlio import DataFileError

    folder = _folder(args.path)
    if folder is None or not _language(args.lang):
        return 2
    try:
        data = export_po(folder, args.lang)
    except DataFileError as exc:
        return _problems(exc)
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        args.out.write_bytes(data)
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from assistant.dialogue.translation_po import import_po
    from assistant.dialogue.yamlio import DataFileError, shown

    folder = _folder(args.path)
    if folder is None or not _language(args.lang):
        return 2
    if not args.po.is_file():
        print(f"haave i18n import: {args.po}: no such file", file=sys.stderr)
        return 2
    try:
        report = import_po(folder, args.po, args.lang)
    except (DataFileError, ValueError, OSError) as exc:
        return _problems(exc)
    for path in report.files:
        print(f"wrote {shown(path)}", file=sys.stderr)
    print(
        f"haave i18n import: {len(report.changed)} text(s) changed, "
        f"{len(report.stamped)} owner(s) stamped, {len(report.fuzzy)} fuzzy left out, "
        f"{report.empty} untranslated",
        file=sys.stderr,
    )
    for line_id in report.unknown:
        print(f"  not in the dialogue (renamed or removed?): {line_id}", file=sys.stderr)
    for line_id in report.from_older_source:
        print(f"  translated from an older source text: {line_id}", file=sys.stderr)
    if report.language_added:
        print(f"  every text has '{args.lang}' now: added it to languages", file=sys.stderr)
    return 0


def _cmd_stamp(args: argparse.Namespace) -> int:
    from assistant.dialogue.translation_po import stamp
    from assistant.dialogue.yamlio import DataFileError

    folder = _folder(args.path)
    if folder is None or not _language(args.lang):
        return 2
    try:
        done = stamp(folder, args.lang, args.only)
    except (DataFileError, ValueError) as exc:
        return _problems(exc)
    print(f"haave i18n stamp: {len(done)} owner(s) stamped for '{args.lang}'", file=sys.stderr)
    return 0


def _cmd_status(args: argparse.Namespace) -> int:
    from assistant.dialogue.loader import load
    from assistant.dialogue.translation import status
    from assistant.dialogue.yamlio import DataFileError

    folder = _folder(args.path)
    if folder is None:
        return 2
    try:
        dialogue = load(folder).dialogue
    except DataFileError as exc:
        return _problems(exc)
    for item in status(dialogue):
        print(
            f"{dialogue.id} {item.lang}: {item.texts} texts, {item.missing} missing, "
            f"{item.outdated} outdated, {item.unstamped} not stamped"
        )
    return 0


def _cmd_script(args: argparse.Namespace) -> int:
    from assistant.dialogue.loader import load
    from assistant.dialogue.recording import script, script_csv
    from assistant.dialogue.yamlio import DataFileError

    folder = _folder(args.path)
    if folder is None or not _language(args.lang):
        return 2
    try:
        lines = script(load(folder), args.lang)
    except DataFileError as exc:
        return _problems(exc)
    if args.missing:
        lines = [line for line in lines if not line.recorded]
    text = script_csv(lines)
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out} ({len(lines)} lines)", file=sys.stderr)
    return 0
