"""Precision and recall of the checker on labelled sentences.

`python -m easyread.evaluate [DATA_DIR] [--no-voikko]` prints one table per language.
DATA_DIR holds `labelled_<lang>.yaml` (default: tests/easyread/data); each item has `text`,
`hard` (bool) and `rules` (rule ids a reviewer expects at warning or error level).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from easyread.check import check_text
from easyread.settings import LANGS, RULES

DEFAULT_DATA = Path("tests/easyread/data")


@dataclass
class RuleScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class Evaluation:
    lang: str
    analyser: str
    rules: dict[str, RuleScore] = field(default_factory=dict)
    hard_total: int = 0
    hard_flagged: int = 0
    easy_total: int = 0
    easy_with_errors: list[str] = field(default_factory=list)
    hard_missed: list[str] = field(default_factory=list)
    heldout: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("hard", "hard_flagged", "easy", "easy_with_errors", "rules_expected", "rules_found",
         "rules_extra"), 0))
    """Figures for the sentences added after tuning (`heldout: true`), labelled first."""

    @property
    def hard_recall(self) -> float:
        return self.hard_flagged / self.hard_total if self.hard_total else 1.0


def load(lang: str, data_dir: Path = DEFAULT_DATA) -> list[dict[str, object]]:
    import yaml

    return list(yaml.safe_load((data_dir / f"labelled_{lang}.yaml").read_text("utf-8")))


def evaluate(lang: str, data_dir: Path = DEFAULT_DATA, use_voikko: bool | None = None
             ) -> Evaluation:
    ev: Evaluation | None = None
    for item in load(lang, data_dir):
        text = str(item["text"])
        expected = {str(r) for r in item.get("rules") or []}  # type: ignore[attr-defined]
        report = check_text(text, lang, use_voikko=use_voikko)
        if ev is None:
            ev = Evaluation(lang, report.analyser, {r: RuleScore() for r in RULES})
        fired = {f.rule for f in report.findings if f.level != "info"}
        for rule, score in ev.rules.items():
            score.tp += rule in fired and rule in expected
            score.fp += rule in fired and rule not in expected
            score.fn += rule not in fired and rule in expected
        if item.get("heldout"):
            h = ev.heldout
            h["rules_expected"] += len(expected)
            h["rules_found"] += len(expected & fired)
            h["rules_extra"] += len(fired - expected)
            if item["hard"]:
                h["hard"] += 1
                h["hard_flagged"] += bool(fired)
            else:
                h["easy"] += 1
                h["easy_with_errors"] += bool(report.errors)
        if item["hard"]:
            ev.hard_total += 1
            if fired:
                ev.hard_flagged += 1
            else:
                ev.hard_missed.append(text)
        else:
            ev.easy_total += 1
            if report.errors:
                ev.easy_with_errors.append(text)
    assert ev is not None
    return ev


def _pct(x: float | None) -> str:
    return "  -  " if x is None else f"{100 * x:4.0f}%"


def table(ev: Evaluation) -> str:
    lines = [
        f"## {ev.lang} ({ev.analyser}): hard sentences flagged {ev.hard_flagged}/{ev.hard_total} "
        f"({100 * ev.hard_recall:.0f}%), easy sentences with an error "
        f"{len(ev.easy_with_errors)}/{ev.easy_total}",
        f"held-out part (added after tuning): hard flagged {ev.heldout['hard_flagged']}/"
        f"{ev.heldout['hard']}, easy with an error {ev.heldout['easy_with_errors']}/"
        f"{ev.heldout['easy']}, expected rule hits found {ev.heldout['rules_found']}/"
        f"{ev.heldout['rules_expected']}, unlabelled hits {ev.heldout['rules_extra']}",
        f"{'rule':<16} {'TP':>3} {'FP':>3} {'FN':>3} {'precision':>9} {'recall':>7}",
    ]
    for rule, s in ev.rules.items():
        lines.append(f"{rule:<16} {s.tp:>3} {s.fp:>3} {s.fn:>3} {_pct(s.precision):>9} "
                     f"{_pct(s.recall):>7}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    use_voikko = False if "--no-voikko" in args else None
    rest = [a for a in args if not a.startswith("--")]
    data_dir = Path(rest[0]) if rest else DEFAULT_DATA
    for lang in LANGS:
        print(table(evaluate(lang, data_dir, use_voikko)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
