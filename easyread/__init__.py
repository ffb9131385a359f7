"""Easy-read toolkit: checker, glossary and language analysis. Never imports `assistant`.

Names are exported lazily (PEP 562) so `import easyread` stays cheap: Voikko, wordfreq and
the YAML data load only when a check runs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from easyread.check import UnsupportedLanguage, check_text
    from easyread.glossary import GlossaryEntry, explain, terms_in
    from easyread.lix import Lix
    from easyread.model import Alternative, Finding, Report
    from easyread.settings import RULES, THRESHOLDS, Rule, Thresholds

_EXPORTS = {
    "check_text": "easyread.check",
    "UnsupportedLanguage": "easyread.check",
    "VoikkoUnavailable": "easyread.analysis",
    "Finding": "easyread.model",
    "Alternative": "easyread.model",
    "Report": "easyread.model",
    "Lix": "easyread.lix",
    "RULES": "easyread.settings",
    "Rule": "easyread.settings",
    "THRESHOLDS": "easyread.settings",
    "Thresholds": "easyread.settings",
    "GlossaryEntry": "easyread.glossary",
    "explain": "easyread.glossary",
    "terms_in": "easyread.glossary",
}

__all__ = [
    "RULES", "THRESHOLDS", "Alternative", "Finding", "GlossaryEntry", "Lix", "Report", "Rule",
    "Thresholds", "UnsupportedLanguage", "VoikkoUnavailable", "check_text", "explain", "terms_in",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'easyread' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
