"""The loader: every bad file becomes one clear problem per mistake, with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.dialogue.loader import dialogue_folders, load
from assistant.dialogue.yamlio import DataFileError, Problem
from tests.conftest import EXAMPLE

GOOD_STEP = """\
      - id: {id}
        kind: text
        symbol: "🙂"
        text:
          fi: Mikä nimesi on?
          sv: Vad heter du?
          en: What is your name?
"""


def write(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dialogue.yaml").write_text(body, encoding="utf-8")
    return folder


def head(themes: str) -> str:
    return (
        "id: t\nversion: 1\nlanguages: [fi, sv, en]\n"
        "title: {fi: Testi, sv: Test, en: Test}\nthemes:\n" + themes
    )


def theme(steps: str, theme_id: str = "a") -> str:
    return (
        f'  - id: {theme_id}\n    symbol: "🌟"\n    title: {{fi: A, sv: A, en: A}}\n'
        "    steps:\n" + steps
    )


def problems(folder: Path) -> list[Problem]:
    with pytest.raises(DataFileError) as info:
        load(folder)
    return info.value.problems


def test_the_example_loads() -> None:
    loaded = load(EXAMPLE)
    assert loaded.dialogue.id == "example"
    path, line = loaded.where("hobbies")
    assert path.name == "dialogue.yaml"
    assert line is not None and "id: hobbies" in path.read_text().splitlines()[line - 1]


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    folder = write(tmp_path / "d", head(theme(GOOD_STEP.format(id="x"))) + "  - id: [unclosed\n")
    [problem] = problems(folder)
    assert problem.line == 18 and "not valid YAML" in problem.message
    assert "starts on line 17" in problem.message


def test_wrong_types_and_unknown_keys_each_get_a_problem(tmp_path: Path) -> None:
    steps = (
        GOOD_STEP.format(id="x")
        + "        colour: red\n"
        + GOOD_STEP.format(id="y").replace("kind: text", "kind: essay")
    )
    found = problems(
        write(tmp_path / "d", head(theme(steps)).replace("version: 1", "version: one"))
    )
    text = "\n".join(str(p) for p in found)
    assert "version" in text
    assert any(p.step_id == "x" and "unknown key 'colour'" in p.message for p in found)
    assert any(p.step_id == "y" and "kind" in p.message for p in found)
    assert all(p.line for p in found)
    colour = next(p for p in found if "colour" in p.message)
    assert colour.line == 17


def test_unknown_language_and_duplicate_key(tmp_path: Path) -> None:
    steps = GOOD_STEP.format(id="x").replace("en: What", "de: Wie")
    found = problems(write(tmp_path / "d", head(theme(steps))))
    assert any("'de' is not a language" in p.message for p in found)
    dup = head(theme(GOOD_STEP.format(id="x"))) + "version: 2\n"
    [problem] = problems(write(tmp_path / "e", dup))
    assert "given twice" in problem.message and problem.line == 17


def test_choices_must_fit_the_kind(tmp_path: Path) -> None:
    steps = GOOD_STEP.format(id="x").replace("kind: text", "kind: choice")
    [problem] = problems(write(tmp_path / "d", head(theme(steps))))
    assert problem.step_id == "x" and "needs 'choices'" in problem.message


def test_a_condition_needs_one_form(tmp_path: Path) -> None:
    steps = GOOD_STEP.format(id="x") + "        when: {step: x, is: a, contains: b}\n"
    [problem] = problems(write(tmp_path / "d", head(theme(steps))))
    assert "exactly one of" in problem.message


def test_theme_files_and_their_problems(tmp_path: Path) -> None:
    folder = write(tmp_path / "d", head("  - themes/a.yaml\n  - ../outside.yaml\n"))
    (folder / "themes").mkdir()
    (folder / "themes" / "a.yaml").write_text(
        'id: a\nsymbol: "🌟"\ntitle: {fi: A, sv: A, en: A}\nsteps:\n'
        + "\n".join(line[4:] for line in GOOD_STEP.format(id="x").splitlines())
        + "\n"
        + "    symbol: 🙂\n",
        encoding="utf-8",
    )
    found = problems(folder)
    assert any(p.path.name == "a.yaml" and "twice" in p.message for p in found)
    assert any("inside the dialogue folder" in p.message for p in found)


def test_not_utf8_and_not_a_mapping(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "dialogue.yaml").write_bytes(b"id: \xff\xfe")
    assert "UTF-8" in problems(folder)[0].message
    write(folder, "- just\n- a list\n")
    assert "mapping" in problems(folder)[0].message
    assert "no dialogue.yaml" in problems(tmp_path / "nothing")[0].message


def test_a_bad_dialogue_does_not_stop_the_others(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "example")
    write(tmp_path / "broken", "id: [")
    folders = dialogue_folders(tmp_path)
    assert [f.name for f in folders] == ["broken", "example"]
    assert load(tmp_path / "example").dialogue.id == "example"
    assert problems(tmp_path / "broken")
