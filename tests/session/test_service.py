"""The session service: the only mover of a conversation, returning typed views."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.dialogue import Answer, SkipReason, StepKind
from assistant.session import (
    Action,
    ActiveSession,
    AnsweredBy,
    Answering,
    Place,
    Problem,
    Role,
    SessionError,
    Sessions,
)
from assistant.session.dialogues import Dialogues
from assistant.store.crypto import read_plain
from assistant.store.errors import StoreError
from tests.session.conftest import write_dialogue


def test_a_step_view_has_texts_in_the_session_language(sessions: Sessions) -> None:
    active = sessions.create("Aino", "sv", "example")
    active.start_meeting([("Pekka", Role.SUPPORTER)])
    view = active.step()
    assert view is not None and view.kind is StepKind.SAY
    assert view.question == "Hej! Vi pratar om ditt liv."
    assert Action.GO_ON in view.actions and Action.SKIP not in view.actions
    assert view.progress.startswith("Tema 1 av 3")
    active.go_on()
    view = active.step()
    assert view is not None and view.step_id == "name" and view.kind is StepKind.TEXT
    assert [s.reason for s in view.skips] == list(SkipReason)
    assert view.skips[3].words == "Jag vill inte prata om det här"
    assert view.tip == "Låt klienten svara själv."
    assert Action.WHO_ANSWERS in view.actions and Action.NOTE in view.actions


def test_choices_are_numbered_and_read_aloud_with_their_numbers(sessions: Sessions) -> None:
    active = sessions.create("Aino", "fi", "example")
    active.start_meeting([])
    active.go_on()
    active.answer(Answer.words("Aino"))
    view = active.step()
    assert view is not None and view.kind is StepKind.SCALE3
    assert [(c.number, c.value) for c in view.choices] == [
        (1, "like"),
        (2, "unsure"),
        (3, "dislike"),
    ]
    assert "1: " in view.spoken and "3: " in view.spoken
    assert view.spoken.startswith(view.question)


def test_answers_are_saved_and_come_back_filled_on_resume(
    sessions: Sessions, data_dir: Path
) -> None:
    active = sessions.create("Aino", "fi", "example")
    active.start_meeting([("Pekka", Role.SUPPORTER)])
    active.go_on()
    active.answer(Answer.words("Aino K"))
    active.answer(Answer.pick("like"))
    session_id = active.id
    active.close()
    again = Sessions(data_dir).open(session_id)
    assert again.step() is not None and again.step().step_id == "hobbies"  # type: ignore[union-attr]
    assert again.back()
    view = again.step()
    assert view is not None and view.step_id == "mood"
    assert [c.value for c in view.choices if c.chosen] == ["like"]
    again.close()


def test_a_supporters_view_is_kept_beside_and_moves_nothing(sessions: Sessions) -> None:
    active = sessions.create("Aino", "fi", "example")
    active.start_meeting([("Pekka", Role.SUPPORTER)])
    active.go_on()
    active.answer(Answer.words("Aino"))
    pekka = active.others[0]
    view_of_pekka = Answering(AnsweredBy.SUPPORTER_VIEW, pekka)
    active.answer(Answer.pick("dislike"), view_of_pekka)
    view = active.step()
    assert view is not None and view.step_id == "mood"  # did not move
    assert [c.chosen for c in view.choices] == [False, False, False]
    [other] = view.views
    assert other.person == pekka and other.parts[0][1] == "En pidä"
    with_view = active.step(view_of_pekka)
    assert with_view is not None and with_view.answering.is_view
    active.answer(Answer.pick("like"), Answering(AnsweredBy.CLIENT_WITH_SUPPORT, pekka))
    active.close()
    reopened = Sessions(active._store.root).open(active.id)
    stored = reopened._stored.session.steps["mood"]
    assert stored.current is not None and stored.current.provenance.participant == pekka.id
    assert stored.views[0].provenance.by is AnsweredBy.SUPPORTER_VIEW
    reopened.close()


def test_someone_not_in_the_session_cannot_answer(sessions: Sessions) -> None:
    from assistant.session import Person

    active = sessions.create("Aino", "fi", "example")
    active.start_meeting([])
    active.go_on()
    stranger = Person("p9", "Vieras", Role.SUPPORTER)
    with pytest.raises(SessionError) as info:
        active.answer(Answer.words("x"), Answering(AnsweredBy.SUPPORTER_VIEW, stranger))
    assert info.value.problem is Problem.NOT_NOW


def test_an_unfit_answer_keeps_everything(sessions: Sessions) -> None:
    active = sessions.create("Aino", "fi", "example")
    active.start_meeting([])
    active.go_on()
    with pytest.raises(SessionError) as info:
        active.answer(Answer.words("   "))
    assert info.value.problem is Problem.ANSWER_UNFIT
    assert info.value.words("fi") == "Valitse tai kirjoita ensin jotain."
    assert active.step().step_id == "name"  # type: ignore[union-attr]


def test_a_failed_save_puts_the_conversation_back(
    sessions: Sessions, monkeypatch: pytest.MonkeyPatch
) -> None:
    active = sessions.create("Aino", "fi", "example")
    active.start_meeting([])
    active.go_on()

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise StoreError("could not save (No space left on device)")

    monkeypatch.setattr(active._stored, "record", full_disk)
    with pytest.raises(SessionError) as info:
        active.answer(Answer.words("Aino"))
    assert info.value.problem is Problem.NOT_SAVED
    view = active.step()
    assert view is not None and view.step_id == "name" and view.words == ""
    monkeypatch.undo()
    active.answer(Answer.words("Aino"))
    assert active.step().step_id == "mood"  # type: ignore[union-attr]


def test_skip_back_and_jump(sessions: Sessions) -> None:
    active = sessions.create("Aino", "fi", "example")
    active.start_meeting([])
    active.go_on()
    active.skip(SkipReason.DONT_KNOW)
    assert active.step().step_id == "mood"  # type: ignore[union-attr]
    active.jump("free-time")
    assert active.step().step_id == "hobbies"  # type: ignore[union-attr]
    assert active.back()
    assert active.step().step_id == "mood"  # type: ignore[union-attr]
    states = {t.id: t.state.value for t in active.themes()}
    assert states["hello"] == "begun"
    with pytest.raises(SessionError):
        active.jump("no-such-theme")


def test_preferences_live_in_the_session(sessions: Sessions, data_dir: Path) -> None:
    active = sessions.create("Aino", "fi", "example")
    active.set_preferences(read_aloud=True, large_text=True)
    active.set_language("sv")
    session_id = active.id
    active.close()
    again = Sessions(data_dir).open(session_id)
    assert again.preferences.read_aloud and again.preferences.large_text
    assert not again.preferences.high_contrast
    assert again.language == "sv"
    again.close()


def test_a_choice_can_turn_read_aloud_on(tmp_path: Path, data_dir: Path) -> None:
    root = write_dialogue(
        tmp_path,
        """
      - id: how
        kind: choice
        symbol: "❓"
        text: {fi: Miten haluat käydä kysymykset läpi?}
        choices:
          - {id: listen, symbol: "👂", text: {fi: Kuuntelen}, sets: {read_aloud: true}}
          - {id: read, symbol: "👀", text: {fi: Luen itse}}
      - id: bye
        kind: say
        symbol: "👋"
        text: {fi: Kiitos.}
