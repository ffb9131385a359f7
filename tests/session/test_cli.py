"""`haave export`: argument parsing and one-line errors (never a traceback)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from assistant.session.cli import add_parser


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="haave")
    add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def test_parser_takes_the_documented_options(tmp_path: Path) -> None:
    out = ["--out", str(tmp_path), "--data-dir", str(tmp_path)]
    args = parse(["export", "s1", "--format", "docx", "--lang", "sv", "--mine", *out])
    assert (args.session, args.fmt, args.lang, args.mine) == ("s1", "docx", "sv", True)
    assert args.out == tmp_path and args.export_data_dir == tmp_path


def test_unknown_session_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = parse(["export", "nope", "--out", str(tmp_path), "--data-dir", str(tmp_path)])
    code = args.handler(args)
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("haave export: ") and err.count("\n") == 1
    assert "Traceback" not in err
