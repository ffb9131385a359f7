"""Dialogue trees: the model, the loader, conditions, the engine, static checks, test plans.

Pure Python + pydantic: never imports textual or tinydb. Names are exported lazily
(PEP 562) so that `import assistant.dialogue` stays cheap at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.dialogue.answers import Answer, AnswerError, SkipReason
    from assistant.dialogue.engine import (
        Conversation,
        DialogueMismatch,
        EngineState,
        Progress,
        ThemeState,
        UnplacedAnswer,
        resume,
    )
    from assistant.dialogue.loader import LoadedDialogue, dialogue_folders, load, load_dialogue
    from assistant.dialogue.model import Choice, Condition, Dialogue, Lang, Step, StepKind, Theme
    from assistant.dialogue.yamlio import DataFileError, Problem

_EXPORTS = {
    "Answer": "answers",
    "AnswerError": "answers",
    "SkipReason": "answers",
    "Conversation": "engine",
    "DialogueMismatch": "engine",
    "EngineState": "engine",
    "Progress": "engine",
    "ThemeState": "engine",
    "UnplacedAnswer": "engine",
    "resume": "engine",
    "LoadedDialogue": "loader",
    "dialogue_folders": "loader",
    "load": "loader",
    "load_dialogue": "loader",
    "Choice": "model",
    "Condition": "model",
    "Dialogue": "model",
    "Lang": "model",
    "Step": "model",
    "StepKind": "model",
    "Theme": "model",
    "DataFileError": "yamlio",
    "Problem": "yamlio",
}

__all__ = [
    "Answer",
    "AnswerError",
    "Choice",
    "Condition",
    "Conversation",
    "DataFileError",
    "Dialogue",
    "DialogueMismatch",
    "EngineState",
    "Lang",
    "LoadedDialogue",
    "Problem",
    "Progress",
    "SkipReason",
    "Step",
    "StepKind",
    "Theme",
    "ThemeState",
    "UnplacedAnswer",
    "dialogue_folders",
    "load",
    "load_dialogue",
    "resume",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'assistant.dialogue' has no attribute {name!r}")
    return getattr(import_module(f"assistant.dialogue.{module}"), name)
