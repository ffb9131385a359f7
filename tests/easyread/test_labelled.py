"""The labelled sets: easy sentences get no error, hard sentences get flagged (>= 90%)."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.evaluate import evaluate, load, table

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_labelled_set_size(lang: str) -> None:
    items = load(lang, DATA)
    assert len(items) >= 60
    hard = sum(1 for i in items if i["hard"])
    assert 25 <= hard <= len(items) - 25


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_easy_sentences_have_no_errors(use_voikko: bool, lang: str) -> None:
    if lang != "fi" and use_voikko:
        pytest.skip("Voikko is only used for Finnish")
    ev = evaluate(lang, DATA, use_voikko if lang == "fi" else None)
    assert not ev.easy_with_errors, table(ev)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_hard_sentences_are_flagged(use_voikko: bool, lang: str) -> None:
    if lang != "fi" and use_voikko:
        pytest.skip("Voikko is only used for Finnish")
    ev = evaluate(lang, DATA, use_voikko if lang == "fi" else None)
    assert ev.hard_recall >= 0.9, (ev.hard_missed, table(ev))
