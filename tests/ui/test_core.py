"""i18n, settings and speech: the rooms beside the UI that never import textual."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from assistant import i18n
from assistant.settings import Settings, load_settings, save_settings
from assistant.speech import Speaker, SpeechUnavailable
from assistant.ui.startup import first_look


@pytest.mark.parametrize("module", ["assistant.i18n", "assistant.speech", "assistant.settings"])
def test_core_rooms_do_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; assert 'textual' not in sys.modules, sys.modules.keys()"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_message_is_translated_and_short(lang: str) -> None:
    texts = i18n.catalog_texts(lang)
    assert len(texts) > 50
    for msgid, text in texts:
        assert text != msgid or msgid in ("Haave",), f"{lang}: '{msgid}' is not translated"
        for sentence in sentences(text):  # one sentence a line, as easy-read asks
            assert len(sentence) <= 60, f"{lang}: longer than a line: {sentence}"
        words = text.lower().split()
        for abbreviation in ("esim.", "ns.", "mm.", "jne.", "t.ex.", "e.g.", "etc."):
            assert abbreviation not in words
        # Placeholders survive translation
        for placeholder in ("{number}", "{count}", "{title}", "{done}"):
            assert (placeholder in msgid) == (placeholder in text), text


def test_english_words_are_short() -> None:
    for msgid, _text in i18n.catalog_texts("en"):
        for sentence in sentences(msgid):
            assert len(sentence.split()) <= 12 or "·" in sentence, sentence


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text) if s]


def test_language_follows_and_dates_are_words() -> None:
    i18n.set_language("sv")
    assert i18n._("Yes") == "Ja"
    i18n.set_language("fi")
    assert i18n._("Yes") == "Kyllä"
    assert i18n.format_date(date(2026, 11, 23), "fi") == "23. marraskuuta 2026"
    assert "november" in i18n.format_date(date(2026, 11, 23), "sv")
    assert i18n.set_language("xx") == "fi"


def test_mo_is_compiled_from_po_when_missing(tmp_path: Path) -> None:
    data = i18n.compile_catalog("sv")
    assert data[:4] in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")


def test_settings_layers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.json"
    save_settings(Settings(language="sv", theme="haave-high-contrast"), path)
    assert load_settings(path).language == "sv"
    monkeypatch.setenv("HAAVE_LANGUAGE", "en")
    monkeypatch.setenv("HAAVE_AUTO_READ", "yes")
    monkeypatch.setenv("HAAVE_KEYMAP", '{"haave.read_aloud": "f6"}')
    loaded = load_settings(path)
    assert (loaded.language, loaded.auto_read, loaded.theme) == ("en", True, "haave-high-contrast")
    assert loaded.keymap == {"haave.read_aloud": "f6"}
    path.write_text("{broken", encoding="utf-8")
    assert load_settings(path).language == "en"


def test_speech_text_goes_to_stdin_never_the_command_line(tmp_path: Path) -> None:
    assert Speaker().argv("fi") == ["espeak-ng", "-v", "fi", "--stdin"]
    assert Speaker("espeak-ng -v {voice} {text}").argv("sv") == ["espeak-ng", "-v", "sv"]
    heard = tmp_path / "heard"
    speaker = Speaker(f"sh -c 'cat > {heard}; ps -o args= -p $$ >> {heard}'")
    secret = "-my answer; rm -rf / $(x) `y`"
    speaker.say(secret, "fi")
    assert speaker._process is not None
    speaker._process.wait(timeout=30)
    said = heard.read_text()
    assert said.startswith(secret) and said.count(secret) == 1  # read from stdin, not argv


def test_speech_unavailable_is_clear() -> None:
    speaker = Speaker("haave-no-such-speaker {text}")
    assert not speaker.available()
    with pytest.raises(SpeechUnavailable):
        speaker.say("Hei", "fi")


def test_speech_does_not_block() -> None:
    speaker = Speaker("sleep 5")  # a stand-in program that takes a while
    speaker.say("5", "fi")
    assert speaker.speaking
    speaker.stop()
    assert not speaker.speaking


@pytest.mark.skipif(not Speaker().available(), reason="espeak-ng is not installed")
def test_espeak_ng_speaks_finnish_and_swedish() -> None:
    for lang in ("fi", "sv", "en"):
        result = subprocess.run(
            ["espeak-ng", "-q", "-v", lang, "Hei"], capture_output=True, check=False
        )
        assert result.returncode == 0, result.stderr


def test_first_look_reads_language_theme_and_auto_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.json"
    save_settings(Settings(language="sv", theme="haave-high-contrast", auto_read=True), path)
    assert first_look(path) == {
        "language": "sv",
        "theme": "haave-high-contrast",
        "auto_read": "1",
    }
    monkeypatch.setenv("HAAVE_LANGUAGE", "en")
    assert first_look(path)["language"] == "en"
    assert first_look(tmp_path / "missing.json")["theme"] is None
