"""The store's commands: `sessions`, `delete`, `session export|import`, `encrypt`, `passphrase`.

The main CLI calls `add_parsers(subparsers)`; each sub-command sets `func`, so the caller
runs `args.func(args)` and returns its exit code. Errors print one line to stderr, never a
traceback. SESSION is an id, a unique id prefix, or a unique alias.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.store.errors import StoreError

if TYPE_CHECKING:
    from assistant.store.local import LocalSessionStore
    from assistant.store.model import SessionSummary

Command = Callable[[argparse.Namespace], int]


def _root(args: argparse.Namespace) -> Path:
    from assistant.store.files import resolve_data_dir

    return resolve_data_dir(getattr(args, "data_dir", None))


def _store(args: argparse.Namespace) -> LocalSessionStore:
    # deferred: `haave` builds its parser without loading pydantic and tinydb
    from assistant.store.local import LocalSessionStore
    from assistant.store.unlock import prepare

    root = _root(args)
    prepare(root)
    return LocalSessionStore(root)


def _fail(message: str) -> int:
    print(f"haave: {message}", file=sys.stderr)
    return 1


def _guarded(command: Command) -> Command:
    """Turn the store's errors into one clear line and exit code 1."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except StoreError as exc:
            return _fail(str(exc))
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            return _fail(f"{exc.strerror or exc}{where}")

    run.__name__ = command.__name__
    run.__doc__ = command.__doc__
    return run


def _line(s: SessionSummary) -> str:
    last = s.last_meeting.strftime("%Y-%m-%d %H:%M") if s.last_meeting else "no meeting yet"
    done = "finished" if s.progress.finished else f"{s.progress.answered} answered"
    mark = "  (archived)" if s.archived else ""
    return (
        f"{s.id[:8]}  {s.alias:<20}  {s.dialogue_id} v{s.dialogue_version}  {last}  "
        f"{done}, {s.progress.themes_done} themes done{mark}"
    )


@_guarded
def cmd_sessions(args: argparse.Namespace) -> int:
    """List the sessions in the data folder."""
    store = _store(args)
    listing = store.listing(archived=not getattr(args, "hide_archived", False))
    for notice in listing.notices:
        print(f"haave: {notice}", file=sys.stderr)
    if not listing.sessions and not listing.unreadable:
        print(f"No sessions in {store.root}.")
    for summary in listing.sessions:
        print(_line(summary))
    for bad in listing.unreadable:
        name = bad.alias or "?"
        print(f"{bad.id[:8]}  {name:<20}  CANNOT BE OPENED ({bad.code}): {bad.message}")
    return 0


@_guarded
def cmd_delete(args: argparse.Namespace) -> int:
    """Erase a session for good, after asking (unless --yes)."""
    store = _store(args)
    session_id = store.resolve(args.session)
    alias = next((s.alias for s in store.list() if s.id == session_id), session_id[:8])
    if not args.yes:
        if not sys.stdin.isatty():
            return _fail("not deleted: add --yes to delete without a question")
        try:
            reply = input(f"Delete the session of {alias} ({session_id[:8]}) for good? [y/N] ")
        except (EOFError, KeyboardInterrupt):
            reply = ""
        if reply.strip().lower() not in ("y", "yes", "k", "kyllä", "j", "ja"):
            print("Not deleted.")
            return 1
    store.delete(session_id)
    print(f"Deleted the session of {alias} ({session_id[:8]}).")
    return 0


@_guarded
def cmd_session_export(args: argparse.Namespace) -> int:
    """Write a whole session to one file, for another device."""
    store = _store(args)
    session_id = store.resolve(args.session)
    path = Path(args.file)
    if path.exists() and not getattr(args, "force", False):
        return _fail(f"{path} exists already; choose another name")
    store.export_session(session_id, path, include_private=args.include_private)
    private = "with" if args.include_private else "without"
    print(f"Exported session {session_id[:8]} to {path} ({private} private answers).")
    return 0


@_guarded
def cmd_session_import(args: argparse.Namespace) -> int:
    """Add a session from an export file."""
    store = _store(args)
    new_id = store.import_session(Path(args.file))
    print(f"Imported as session {new_id[:8]}.")
    return 0


