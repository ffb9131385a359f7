"""The translation workflow: .po out, translations back into the YAML with its comments and
order, source hashes and outdated translations, a fourth language from the registry alone,
the recording script and recorded audio."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from assistant import languages
from assistant.cli import main
from assistant.dialogue import load_dialogue
from assistant.dialogue.checks import check_folder
from assistant.dialogue.loader import default_root, dialogue_folders, load
from assistant.dialogue.recording import script, script_csv
from assistant.dialogue.translation import outdated, text_hash
from assistant.dialogue.translation_po import export_catalog, export_po, import_po, stamp
from assistant.dialogue.translation_yaml import YamlWriter
from tests.conftest import EXAMPLE


@pytest.fixture
def example(tmp_path: Path) -> Path:
    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE, folder)
    return folder


@pytest.fixture
def support_plan(tmp_path: Path) -> Path:
    folder = tmp_path / "support-plan"
    shutil.copytree(default_root() / "support-plan", folder)
    return folder


def catalog_of(data: bytes) -> object:
    return read_po(io.BytesIO(data))


def translate(data: bytes, change: dict[str, str], *, fuzzy: tuple[str, ...] = ()) -> bytes:
    """A translator at work: new words for some line ids, the rest left as they are."""
    catalog = read_po(io.BytesIO(data))
    for message in catalog:
        if message.context in change:
            message.string = change[message.context]
            message.flags.discard("fuzzy")
        if message.context in fuzzy:
            message.flags.add("fuzzy")
    out = io.BytesIO()
    write_po(out, catalog, width=76)
    return out.getvalue()


def stale(folder: Path) -> set[tuple[str, str]]:
    return {(o.owner.key, o.lang) for o in outdated(load_dialogue(folder))}


def test_every_dialogue_file_round_trips_byte_for_byte() -> None:
    """Writing back is safe only because ruamel.yaml keeps each file exactly as written."""
    for folder in dialogue_folders(default_root()):
        writer = YamlWriter(load(folder))
        for path, doc in writer.docs.items():
            out = io.StringIO()
            writer.yaml.dump(doc, out)
            assert out.getvalue() == writer.texts[path], path


def test_export_has_every_text_with_its_source_and_context(support_plan: Path) -> None:
    loaded = load(support_plan)
    catalog = export_catalog(loaded, "sv")
    by_context = {m.context: m for m in catalog if m.id}
    message = by_context["about-me-good-at:text"]
    assert message.id == "Mitä osaat hyvin?" and message.string == "Vad är du bra på?"
    comments = " ".join(message.auto_comments)
    assert "multi_choice step 'about-me-good-at'" in comments and "label:" in comments
    assert "tip:" in comments
    choice = by_context["about-me-good-at/helping:text"]
    assert "a choice of 'about-me-good-at'" in " ".join(choice.auto_comments)
    assert by_context["about-me-good-at:tip"].auto_comments[1].startswith("for the supporter")
    assert "@dialogue:title" in by_context and "opening:title" in by_context
    assert not [m for m in catalog if m.id and m.fuzzy]


def test_import_round_trip_keeps_comments_order_and_quotes(support_plan: Path) -> None:
    path = support_plan / "themes" / "01-about-me.yaml"
    before = path.read_text(encoding="utf-8")
    po = support_plan.parent / "sv.po"
    po.write_bytes(export_po(support_plan, "sv"))
    report = import_po(support_plan, po, "sv")
    assert report.changed == [] and report.unknown == [] and not report.fuzzy
    assert path.read_text(encoding="utf-8") == before  # already stamped: nothing to write

    changed = translate(po.read_bytes(), {"about-me-proud:text": "Vad är du stolt över, då?"})
    po.write_bytes(changed)
    report = import_po(support_plan, po, "sv")
    assert report.changed == ["about-me-proud:text"]
    after = path.read_text(encoding="utf-8")
    assert "# About me: what I am like" in after and '# The one "how is life" question' in after
    diff = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert diff == [('      sv: "Vad är du stolt över?"', '      sv: "Vad är du stolt över, då?"')]
    assert load_dialogue(support_plan).find("about-me-proud")[1].text["sv"].endswith("då?")  # type: ignore[index]


def test_a_changed_source_makes_the_translation_outdated(support_plan: Path) -> None:
    path = support_plan / "themes" / "03-likes.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Mikä on lempiruokasi?", "Mikä ruoka on parasta?"), "utf-8")
    assert stale(support_plan) == {("likes-food", "sv"), ("likes-food", "en")}
    found = [f for f in check_folder(support_plan) if "changed since" in f.message]
    assert {f.step_id for f in found} == {"likes-food"} and all(f.level == "warning" for f in found)
    assert "haave i18n stamp" in found[0].message and "--only likes-food" in found[0].message

    # The export marks the step's texts fuzzy (the hash is per step: its label is checked
    # too); a translator who leaves them fuzzy changes nothing.
    data = export_po(support_plan, "sv")
    fuzzy = {m.context: m.string for m in read_po(io.BytesIO(data)) if m.id and m.fuzzy}
    assert fuzzy == {
        "likes-food:text": "Vilken mat tycker du bäst om?",
        "likes-food:label": "Favoritmat",
    }
    po = support_plan.parent / "sv.po"
    po.write_bytes(data)
    assert import_po(support_plan, po, "sv").fuzzy == ["likes-food:text", "likes-food:label"]
    assert ("likes-food", "sv") in stale(support_plan)

    # Only the text looked at: the label is still fuzzy, so the step is not stamped.
    po.write_bytes(translate(data, {"likes-food:text": "Vilken mat är bäst?"}))
    assert "likes-food" not in import_po(support_plan, po, "sv").stamped

    # Both looked at: the hash follows and the warning goes.
    both = {"likes-food:text": "Vilken mat är bäst?", "likes-food:label": "Favoritmat"}
    po.write_bytes(translate(data, both))
    report = import_po(support_plan, po, "sv")
    assert "likes-food" in report.stamped
    assert stale(support_plan) == {("likes-food", "en")}
    # The English was checked by hand: stamping says so.
    assert stamp(support_plan, "en", ["likes-food"]) == ["likes-food"]
    assert outdated(load_dialogue(support_plan)) == []


def test_a_translation_of_an_older_source_keeps_the_older_hash(support_plan: Path) -> None:
    data = export_po(support_plan, "sv")
    path = support_plan / "themes" / "03-likes.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Mikä on lempiruokasi?", "Mikä ruoka on parasta?"), "utf-8")
    po = support_plan.parent / "sv.po"
    po.write_bytes(translate(data, {"likes-food:text": "Vilken mat gillar du?"}))
    report = import_po(support_plan, po, "sv")
    assert report.from_older_source == ["likes-food:text"]
    assert ("likes-food", "sv") in stale(support_plan)


def test_a_fourth_language_needs_only_the_registry(
    example: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stub = languages.Language("xx", "Stub", "en_GB", "en-GB", "Choose", "en-GB", "en")
    registry = (*languages.LANGUAGES, stub)
    monkeypatch.setattr(languages, "LANGUAGES", registry)
    monkeypatch.setattr(languages, "CODES", tuple(lang.code for lang in registry))
    monkeypatch.setattr(languages, "_BY_CODE", {lang.code: lang for lang in registry})

    po = tmp_path / "xx.po"
    assert main(["i18n", "export", str(example), "--lang", "xx", "--out", str(po)]) == 0
    catalog = read_po(po.open("rb"))
    ids = [m.context for m in catalog if m.id]
    assert ids and not [m for m in catalog if m.id and m.string]
    # A half-done translation goes in, but the language is not declared yet.
    half = translate(po.read_bytes(), {ids[0]: "XX " + ids[0]})
    po.write_bytes(half)
    report = import_po(example, po, "xx")
    assert report.changed == [ids[0]] and not report.language_added
    assert "xx" not in load_dialogue(example).languages
    # The whole file: every text has the language, so the dialogue declares it.
    full = translate(po.read_bytes(), {c: f"XX {c}" for c in ids if c})
    po.write_bytes(full)
    report = import_po(example, po, "xx")
    assert report.language_added
    dialogue = load_dialogue(example)
    assert dialogue.languages == ["fi", "sv", "en", "xx"]
    assert dialogue.find("name")[1].text["xx"] == "XX name:text"  # type: ignore[index]
    assert [f for f in check_folder(example) if f.level == "error"] == []
    assert "languages: [fi, sv, en, xx]" in (example / "dialogue.yaml").read_text("utf-8")
    lines = script(load(example), "xx")
    assert lines and lines[0].text.startswith("XX ")


def test_unknown_language_is_a_usage_error(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["i18n", "export", str(example), "--lang", "de"]) == 2
    assert "unknown language 'de'" in capsys.readouterr().err
    assert main(["i18n"]) == 2
    assert main(["script", str(example.parent / "nowhere"), "--lang", "fi"]) == 2


def test_the_recording_script_and_recorded_audio(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["script", str(example), "--lang", "fi"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "line_id,text,file,recorded"
    welcome = next(line for line in out if line.startswith("welcome:text,"))
    digest = text_hash("Hei! Nyt puhumme sinun elämästäsi.")
    assert welcome.endswith(f"audio/fi/welcome.text.{digest}.ogg,no")
    assert not [line for line in out if ":tip," in line or ":label," in line]

    # Record it, name it in the dialogue: the script says it is there, the check is clean.
    name = f"audio/fi/welcome.text.{digest}.ogg"
    (example / name).parent.mkdir(parents=True)
    (example / name).write_bytes(b"OggS")
    path = example / "dialogue.yaml"
    text = path.read_text(encoding="utf-8")
    audio = f"      - id: welcome\n        audio: {{text: {{fi: {name}}}}}\n"
    path.write_text(text.replace("      - id: welcome\n", audio), encoding="utf-8")
    lines = {line.line_id: line for line in script(load(example), "fi")}
    assert lines["welcome:text"].recorded and lines["welcome:text"].file == name
    assert check_folder(example) == []
    assert "welcome:text" not in script_csv(x for x in lines.values() if not x.recorded)

    # The text changes: the recording is of an older text.
    path.write_text(
        path.read_text("utf-8").replace("Hei! Nyt puhumme sinun elämästäsi.", "Hei! Puhutaan."),
        encoding="utf-8",
    )
    [found] = check_folder(example)
    assert found.level == "warning" and "recorded from an older text" in found.message
    # A missing file is an error.
    (example / name).unlink()
    assert any(f.level == "error" and "is not there" in f.message for f in check_folder(example))
