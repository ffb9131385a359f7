"""Hit rates on the short official sentences and the natural easy ones (issue 17).

`python -m easyread.evaluate_register [--part heldout|tuning|all] [--no-voikko] [DATA_DIR]`
prints one table per language. DATA_DIR holds `official_<lang>.yaml` (default
tests/easyread/data): each item has `text`, `hard`, `heldout` and, for hard sentences,
`kinds` (what a reviewer sees in it: necessive, condition, nominalisation, official-word,
passive, person-form, other). The held-out half was kept out of tuning: report it as is.

Figures: hard sentences flagged (a warning or an error), easy sentences without an error
(the targets), easy sentences without any warning, and per rule how many hard sentences it
flags and how many easy ones it warns on; per kind, how many hard sentences of that kind got
a finding from the rule of the same name.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from easyread.check import check_text
from easyread.settings import LANGS, RULES

DEFAULT_DATA = Path("tests/easyread/data")
PARTS = ("heldout", "tuning", "all")


@dataclass
class RegisterEvaluation:
    lang: str
    analyser: str
    part: str
    hard: int = 0
    hard_flagged: int = 0
    easy: int = 0
    easy_without_error: int = 0
    easy_without_warning: int = 0
    rule_hard: Counter[str] = field(default_factory=Counter)
    """Hard sentences each rule flags."""
    rule_easy: Counter[str] = field(default_factory=Counter)
    """Easy sentences each rule warns on (or errors on)."""
    kind_total: Counter[str] = field(default_factory=Counter)
    kind_found: Counter[str] = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)
    easy_errors: list[str] = field(default_factory=list)

    @property
    def hard_rate(self) -> float:
        return self.hard_flagged / self.hard if self.hard else 1.0

    @property
    def easy_rate(self) -> float:
        return self.easy_without_error / self.easy if self.easy else 1.0


def load(lang: str, data_dir: Path = DEFAULT_DATA) -> list[dict[str, object]]:
    import yaml

    return list(yaml.safe_load((data_dir / f"official_{lang}.yaml").read_text("utf-8")))


def _in_part(item: dict[str, object], part: str) -> bool:
    return part == "all" or bool(item.get("heldout")) == (part == "heldout")


def evaluate(lang: str, part: str = "heldout", data_dir: Path = DEFAULT_DATA,
             use_voikko: bool | None = None) -> RegisterEvaluation:
    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}")
    ev: RegisterEvaluation | None = None
    for item in load(lang, data_dir):
        if not _in_part(item, part):
            continue
        text = str(item["text"])
        report = check_text(text, lang, use_voikko=use_voikko)
        if ev is None:
            ev = RegisterEvaluation(lang, report.analyser, part)
        fired = {f.rule for f in report.findings if f.level != "info" and not f.silenced}
        if item["hard"]:
            ev.hard += 1
            ev.hard_flagged += bool(fired)
            ev.rule_hard.update(fired)
            if not fired:
                ev.missed.append(text)
            for kind in item.get("kinds") or []:  # type: ignore[attr-defined]
                ev.kind_total[str(kind)] += 1
                ev.kind_found[str(kind)] += str(kind) in fired
        else:
            ev.easy += 1
            ev.easy_without_error += not report.errors
            ev.easy_without_warning += not fired
            ev.rule_easy.update(fired)
            if report.errors:
                ev.easy_errors.append(text)
    if ev is None:
        raise ValueError(f"no sentences in part {part!r} for {lang}")
    return ev


def _pct(n: int, total: int) -> str:
    return f"{n}/{total} ({100 * n / total:.0f}%)" if total else "-"


def table(ev: RegisterEvaluation) -> str:
    lines = [
        f"## {ev.lang} ({ev.analyser}), {ev.part}: hard flagged {_pct(ev.hard_flagged, ev.hard)}"
        f", easy without an error {_pct(ev.easy_without_error, ev.easy)}, easy without any "
        f"warning {_pct(ev.easy_without_warning, ev.easy)}",
        f"{'rule':<16} {'hard flagged':>14} {'easy warned':>12} {'kind found':>14}",
    ]
    for rule in RULES:
        if not (ev.rule_hard[rule] or ev.rule_easy[rule] or ev.kind_total[rule]):
            continue
        kind = _pct(ev.kind_found[rule], ev.kind_total[rule]) if ev.kind_total[rule] else "-"
        lines.append(f"{rule:<16} {ev.rule_hard[rule]:>14} {ev.rule_easy[rule]:>12} {kind:>14}")
    lines += [f"missed: {t}" for t in ev.missed]
    lines += [f"easy with an error: {t}" for t in ev.easy_errors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    use_voikko = False if "--no-voikko" in args else None
    part = "heldout"
    if "--part" in args:
        part = args[args.index("--part") + 1]
    rest = [a for i, a in enumerate(args)
            if not a.startswith("--") and (i == 0 or args[i - 1] != "--part")]
    data_dir = Path(rest[0]) if rest else DEFAULT_DATA
    for lang in LANGS:
        print(table(evaluate(lang, part, data_dir, use_voikko)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
