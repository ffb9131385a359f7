"""The session service: the one core room both front-ends call (no Textual, no web).

`Sessions(data_dir)` lists, creates and opens sessions; `ActiveSession` is the only code that
moves a conversation and saves it, and returns plain typed views (`StepView`, `ThemeView`,
`ReadbackView`) with texts in the session's language. Front-ends render those views and call
its methods; they never read the dialogue model or the store. Names are exported lazily
(PEP 562) so that importing the room stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.dialogue.answers import Answer, SkipReason
    from assistant.plan.formats import FORMATS, MINE_FORMATS, PROFILE_FORMATS, formats_for
    from assistant.session.active import ActiveSession
    from assistant.session.core import Notice
    from assistant.session.desk import Sessions, SessionSummary
    from assistant.session.dialogues import DialogueChoice, Dialogues
    from assistant.session.errors import Problem, SessionError
    from assistant.session.outputs import Exported
    from assistant.session.view import (
        Action,
        AnsweredBy,
        Answering,
        ChoiceView,
        Glossary,
        OtherView,
        Person,
        Place,
        ReadbackItem,
        ReadbackView,
        Role,
        SkipChoice,
        StepKind,
        StepView,
        ThemeState,
        ThemeView,
    )

_EXPORTS = {
    "FORMATS": "assistant.plan.formats",
    "MINE_FORMATS": "assistant.plan.formats",
    "PROFILE_FORMATS": "assistant.plan.formats",
    "formats_for": "assistant.plan.formats",
    "Answer": "assistant.dialogue.answers",
    "SkipReason": "assistant.dialogue.answers",
    "ActiveSession": "assistant.session.active",
    "Exported": "assistant.session.outputs",
    "Notice": "assistant.session.core",
    "Sessions": "assistant.session.desk",
    "SessionSummary": "assistant.session.desk",
    "DialogueChoice": "assistant.session.dialogues",
    "Dialogues": "assistant.session.dialogues",
    "Problem": "assistant.session.errors",
    "SessionError": "assistant.session.errors",
    **{
        name: "assistant.session.view"
        for name in (
            "Action",
            "AnsweredBy",
            "Answering",
            "ChoiceView",
            "Glossary",
            "OtherView",
            "Person",
            "Place",
            "ReadbackItem",
            "ReadbackView",
            "Role",
            "SkipChoice",
            "StepKind",
            "StepView",
            "ThemeState",
            "ThemeView",
        )
    },
}

__all__ = [
    "FORMATS",
    "MINE_FORMATS",
    "PROFILE_FORMATS",
    "Action",
    "ActiveSession",
    "Answer",
    "AnsweredBy",
    "Answering",
    "ChoiceView",
    "DialogueChoice",
    "Dialogues",
    "Exported",
    "Glossary",
    "Notice",
    "OtherView",
    "Person",
    "Place",
    "Problem",
    "ReadbackItem",
    "ReadbackView",
    "Role",
    "SessionError",
    "SessionSummary",
    "Sessions",
    "SkipChoice",
    "SkipReason",
    "StepKind",
    "StepView",
    "ThemeState",
    "ThemeView",
    "formats_for",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'assistant.session' has no attribute {name!r}")
    return getattr(import_module(module), name)
