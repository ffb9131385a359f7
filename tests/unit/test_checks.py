"""`haave check`: each static check finds its problem, names the place, and sets the exit code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from assistant.cli import main
from assistant.dialogue.checks import check_folder
from assistant.dialogue.findings import Finding
from tests.conftest import EXAMPLE


@pytest.fixture
def example(tmp_path: Path) -> Path:
    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE, folder)
    return folder


class _NoAliases(yaml.SafeDumper):
    """Write shared values out in full: data files refuse anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def edit(folder: Path, change) -> None:  # type: ignore[no-untyped-def]
    path = folder / "dialogue.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    text = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")


def step(data: dict, step_id: str) -> dict:  # type: ignore[type-arg]
    for theme in data["themes"]:
        for s in theme["steps"]:
            if s["id"] == step_id:
                return s  # type: ignore[no-any-return]
    raise KeyError(step_id)


def errors(folder: Path) -> list[Finding]:
    """Errors in the dialogue itself (test plans may fail too after an edit)."""
    return [f for f in check_folder(folder) if f.level == "error" and f.path.parent == folder]


def messages(folder: Path) -> str:
    return "\n".join(str(f) for f in check_folder(folder))


def test_the_example_is_clean(example: Path) -> None:
    assert check_folder(example) == []


def test_unknown_target(example: Path) -> None:
    edit(example, lambda d: step(d, "enough").update(next="nowhere"))
    # the broken link also leaves `wish` with a condition on a step no longer before it
    found, _ = errors(example)
    assert found.step_id == "enough" and "'nowhere' is not a step" in found.message
    assert found.line is not None


def test_unreachable_step_and_loop_without_exit(example: Path) -> None:
    def change(d: dict) -> None:  # type: ignore[type-arg]
        step(d, "enough").update(next="music-kind")
        step(d, "music-kind")["next"] = "enough"
        step(d, "hobbies")["branches"] = step(d, "hobbies")["branches"][:1]

    edit(example, change)
    text = messages(example)
    assert "wish: error: no path leads to this step" in text
    assert "loop with no way out" in text


def test_dead_end_before_a_loop(example: Path) -> None:
    def change(d: dict) -> None:  # type: ignore[type-arg]
        step(d, "enough")["next"] = "wish"
        step(d, "wish")["next"] = "wish"

    edit(example, change)
    text = messages(example)
    assert "enough: error: dead end" in text and "wish: error: this step is in a loop" in text


def test_duplicate_ids(example: Path) -> None:
    def change(d: dict) -> None:  # type: ignore[type-arg]
        step(d, "wish")["id"] = "name"
        step(d, "music-kind")["choices"][1]["id"] = "pop"

    edit(example, change)
    text = messages(example)
    assert "the id 'name' is used twice" in text
    assert "the choice id 'pop' is used twice" in text


def test_missing_translation_and_symbol(example: Path) -> None:
    def change(d: dict) -> None:  # type: ignore[type-arg]
        del step(d, "mood")["text"]["sv"]
        step(d, "hobbies")["choices"][0]["symbol"] = "M"

    edit(example, change)
    text = messages(example)
    assert "mood: error: the text has no 'sv' text" in text
    assert "'M' is not a symbol" in text


@pytest.mark.parametrize("symbol", ["✏️", "🧑‍💼", "👍🏽"])
def test_symbols_of_several_characters_warn(example: Path, symbol: str) -> None:
    def change(d: dict) -> None:  # type: ignore[type-arg]
        step(d, "hobbies")["choices"][0]["symbol"] = symbol

    edit(example, change)
    text = messages(example)
    assert f"hobbies: warning: '{symbol}' is more than one character" in text


def test_more_than_five_choices(example: Path) -> None:
    def change(d: dict) -> None:  # type: ignore[type-arg]
        choices = step(d, "music-kind")["choices"]
        for n in range(4):
            choices.append({**choices[0], "id": f"x{n}"})

    edit(example, change)
    assert "7 choices: keep at most 5" in messages(example)


def test_condition_on_a_step_not_answered_before(example: Path) -> None:
    def change(d: dict) -> None:  # type: ignore[type-arg]
        step(d, "music-kind")["when"] = {"step": "wish", "answered": True}
        step(d, "enough")["when"] = {"step": "hobbies", "is": "jazz"}
        step(d, "name")["when"] = {"step": "welcome", "answered": True}

    edit(example, change)
    text = messages(example)
    assert "'wish', which cannot have been answered before here" in text
    assert "'jazz' is not an answer of 'hobbies'" in text
    assert "'welcome', which asks nothing" in text


