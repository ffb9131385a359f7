"""Running `haave export` and `haave play` as a user would, and reading what they wrote."""

from __future__ import annotations

import subprocess
from html.parser import HTMLParser
from pathlib import Path

from tests.e2e.conftest import HAAVE, app_env


def haave(root: Path, *args: str) -> str:
    """Run `haave ARGS` with the test's private environment; its stdout (fails loudly)."""
    done = subprocess.run(
        [str(HAAVE), *args],
        capture_output=True,
        text=True,
        env=app_env(root),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"haave {' '.join(args)}: {done.returncode}\n{done.stderr}"
    assert "Traceback" not in done.stderr
    return done.stdout


def export(
    root: Path, data_dir: Path, sid: str, fmt: str, lang: str, mine: bool = False
) -> Path:
    name = f"{sid}-{lang}{'-mine' if mine else ''}.{fmt}"
    out = root / "exports" / name
    out.parent.mkdir(exist_ok=True)
    args = [
        "export", sid, "--format", fmt, "--lang", lang, "--out", str(out),
        "--data-dir", str(data_dir),
    ]  # fmt: skip
    if mine:
        args.append("--mine")
    printed = haave(root, *args).strip()
    path = Path(printed.splitlines()[-1]) if printed else out
    assert path.exists(), printed
    return path


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()  # convert_charrefs: text comes out unescaped and joined
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def html_parts(page: str) -> tuple[list[str], str]:
    """(the start tags, the text a reader sees) of an HTML page."""
    parser = _Html()
    parser.feed(page)
    parser.close()
    return parser.tags, "".join(parser.text)
