"""The dialogue room against hostile data files: YAML aliases, tags and merge keys; pipes and
devices; test plans and service words outside their folder; dialogue ids from sessions; and
`haave check` at scale (its flow analysis against a plain reference)."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.cli import main
from assistant.dialogue import graph
from assistant.dialogue.checks import check_folder
from assistant.dialogue.checks_texts import load_service_words
from assistant.dialogue.loader import DialogueNotFound, known_dialogue, load, load_known
from assistant.dialogue.testplan import read_plan
from assistant.dialogue.yamlio import DataFileError, read_yaml
from tests.bench.big_dialogue import NoAliases, big_dialogue, write_big
from tests.conftest import DIALOGUES, EXAMPLE

LAUGHS = "\n".join(
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
)

HOSTILE = {
    "billion-laughs": (LAUGHS, "anchors and aliases"),
    "alias": ("a: &x hello\nb: *x\n", "anchors and aliases"),
    "merge-key": ("base: &b {x: 1}\nother:\n  <<: *b\n", "merge keys"),
    "python-tag": ("a: !!python/object/apply:os.system ['echo owned']\n", "tag"),
    "custom-tag": ("a: !thing 1\n", "tag"),
    "binary-tag": ("a: !!binary aGVsbG8=\n", "tag"),
    "set-tag": ("a: !!set {x, y}\n", "tag"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_yaml_beyond_plain_data_is_refused_with_its_line(tmp_path: Path, name: str) -> None:
    text, words = HOSTILE[name]
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        read_yaml(path)
    problem = info.value.problems[0]
    assert words in problem.message and problem.line is not None


@pytest.mark.parametrize("where", ["dialogue", "theme", "plan", "service-words"])
def test_aliases_are_refused_in_every_kind_of_data_file(tmp_path: Path, where: str) -> None:
    folder = shutil.copytree(EXAMPLE, tmp_path / "example")
    if where == "dialogue":
        path = folder / "dialogue.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f"\nx: {LAUGHS[:60]}\n")
        with pytest.raises(DataFileError):
            load(folder)
    elif where == "theme":
        (folder / "extra.yaml").write_text(LAUGHS, encoding="utf-8")
        path = folder / "dialogue.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("themes:", "themes:\n  - extra.yaml", 1))
        assert any("anchors" in f.message for f in check_folder(folder))
    elif where == "plan":
        plan = folder / "tests" / "laughs.yaml"
        plan.write_text(LAUGHS, encoding="utf-8")
        with pytest.raises(DataFileError, match="anchors"):
            read_plan(plan, folder)
    else:
        (tmp_path / "service-words.yaml").write_text(LAUGHS, encoding="utf-8")
        with pytest.raises(DataFileError, match="anchors"):
            load_service_words(tmp_path)


def test_a_pipe_or_a_device_as_a_theme_file_is_refused(tmp_path: Path) -> None:
    folder = shutil.copytree(EXAMPLE, tmp_path / "example")
    os.mkfifo(folder / "pipe.yaml")  # opening it for reading would wait for ever
    (folder / "zero.yaml").symlink_to("/dev/zero")  # reading it would fill the memory
    path = folder / "dialogue.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("themes:", "themes:\n  - pipe.yaml\n  - zero.yaml", 1))
    messages = [f.message for f in check_folder(folder)]
    assert any("not a regular file" in m for m in messages)
    assert any("must be inside the dialogue folder" in m for m in messages)
    with pytest.raises(DataFileError, match="not a regular file"):
        read_yaml(folder / "pipe.yaml")


def test_a_test_plan_outside_the_folder_is_not_read_nor_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shutil.copytree(EXAMPLE, tmp_path / "example")
    secret = tmp_path / "secret.yaml"
    secret.write_text("root: SECRET-LINE-4410\nwalk: [{expect: SECRET-STEP-4410}]\n")
    (folder / "tests" / "leak.yaml").symlink_to(secret)
    assert main(["check", "--no-easyread", str(folder)]) == 1
    out = capsys.readouterr()
    assert "inside the dialogue folder" in out.out
    assert "SECRET" not in out.out + out.err


@pytest.mark.parametrize("bad", ["../../etc", "/dev/zero", "no-such-dialogue", "Example", ""])
def test_dialogue_ids_from_a_session_are_only_matched_to_known_dialogues(bad: str) -> None:
    with pytest.raises(DialogueNotFound) as info:
        load_known(bad, DIALOGUES)
    assert info.value.code == "dialogue-not-found" and "not on this device" in str(info.value)
    assert known_dialogue("example", DIALOGUES) == EXAMPLE
    assert load_known("example", DIALOGUES).id == "example"


# -- `haave check` at scale ---------------------------------------------------------------------


def _naive_ancestors(flow: dict[str, list[str]], node: str) -> set[str]:
    return {n for n in flow if n != node and node in graph.reachable(flow, n)} | (
        {node} if any(node in graph.reachable(flow, t) for t in flow.get(node, [])) else set()
    )


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 25), st.randoms(use_true_random=False))
def test_reach_answers_like_a_plain_search(size: int, rng: random.Random) -> None:
    nodes = [f"s{i}" for i in range(size)]
    flow = {
        n: list(dict.fromkeys(rng.choice([*nodes, "end"]) for _ in range(rng.randint(1, 3))))
        for n in nodes
    }
    reach = graph.Reach(flow)
    for node in nodes:
        assert {n for n in nodes if reach.leads_to(n, node)} == _naive_ancestors(flow, node)
        assert reach.on_loop(node) == (node in _naive_ancestors(flow, node))


def test_a_big_dialogue_is_checked_whole(tmp_path: Path) -> None:
    folder = write_big(tmp_path, 3000, per_theme=1500)
    assert check_folder(folder) == []
    data = big_dialogue(3000, per_theme=1500)
    data["themes"][0]["steps"][-1]["next"] = "t0-s1490"  # back: a loop with no way out
    text = yaml.dump(data, Dumper=NoAliases, allow_unicode=True, sort_keys=False)
    (folder / "dialogue.yaml").write_text(text, encoding="utf-8")
    looped = {f.step_id for f in check_folder(folder) if "loop with no way out" in f.message}
    assert looped == {f"t0-s{i}" for i in range(1490, 1500)}
