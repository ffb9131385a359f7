"""Sessions: create, list, open, rename, archive, delete, resolve."""

from __future__ import annotations

import pytest

from assistant.dialogue import Answer, Conversation, Dialogue
from assistant.store import (
    AmbiguousSession,
    LocalSessionStore,
    Participant,
    Provenance,
    Role,
    SessionBusy,
    SessionNotFound,
    StoreError,
)
from tests.store.helpers import answer_step


def test_create_adds_a_client_when_none_given(store: LocalSessionStore, dialogue: Dialogue) -> None:
    session = store.create("Mikko", dialogue, "sv")
    assert session.participants == [Participant(id="client", name="Mikko", role=Role.CLIENT)]
    assert (session.dialogue_id, session.dialogue_version) == (dialogue.id, dialogue.version)
    assert session.language == "sv"
    assert session.created.tzinfo is not None


def test_create_refuses_empty_alias_and_twin_ids(
    store: LocalSessionStore, dialogue: Dialogue
) -> None:
    with pytest.raises(StoreError):
        store.create("  ", dialogue, "fi")
    twins = [Participant(id="a", name="A", role=Role.CLIENT)] * 2
    with pytest.raises(StoreError, match="same id"):
        store.create("A", dialogue, "fi", twins)


def test_list_shows_alias_dialogue_last_meeting_progress(
    store: LocalSessionStore, dialogue: Dialogue, people: list[Participant]
) -> None:
    first = store.create("Aino", dialogue, "fi", people)
    second = store.create("Bertta", dialogue, "en")
    with store.open(first.id) as s:
        meeting = s.start_meeting(["client", "sari"])
        c = Conversation(dialogue)
        c.proceed()
        answer_step(s, c, Answer.words("Aino"), Provenance.client())
    listed = {x.id: x for x in store.list()}
    assert set(listed) == {first.id, second.id}
    assert listed[first.id].alias == "Aino"
    assert listed[first.id].last_meeting == meeting.started
    assert listed[first.id].meetings == 1
    assert listed[first.id].progress.answered == 1
    assert listed[second.id].last_meeting is None
    assert store.list()[0].id == first.id  # the newest meeting first


def test_open_resumes_state_and_meetings(
    store: LocalSessionStore, dialogue: Dialogue, people: list[Participant]
) -> None:
    created = store.create("Aino", dialogue, "fi", people)
    with store.open(created.id) as s:
        s.start_meeting(["client", "kalle"])
        c = Conversation(dialogue)
        c.proceed()
        answer_step(s, c, Answer.words("Aino"), Provenance.with_support("kalle"))
    with store.open(created.id) as s:
        assert s.session.state is not None
        resumed = Conversation(dialogue, s.session.state)
        assert resumed.current is not None and resumed.current.id == "mood"
        s.start_meeting(["client"])
        assert [m.number for m in s.session.meetings] == [1, 2]
        assert s.session.meetings[1].present == ["client"]
        assert s.history("name")[0].meeting == 1


def test_rename_archive_unarchive(store: LocalSessionStore, dialogue: Dialogue) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    store.rename(sid, "Aino K")
    store.archive(sid)
    (summary,) = store.list()
    assert (summary.alias, summary.archived) == ("Aino K", True)
    assert store.list(archived=False) == []
    store.archive(sid, False)
    assert not store.list()[0].archived


def test_delete(store: LocalSessionStore, dialogue: Dialogue) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    store.list()
    store.delete(sid)
    assert store.list() == []
    with pytest.raises(SessionNotFound):
        store.open(sid)
    with pytest.raises(SessionNotFound):
        store.delete(sid)


def test_resolve_by_id_prefix_alias(store: LocalSessionStore, dialogue: Dialogue) -> None:
    a = store.create("Aino", dialogue, "fi").id
    b = store.create("Bertta", dialogue, "fi").id
    store.create("Bertta", dialogue, "fi")
    assert store.resolve(a) == a
    assert store.resolve(a[:10]) == a
    assert store.resolve("aino") == a
    with pytest.raises(AmbiguousSession):
        store.resolve("Bertta")
    assert store.resolve(b) == b
    with pytest.raises(SessionNotFound):
        store.resolve("nobody")


def test_a_session_open_in_this_process_is_busy(
    store: LocalSessionStore, dialogue: Dialogue
) -> None:
    sid = store.create("Aino", dialogue, "fi").id
    with store.open(sid):
        with pytest.raises(SessionBusy, match="open elsewhere"):
            store.open(sid)
        with pytest.raises(SessionBusy):
            store.delete(sid)
    with store.open(sid):
        pass


def test_closed_session_refuses_changes(store: LocalSessionStore, dialogue: Dialogue) -> None:
    s = store.open(store.create("Aino", dialogue, "fi").id)
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.start_meeting([])


def test_unknown_participant_refused(store: LocalSessionStore, dialogue: Dialogue) -> None:
    with store.open(store.create("Aino", dialogue, "fi").id) as s:
        with pytest.raises(StoreError, match="no participant"):
            s.start_meeting(["ghost"])
        with pytest.raises(StoreError, match="no participant"):
            s.record("name", Answer.words("x"), Provenance.supporter_view("ghost"))
        s.add_participant(Participant(id="ghost", name="Eeva", role=Role.RELATIVE))
        s.record("name", Answer.words("x"), Provenance.supporter_view("ghost"))
        with pytest.raises(StoreError, match="already"):
            s.add_participant(Participant(id="ghost", name="Eeva", role=Role.RELATIVE))
