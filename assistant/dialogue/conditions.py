"""Evaluating structured conditions against the answers given so far. No `eval`, ever."""

from __future__ import annotations

from collections.abc import Mapping

from assistant.dialogue.answers import Answer
from assistant.dialogue.model import Condition


def holds(condition: Condition, answers: Mapping[str, Answer]) -> bool:
    """True when `condition` holds for `answers` (step id -> answer)."""
    if condition.all_ is not None:
        return all(holds(c, answers) for c in condition.all_)
    if condition.any_ is not None:
        return any(holds(c, answers) for c in condition.any_)
    if condition.not_ is not None:
        return not holds(condition.not_, answers)
    answer = answers.get(condition.step or "")
    given = answer is not None and answer.given
    if condition.answered is not None:
        return given == condition.answered
    if answer is None or not given:
        return False
    if condition.is_ is not None:
        return answer.choices == (condition.is_,)
    return condition.contains in answer.choices
