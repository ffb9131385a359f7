"""The topic mat, the client's top three and how the view was obtained, through the service."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.dialogue import Answer, SkipReason
from assistant.session import ActiveSession, Problem, Role, SessionError, Sessions
from assistant.session.dialogues import Dialogues
from tests.session.conftest import write_dialogue

MAT_STEPS = """
      - id: music
        kind: scale3
        mat: likes
        symbol: "🎵"
        text: {fi: Pidätkö musiikista?}
        label: {fi: Musiikki}
      - id: cooking
        kind: scale3
        mat: likes
        symbol: "🍳"
        text: {fi: Pidätkö ruoanlaitosta?}
        label: {fi: Ruoanlaitto}
      - id: crowds
        kind: scale3
        mat: likes
        symbol: "👥"
        text: {fi: Pidätkö väenpaljoudesta?}
        label: {fi: Paljon ihmisiä}
      - id: hobbies
        kind: multi_choice
        symbol: "🎨"
        text: {fi: Mitä teet?}
        choices:
          - {id: swim, symbol: "🏊", text: {fi: Uin}}
          - {id: draw, symbol: "🎨", text: {fi: Piirrän}}
          - {id: other, symbol: "📝", own_words: true, text: {fi: Muuta}}
      - id: dream
        kind: text
        symbol: "🌟"
        text: {fi: Mistä unelmoit?}
      - id: bye
        kind: say
        symbol: "👋"
        text: {fi: Kiitos.}
"""


@pytest.fixture
def active(tmp_path: Path, data_dir: Path) -> ActiveSession:
    root = write_dialogue(tmp_path, MAT_STEPS)
    session = Sessions(data_dir, dialogues=Dialogues(root)).create("Aino", "fi", "tiny")
    session.start_meeting([("Pekka", Role.SUPPORTER)])
    return session


def test_the_mat_is_due_after_its_last_step(active: ActiveSession) -> None:
    active.answer(Answer.pick("like"))
    active.answer(Answer.pick("dislike", text="Ruoka palaa"))
    assert active.mat_due is None  # one card is still to be asked
    active.skip(SkipReason.DONT_KNOW)
    assert active.mat_due == "likes"
    assert active.step().step_id == "hobbies"  # the conversation has moved on under the mat
    view = active.mat("likes")
    like, unsure, dislike = view.columns
    assert [c.value for c in view.columns] == ["like", "unsure", "dislike"]
    assert like.symbol == "😊" and like.words == "Pidän"
    assert [(c.symbol, c.words) for c in like.cards] == [("🎵", "Musiikki")]
    assert [c.step_id for c in dislike.cards] == ["cooking"] and not unsure.cards
    assert [c.step_id for c in view.unplaced] == ["crowds"]  # "I don't know" is not a face
    assert "Musiikki" in view.spoken and not view.confirmed


def test_moves_set_aside_and_confirm(active: ActiveSession) -> None:
    active.answer(Answer.pick("like"))
    active.answer(Answer.pick("dislike", text="Ruoka palaa"))
    active.answer(Answer.pick("unsure"))
    active.mat_place("cooking", "unsure")
    active.mat_set_aside("crowds")
    active.mat_place("music", "like")  # no change of face: still fine
    view = active.mat("likes")
    assert [c.step_id for c in view.columns[1].cards] == ["cooking"]
    assert [c.step_id for c in view.set_aside] == ["crowds"]
    assert view.set_aside_words == "En halua puhua tästä"
    with pytest.raises(SessionError) as unfit:
        active.mat_place("music", "maybe")
    assert unfit.value.problem is Problem.ANSWER_UNFIT
    with pytest.raises(SessionError):
        active.mat_place("hobbies", "like")  # not on a mat
    active.mat_confirm("likes")
    assert active.mat_due is None and active.mat("likes").confirmed


def test_a_move_is_a_revision_and_survives_reopening(
    tmp_path: Path, data_dir: Path
) -> None:
    root = write_dialogue(tmp_path, MAT_STEPS)
    sessions = Sessions(data_dir, dialogues=Dialogues(root))
    active = sessions.create("Aino", "fi", "tiny")
    active.answer(Answer.pick("like"))
    active.answer(Answer.pick("dislike", text="Ruoka palaa"))
    active.answer(Answer.pick("unsure"))
    active.confirm("cooking")
    active.mat_place("cooking", "like")
    active.mat_confirm("likes")
    active.close()
    reopened = sessions.open(active.id)
    view = reopened.mat("likes")
    assert [c.step_id for c in view.columns[0].cards] == ["music", "cooking"]
    assert view.confirmed and reopened.mat_due is None
    readback = reopened.readback("only")
    cooking = next(i for i in readback.items if i.step_id == "cooking")
    assert cooking.confirmed is None  # changed since the read-back: to confirm again
    assert cooking.parts[-1][1] == "Ruoka palaa"  # "tell me more" words kept
    reopened.close()


def test_top_three_from_the_clients_own_answers(active: ActiveSession) -> None:
    active.answer(Answer.pick("like"))
    active.answer(Answer.pick("dislike"))
    active.answer(Answer.pick("like"))
    active.mat_confirm("likes")
    active.answer(Answer.pick("swim", "other", text="Laulan kuorossa"))
    active.answer(Answer.words("Matka Lappiin"))
    active.keep_private("dream")
    view = active.important_choices()
    keys = [o.key for o in view.options]
    assert keys == ["music", "crowds", "hobbies:swim", "hobbies"]  # private 'dream' left out
    assert [o.words for o in view.options][2:] == ["Uin", "Laulan kuorossa"]
    assert view.most == 3 and view.question.startswith("Mikä on sinulle")
    active.pick_important(["hobbies", "music"])
    again = active.important_choices()
    assert again.picked == ("hobbies", "music")
    assert [o.key for o in again.options if o.picked] == ["music", "hobbies"]
    with pytest.raises(SessionError):
        active.pick_important(["music", "crowds", "hobbies", "hobbies:swim"])
    with pytest.raises(SessionError):
        active.pick_important(["dream"])
    active.pick_important([])
    assert active.important_choices().picked == ()


def test_the_ways_the_view_was_obtained(active: ActiveSession) -> None:
    active.set_view_ways(["speech", "talking_mat", "speech"])
    chosen = [w.value.value for w in active.view_way_choices() if w.chosen]
    assert chosen == ["speech", "talking_mat"]
    assert active.view_way_choices()[0].words == "Puhe"
    with pytest.raises(SessionError):
        active.set_view_ways(["telepathy"])
