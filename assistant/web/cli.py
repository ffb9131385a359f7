"""`haave serve`: the argument parser and the handler (`assistant.cli` wires it in).

    from assistant.web import cli as web_cli
    web_cli.add_parser(subparsers)     # registers `serve` with its handler in `func`

Light on purpose: aiohttp and Jinja2 load only when the server starts.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.web import TOKEN_ENV
from assistant.web.config import MIN_TOKEN_LENGTH, ConfigError, WebConfig, check, read_token

DESCRIPTION = f"""\
Serve Haave's web pages: for tablets, touch, screen readers and zoom.

By default only this computer can open them: http://127.0.0.1:8000/. To serve other devices
(e.g. a tablet on the same network), choose --host and give a facilitator's passcode of at
least {MIN_TOKEN_LENGTH} characters in a file (--token-file, mode 600) or in ${TOKEN_ENV};
never on the command line, where other users see it. The facilitator types it once per
device on the sign-in page. Beyond this computer the pages need TLS (--cert and --key):
without it, anyone on the network can read the passcode and the answers. --insecure-lan
allows plain HTTP anyway, at that risk. The server makes no requests to other hosts.
"""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `serve` on `subparsers`; `args.func(args)` runs it and returns an exit code."""
    parser = subparsers.add_parser(
        "serve",
        help="serve the web pages (tablets, screen readers)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        # no abbreviations: `--token SECRET` must fail, not be taken as `--token-file SECRET`
        allow_abbrev=False,
    )
    add_arguments(parser)
    parser.set_defaults(func=run)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    parser.add_argument("--data-dir", default=None, help="where sessions are kept")
    parser.add_argument(
        "--dialogue",
        dest="serve_dialogue",
        default=None,
        metavar="ID",
        help="the dialogue new sessions follow unless another is chosen on the page",
    )
    parser.add_argument(
        "--token-file",
        type=Path,
        default=None,
        metavar="FILE",
        help=f"file holding the facilitator's passcode (default: ${TOKEN_ENV})",
    )
    parser.add_argument("--cert", type=Path, default=None, help="TLS certificate (PEM)")
    parser.add_argument("--key", type=Path, default=None, help="TLS private key (PEM)")
    parser.add_argument(
        "--insecure-lan",
        action="store_true",
        help="allow plain HTTP beyond this computer (the passcode and answers travel open)",
    )
    parser.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a host name the pages answer to beyond the listening address (repeatable)",
    )


def build_config(args: argparse.Namespace) -> WebConfig:
    """A checked `WebConfig` from the arguments; raises `ConfigError` with a one-line reason."""
    data_dir = args.data_dir or getattr(args, "app_data_dir", None)
    dialogue = args.serve_dialogue or getattr(args, "dialogue", None)
    return check(
        WebConfig(
            host=args.host,
            port=args.port,
            data_dir=Path(data_dir).expanduser().resolve() if data_dir else None,
            dialogue=dialogue,
            token=read_token(args.token_file),
            cert=args.cert,
            key=args.key,
            insecure_lan=args.insecure_lan,
            allowed_hosts=frozenset(h.lower().rstrip(".") for h in args.allow_host),
        )
    )


def _fail(message: str) -> int:
    print(f"haave serve: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl+C. Returns an exit code; errors are one line on stderr."""
    try:
        config = build_config(args)
    except ConfigError as error:
        return _fail(str(error))
    from assistant.web.app import serve  # deferred: aiohttp loads only to serve

    try:
        serve(config)
    except ConfigError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 0
    except OSError as error:
        reason = error.strerror or str(error)
        return _fail(f"cannot listen on {config.host}:{config.port}: {reason}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Stand-alone entry point: `python -m assistant.web.cli serve ...` (tests, benchmarks)."""
    parser = argparse.ArgumentParser(prog="haave")
    subparsers = parser.add_subparsers(dest="command_name", required=True)
    add_parser(subparsers)
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
