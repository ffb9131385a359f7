"""Results of a check: findings and the report that holds them."""

from __future__ import annotations

from dataclasses import dataclass, field

from easyread.lix import Lix
from easyread.settings import Level


@dataclass(frozen=True)
class Alternative:
    """A plainer way to say what a finding points at, and why."""

    plain: tuple[str, ...]
    """What to write instead ("heti"; "pyyntö muuttaa päätöstä")."""
    why: str
    source: str = ""
    """The guide the advice comes from; empty when the reason is the curator's own."""

    def as_dict(self) -> dict[str, object]:
        return {"plain": list(self.plain), "why": self.why, "source": self.source}


@dataclass
class Finding:
    """One problem found in a text, with where it is and what to do."""

    rule: str
    level: Level
    sentence: str
    span: tuple[int, int]
    """Character offsets (start, end) into the checked text."""
    line: int
    """1-based line in the checked text."""
    message: str
    suggestion: str = ""
    silenced: bool = False
    reason: str | None = None
    alternative: Alternative | None = None
    """Plain words to use instead (official-language rules), for `--suggest` and reports."""

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "level": self.level,
            "sentence": self.sentence,
            "span": list(self.span),
            "line": self.line,
            "message": self.message,
            "suggestion": self.suggestion,
            "silenced": self.silenced,
            "reason": self.reason,
            "alternative": self.alternative.as_dict() if self.alternative else None,
        }


@dataclass
class Report:
    """All findings for one text, plus which analyser ran and the LIX figure."""

    lang: str
    findings: list[Finding] = field(default_factory=list)
    analyser: str = "heuristic"
    lix: Lix | None = None
    notes: list[str] = field(default_factory=list)
    """Plain notes for the reader of the report, e.g. that Voikko was not available."""

    def _active(self, level: Level) -> list[Finding]:
        return [f for f in self.findings if f.level == level and not f.silenced]

    @property
    def errors(self) -> list[Finding]:
        return self._active("error")

    @property
    def warnings(self) -> list[Finding]:
        return self._active("warning")

    @property
    def infos(self) -> list[Finding]:
        return self._active("info")

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, object]:
        return {
            "lang": self.lang,
            "analyser": self.analyser,
            "notes": self.notes,
            "lix": self.lix.as_dict() if self.lix else None,
            "findings": [f.as_dict() for f in self.findings],
        }
