"""The content checks of `haave check`: what read aloud gets wrong, one own-words label,
own words first, intros, one word per role, and the shipped dialogues' promises (three
screens before the first question, one "anything else", the right facts)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from assistant.dialogue import Conversation, load_dialogue
from assistant.dialogue.checks import check_folder
from assistant.dialogue.checks_easyread import easyread_checker, one_word_per_role
from assistant.dialogue.findings import Finding
from assistant.dialogue.loader import default_root
from assistant.dialogue.model import StepKind
from assistant.dialogue.yamlio import DataFileError
from tests.conftest import EXAMPLE
from tests.unit.test_checks import edit, step


@pytest.fixture
def example(tmp_path: Path) -> Path:
    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE, folder)
    return folder


def warnings(folder: Path) -> list[Finding]:
    return [f for f in check_folder(folder) if f.level == "warning"]


def set_text(folder: Path, step_id: str, field: str, lang: str, value: str) -> None:
    def change(d: dict[str, Any]) -> None:
        step(d, step_id).setdefault(field, {})[lang] = value

    edit(folder, change)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Esimerkiksi asumispalvelu\ntai kuljetuspalvelu.", "breaks a line inside a sentence"),
        ("Valitse numeroilla 1–5.", "a range in digits"),
        ("Sinulla on 3 ystävää.", "a number in digits"),
        ("Paina Esc, niin palaat.", "names 'Esc'"),
        ("Lukemiseen tarvitaan espeak-ng.", "names 'espeak-ng'"),
    ],
)
def test_what_read_aloud_gets_wrong_is_a_warning(example: Path, text: str, expected: str) -> None:
    set_text(example, "enough", "help", "fi", text)
    found = [f for f in warnings(example) if expected in f.message]
    assert found and found[0].step_id == "enough" and "(fi)" in found[0].message


def test_a_line_break_between_sentences_is_fine(example: Path) -> None:
    set_text(example, "enough", "help", "fi", "Voit sanoa:\n”En tiedä.”\nSe on hyvä.")
    assert not [f for f in warnings(example) if "line inside a sentence" in f.message]


def test_a_read_aloud_finding_can_be_accepted_with_a_reason(example: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        s = step(d, "enough")
        s["help"] = {"fi": "Soita 112.", "sv": "Ring 112.", "en": "Call 112."}
        s["silence"] = [{"rule": "number-words", "reason": "the emergency number"}]

    edit(example, change)
    assert not [f for f in warnings(example) if "in digits" in f.message]


def test_one_label_for_the_own_words_choice(example: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        step(d, "music-kind")["choices"][-1]["text"]["fi"] = "Muuten, omin sanoin"

    edit(example, change)
    [found] = [f for f in warnings(example) if "own-words choice" in f.message]
    assert found.step_id == "music-kind" and "'Muuta, omin sanoin'" in found.message


def test_own_words_first_needs_an_own_words_choice(example: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        s = step(d, "music-kind")
        s["own_words_first"] = True
        s["choices"] = [c for c in s["choices"] if not c.get("own_words")]

    edit(example, change)
    with pytest.raises(DataFileError, match="own_words_first"):
        load_dialogue(example)


def test_an_intro_on_a_say_step_warns(example: Path) -> None:
    set_text(example, "welcome", "intro", "fi", "Nyt puhumme.")
    found = [f for f in warnings(example) if "'intro' goes above a question" in f.message]
    assert found and found[0].step_id == "welcome"


def test_an_intro_is_a_client_text(example: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        step(d, "name")["intro"] = {"fi": "Nyt puhumme sinusta."}

    edit(example, change)
    found = [f for f in check_folder(example) if "has no 'sv' text" in f.message]
    assert found and "intro" in found[0].message


def test_one_word_per_role_from_the_glossary() -> None:
    pytest.importorskip("easyread.glossary")
    [message] = one_word_per_role("Kysymys menee työntekijälle.", "fi")
    assert "'palveluohjaaja'" in message and "työntekijä" in message
    assert one_word_per_role("Kysymys menee palveluohjaajalle.", "fi") == []
    assert one_word_per_role("Min stödring hjälper.", "sv")
    assert one_word_per_role("Tukirinki auttaa. Tukisuunnitelma on valmis.", "fi") == []


def test_one_word_per_role_runs_with_the_easy_read_checker() -> None:
    check = easyread_checker()
    if check is None:
        pytest.skip("easyread has no check_text on this branch")
    rules = {rule for _level, rule, _m in check("Omainen voi tulla mukaan.", "fi", {})}
    assert "one-word" in rules
    assert "one-word" not in {r for _l, r, _m in check("Omainen.", "fi", {"one-word": "quoted"})}


def test_the_easy_read_checker_passes_over_a_language_it_does_not_know() -> None:
    check = easyread_checker()
    if check is None:
        pytest.skip("easyread has no check_text on this branch")
    assert check("Bonjour.", "xx", {}) == []


# -- the shipped dialogues keep the review's promises ------------------------------------------


def _screens_before_the_first_question(folder: str) -> int:
    dialogue = load_dialogue(default_root() / folder)
    conv = Conversation(dialogue)
    screens = 0
    while conv.current is not None and conv.current.kind is StepKind.SAY:
        screens += 1
        conv.proceed()
    return screens


@pytest.mark.parametrize("folder", ["support-plan", "first-meeting"])
def test_at_most_three_screens_before_the_first_question(folder: str) -> None:
    assert _screens_before_the_first_question(folder) <= 3


@pytest.mark.parametrize("folder", ["support-plan", "first-meeting"])
def test_one_anything_else_and_the_name_from_the_meeting(folder: str) -> None:
    dialogue = load_dialogue(default_root() / folder)
    ids = [s.id for s in dialogue.steps()]
    assert [i for i in ids if i.endswith(("-else", "anything"))] == ["closing-anything"]
    from_meeting = {s.id for s in dialogue.steps() if s.from_meeting}
    assert from_meeting == {"opening-name", "opening-who-here"}
    listen = dialogue.find("opening-how-read")[1].choice("listen")  # type: ignore[index]
    assert listen is not None and listen.sets is not None and listen.sets.read_aloud


def test_the_last_screen_is_not_a_goodbye() -> None:
    dialogue = load_dialogue(default_root() / "support-plan")
    last = dialogue.themes[-1].steps[-1]
    assert last.id == "closing-thanks" and "vastauksesi" in last.text["fi"]


def test_the_personal_budget_is_not_the_clients_own_money() -> None:
    dialogue = load_dialogue(default_root() / "support-plan")
    budget = dialogue.theme("my-budget")
    assert budget is not None
    texts = " ".join(t for s in budget.steps for x in (s.text, s.help) if x for t in x.values())
    assert "ei tule sinun tilillesi" in texts and "Palveluohjaaja päättää" in texts
    assert "rahaa sinun tukeesi" not in texts


def test_first_meeting_shares_step_ids_with_the_full_plan() -> None:
    full = load_dialogue(default_root() / "support-plan")
    first = load_dialogue(default_root() / "first-meeting")
    shared = {s.id for s in first.steps()} & {s.id for s in full.steps()}
    assert {"about-me-good-at", "daily-good-day", "dreams-dream", "support-decide"} <= shared
    for step_id in shared:
        a, b = first.find(step_id), full.find(step_id)
        assert a is not None and b is not None
        assert a[1].kind is b[1].kind and a[1].values() == b[1].values(), step_id
        assert a[1].text == b[1].text, step_id
