"""Write the committed JSON Schema of DraftPlan: `python -m assistant.plan.schema`."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.plan.model import DraftPlan

if __name__ == "__main__":
    path = Path(__file__).parent / "draft-plan.schema.json"
    text = json.dumps(DraftPlan.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    print(path)
