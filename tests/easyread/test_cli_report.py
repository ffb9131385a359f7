"""The command line's `--suggest` and `--format html` (issue 17)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from easyread.cli import main
from easyread.plain import _first_letters

LETTER = (
    "Päätös henkilökohtaisesta avusta\n"
    "\n"
    "Liitteet toimitetaan viipymättä. Hakemus on jätettävä ajoissa.\n"
    "Tuo esim. kuitit <script>alert('x')</script> & muut.\n"
)


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "kirje <1>.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


def test_suggest_lists_plain_alternatives(letter: Path, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    assert main(["check", "--lang", "fi", "--suggest", str(letter)]) == 1  # esim. is an error
    out = capsys.readouterr().out
    assert f'{letter}:3:10: "toimitetaan viipymättä" -> "lähetetään heti" (official-word:' in out
    assert '"on jätettävä" -> "Sinun pitää ' in out and "(necessive:" in out
    assert "abbreviation" not in out  # only findings with a plainer way to say it
    assert "lix" not in out


def test_suggest_json_keeps_only_alternatives(letter: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--lang", "fi", "--suggest", "--format", "json", str(letter)])
    findings = json.loads(capsys.readouterr().out)[0]["findings"]
    assert findings and all(f["alternative"]["plain"] for f in findings)
    assert {"official-word", "necessive"} <= {f["rule"] for f in findings}


def test_html_page(letter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--lang", "fi", "--format", "html", str(letter)]) == 1
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert '<span lang="fi">' in page  # the letter is marked as Finnish
    assert page.count("<h1>") == 1 and "<h2 " in page and "<h3>" in page
    # every mark has a visible number and level word, and links to its note
    marks = re.findall(r'<mark class="(error|warning|info)">', page)
    assert marks and "error" in marks
    refs = re.findall(r'href="#(file1-f\d+)" id="file1-m\d+">\[\d+&nbsp;(?:error|warning)', page)
    assert refs and all(f'id="{r}"' in page for r in refs)
    assert "Write instead: <q lang=\"fi\">lähetetään heti</q>" in page
    # escaped, self-contained: no script runs, nothing is loaded from elsewhere
    assert "<script" not in page and "&amp; muut" in page
    assert re.search(r"&lt;(?:<mark[^>]*>)?script", page)  # shown as text, maybe marked
    assert "kirje &lt;1&gt;.txt" in page
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page) and "<link" not in page


def test_html_several_files_and_empty(tmp_path: Path, letter: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    main(["check", "--lang", "fi", "--format", "html", str(letter), str(empty)])
    page = capsys.readouterr().out
    assert page.count("<section") == 2 and "The file is empty." in page
    ids = re.findall(r'id="([^"]+)"', page)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("pattern", "letters"),
    [
        (r"\bmikäli\b", {"m"}),
        (r"\b(?:on|ei ole|olisi|oli) syytä\b", {"o", "e"}),
        (r"\bålig\w*|\båläg\w*", {"å"}),
        (r"^vad gäller\b|(?<=[,;] )vad gäller\b", {"v"}),
        (r"\b(?:please find )?enclosed\b", None),  # an optional start: tried everywhere
        (r"\w+ först", None),
    ],
)
def test_first_letters_of_phrase_patterns(pattern: str, letters: set[str] | None) -> None:
    found = _first_letters(pattern)
    assert (found if found is None else set(found)) == letters