""",
    )
    sessions = Sessions(data_dir, dialogues=Dialogues(root))
    active = sessions.create("Aino", "fi", "tiny")
    assert not active.preferences.read_aloud
    active.answer(Answer.pick("listen"))
    assert active.preferences.read_aloud


def test_meeting_facts_are_not_asked_again(tmp_path: Path, data_dir: Path) -> None:
    root = write_dialogue(
        tmp_path,
        """
      - id: who
        kind: text
        symbol: "👥"
        text: {fi: Kuka on mukana tänään?}
        from_meeting: people_present
        when_known: skip
      - id: name
        kind: text
        symbol: "🙂"
        text: {fi: Mikä on nimesi?}
        from_meeting: client_name
      - id: bye
        kind: say
        symbol: "👋"
        text: {fi: Kiitos.}
""",
    )
    sessions = Sessions(data_dir, dialogues=Dialogues(root))
    active = sessions.create("Aino", "fi", "tiny")
    active.start_meeting([("Pekka", Role.SUPPORTER), ("Liisa", Role.EXPERIENCE_EXPERT)])
    view = active.step()
    # "who is here" was recorded, not asked; the name is shown filled in to confirm
    assert view is not None and view.step_id == "name"
    assert view.words == "Aino" and view.from_meeting
    stored = active._stored.session.steps["who"]
    assert stored.current is not None and stored.current.answer.text == "Pekka, Liisa"
    active.answer(Answer.words(view.words))
    assert active.step().step_id == "bye"  # type: ignore[union-attr]


def test_nobody_else_here_is_a_fact_too(tmp_path: Path, data_dir: Path) -> None:
    root = write_dialogue(
        tmp_path,
        """
      - id: who
        kind: text
        symbol: "👥"
        text: {fi: Kuka on mukana tänään?}
        from_meeting: people_present
        when_known: skip
      - id: bye
        kind: say
        symbol: "👋"
        text: {fi: Kiitos.}
