"""LIX readability figure, with bands named honestly per language.

LIX = words / sentences + 100 * long words (more than 6 letters) / words.
The usual bands are Swedish. Finnish endings and compounds push LIX up, and no bands are
validated for Finnish, so Finnish gets the figure as information only.
"""

from __future__ import annotations

from dataclasses import dataclass

_SV_BANDS = [
    (30.0, "very easy (Swedish band < 30)"),
    (40.0, "easy (Swedish band 30-40)"),
    (50.0, "medium (Swedish band 40-50)"),
    (60.0, "hard (Swedish band 50-60)"),
]


@dataclass(frozen=True)
class Lix:
    value: float
    band: str
    note: str

    def as_dict(self) -> dict[str, object]:
        return {"value": round(self.value, 1), "band": self.band, "note": self.note}


def lix(words: list[str], sentences: int, lang: str) -> Lix:
    """LIX for a text already split into words and sentences."""
    letters_words = [w for w in words if any(c.isalpha() for c in w)]
    n = len(letters_words)
    if n == 0 or sentences == 0:
        return Lix(0.0, "no words", "No words to measure.")
    long = sum(1 for w in letters_words if sum(c.isalpha() for c in w) > 6)
    value = n / sentences + 100.0 * long / n
    if lang == "fi":
        return Lix(value, "no Finnish bands",
                   "No validated LIX bands exist for Finnish; shown as information only.")
    band = next(
        (name for limit, name in _SV_BANDS if value < limit), "very hard (Swedish band > 60)"
    )
    if lang == "sv":
        return Lix(value, band, "Swedish LIX bands.")
    return Lix(value, band, "Swedish LIX bands used as a rough guide; not validated for English.")
