"""The official-register sets (issue 17): their shape, and the targets on the held-out half.

The held-out half was kept out of tuning. The targets are quality figures of the checker,
not timings: at least 95% of the short official sentences get a warning or an error, and
at least 95% of the natural easy sentences get no error, in every language, and for Finnish
both with and without Voikko.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.evaluate_register import evaluate, load, table
from easyread.text import words_in

DATA = Path(__file__).parent / "data"
KINDS = {"necessive", "condition", "nominalisation", "official-word", "passive", "person-form",
         "other"}
TARGET = 0.95


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_set_shape(lang: str) -> None:
    items = load(lang, DATA)
    hard = [i for i in items if i["hard"]]
    easy = [i for i in items if not i["hard"]]
    assert len(hard) >= 100 and len(easy) >= 100
    assert all(len(words_in(str(i["text"]))) <= 8 for i in hard)
    assert all(set(i["kinds"]) <= KINDS and i["kinds"] for i in hard)  # type: ignore[arg-type]
    texts = [str(i["text"]) for i in items]
    assert len(set(texts)) == len(texts)
    for group in (hard, easy):  # half of each kept out of tuning
        held = sum(1 for i in group if i["heldout"])
        assert abs(held - len(group) / 2) <= 1


def test_sets_are_new_sentences() -> None:
    """Written for issue 17: none is taken from the older labelled sets."""
    from easyread.evaluate import load as load_old

    for lang in ("fi", "sv", "en"):
        old = {str(i["text"]) for i in load_old(lang, DATA)}
        assert not old & {str(i["text"]) for i in load(lang, DATA)}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_heldout_targets(use_voikko: bool, lang: str) -> None:
    ev = evaluate(lang, "heldout", DATA, use_voikko if lang == "fi" else None)
    assert ev.hard_rate >= TARGET, table(ev)
    assert ev.easy_rate >= TARGET, table(ev)


def test_evaluate_rejects_unknown_part() -> None:
    with pytest.raises(ValueError, match="part must be one of"):
        evaluate("fi", "everything", DATA)
