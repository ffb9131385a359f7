"""The `haave` command: a thin layer over the rooms of the application.

`haave` alone starts the app. Subcommands check dialogues, walk test plans, and (from the
store, plan and web rooms) manage sessions, export plans and serve browser mode.
Usage errors exit 2, problems found exit 1; no traceback reaches a user.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="haave",
        description="Haave: prepare your support plan, one easy question at a time.",
    )
    # sub-commands set one of these: the store's and the server's `func`, the others `handler`
    parser.set_defaults(handler=None, func=None)
    parser.add_argument(
        "--data-dir",
        dest="app_data_dir",
        metavar="DIR",
        help="where sessions are kept (default: HAAVE_DATA_DIR)",
    )
    parser.add_argument(
        "--dialogue",
        metavar="ID",
        help="the dialogue new sessions follow: support-plan (default) or first-meeting",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check dialogues, their easy-read texts and test plans")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="dialogue folders")
    check.add_argument("--no-easyread", action="store_true", help="skip the easy-read checker")
    check.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    check.set_defaults(handler=_cmd_check)

    play = sub.add_parser("play", help="walk a test plan headless and save it as a session")
    play.add_argument("plan", type=Path, metavar="TESTPLAN")
    play.add_argument("--data-dir", dest="play_data_dir", help="where the session is saved")
    play.set_defaults(handler=_cmd_play)

    schema = sub.add_parser("schema", help="check or write dialogues/schema.json")
    schema.add_argument("--write", action="store_true", help="write the schema files")
    schema.set_defaults(handler=_cmd_schema)

    from assistant.dialogue import translation_cli  # light: babel and ruamel load on use
    from assistant.session import cli as session_cli  # light: renderers load on use
    from assistant.store import cli as store_cli
    from assistant.web import cli as web_cli  # light: loads neither textual nor aiohttp

    store_cli.add_parsers(sub)
    translation_cli.add_parsers(sub)
    session_cli.add_parser(sub)
    web_cli.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    handler = args.handler or args.func
    try:
        if args.command not in _NO_DATA:
            _unlock(args)
        if handler is None:
            return _cmd_app(args)
        return int(handler(args))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last guard: a user sees one line, never a traceback
        if os.environ.get("HAAVE_DEBUG"):
            raise
        from assistant.store.errors import StoreError

        if isinstance(exc, StoreError):  # a typed error: its message is plain
            print(f"haave: {exc}", file=sys.stderr)
            return 1
        print(
            f"haave: something went wrong ({type(exc).__name__}: {exc}). "
            "Every answer saved so far is kept. Run with HAAVE_DEBUG=1 for details.",
            file=sys.stderr,
        )
        return 1


#: Commands that never open the data folder (the others ask its passphrase first, once).
_NO_DATA = {"check", "schema", "encrypt", "passphrase"}


def _data_dir_of(args: argparse.Namespace) -> Path:
    """The data folder a command will use, as the app and the commands resolve it."""
    from assistant.store.files import resolve_data_dir

    named = vars(args)  # each sub-command names its own --data-dir (argparse dests differ)
    given = (
        named.get("data_dir")
        or named.get("play_data_dir")
        or named.get("export_data_dir")
        or args.app_data_dir
    )
    if given is None and args.command is None and not os.environ.get("HAAVE_DATA_DIR"):
        from assistant.settings_file import config_path, raw_value  # as the app reads it

        found = raw_value(config_path(), "data_dir")
        given = found if isinstance(found, str) else None
    return resolve_data_dir(str(given) if given else None)


def _unlock(args: argparse.Namespace) -> None:
    """Ask the data folder's passphrase on a terminal before anything opens it (see unlock),
    and for the app, say in one line what stops it (an unsafe folder, no passphrase) before
    any screen is drawn."""
    from assistant.store.unlock import check_ready, prepare

    root = _data_dir_of(args)
    prepare(root)
    if args.command is None:
        check_ready(root)


def _cmd_app(args: argparse.Namespace) -> int:
    from assistant.settings_file import check_settings_file, config_path
    from assistant.ui import run_app  # deferred: Textual loads only when the app starts

    check_settings_file(config_path())  # UnsafeSettings: one plain line, before any screen

    if args.dialogue and not Path(args.dialogue).exists():
        from assistant.dialogue.loader import default_root, dialogue_folders

        known = [f.name for f in dialogue_folders(default_root())]
        if args.dialogue not in known:
            print(
                f"haave: no dialogue '{args.dialogue}'; choose one of {', '.join(known)}",
                file=sys.stderr,
            )
            return 2
    return int(run_app(args.app_data_dir, args.dialogue))


def _cmd_check(args: argparse.Namespace) -> int:
    from assistant.dialogue.checks import check_folder  # deferred: keeps start-up light
    from assistant.dialogue.checks_easyread import easyread_checker
    from assistant.dialogue.checks_texts import load_service_words
    from assistant.dialogue.loader import DIALOGUE_FILE, default_root, dialogue_folders
    from assistant.dialogue.yamlio import DataFileError, shown

    folders: list[Path] = []
    for path in args.paths or [default_root()]:
        if not path.exists():
            print(f"haave check: {path}: no such file or folder", file=sys.stderr)
            return 2
        if path.is_file():
            folders.append(path.parent)
        elif (path / DIALOGUE_FILE).exists():
            folders.append(path)
        else:
            folders += dialogue_folders(path)
    if not folders:
        print("haave check: no dialogue found (a folder with dialogue.yaml)", file=sys.stderr)
        return 2
    texts = None if args.no_easyread else easyread_checker()
    errors = warnings = 0
    for folder in folders:
        try:
            words = load_service_words(folder.parent)
        except DataFileError as exc:
            for problem in exc.problems:
                print(problem)
            errors += len(exc.problems)
            words = {}
        for finding in check_folder(folder, texts=texts, service_words=words):
            if finding.level == "error":
                errors += 1
            else:
                warnings += 1
                if args.quiet:
                    continue
            print(finding)
    if texts is not None and not args.paths:
        # the UI's own strings are client-visible too
        from assistant.i18n.check import catalog_findings

        for found in catalog_findings(texts):
            if found.level == "error":
                errors += 1
            else:
                warnings += 1
                if args.quiet:
                    continue
            where = shown(found.path)
            print(f"{where}:{found.line}: {found.msgid[:40]!r}: {found.level}: {found.message}")
    if texts is None and not args.no_easyread:
        print("haave check: note: the easy-read checker is not available", file=sys.stderr)
    print(
        f"haave check: {len(folders)} dialogue(s), {errors} error(s), {warnings} warning(s)",
        file=sys.stderr,
    )
    return 1 if errors else 0


def _cmd_play(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from assistant.dialogue.yamlio import DataFileError
    from assistant.session.errors import SessionError
    from assistant.session.play import play
    from assistant.store import StoreError

    try:
        result = play(args.play_data_dir or args.app_data_dir, args.plan)
    except DataFileError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except SessionError as exc:
        print(f"haave play: {exc.detail or exc.words('en')}", file=sys.stderr)
        return 1
    except (StoreError, ValidationError, ValueError, OSError) as exc:
        print(f"haave play: {exc}", file=sys.stderr)
        return 1
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.session_id is None:
        return 1
    print(result.session_id)
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from assistant.dialogue import schema
    from assistant.dialogue.loader import default_root

    root = default_root()
    if args.write:
        for path in schema.write(root):
            print(f"wrote {path}")
        return 0
    stale = schema.stale(root)
    for path in stale:
        print(f"{path}: stale: run 'haave schema --write'", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
