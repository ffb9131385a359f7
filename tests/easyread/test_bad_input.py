"""Bad input gives a result or a clear error, never a crash."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from easyread import check_text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "?!.,;:...",
        "🎨🎨🎨 😀",
        "🎨 Piirtäminen",
        "[bold]Hei[/bold] [link=x]tästä[/link]",
        "Hei\x00\x07\x1b[31m maailma\r\n",
        "Hello! Hej! Hei! Das ist gut. Voit valita.",
        "\u200b\u00ad\ufeff",
        "esim.",
        "1. 2. 3.",
    ],
)
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_odd_texts(use_voikko: bool, lang: str, text: str) -> None:
    report = check_text(text, lang, use_voikko=use_voikko if lang == "fi" else None)
    for f in report.findings:
        assert 0 <= f.span[0] <= f.span[1] <= len(text)
        assert f.line >= 1


@pytest.mark.parametrize("text", ["Kyllä", "Ei", "🎨 Piirtäminen", "⭐ Tärkein asia"])
def test_short_labels_have_no_errors(use_voikko: bool, text: str) -> None:
    assert not check_text(text, "fi", use_voikko=use_voikko).errors


def test_emoji_are_not_words() -> None:
    report = check_text("🎨 " * 20 + "Hei.", "fi")
    assert not [f for f in report.findings if f.rule == "sentence-length"]


@pytest.mark.slow
def test_one_megabyte_text() -> None:
    text = ("Henkilökohtainen budjetti on tapa lisätä valinnanvapautta. Voit valita.\n" * 15000)
    assert len(text.encode()) > 1_000_000
    report = check_text(text, "fi", use_voikko=False)
    assert report.errors


def test_wrong_type_is_clear_error() -> None:
    with pytest.raises(TypeError):
        check_text(b"bytes", "fi")  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["fi", "sv", "en"]), st.booleans())
def test_any_text_never_crashes(text: str, lang: str, heuristic: bool) -> None:
    report = check_text(text, lang, use_voikko=False if heuristic else None)
    for f in report.findings:
        assert 0 <= f.span[0] <= f.span[1] <= len(text)
        assert f.level in ("error", "warning", "info")


def test_markup_tags_are_not_words_or_shown_characters() -> None:
    text = "[bold]Sinä voit valita itse.[/bold] [link=https://example.org/very/long/path]Lue[/]"
    report = check_text(text, "fi")
    assert not report.errors, report.errors
    assert not [f for f in report.findings if f.rule in ("rare-word", "sentence-length")]


def test_emoji_sequences_count_as_one_shown_character() -> None:
    text = "🧑‍🤝‍🧑" * 30 + "x" * 30  # 30 shown emoji + 30 letters = 60: no error
    report = check_text(text, "fi")
    assert not [f for f in report.findings if f.rule == "line-length"]


@pytest.mark.slow
@pytest.mark.parametrize("text", ["a" * 200_000, "\n" * 200_000, "🎨" * 100_000])
def test_huge_degenerate_texts(text: str) -> None:
    """A word far too long for Voikko (it would segfault) and long runs of newlines."""
    report = check_text(text, "fi")
    assert report.lix is not None
