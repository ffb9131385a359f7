"""Answers with provenance: revisions, supporter views beside, confirm, private, engine."""

from __future__ import annotations

import pytest

from assistant.dialogue import Answer, AnswerError, Conversation, Dialogue, SkipReason
from assistant.store import (
    AnsweredBy,
    LocalSessionStore,
    OpenSession,
    Participant,
    Provenance,
    StoreError,
)
from tests.store.helpers import answer_step


@pytest.fixture
def opened(store: LocalSessionStore, dialogue: Dialogue, people: list[Participant]):  # type: ignore[no-untyped-def]
    sid = store.create("Aino", dialogue, "fi", people).id
    with store.open(sid) as s:
        s.start_meeting(["client", "sari"])
        yield s


def _at_name(dialogue: Dialogue) -> Conversation:
    c = Conversation(dialogue)
    c.proceed()
    assert c.current is not None and c.current.id == "name"
    return c


def test_revisions_are_kept(
    opened: OpenSession, dialogue: Dialogue, store: LocalSessionStore
) -> None:
    c = _at_name(dialogue)
    first = answer_step(opened, c, Answer.words("Aino"), Provenance.client())
    c.back()
    second = answer_step(opened, c, Answer.words("Aino K"), Provenance.with_support("sari"))
    assert first is not None and second is not None
    assert [r.answer.text for r in opened.history("name")] == ["Aino", "Aino K"]
    assert opened.step("name").current == second  # type: ignore[union-attr]
    assert second.provenance.participant == "sari"
    assert second.at.tzinfo is not None and second.at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    opened.close()
    with store.open(opened.id) as again:
        assert [r.answer.text for r in again.history("name")] == ["Aino", "Aino K"]
        assert again.session.state is not None
        assert again.session.state.answers["name"] == Answer.words("Aino K")


def test_supporter_view_stays_beside_client_answer(opened: OpenSession, dialogue: Dialogue) -> None:
    c = _at_name(dialogue)
    answer_step(opened, c, Answer.words("Aino"), Provenance.client())
    view = opened.record(
        "name", Answer.words("Her name is Aino-Maria"), Provenance.supporter_view("sari")
    )
    note = opened.record("name", Answer.words("She laughed"), Provenance.note("sari"))
    step = opened.step("name")
    assert step is not None
    assert step.current is not None and step.current.answer.text == "Aino"
    assert opened.supporter_views("name") == [view]
    assert step.notes == [note]
    assert view.provenance.by is AnsweredBy.SUPPORTER_VIEW
    assert opened.session.state is not None
    assert opened.session.state.answers["name"].text == "Aino"  # the engine keeps the client's


def test_view_before_client_answer(opened: OpenSession) -> None:
    opened.record("mood", Answer.pick("like"), Provenance.supporter_view("sari"))
    step = opened.step("mood")
    assert step is not None and step.current is None and len(step.views) == 1


def test_confirm_and_new_revision_clears_it(opened: OpenSession, dialogue: Dialogue) -> None:
    with pytest.raises(StoreError, match="nothing to confirm"):
        opened.confirm("name", True)
    c = _at_name(dialogue)
    answer_step(opened, c, Answer.words("Aino"), Provenance.client())
    opened.confirm("name", True)
    step = opened.step("name")
    assert step is not None and step.confirmed is True and step.confirmed_at is not None
    opened.confirm("name", False)
    assert opened.step("name").confirmed is False  # type: ignore[union-attr]
    c.back()
    answer_step(opened, c, Answer.words("Aino K"), Provenance.client())
    assert opened.step("name").confirmed is None  # type: ignore[union-attr]


def test_private_is_kept(opened: OpenSession, dialogue: Dialogue, store: LocalSessionStore) -> None:
    c = _at_name(dialogue)
    answer_step(opened, c, Answer.words("Aino"), Provenance.client())
    opened.set_private("name", True)
    opened.close()
    with store.open(opened.id) as again:
        step = again.step("name")
        assert step is not None and step.private and step.current is not None
        again.set_private("name", False)
        assert not again.step("name").private  # type: ignore[union-attr]


def test_unfit_answer_saves_nothing(opened: OpenSession, dialogue: Dialogue) -> None:
    c = _at_name(dialogue)
    with pytest.raises(AnswerError):
        answer_step(opened, c, Answer.pick("like"), Provenance.client())
    assert opened.step("name") is None


def test_not_now_on_answered_step_adds_no_revision(opened: OpenSession, dialogue: Dialogue) -> None:
    c = _at_name(dialogue)
    answer_step(opened, c, Answer.words("Aino"), Provenance.client())
    c.back()
    assert answer_step(opened, c, Answer.skip(SkipReason.LATER), Provenance.client()) is None
    assert len(opened.history("name")) == 1
    c.back()
    rec = answer_step(opened, c, Answer.skip(SkipReason.DECLINE), Provenance.client())
    assert rec is not None and rec.answer.skipped is SkipReason.DECLINE
    assert len(opened.history("name")) == 2


def test_record_with_state_must_match_engine(opened: OpenSession, dialogue: Dialogue) -> None:
    c = _at_name(dialogue)
    c.answer(Answer.words("Aino"))
    with pytest.raises(StoreError, match="engine holds another"):
        opened.record("name", Answer.words("Other"), Provenance.client(), state=c.state)
    opened.record("name", Answer.words("Aino"), Provenance.client(), state=c.state)
    assert opened.session.state == c.state
    assert opened.session.state is not c.state  # a copy: later engine moves are not saved


def test_state_of_another_dialogue_refused(opened: OpenSession, dialogue: Dialogue) -> None:
    state = Conversation(dialogue).state.model_copy(update={"dialogue_id": "other"})
    with pytest.raises(StoreError, match="dialogue"):
        opened.save_state(state)


def test_provenance_rules() -> None:
    with pytest.raises(ValueError, match="participant"):
        Provenance(by=AnsweredBy.SUPPORTER_VIEW)
    with pytest.raises(ValueError, match="alone"):
        Provenance(by=AnsweredBy.CLIENT, participant="sari")


def test_headless_fill_for_play(store: LocalSessionStore, dialogue: Dialogue) -> None:
    """create + start_meeting + answer_step/save_state fill a session without a UI."""
    sid = store.create("Play", dialogue, "en").id
    with store.open(sid) as s:
        s.start_meeting(["client"])
        c = Conversation(dialogue)
        while c.current is not None:
            step = c.current
            if not step.asks:
                c.proceed()
                s.save_state(c.state)
            else:
                answer_step(s, c, Answer.skip(SkipReason.SKIP), Provenance.client())
        assert s.session.progress.finished
    assert store.list()[0].progress.finished
