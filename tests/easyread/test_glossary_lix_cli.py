"""Glossary look-ups, LIX bands, the command line and the public API."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

import easyread
from easyread import explain, terms_in
from easyread.analysis import get_analyser, voikko
from easyread.cli import main
from easyread.glossary import entries, find_terms
from easyread.lix import lix


@pytest.mark.parametrize(
    ("word", "lang", "term"),
    [
        ("tukisuunnitelmaan", "fi", "tukisuunnitelma"),
        ("tukihenkilöni", "fi", "tukihenkilö"),
        ("henkilökohtaisen budjetin", "fi", "henkilökohtainen budjetti"),
        ("palvelutarpeen arvioinnissa", "fi", "palvelutarpeen arviointi"),
        ("stödplanen", "sv", "stödplan"),
        ("personlig budget", "sv", "personlig budget"),
        ("supporters", "en", "supporter"),
        ("circle of support", "en", "circle of support"),
    ],
)
def test_explain_inflected(use_voikko: bool, word: str, lang: str, term: str) -> None:
    found = find_terms(word, lang, get_analyser(lang, use_voikko))
    assert found and found[0].entry.term == term
    entry = explain(word, lang)
    assert entry is not None and entry.term == term and entry.symbol


def test_explain_unknown_word() -> None:
    assert explain("koira", "fi") is None
    assert explain("", "fi") is None


def test_terms_in_order_and_once() -> None:
    found = terms_in("Tukihenkilö ja tukisuunnitelma. Tukihenkilö auttaa.", "fi")
    assert [e.term for e in found] == ["tukihenkilö", "tukisuunnitelma"]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_glossary_explanations_are_easy_read(lang: str) -> None:
    concepts = set()
    for e in entries(lang):
        report = easyread.check_text(e.explanation, lang)
        assert not report.errors, (e.term, report.errors)
        concepts.add(e.concept)
    assert {"support-plan", "personal-budget", "support-person"} <= concepts


def test_lix_bands_per_language() -> None:
    words = ["kort", "ord", "långaordet"] * 4
    assert "Swedish" in lix(words, 2, "sv").band
    fi = lix(words, 2, "fi")
    assert fi.band == "no Finnish bands" and "No validated" in fi.note
    assert "not validated for English" in lix(words, 2, "en").note
    assert lix([], 0, "fi").value == 0.0


def test_report_has_lix() -> None:
    report = easyread.check_text("Du kan välja själv.", "sv")
    assert report.lix is not None and report.lix.value > 0


def test_rules_and_thresholds_exported() -> None:
    assert easyread.RULES["line-length"].level == "error"
    assert easyread.THRESHOLDS.words_error == 15
    assert isinstance(easyread.THRESHOLDS, easyread.Thresholds)


def test_unknown_language() -> None:
    with pytest.raises(easyread.UnsupportedLanguage):
        easyread.check_text("Hei", "de")


def test_cli_exit_codes(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.txt"
    good.write_text("Sinä voit valita itse.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("Tuo esim. kuvia.\n", encoding="utf-8")
    assert main(["check", "--lang", "fi", str(good)]) == 0
    assert main(["check", "--lang", "fi", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:1:5: error abbreviation:" in out
    assert main(["check", "--lang", "xx", str(good)]) == 2
    assert main(["check", "--lang", "fi", str(tmp_path / "missing.txt")]) == 2
    assert main([]) == 2


def test_cli_json(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.txt"
    bad.write_text("Help is there 24/7.\n", encoding="utf-8")
    assert main(["check", "--lang", "en", "--format", "json", str(bad)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data[0]["findings"][0]["rule"] == "abbreviation"


def test_cli_no_voikko_note(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "a.txt"
    f.write_text("Hei.\n", encoding="utf-8")
    assert main(["check", "--lang", "fi", "--no-voikko", str(f)]) == 0
    assert "Voikko not available: simpler rules used." in capsys.readouterr().out


def test_import_is_cheap_and_headless() -> None:
    code = (
        "import sys, easyread; "
        "assert 'wordfreq' not in sys.modules and 'yaml' not in sys.modules; "
        "easyread.check_text('Hei.', 'fi'); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'assistant')]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_voikko_required_but_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voikko, "voikko_available", lambda: False)
    with pytest.raises(easyread.VoikkoUnavailable, match="apt-get install libvoikko1"):
        easyread.check_text("Hei.", "fi", use_voikko=True)
    report = easyread.check_text("Hei.", "fi")
    assert report.analyser == "heuristic" and report.notes


def test_cli_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Help is there 24/7.\n"))
    assert main(["check", "--lang", "en", "-"]) == 1
    assert "<stdin>:1:15: error abbreviation:" in capsys.readouterr().out
