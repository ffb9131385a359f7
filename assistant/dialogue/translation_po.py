"""The translators' .po files: every text of a dialogue out, the translations back in.

As Yarn Spinner and XLSForm give translators a string table, `haave i18n export` writes every
text of a dialogue, keyed by its line id (`step-id:text`, `step-id/choice-id:text`,
`theme-id:title`, `@dialogue:title`), with the source-language text (Finnish, the dialogue's
first language) and its context (what kind of step, its label and tip, who reads the text).
`haave i18n import` writes the translations back into the YAML files (`translation_yaml`
keeps their comments, order and quoting) and records on each text owner the hash of the
source texts the translation was made from; `haave i18n stamp` records it after a translator
has checked a text by hand. babel loads only when a command needs it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.dialogue.loader import LoadedDialogue, load
from assistant.dialogue.model import Step
from assistant.dialogue.translation import (
    Owner,
    language_order,
    outdated,
    owners,
    source_language,
)
from assistant.dialogue.translation_yaml import YamlWriter

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

#: Who reads each field, for the translator.
AUDIENCE = {
    "tip": "the supporter or experience expert (a tip, not shown to the client)",
    "label": "the caseworker (a label in the draft plan)",
}

_CLIENT = "the client: easy-read, short sentences, a line break only between sentences"


# -- export -------------------------------------------------------------------------------


def _comments(owner: Owner, name: str, src: str) -> list[str]:
    lines = []
    if owner.kind == "step" and isinstance(owner.obj, Step):
        theme = owner.theme.id if owner.theme else "-"
        lines.append(f"{owner.obj.kind} step '{owner.key}' in theme '{theme}'")
    elif owner.kind == "choice" and owner.step is not None:
        lines.append(f"a choice of '{owner.step.id}': {owner.step.text.get(src, '')}")
    elif owner.kind == "theme":
        lines.append("a theme's title")
    else:
        lines.append(f"the dialogue's {name}")
    lines.append(f"for {AUDIENCE.get(name, _CLIENT)}")
    step = owner.step if owner.kind in ("step", "choice") else None
    if step is not None:
        for other in ("label", "tip"):
            texts = getattr(step, other)
            if texts and not (owner.kind == "step" and other == name):
                lines.append(f"{other}: {texts.get(src, '')}")
    return lines


def export_catalog(loaded: LoadedDialogue, lang: str) -> Catalog:
    """Every text of the dialogue as a catalog for `lang`, in the dialogue's order.

    The msgid is the source text, the msgctxt the line id; a translation whose source has
    changed since is marked fuzzy, so the translator sees it needs a look."""
    from babel.core import UnknownLocaleError
    from babel.messages.catalog import Catalog

    from assistant import languages

    dialogue = loaded.dialogue
    src = source_language(dialogue)
    try:
        catalog = Catalog(
            locale=languages.language(lang).locale if languages.is_known(lang) else lang,
            project=f"Haave dialogue {dialogue.id}",
            version=str(dialogue.version),
        )
    except (UnknownLocaleError, ValueError):
        catalog = Catalog(project=f"Haave dialogue {dialogue.id}", version=str(dialogue.version))
    stale = {(o.owner.key, o.lang) for o in outdated(dialogue)}
    for owner in owners(dialogue):
        path, line = loaded.where(owner.step_id() if owner.kind != "dialogue" else None)
        try:
            where = str(path.relative_to(loaded.folder))
        except ValueError:
            where = path.name
        for name in owner.fields:
            texts = owner.texts(name) or {}
            if src not in texts:
                continue
            translation = texts.get(lang, "") if lang != src else texts[src]
            flags = ["fuzzy"] if translation and (owner.key, lang) in stale else []
            catalog.add(
                texts[src],
                translation,
                locations=[(where, line or 1)],
                flags=flags,
                auto_comments=_comments(owner, name, src),
                context=owner.line_id(name),
            )
    return catalog


def export_po(folder: Path, lang: str) -> bytes:
    """The .po file for `lang` of the dialogue in `folder`."""
    from babel.messages.pofile import write_po

    catalog = export_catalog(load(folder), lang)
    out = io.BytesIO()
    write_po(out, catalog, width=76, omit_header=False, sort_output=False)
    return out.getvalue()


# -- import -------------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What `haave i18n import` did, and what it left."""

    lang: str
    changed: list[str] = field(default_factory=list)
    """Line ids whose text changed."""
    stamped: list[str] = field(default_factory=list)
    """Owners whose source hash was recorded."""
    fuzzy: list[str] = field(default_factory=list)
    """Line ids left out: marked fuzzy (the translator had not checked them)."""
    empty: int = 0
    unknown: list[str] = field(default_factory=list)
    """Line ids in the file that the dialogue does not have (a step renamed or removed)."""
    from_older_source: list[str] = field(default_factory=list)
    """Translated from a source text that has changed since: `haave check` will warn."""
    language_added: bool = False
    files: list[Path] = field(default_factory=list)


