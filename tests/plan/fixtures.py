"""A session made by walking the example dialogue, for the plan's tests and benchmark."""

from __future__ import annotations

from datetime import date, datetime

from assistant.dialogue import Answer, Conversation, Dialogue, load_dialogue
from assistant.dialogue.loader import default_root
from assistant.plan.model import Audience, Consent, LangCode, Source
from assistant.plan.source import PlanRecord, PlanSource

PRIVATE_MARKER = "PRIVATE-ZX81-DO-NOT-EXPORT"
TODAY = date(2026, 11, 23)

HOSTILE = (
    "<script>alert(1)</script></td></tr>\n# x\n[a](http://x) [bold] **b** | pipe |"
    "\x00\x07\x1b[31m\u200b & &amp; ' \" `code` 1. list\n" + "A" * 10_000
)


def example_dialogue() -> Dialogue:
    return load_dialogue(default_root() / "example")


def walked_answers(dialogue: Dialogue, hostile: bool = False) -> dict[str, Answer]:
    """Walk the example dialogue: every kind of answer and one skip."""
    conv = Conversation(dialogue)
    script: dict[str, Answer] = {
        "name": Answer.words(HOSTILE if hostile else "Aino"),
        "mood": Answer.pick("like"),
        "hobbies": Answer.pick("music", "other", text="Piirrän\nja maalaan"),
        "music-kind": Answer.pick("rock"),
        "enough": Answer.pick("no"),
        "wish": Answer.skip("later"),
        "anything-else": Answer.skip("decline"),
    }
    seen = 0
    while not conv.finished and seen < 50:
        seen += 1
        step = conv.current
        assert step is not None
        if not step.asks:
            conv.proceed()
        elif step.id in script:
            ans = script[step.id]
            if ans.skipped:
                conv.skip(ans.skipped)
            else:
                conv.answer(ans)
        else:
            conv.skip("skip")
    return dict(conv.state.answers)


def example_source(lang: LangCode = "fi", hostile: bool = False) -> PlanSource:
    dialogue = example_dialogue()
    answers = walked_answers(dialogue, hostile)
    at = datetime(2026, 11, 20, 10, 0)
    records = []
    for i, (step_id, ans) in enumerate(answers.items()):
        source = Source.CLIENT_WITH_SUPPORT if step_id == "hobbies" else Source.CLIENT
        records.append(
            PlanRecord(
                step_id=step_id,
                answer=ans,
                source=source,
                given_by="Aino",
                supported_by="Pekka" if source is Source.CLIENT_WITH_SUPPORT else None,
                at=at.replace(minute=i),
                confirmed=step_id != "enough",
            )
        )
    records.append(
        PlanRecord(
            step_id="enough",
            answer=Answer.pick("yes"),
            source=Source.SUPPORTER_VIEW,
            given_by="Pekka",
            at=at.replace(minute=30),
            confirmed=False,
        )
    )
    records.append(
        PlanRecord(
            step_id="music-kind",
            answer=Answer.words(PRIVATE_MARKER),
            source=Source.CLIENT,
            given_by="Aino",
            at=at.replace(minute=31),
            private=True,
        )
    )
    records.append(
        PlanRecord(
            step_id="mood",
            answer=Answer.words("Aino jaksaa ulkoilla pitkään."),
            source=Source.FACILITATOR_NOTE,
            given_by="Liisa",
            at=at.replace(minute=32),
            confirmed=True,
        )
    )
    return PlanSource(
        alias="Aino" if not hostile else HOSTILE,
        lang=lang,
        dialogue_id=dialogue.id,
        dialogue_version=dialogue.version,
        participants=[("Aino", "client"), ("Pekka", "supporter"), ("Liisa", "experience_expert")],
        meetings=[(date(2026, 11, 20), ["Aino", "Pekka", "Liisa"]), (date(2026, 11, 6), ["Aino"])],
        records=records,
        consent=Consent(
            audience=[Audience.CASEWORKER],
            caseworker_name="Maija Mallikas",
            decided_on=TODAY,
        ),
        read_back_done=True,
    )


def full_walk_source(dialogue: Dialogue, lang: LangCode = "fi") -> PlanSource:
    """Walk any dialogue answering every question (first choices, short words)."""
    from assistant.dialogue.model import StepKind

    conv = Conversation(dialogue)
    for _ in range(2000):
        step = conv.current
        if conv.finished or step is None:
            break
        if not step.asks:
            conv.proceed()
            continue
        plain = [v for v in step.values() if not (step.choice(v) and step.choice(v).own_words)]  # type: ignore[union-attr]
        if step.kind is StepKind.TEXT or not plain:
            conv.answer(Answer.words(f"Omin sanoin: {step.id}"))
        elif step.kind is StepKind.MULTI_CHOICE:
            conv.answer(Answer.pick(*plain[:2]))
        else:
            conv.answer(Answer.pick(plain[0]))
    at = datetime(2026, 11, 20, 10, 0)
    records = [
        PlanRecord(step_id, ans, given_by="Aino", at=at, confirmed=True)
        for step_id, ans in conv.state.answers.items()
    ]
    return PlanSource(
        alias="Aino",
        lang=lang,
        dialogue_id=dialogue.id,
        dialogue_version=dialogue.version,
        participants=[("Aino", "client")],
        meetings=[(date(2026, 11, 20), ["Aino"])],
        records=records,
    )
