"""Hostile input through the real terminal: markup, escapes, emoji, right-to-left, a huge paste.

What a terminal can carry arrives in the store verbatim. An ESC byte cannot: the terminal
input parser reads ESC + "[31m" as an (unknown) escape sequence and drops it, so what is
asserted for those is the text without the escape sequences, no ESC byte stored, and the
app still running. Typed key by key, tmux drops a zero-width joiner; pasted, it arrives
(the 10,000-character paste holds "👩‍👩‍👧"). The exports come out escaped.
"""

from __future__ import annotations

import re

from tests.e2e import flow
from tests.e2e.conftest import Term
from tests.e2e.exports import export, html_parts
from tests.e2e.helpers import saved

ALIAS = "[bold]x[/] [/] <script>alert(1)</script> 😀👍🏽🇫🇮 שלום مرحبا"
NAME = "[bold]x[/] [/] a\x1b[31mred\x1b[0mb & <b>b</b> 👩‍👩‍👧 עברית العربية"
#: What the terminal carries when typed key by key: no escape sequences, and `tmux send-keys`
#: drops the zero-width joiner (U+200D). A paste carries both (see HUGE).
NAME_STORED = re.sub(r"\x1b\[[0-9;]*m", "", NAME).replace("\u200d", "")
UNIT = "<script>alert(1)</script>[bold]x[/] ÅÄÖ 😀 👩‍👩‍👧 שלום مرحبا | # x `c` "
HUGE = (UNIT * (10_000 // len(UNIT) + 1))[:10_000]


def test_hostile_text_reaches_the_store_verbatim_and_exports_escaped(term: Term) -> None:
    assert len(HUGE) == 10_000
    term.start()
    flow.to_sessions(term)
    flow.start_new(term, ALIAS)
    flow.answer(term, "welcome", "Enter", then="name")
    flow.answer(term, "name", "Enter", text=NAME, then="mood")
    flow.answer(term, "mood", "1", then="hobbies")
    flow.answer(term, "hobbies", "1", "C-r", then="music-kind")
    flow.answer(term, "music-kind", "2", then="enough")
    flow.answer(term, "enough", "2", then="wish")
    # 10,000 characters pasted in one go (bracketed paste), then Enter
    flow.at_step(term, "wish")
    flow.retry(
        term,
        lambda: term.paste(HUGE),
        lambda s: flow.WRITE_HERE not in s,
        "main",
        "the paste",
    )
    term.keys("Enter")
    flow.at_step(term, "anything-else", absent=(flow.QUESTIONS["wish"],))
    shown = term.screen()
    assert "Traceback" not in shown
    assert "[bold]x[/]" in shown  # the alias is shown as it is, not as markup
    flow.take_break(term)

    sid, answers, current, session = saved(term.data_dir)
    assert session.alias == ALIAS
    assert answers["name"].text == NAME_STORED
    assert "\x1b" not in answers["name"].text
    assert answers["wish"].text == HUGE
    assert current == "anything-else"
    assert "Traceback" not in flow.quit_app(term)

    root, data = term.root, term.data_dir
    for mine in (False, True):
        page = export(root, data, sid, "html", "fi", mine=mine).read_text(encoding="utf-8")
        tags, text = html_parts(page)
        assert "script" not in tags and "b" not in tags
        assert "<script>" not in page and "<b>b</b>" not in page
        assert "&lt;script&gt;" in page
        assert NAME_STORED in text
        assert HUGE in text
        if not mine:
            assert ALIAS in text
        md = export(root, data, sid, "md", "fi", mine=mine).read_text(encoding="utf-8")
        assert "<script>" not in md and "<b>" not in md
        assert "\\[bold\\]" in md
        assert not re.search(r"^#+ x", md, re.M)  # the client's "# x" is not a heading
        assert "\x1b" not in md
