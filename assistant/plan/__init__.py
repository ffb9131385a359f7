"""The draft support plan for the caseworker, and the client's own easy-read copy.

Never imports textual. Names are exported lazily (PEP 562): renderers pull in python-docx
and fhir.resources only when used.

Public API (the session service writes the files; this room only makes them):
- `source_from_session(session) -> PlanSource` (the one converter from the store)
- `build_draft(session, dialogue, lang) -> DraftPlan`
- `render(plan, dialogue, fmt, mine=False) -> bytes` (formats: `assistant.plan.formats`)
- `make_file(source, dialogue, fmt, lang, mine) -> PlanFile`, `make_consent(...)`
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.plan.build import build_draft, build_from_source
    from assistant.plan.consent import make_consent
    from assistant.plan.errors import ExportError
    from assistant.plan.export import PlanFile, make_file, render
    from assistant.plan.model import Consent, DraftPlan
    from assistant.plan.source import PlanRecord, PlanSource, source_from_session

_EXPORTS = {
    "build_draft": "build",
    "build_from_source": "build",
    "make_consent": "consent",
    "ExportError": "errors",
    "PlanFile": "export",
    "make_file": "export",
    "render": "export",
    "PlanRecord": "source",
    "PlanSource": "source",
    "source_from_session": "source",
    "Consent": "model",
    "DraftPlan": "model",
}

__all__ = [
    "Consent",
    "DraftPlan",
    "ExportError",
    "PlanFile",
    "PlanRecord",
    "PlanSource",
    "build_draft",
    "build_from_source",
    "make_consent",
    "make_file",
    "render",
    "source_from_session",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'assistant.plan' has no attribute {name!r}")
    return getattr(import_module(f"assistant.plan.{module}"), name)