def test_test_plan_that_does_not_match(example: Path) -> None:
    plan = example / "tests" / "full-walk.yaml"
    plan.write_text(plan.read_text().replace("expect: enough", "expect: mood"), encoding="utf-8")
    [found] = [f for f in check_folder(example) if f.level == "error"]
    assert (
        found.path == plan and "expected step 'mood' but the walk is at 'enough'" in found.message
    )
    assert (
        found.line is not None and "expect: mood" in plan.read_text().splitlines()[found.line - 1]
    )


def test_branch_without_a_test_plan_is_reported(example: Path) -> None:
    (example / "tests" / "full-walk.yaml").unlink()
    assert "no test plan takes the branch to 'music-kind'" in messages(example)


def test_service_words_warn(example: Path) -> None:
    found = check_folder(example, service_words={"fi": ["musiikki"]})
    assert any(f.level == "warning" and "names a service" in f.message for f in found)


def test_easy_read_seam(example: Path) -> None:
    def fussy(text: str, lang: str, silenced: dict[str, str]) -> list[tuple[str, str, str]]:
        return [("error", "long", "too long")] if "tarpeeksi" in text else []

    [found] = check_folder(example, texts=fussy)
    assert found.step_id == "enough" and "easy-read long" in found.message


def test_cli_exit_codes(example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--no-easyread", str(example)]) == 0
    edit(example, lambda d: step(d, "enough").update(next="nowhere"))
    assert main(["check", "--no-easyread", str(example)]) == 1
    out = capsys.readouterr().out
    assert "dialogue.yaml:" in out and ": enough: error:" in out
    assert main(["check", str(tmp_path / "missing")]) == 2
    assert main(["check", "--bogus"]) == 2
    assert main(["no-such-command"]) == 2


def test_cli_broken_file_reports_and_others_still_check(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "dialogue.yaml").write_text("id: x\nversion: [\n", encoding="utf-8")
    assert main(["check", "--no-easyread", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "broken/dialogue.yaml:" in captured.out
    assert "2 dialogue(s), 1 error(s)" in captured.err
    assert "Traceback" not in captured.out + captured.err


def test_cli_last_guard_prints_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import assistant.cli as cli

    def boom(args: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cli, "_cmd_schema", boom)
    monkeypatch.delenv("HAAVE_DEBUG", raising=False)
    assert cli.main(["schema"]) == 1
    err = capsys.readouterr().err
    assert "disk on fire" in err and "Traceback" not in err and err.count("\n") == 1


def test_a_mat_needs_two_scale_steps_in_one_theme(example: Path) -> None:
    edit(example, lambda d: step(d, "mood").update(mat="likes"))
    assert "has one step: a mat needs two or more" in messages(example)

    def across_themes(d: dict) -> None:  # type: ignore[type-arg]
        step(d, "mood").update(mat="likes")
        d["themes"][1]["steps"].append({**step(d, "mood"), "id": "mood-2", "section": "free_time"})

    edit(example, across_themes)
    assert "spans themes" in messages(example)


def test_a_mat_is_made_of_scale_steps_only(example: Path) -> None:
    edit(example, lambda d: step(d, "enough").update(mat="likes"))
    assert "use it on 'scale3'" in messages(example)


def test_the_summary_names_steps_that_ask(example: Path) -> None:
    edit(example, lambda d: d.update(summary={"dreams": ["wish", "nowhere", "welcome"]}))
    found = messages(example)
    assert "'nowhere', which is not a step" in found and "'welcome': it asks nothing" in found
    assert "summary 'dreams' names 'wish'" not in found


def test_an_opening_must_come_first_and_a_closing_last(tmp_path: Path) -> None:
    from assistant.dialogue.checks import check_folder

    folder = tmp_path / "fixed"
    folder.mkdir()
    theme = "  - id: {id}\n    symbol: '⭐'\n    title: {{fi: Aihe}}\n{fixed}    steps:\n"
    step = "      - {{id: {id}, kind: say, symbol: '👋', text: {{fi: Hei.}}}}\n"
    body = "".join(
        theme.format(id=t, fixed=f"    fixed: {fixed}\n" if fixed else "")
        + step.format(id=f"{t}-s")
        for t, fixed in (("a", None), ("open", "first"), ("end", "last"))
    )
    (folder / "dialogue.yaml").write_text(
        f"id: fixed\nversion: 1\nlanguages: [fi]\ntitle: {{fi: Testi}}\nthemes:\n{body}",
        encoding="utf-8",
    )
    found = [f.message for f in check_folder(folder) if f.level == "error"]
    assert any("'fixed: first' theme must be the first" in m for m in found), found
    assert not any("'fixed: last'" in m for m in found), found