def import_po(folder: Path, po_file: Path, lang: str) -> ImportReport:
    """Write the translations of a .po file into the dialogue's YAML files."""
    from babel.messages.pofile import read_po

    from assistant import languages

    if not languages.is_known(lang):
        raise ValueError(f"unknown language '{lang}'; use one of {', '.join(languages.CODES)}")
    loaded = load(folder)
    dialogue = loaded.dialogue
    src = source_language(dialogue)
    if lang == src:
        raise ValueError(f"'{lang}' is the source language: edit its texts in the YAML files")
    with po_file.open("rb") as handle:
        catalog = read_po(handle)
    by_line = {o.line_id(n): (o, n) for o in owners(dialogue) for n in o.fields}
    report = ImportReport(lang)
    given: dict[str, dict[str, str]] = {}
    seen: dict[str, dict[str, str]] = {}
    for message in catalog:
        if not message.id or not isinstance(message.id, str) or not message.context:
            continue
        target = by_line.get(message.context)
        if target is None:
            report.unknown.append(message.context)
            continue
        owner, name = target
        if message.fuzzy:
            report.fuzzy.append(message.context)
            continue
        if not isinstance(message.string, str) or not message.string.strip():
            report.empty += 1
            continue
        given.setdefault(owner.key, {})[name] = message.string
        seen.setdefault(owner.key, {})[name] = message.id
        if message.id != (owner.texts(name) or {}).get(src):
            report.from_older_source.append(message.context)
    writer = YamlWriter(loaded)
    order = language_order(dialogue)
    complete = True
    for owner in owners(dialogue):
        mine = given.get(owner.key, {})
        for name, value in mine.items():
            if writer.set_text(owner.key, name, lang, value, order):
                report.changed.append(owner.line_id(name))
        has = {n for n in owner.fields if lang in (owner.texts(n) or {})} | set(mine)
        complete = complete and has == set(owner.fields)
        # The hash says "translated from these source texts": record it only when the
        # translator gave (and did not leave fuzzy) every text of the owner.
        if set(mine) == set(owner.fields):
            digest = owner.source_hash(src, seen.get(owner.key))
            if digest and writer.set_source(owner.key, lang, digest, owner.fields):
                report.stamped.append(owner.key)
    if complete and lang not in dialogue.languages:
        writer.add_language(lang)
        report.language_added = True
    report.files = writer.save()
    return report


# -- stamp --------------------------------------------------------------------------------


def stamp(folder: Path, lang: str, only: Iterable[str] = ()) -> list[str]:
    """Record that the `lang` texts match today's source (after a translator checked them).

    `only`: step, theme or choice keys (`step-id/choice-id`); a step id takes its choices."""
    loaded = load(folder)
    dialogue = loaded.dialogue
    src = source_language(dialogue)
    if lang == src:
        raise ValueError(f"'{lang}' is the source language: it has no translation to stamp")
    wanted = set(only)
    writer = YamlWriter(loaded)
    done = []
    for owner in owners(dialogue):
        parent = owner.step.id if owner.kind == "choice" and owner.step else None
        if wanted and owner.key not in wanted and parent not in wanted:
            continue
        digest = owner.source_hash(src)
        translated = digest is not None and owner.translated(lang)
        if translated and writer.set_source(owner.key, lang, str(digest), owner.fields):
            done.append(owner.key)
    writer.save()
    return done


__all__ = [
    "ImportReport",
    "export_catalog",
    "export_po",
    "import_po",
    "stamp",
]