@_guarded
def cmd_encrypt(args: argparse.Namespace) -> int:
    """Lock a plain data folder with a passphrase (or finish a migration a crash cut short)."""
    from assistant.store import crypto
    from assistant.store.encrypt import encrypt_folder, plain_files
    from assistant.store.unlock import SETUP_TEXT, ask_new_passphrase

    root = _root(args)
    if crypto.is_encrypted(root) and not plain_files(root):
        print(f"The data folder {root} is encrypted already.")
        return 0
    passphrase = crypto.passphrase_from_env()
    if passphrase is None:
        if not sys.stdin.isatty():
            return _fail(f"not encrypted: set {crypto.ENV_PASSPHRASE_FILE} or run on a terminal")
        if crypto.is_encrypted(root):
            passphrase = getpass.getpass(f"Passphrase for {root}: ")
        else:
            print(SETUP_TEXT, file=sys.stderr)
            passphrase = ask_new_passphrase()
    report = encrypt_folder(root, passphrase)
    print(
        f"Encrypted {report.sealed} file(s) in {root}"
        + (f" ({report.already} were done already)" if report.already else "")
        + ". Copies the disk kept of the old plain files are not wiped: on a device that was "
        "lost or shared before, full-disk encryption is the answer."
    )
    return 0


@_guarded
def cmd_passphrase(args: argparse.Namespace) -> int:
    """Change the passphrase of an encrypted data folder (the key is re-wrapped, not the data)."""
    from assistant.store import crypto
    from assistant.store.unlock import ask_new_passphrase

    root = _root(args)
    if not crypto.is_encrypted(root):
        return _fail(f"the data folder {root} is not encrypted; run 'haave encrypt' first")
    old = crypto.passphrase_from_env()
    interactive = sys.stdin.isatty()
    if old is None:
        if not interactive:
            return _fail(f"set {crypto.ENV_PASSPHRASE_FILE} or run on a terminal")
        old = getpass.getpass(f"Passphrase now for {root}: ")
    if args.new_passphrase_file:
        new = Path(args.new_passphrase_file).read_text(encoding="utf-8").rstrip("\r\n")
    elif interactive:
        new = ask_new_passphrase()
    else:
        return _fail("give the new passphrase with --new-passphrase-file or run on a terminal")
    crypto.change_passphrase(root, old, new)
    print(f"The passphrase of {root} was changed. The old one no longer opens it.")
    return 0


def _data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the data folder (default: $HAAVE_DATA_DIR, else the user's data folder)",
    )


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `sessions`, `delete` and `session export|import` on the main parser."""
    p = subparsers.add_parser("sessions", help="list the sessions")
    p.add_argument("--hide-archived", action="store_true", help="leave archived sessions out")
    _data_dir(p)
    p.set_defaults(func=cmd_sessions)

    p = subparsers.add_parser("delete", help="erase a session for good")
    p.add_argument("session", metavar="SESSION", help="id, id prefix, or alias")
    p.add_argument("--yes", action="store_true", help="do not ask")
    _data_dir(p)
    p.set_defaults(func=cmd_delete)

    session = subparsers.add_parser("session", help="move a session to another device")
    actions = session.add_subparsers(dest="session_command", required=True)
    p = actions.add_parser("export", help="write a session to one file")
    p.add_argument("session", metavar="SESSION", help="id, id prefix, or alias")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--include-private", action="store_true", help="also the answers marked private")
    _data_dir(p)
    p.set_defaults(func=cmd_session_export)
    p = actions.add_parser("import", help="add a session from an export file")
    p.add_argument("file", metavar="FILE")
    _data_dir(p)
    p.set_defaults(func=cmd_session_import)

    p = subparsers.add_parser("encrypt", help="lock a plain data folder with a passphrase")
    _data_dir(p)
    p.set_defaults(func=cmd_encrypt)
    p = subparsers.add_parser("passphrase", help="change the data folder's passphrase")
    p.add_argument(
        "--new-passphrase-file", metavar="FILE", help="read the new passphrase from FILE"
    )
    _data_dir(p)
    p.set_defaults(func=cmd_passphrase)


def main(argv: list[str] | None = None) -> int:
    """Run the store's commands alone (for tests; `haave` wires them itself)."""
    parser = argparse.ArgumentParser(prog="haave")
    add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result
