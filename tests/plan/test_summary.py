"""Page one of the draft (top three, summary parts, every differing view), the mats, and the
words "My plan" uses; from a session through the service to the files."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from assistant.dialogue import Answer
from assistant.plan.build import build_from_source
from assistant.plan.export import render
from assistant.plan.mine import render_mine_markdown
from assistant.plan.model import Source
from assistant.plan.source import PlanRecord
from assistant.plan.texts import mine_text
from assistant.session import Role, Sessions
from assistant.session.dialogues import Dialogues
from assistant.store.crypto import read_plain
from tests.plan.fixtures import TODAY, example_dialogue, example_source
from tests.session.conftest import write_dialogue
from tests.session.test_mat_and_important import MAT_STEPS

DIALOGUE = example_dialogue()


def summary_part(html: str) -> str:
    return html.split('<section id="summary">')[1].split("</section>", maxsplit=1)[0]


def test_the_summary_holds_the_top_three_and_every_differing_view() -> None:
    src = example_source("fi")
    extra = PlanRecord(
        "name", Answer.words("Ainoliini"), Source.SUPPORTER_VIEW, given_by="Pekka"
    )
    src = replace(
        src,
        records=[*src.records, extra],
        important=[("hobbies", "music"), ("name", None), ("gone", None)],
    )
    plan = build_from_source(src, DIALOGUE, "fi", TODAY)
    assert [(i.step_id, i.words) for i in plan.important] == [
        ("hobbies", "Kuuntelen musiikkia"),
        ("name", "Aino"),
    ]
    assert {d.step_id for d in plan.differing_views} == {"enough", "name"}
    page_one = summary_part(render(plan, DIALOGUE, "html").decode())
    assert "Kuuntelen musiikkia" in page_one and "<svg" in page_one  # with its symbol
    for view in plan.differing_views:
        assert view.label in page_one
    assert "tukihenkilön näkemys (Pekka)" in page_one  # both labelled
    assert "Ei halunnut vastata" in page_one and "Palataan myöhemmin" in page_one
    assert "Maija Mallikas" in page_one  # the consent


def test_a_mark_only_where_it_tells_something() -> None:
    html = render(build_from_source(example_source("fi"), DIALOGUE, "fi", TODAY), DIALOGUE, "html")
    text = html.decode()
    rock = re.search(r"Mieluisa musiikki</th><td>(.*?)</td>", text)
    assert rock and rock.group(1) == "Rock"  # the client's own, confirmed: no mark
    hobbies = re.search(r"Harrastukset nyt</th><td>(.*?)</td>", text, re.S)
    assert hobbies and "asiakas tuettuna (Pekka)" in hobbies.group(1)
    assert text.count("20.11.2026") == 0  # no time on every answer: meetings once


def test_my_plan_never_says_maybe_nor_my_money() -> None:
    for lang, maybe, money in (("fi", "Ehkä", "Minun rahani"), ("sv", "Kanske", "Mina pengar"),
                               ("en", "Maybe", "My money")):
        assert mine_text("unsure", lang) != maybe
        assert mine_text("s_budget", lang) != money
    src = example_source("fi")
    records = [r for r in src.records if r.step_id != "mood"]
    records.append(PlanRecord("mood", Answer.pick("unsure"), confirmed=True))
    plan = build_from_source(replace(src, records=records), DIALOGUE, "fi", TODAY)
    assert "En ole varma" in render_mine_markdown(plan)


def test_from_a_session_to_the_files(tmp_path: Path) -> None:
    root = write_dialogue(tmp_path, MAT_STEPS)
    sessions = Sessions(tmp_path / "data", dialogues=Dialogues(root))
    active = sessions.create("Aino", "fi", "tiny")
    active.start_meeting([("Pekka", Role.SUPPORTER)])
    active.set_view_ways(["speech", "talking_mat"])
    active.answer(Answer.pick("like"))
    active.answer(Answer.pick("dislike"))
    active.answer(Answer.pick("like"))
    active.mat_set_aside("crowds")
    active.mat_confirm("likes")
    active.answer(Answer.pick("swim", "draw"))
    active.answer(Answer.words("Matka Lappiin"))
    active.pick_important(["dream", "music"])
    draft = active.make_file("html").data.decode()
    assert "puhe, aihematto (Talking Mats)" in draft
    page_one = summary_part(draft)
    assert page_one.index("Matka Lappiin") < page_one.index("Musiikki")
    assert 'class="mat keep"' in draft and "Ei halunnut puhua näistä" in draft
    assert "Asiakas vahvisti koko maton." in draft
    mine = active.make_file("html", mine=True).data.decode()
    assert "Minulle tärkeintä" in mine and "Minun mattoni: Ainoa" in mine
    assert "En halua puhua tästä." in mine  # the set-aside card, in the client's words
    profile = active.export("html", kind="profile")
    assert profile.path.name.endswith("one-page-profile-fi.html")
    assert "Matka Lappiin" in read_plain(profile.path).decode("utf-8")  # sealed in the folder
    active.close()
