"""A generated dialogue of many steps (branches, conditions, skips) for `haave check` at scale.

Used by `make bench` (10,000 steps) and by a test that checks a big one gives the same
findings as the small rules say (no timing there)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def _name(n: int) -> str:
    """A number written as letters ("ba", "bb"...): texts have no digits, which read aloud
    badly and which the checker flags."""
    letters = ""
    while True:
        n, rest = divmod(n, 26)
        letters = chr(ord("a") + rest) + letters
        if n == 0:
            return letters


def _texts(word: str) -> dict[str, str]:
    return {"fi": f"Pidätkö {word}?", "sv": f"Tycker du om {word}?", "en": f"Do you like {word}?"}


def big_dialogue(steps: int, per_theme: int = 1000) -> dict[str, Any]:
    """A dialogue with `steps` steps in themes of `per_theme`: every fifth step is a yes/no
    that branches on itself past the next step, every seventh asks only when an earlier step
    was answered, every eleventh jumps on with `next`."""
    themes = []
    for t in range(max(1, steps // per_theme)):
        count = min(per_theme, steps - t * per_theme)
        ids = [f"t{t}-s{i}" for i in range(count)]
        rows: list[dict[str, Any]] = []
        for i, sid in enumerate(ids):
            step: dict[str, Any] = {
                "id": sid,
                "kind": "yes_no" if i % 5 == 0 else "scale3",
                "symbol": "❓",
                "text": _texts(f"asiasta {_name(i)}"),
            }
            if i % 5 == 0 and i + 2 < count:
                step["branches"] = [
                    {"when": {"step": sid, "is": "yes"}, "goto": ids[i + 2]},
                ]
            if i % 7 == 3 and i > 10:
                step["when"] = {"step": ids[i - 10], "answered": True}
            if i % 11 == 4 and i + 3 < count:
                step["next"] = ids[i + 1]
            rows.append(step)
        themes.append(
            {"id": f"t{t}", "symbol": "⭐", "title": _texts(f"aihe {_name(t)}"), "steps": rows}
        )
    return {
        "id": "big",
        "version": 1,
        "languages": ["fi", "sv", "en"],
        "title": _texts("iso"),
        "themes": themes,
    }


def write_big(folder: Path, steps: int, per_theme: int = 1000) -> Path:
    """Write the generated dialogue to `folder/big/dialogue.yaml`; returns its folder."""
    target = folder / "big"
    target.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(
        big_dialogue(steps, per_theme), Dumper=NoAliases, allow_unicode=True, sort_keys=False
    )
    (target / "dialogue.yaml").write_text(text, encoding="utf-8")
    return target
