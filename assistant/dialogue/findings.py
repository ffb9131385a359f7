"""What `haave check` reports: a finding at a file, a line and a step."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from assistant.dialogue.yamlio import shown

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One thing `haave check` reports: `PATH:LINE: STEP-ID: message`."""

    path: Path
    line: int | None
    step_id: str | None
    level: Level
    message: str

    def __str__(self) -> str:
        where = self.step_id or "-"
        return f"{shown(self.path)}:{self.line or 1}: {where}: {self.level}: {self.message}"
