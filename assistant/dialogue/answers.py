"""Answers as the engine sees them: what was picked or said, or why a step was skipped.

Who gave an answer, when, and its earlier revisions are kept by `assistant.store`; the engine
needs only the value to decide where to go next.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class SkipReason(StrEnum):
    """Why a question was not answered."""

    DONT_KNOW = "dont_know"
    """'I don't know.'"""
    SKIP = "skip"
    """'Skip this question.'"""
    LATER = "later"
    """'Not now': asked again at the end of the theme."""
    DECLINE = "decline"
    """'I don't want to talk about this': never asked again."""


class Answer(BaseModel):
    """The client's answer to one step: choice ids and/or own words, or a skip reason."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    choices: tuple[str, ...] = Field(
        (), description="Choice ids; 'yes'/'no' for yes_no; 'like'/'unsure'/'dislike' for scale3."
    )
    text: str | None = Field(None, description="The client's own words, verbatim.")
    skipped: SkipReason | None = None

    @property
    def given(self) -> bool:
        """True when this is a real answer, not a skip."""
        return self.skipped is None

    @classmethod
    def pick(cls, *choice_ids: str, text: str | None = None) -> Answer:
        return cls(choices=tuple(choice_ids), text=text)

    @classmethod
    def words(cls, text: str) -> Answer:
        return cls(text=text)

    @classmethod
    def skip(cls, reason: SkipReason | str) -> Answer:
        return cls(skipped=SkipReason(reason))


class AnswerError(ValueError):
    """An answer that does not fit its step (unknown choice, missing words, ...)."""

    def __init__(self, step_id: str, message: str) -> None:
        super().__init__(f"{step_id}: {message}")
        self.step_id = step_id
        self.message = message
