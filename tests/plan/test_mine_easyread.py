"""The fixed texts of "My plan" pass the easy-read checker (when `easyread` has it)."""

from __future__ import annotations

from typing import Any

import pytest

import easyread
from assistant.plan.texts import MINE, mine_text


def _errors(report: Any) -> list[Any]:
    errors = getattr(report, "errors", None)
    if errors is not None:
        return list(errors() if callable(errors) else errors)
    return [f for f in report if getattr(f, "level", "") == "error"]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_my_plan_texts_are_easy_read(lang: str) -> None:
    check_text = getattr(easyread, "check_text", None)
    if check_text is None:
        pytest.skip("easyread.check_text is not on this branch yet")
    for key in MINE:
        errors = _errors(check_text(mine_text(key, lang), lang))
        assert not errors, f"{key} ({lang}): {errors}"


def test_my_plan_texts_are_short_and_unabbreviated() -> None:
    """A floor that holds without the checker: short sentences, no abbreviations."""
    for key in MINE:
        for lang, text in ((lang, mine_text(key, lang)) for lang in ("fi", "sv", "en")):
            for sentence in text.replace("?", ".").split("."):
                assert len(sentence.split()) <= 10, f"{key} ({lang}): {sentence}"
            for abbr in ("esim.", "ns.", "mm.", "tms.", "jne.", "t. ex.", "e.g.", "i.e.", "etc."):
                assert abbr not in text.lower(), f"{key} ({lang})"
