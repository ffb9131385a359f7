"""`haave serve`: the argument parser and the handler (the lead's `assistant.cli` wires it in).

from assistant.web import cli as web_cli
web_cli.add_parser(subparsers)     # registers `serve` with handler in `func`
...
return args.func(args)
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.web import TOKEN_ENV

if TYPE_CHECKING:
    from assistant.web.server import WebConfig

COMMAND_ENV = "HAAVE_SERVE_COMMAND"


def default_app_command() -> list[str]:
    """The command run once per browser session: the app launcher in `assistant.web.app`."""
    return [sys.executable, "-m", "assistant.web.app"]


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `serve` on `subparsers`; `args.func(args)` runs it and returns an exit code."""
    parser = subparsers.add_parser(
        "serve",
        help="serve Haave to a web browser",
        description=(
            "Serve Haave to a web browser. Listens on 127.0.0.1 only, unless an access "
            f"token is given (--token or {TOKEN_ENV}); then open /?token=TOKEN once."
        ),
    )
    add_arguments(parser)
    parser.set_defaults(func=run)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    parser.add_argument(
        "--token",
        default=None,
        help=f"access token (default: ${TOKEN_ENV}); required to listen beyond loopback",
    )
    parser.add_argument("--data-dir", default=None, help="data directory, passed to the app")
    parser.add_argument(
        "--command",
        default=None,
        help=(
            f"command that starts the app, shell-quoted (default: ${COMMAND_ENV}, else "
            "python -m assistant.web.app)"
        ),
    )


def _fail(message: str) -> int:
    print(f"haave serve: {message}", file=sys.stderr)
    return 2


def build_config(args: argparse.Namespace) -> WebConfig:
    """Check the arguments and make a `WebConfig`; raises ValueError with a one-line reason."""
    from assistant.web.server import WebConfig, check_bind

    token = args.token if args.token is not None else os.environ.get(TOKEN_ENV)
    token = token or None
    if token is not None and len(token) < 16:
        raise ValueError("the access token must be at least 16 characters long")
    if not 0 < args.port < 65536:
        raise ValueError(f"port {args.port} is out of range (1-65535)")
    check_bind(args.host, token)

    command_text = args.command if args.command is not None else os.environ.get(COMMAND_ENV)
    try:
        command = shlex.split(command_text) if command_text else default_app_command()
    except ValueError as error:
        raise ValueError(f"cannot read the app command: {error}") from None
    if not command:
        raise ValueError("the app command is empty")
    if args.data_dir is not None:
        data_dir = Path(args.data_dir).expanduser()
        if data_dir.exists() and not data_dir.is_dir():
            raise ValueError(f"--data-dir {str(data_dir)!r} is not a directory")
        command = [*command, "--data-dir", str(data_dir.resolve())]
    return WebConfig(command=command, host=args.host, port=args.port, token=token)


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl+C. Returns an exit code; errors are one line on stderr."""
    try:
        config = build_config(args)
    except ValueError as error:
        return _fail(str(error))
    except ImportError as error:
        return _fail(f"browser mode is not installed ({error.name} is missing)")
    # The app processes inherit our environment: they never need the token.
    os.environ.pop(TOKEN_ENV, None)

    from assistant.web.server import HaaveServer

    server = HaaveServer(config)
    try:
        server.serve()
    except KeyboardInterrupt:
        return 0
    except OSError as error:
        reason = error.strerror or str(error)
        return _fail(f"cannot listen on {config.host}:{config.port}: {reason}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Stand-alone entry point: `python -m assistant.web.cli serve ...` (for tests and CI)."""
    parser = argparse.ArgumentParser(prog="haave")
    subparsers = parser.add_subparsers(dest="command_name", required=True)
    add_parser(subparsers)
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
