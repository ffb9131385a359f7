"""The draft support plan for the caseworker, and the client's own easy-read copy.

Never imports textual. Names are exported lazily (PEP 562): renderers pull in python-docx
and fhir.resources only when used.

Public API:
- `build_draft(session, dialogue, lang) -> DraftPlan`
- `render(plan, dialogue, fmt, mine=False) -> bytes` (fmt: html, md, docx, json, fhir)
- `export(session_id, fmt, lang, mine, out, data_dir) -> Path`
- `record_consent(session_id, consent, data_dir)`, `make_consent(...)`
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.plan.build import AnswerRecord, PlanSource, build_draft, build_from_source
    from assistant.plan.consent import make_consent
    from assistant.plan.export import ExportError, export, record_consent, render
    from assistant.plan.model import Consent, DraftPlan

_EXPORTS = {
    "AnswerRecord": "build",
    "PlanSource": "build",
    "build_draft": "build",
    "build_from_source": "build",
    "make_consent": "consent",
    "ExportError": "export",
    "export": "export",
    "record_consent": "export",
    "render": "export",
    "Consent": "model",
    "DraftPlan": "model",
}

__all__ = [
    "AnswerRecord",
    "Consent",
    "DraftPlan",
    "ExportError",
    "PlanSource",
    "build_draft",
    "build_from_source",
    "export",
    "make_consent",
    "record_consent",
    "render",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'assistant.plan' has no attribute {name!r}")
    return getattr(import_module(f"assistant.plan.{module}"), name)
