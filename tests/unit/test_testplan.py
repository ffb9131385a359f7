"""Test plans: shipped plans pass; bad plans fail with their line; `haave play` walks one."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli import main
from assistant.dialogue.loader import dialogue_folders, load_dialogue
from assistant.dialogue.testplan import plan_paths, run_plan
from assistant.dialogue.yamlio import DataFileError
from tests.conftest import DIALOGUES, EXAMPLE


@pytest.mark.parametrize(
    "path",
    [p for folder in dialogue_folders(DIALOGUES) for p in plan_paths(folder)],
    ids=lambda p: f"{p.parent.parent.name}/{p.name}",
)
def test_every_shipped_plan_passes(path: Path) -> None:
    run = run_plan(path, load_dialogue(path.parent.parent))
    assert run.ok, "\n".join(str(p) for p in run.problems)


def test_a_plan_that_ends_elsewhere_fails(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "dialogue: example\nwalk:\n  - expect: welcome\n    say: true\nends: finished\n",
        encoding="utf-8",
    )
    run = run_plan(plan, load_dialogue(EXAMPLE))
    assert not run.ok and "should finish but stops at 'name'" in run.problems[0].message


def test_a_plan_with_two_moves_in_one_item(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text("dialogue: example\nwalk:\n  - say: true\n    back: true\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        run_plan(plan, load_dialogue(EXAMPLE))
    assert info.value.problems[0].line == 3


def test_a_plan_for_another_dialogue(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text("dialogue: other\nwalk:\n  - say: true\n", encoding="utf-8")
    assert "not 'example'" in run_plan(plan, load_dialogue(EXAMPLE)).problems[0].message


def test_play_saves_the_walk_as_a_session(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.store import open_store

    data = tmp_path / "data"
    assert main(["play", str(EXAMPLE / "tests" / "full-walk.yaml"), "--data-dir", str(data)]) == 0
    session_id = capsys.readouterr().out.strip()
    with open_store(data).open(session_id) as opened:
        session = opened.session
        assert session.alias == "Testi-Maija"
        assert session.state is not None and session.state.finished
        music = session.steps["music-kind"]
        assert music.current is not None and music.current.answer.choices == ("rock",)
        [view] = music.views  # the supporter's view beside the client's answer
        pekka = next(p for p in session.participants if p.name == "Pekka")
        assert view.answer.choices == ("pop",) and view.provenance.participant == pekka.id
        assert [m.present for m in session.meetings] == [["client", pekka.id]]


def test_play_reports_a_bad_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "example"
    (folder / "tests").mkdir(parents=True)
    (folder / "dialogue.yaml").write_text((EXAMPLE / "dialogue.yaml").read_text(), encoding="utf-8")
    plan = folder / "tests" / "bad.yaml"
    plan.write_text("dialogue: example\nwalk:\n  - expect: mood\n", encoding="utf-8")
    assert main(["play", str(plan)]) == 1
    assert "expected step 'mood'" in capsys.readouterr().err
