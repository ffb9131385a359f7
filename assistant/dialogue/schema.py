"""The JSON Schemas of the dialogue files, generated from the pydantic models.

They are committed in `dialogues/` so that editors check files as authors type; a test fails
when they are stale. Regenerate with `haave schema --write`.
"""

from __future__ import annotations

import json
from pathlib import Path

from assistant.dialogue.model import DialogueFile, ThemeFile

SCHEMAS: dict[str, type[DialogueFile] | type[ThemeFile]] = {
    "schema.json": DialogueFile,
    "theme.schema.json": ThemeFile,
}


def render(name: str) -> str:
    """The text of one schema file."""
    schema = SCHEMAS[name].model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def stale(root: Path) -> list[Path]:
    """The committed schema files under `root` that differ from the models."""
    out = []
    for name in SCHEMAS:
        path = root / name
        if not path.exists() or path.read_text(encoding="utf-8") != render(name):
            out.append(path)
    return out


def write(root: Path) -> list[Path]:
    written = []
    for name in SCHEMAS:
        path = root / name
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written