""",
    )
    sessions = Sessions(data_dir, dialogues=Dialogues(root))
    before = sessions.create("Aino", "fi", "tiny")
    assert before.step().step_id == "who"  # type: ignore[union-attr]  # nobody asked yet
    before.start_meeting([])  # "who is here today": only the client
    assert before.step().step_id == "bye"  # type: ignore[union-attr]
    stored = before._stored.session.steps["who"].current
    assert stored is not None and stored.answer.text == "Vain minä"


def _walk_example(sessions: Sessions) -> ActiveSession:
    active = sessions.create("Aino", "fi", "example")
    active.start_meeting([("Pekka", Role.SUPPORTER)])
    active.go_on()
    active.answer(Answer.words("Aino"))
    active.answer(Answer.pick("like"))
    active.answer(Answer.pick("games"))
    active.answer(Answer.pick("yes"))
    active.answer(Answer.words("Laulaa"))
    active.answer(Answer.words("Ei muuta"))
    active.go_on()
    return active


def test_readback_per_theme_with_change_and_return(sessions: Sessions) -> None:
    active = _walk_example(sessions)
    assert active.place is Place.END
    first = active.open_readback()
    assert first == "hello" and active.place is Place.READBACK
    view = active.readback()
    assert [i.step_id for i in view.items] == ["name", "mood"]
    assert view.items[1].parts == (("😊", "Pidän"),)
    active.change("mood")
    assert active.place is Place.STEP and active.step().step_id == "mood"
    active.answer(Answer.pick("unsure"))
    # back to the same theme's read-back, not to the start
    assert active.place is Place.READBACK and active.readback_theme == "hello"
    assert active.readback().items[1].parts[0][1] == "En ole varma"
    following = active.confirm_theme("hello")
    assert following == "free-time"
    assert all(i.confirmed for i in active.readback("hello").items)
    assert active.confirm_theme("free-time") == "goodbye"
    assert active.confirm_theme("goodbye") is None
    assert active.place is Place.END


def test_back_from_a_change_returns_to_the_readback(sessions: Sessions) -> None:
    active = _walk_example(sessions)
    active.open_readback("free-time")
    active.change("hobbies")
    assert active.back()
    assert active.place is Place.READBACK and active.readback_theme == "free-time"


def test_keep_private_and_consent_and_export(sessions: Sessions, data_dir: Path) -> None:
    active = _walk_example(sessions)
    active.keep_private("wish")
    active.consent(["caseworker"])
    done = active.export("html", "sv")
    assert done.path.parent == data_dir / "exports" / active.id
    page = read_plain(done.path).decode("utf-8")  # kept sealed in the data folder
    assert "Laulaa" not in page and "Utkast till stödplan" in page
    assert done.path.stat().st_mode & 0o777 == 0o600
    mine = active.export("md", mine=True)
    assert mine.path.name.endswith("my-plan-fi.md") and mine.path != done.path
    active.close()
    sessions.delete(active.id)
    assert not done.path.exists() and not mine.path.exists()


def test_busy_and_missing_dialogue_are_told_apart(sessions: Sessions, data_dir: Path) -> None:
    active = sessions.create("Aino", "fi", "example")
    with pytest.raises(SessionError) as busy:
        Sessions(data_dir).open(active.id)
    assert busy.value.problem is Problem.BUSY
    active.close()
    elsewhere = Sessions(data_dir, dialogues=Dialogues(data_dir / "no-dialogues"))
    [summary] = elsewhere.summaries()
    assert summary.problem is Problem.DIALOGUE_MISSING  # still listed, marked
    with pytest.raises(SessionError) as missing:
        elsewhere.open(active.id)
    assert missing.value.problem is Problem.DIALOGUE_MISSING
    assert missing.value.words("fi").startswith("Tämän istunnon kysymykset")
    Sessions(data_dir).open(active.id).close()  # the lock was let go


def test_a_dialogue_id_is_never_a_path(sessions: Sessions) -> None:
    with pytest.raises(SessionError) as info:
        sessions.dialogues.get("../example")
    assert info.value.problem is Problem.DIALOGUE_MISSING


def test_read_aloud_says_the_question_the_numbered_choices_and_the_skips(
    sessions: Sessions,
) -> None:
    active = sessions.create("Aino", "fi", "example")
    active.start_meeting([])
    active.go_on()
    active.answer(Answer.words("Aino"))
    view = active.step()
    assert view is not None
    assert view.spoken.startswith(view.question)
    assert "1: " in view.spoken and view.spoken.endswith("En halua puhua tästä.")
    assert "F6" not in view.spoken  # no key names in spoken text


def test_a_damaged_session_is_listed_marked(sessions: Sessions, data_dir: Path) -> None:
    active = sessions.create("Aino", "fi", "example")
    session_id = active.id
    active.close()
    folder = data_dir / "sessions" / session_id
    for name in ("session.json", "session.json.bak"):
        if (folder / name).exists():
            (folder / name).write_bytes(b"not a session")
    listed = {s.id: s for s in Sessions(data_dir).summaries()}
    assert listed[session_id].problem is Problem.DAMAGED  # never silently gone
    with pytest.raises(SessionError) as info:
        Sessions(data_dir).open(session_id)
    assert info.value.problem is Problem.DAMAGED
