"""Translating dialogues: the text owners, the source hashes and the outdated translations.

Every text of a dialogue belongs to an owner (the dialogue, a theme, a step, a choice) and has
a stable line id (`step-id:text`, `step-id/choice-id:text`, `theme-id:title`,
`@dialogue:title`). The source language is Finnish, the dialogue's first language. Each owner
records a short hash of the source texts a translation was made from:
`source: {sv: "3fa2c1"}`. `haave check` warns when the source changed since, as Yarn
Spinner's line locks do (`outdated`); `status` counts, per language, the texts missing,
outdated or not yet stamped.

The translators' .po files (`haave i18n export|import|stamp`) are in `translation_po`, the
YAML writer that puts translations back in `translation_yaml`, the recording script and the
recorded audio in `recording`.

Languages come from `assistant.languages` only: a new language needs an entry there and its
texts, no code here. Pure Python; babel and ruamel.yaml load only when a command needs them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from assistant.dialogue.model import Choice, Dialogue, Step, Texts, Theme

OwnerKind = Literal["dialogue", "theme", "step", "choice"]

#: The translated texts of each kind of owner, in the order they are hashed and exported.
FIELDS: dict[OwnerKind, tuple[str, ...]] = {
    "dialogue": ("title", "description"),
    "theme": ("title",),
    "step": ("intro", "text", "help", "tip", "label"),
    "choice": ("text", "label"),
}

#: The owner key of the dialogue itself: never a step or theme id (ids start a-z or 0-9).
DIALOGUE_KEY = "@dialogue"


def text_hash(*parts: str) -> str:
    """Six hex digits of SHA-256: enough to notice a changed text, short enough to read."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:6]


@dataclass(frozen=True)
class Owner:
    """Something that holds texts: the dialogue, a theme, a step or a choice."""

    key: str
    kind: OwnerKind
    obj: Dialogue | Theme | Step | Choice
    theme: Theme | None = None
    step: Step | None = None
    """For a choice: the step it belongs to."""

    def texts(self, name: str) -> Texts | None:
        value = getattr(self.obj, name, None)
        return value if isinstance(value, dict) else None

    @property
    def fields(self) -> tuple[str, ...]:
        """The translated fields this owner has."""
        return tuple(f for f in FIELDS[self.kind] if self.texts(f))

    @property
    def sources(self) -> dict[str, str]:
        return dict(getattr(self.obj, "source", None) or {})

    def line_id(self, name: str) -> str:
        return f"{self.key}:{name}"

    def step_id(self) -> str | None:
        """The step id findings about this owner are reported at."""
        if self.kind == "step":
            return self.key
        if self.kind == "choice" and self.step is not None:
            return self.step.id
        if self.kind == "theme" and self.theme is not None:
            return self.theme.id
        return None

    def source_hash(self, source_lang: str, seen: dict[str, str] | None = None) -> str | None:
        """The hash of this owner's source texts (or of the ones a translator saw)."""
        parts = []
        for name in self.fields:
            texts = self.texts(name) or {}
            text = (seen or {}).get(name, texts.get(source_lang))
            if text is not None:
                parts.append(f"{name}={text}")
        return text_hash(*parts) if parts else None

    def translated(self, lang: str) -> bool:
        """True when every field of this owner has a text in `lang`."""
        return all(lang in (self.texts(name) or {}) for name in self.fields)


def owners(dialogue: Dialogue) -> Iterator[Owner]:
    """Every text owner, in the order of the files."""
    yield Owner(DIALOGUE_KEY, "dialogue", dialogue)
    for theme in dialogue.themes:
        yield Owner(theme.id, "theme", theme, theme)
        for step in theme.steps:
            yield Owner(step.id, "step", step, theme, step)
            for choice in step.choices:
                yield Owner(f"{step.id}/{choice.id}", "choice", choice, theme, step)


def source_language(dialogue: Dialogue) -> str:
    """The language translations are made from: the dialogue's first (Finnish)."""
    return dialogue.languages[0]


@dataclass(frozen=True)
class Outdated:
    """A translation made from source texts that have changed since."""

    owner: Owner
    lang: str
    recorded: str
    current: str


def outdated(dialogue: Dialogue) -> list[Outdated]:
    """Every translation whose recorded source hash no longer matches the source."""
    src = source_language(dialogue)
    out = []
    for owner in owners(dialogue):
        current = owner.source_hash(src)
        for lang, recorded in owner.sources.items():
            if lang != src and current is not None and recorded != current:
                out.append(Outdated(owner, lang, recorded, current))
    return out


def language_order(dialogue: Dialogue) -> list[str]:
    """The dialogue's languages, then every other known language, in the registry's order."""
    from assistant import languages

    return [*dialogue.languages, *(c for c in languages.CODES if c not in dialogue.languages)]


# -- status ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LanguageStatus:
    lang: str
    texts: int
    missing: int
    outdated: int
    unstamped: int


def status(dialogue: Dialogue) -> list[LanguageStatus]:
    """Per language: how many texts there are, are missing, outdated, or not yet stamped."""
    from assistant import languages

    src = source_language(dialogue)
    stale = outdated(dialogue)
    out = []
    for lang in language_order(dialogue):
        if lang == src or not languages.is_known(lang):
            continue
        texts = missing = unstamped = 0
        for owner in owners(dialogue):
            for name in owner.fields:
                texts += 1
                missing += lang not in (owner.texts(name) or {})
            unstamped += owner.translated(lang) and lang not in owner.sources
        late = sum(1 for o in stale if o.lang == lang)
        out.append(LanguageStatus(lang, texts, missing, late, unstamped))
    return out


# -- the problems `haave check` reports ---------------------------------------------------


def outdated_problems(dialogue: Dialogue, folder: str) -> Iterator[tuple[str | None, str]]:
    """(step id, message) for every outdated translation."""
    src = source_language(dialogue)
    for item in outdated(dialogue):
        owner = item.owner
        what = ", ".join(owner.fields)
        yield (
            owner.step_id(),
            f"the {src} texts of '{owner.key}' changed since the {item.lang} translation "
            f"(source {item.recorded}, now {item.current}): check the {item.lang} {what}, "
            f"then run 'haave i18n stamp {folder} --lang {item.lang} --only {owner.key}'",
        )


__all__ = [
    "DIALOGUE_KEY",
    "FIELDS",
    "LanguageStatus",
    "Outdated",
    "Owner",
    "language_order",
    "outdated",
    "outdated_problems",
    "owners",
    "source_language",
    "status",
    "text_hash",
]
