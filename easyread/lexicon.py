"""Per-language word lists for the rules (data/lexicon_<lang>.yaml), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern[str]
    message: str
    suggestion: str = ""


@dataclass(frozen=True)
class Lexicon:
    lang: str
    abbreviations: frozenset[str]
    abbreviation_re: re.Pattern[str]
    acronym_ok: frozenset[str]
    linking_words: frozenset[str]
    relative_pronouns: frozenset[str]
    negations: frozenset[str]
    domain_words: frozenset[str]
    person_form: tuple[Pattern, ...]
    idioms: tuple[Pattern, ...]
    extra: dict[str, frozenset[str]] = field(default_factory=dict)


def _words(data: dict[str, object], key: str) -> frozenset[str]:
    value = data.get(key) or []
    assert isinstance(value, list)
    # YAML 1.1 reads a bare no/on/yes as a bool: the data must quote them.
    assert not any(isinstance(v, bool) for v in value), f"quote yes/no/on/off in {key}"
    return frozenset(str(v).lower() for v in value)


@lru_cache(maxsize=8)
def lexicon(lang: str) -> Lexicon:
    import yaml

    raw = resources.files("easyread").joinpath(f"data/lexicon_{lang}.yaml").read_text("utf-8")
    data = yaml.safe_load(raw)
    abbreviations = _words(data, "abbreviations")
    alternatives = "|".join(
        re.escape(a).replace(r"\ ", r"\s?") for a in sorted(abbreviations, key=len, reverse=True)
    )
    # An abbreviation starts at a word start and does not continue as a word.
    abbreviation_re = re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w/])", re.IGNORECASE)
    known = {"abbreviations", "acronym_ok", "linking_words", "relative_pronouns", "negations",
             "domain_words", "person_form", "idioms"}
    return Lexicon(
        lang=lang,
        abbreviations=abbreviations,
        abbreviation_re=abbreviation_re,
        acronym_ok=frozenset(str(a) for a in data.get("acronym_ok") or []),
        linking_words=_words(data, "linking_words"),
        relative_pronouns=_words(data, "relative_pronouns"),
        negations=_words(data, "negations"),
        domain_words=_words(data, "domain_words"),
        person_form=tuple(
            Pattern(re.compile(p["pattern"], re.IGNORECASE), p["message"], p.get("suggestion", ""))
            for p in data.get("person_form") or []
        ),
        idioms=tuple(
            Pattern(re.compile(p["pattern"], re.IGNORECASE), p.get("meaning", ""))
            for p in data.get("idioms") or []
        ),
        extra={k: _words(data, k) for k in data if k not in known},
    )
