"""Translating dialogues: a .po file out per language, the translations back into the YAML.

As Yarn Spinner and XLSForm give translators a string table, `haave i18n export` writes every
text of a dialogue, keyed by a stable line id (`step-id:text`, `step-id/choice-id:text`,
`theme-id:title`, `@dialogue:title`), with the source-language text (Finnish, the dialogue's
first language) and its context (what kind of step, its label and tip, who reads the text).
`haave i18n import` writes the translations back into the YAML files without disturbing
their comments, order or quoting (ruamel.yaml round-trips them), and records on each text
owner (the dialogue, a theme, a step, a choice) a short hash of the source texts the
translation was made from: `source: {sv: "3fa2c1"}`. `haave check` warns when the source
changed since, as Yarn Spinner's line locks do (`outdated`).

`haave script` writes a recording script (line id, text, suggested file name) so that a
human voice can record the fixed lines; a step's `audio` field points to the files.

Languages come from `assistant.languages` only: a new language needs an entry there and its
texts, no code here. Pure Python; babel and ruamel.yaml load only when a command needs them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from assistant.dialogue.loader import DIALOGUE_FILE, LoadedDialogue, load
from assistant.dialogue.model import Choice, Dialogue, Step, Texts, Theme
from assistant.dialogue.yamlio import DataFileError

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

OwnerKind = Literal["dialogue", "theme", "step", "choice"]

#: The translated texts of each kind of owner, in the order they are hashed and exported.
FIELDS: dict[OwnerKind, tuple[str, ...]] = {
    "dialogue": ("title", "description"),
    "theme": ("title",),
    "step": ("intro", "text", "help", "tip", "label"),
    "choice": ("text", "label"),
}

#: The texts a client hears read aloud: these go into the recording script.
SPOKEN: dict[OwnerKind, tuple[str, ...]] = {
    "dialogue": ("title",),
    "theme": ("title",),
    "step": ("intro", "text", "help"),
    "choice": ("text",),
}

#: Who reads each field, for the translator.
AUDIENCE = {
    "tip": "the supporter or experience expert (a tip, not shown to the client)",
    "label": "the caseworker (a label in the draft plan)",
}

_CLIENT = "the client: easy-read, short sentences, a line break only between sentences"

#: The owner key of the dialogue itself: never a step or theme id (ids start a-z or 0-9).
DIALOGUE_KEY = "@dialogue"

#: A recording's file name may carry the hash of the text it was recorded from:
#: `audio/fi/opening-hello.text.3fa2c1.ogg`. `haave check` warns when the text changed.
_RECORDED_HASH = re.compile(r"\.([0-9a-f]{6})\.[A-Za-z0-9]+$")


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


def recorded_from(file_name: str) -> str | None:
    """The text hash a recording's file name carries, if it follows the script's names."""
    found = _RECORDED_HASH.search(file_name)
    return found.group(1) if found else None


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


# -- writing the YAML back ------------------------------------------------------------------


class YamlWriter:
    """Changes texts in a dialogue's YAML files, keeping comments, order and quoting."""

    def __init__(self, loaded: LoadedDialogue) -> None:
        from ruamel.yaml import YAML

        self.loaded = loaded
        self.yaml = YAML()  # round-trip: comments, key order, flow style and quotes are kept
        self.yaml.preserve_quotes = True
        self.yaml.width = 4096  # never fold a long text onto a second line
        self.yaml.indent(mapping=2, sequence=4, offset=2)
        self.texts: dict[Path, str] = {}
        self.docs: dict[Path, Any] = {}
        self.nodes: dict[str, Any] = {}
        main_path = loaded.folder / DIALOGUE_FILE
        main = self._doc(main_path)
        self.main = main
        self.nodes[DIALOGUE_KEY] = main
        for item in main.get("themes") or []:
            theme = self._doc(loaded.folder / item) if isinstance(item, str) else item
            self.nodes[str(theme["id"])] = theme
            for step in theme.get("steps") or []:
                self.nodes[str(step["id"])] = step
                for choice in step.get("choices") or []:
                    self.nodes[f"{step['id']}/{choice['id']}"] = choice

    def _doc(self, path: Path) -> Any:
        text = path.read_text(encoding="utf-8")
        self.texts[path] = text
        self.docs[path] = self.yaml.load(text)
        return self.docs[path]

    def set_text(self, key: str, name: str, lang: str, value: str, order: list[str]) -> bool:
        """Set one text; True when it changed. A new language goes after the known ones."""
        from ruamel.yaml.comments import CommentedMap
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        node = self.nodes[key]
        texts = node.get(name)
        if not isinstance(texts, CommentedMap):
            raise KeyError(f"{key} has no '{name}' to translate")
        if texts.get(lang) == value:
            return False
        quoted = any(isinstance(v, DoubleQuotedScalarString) for v in texts.values())
        new: Any = DoubleQuotedScalarString(value) if quoted else value
        if lang in texts:
            texts[lang] = new
        else:
            after = [k for k in texts if k in order and order.index(k) < _rank(order, lang)]
            position = list(texts).index(after[-1]) + 1 if after else len(texts)
            texts.insert(position, lang, new)
        return True

    def set_source(self, key: str, lang: str, value: str, fields: Iterable[str]) -> bool:
        """Record the source hash of `lang` on an owner; True when it changed."""
        from ruamel.yaml.comments import CommentedMap
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        node = self.nodes[key]
        source = node.get("source")
        if source is None:
            source = CommentedMap()
            source.fa.set_flow_style()
            keys = list(node)
            present = [keys.index(f) for f in fields if f in node]
            node.insert(max(present) + 1 if present else len(keys), "source", source)
        if source.get(lang) == value:
            return False
        source[lang] = DoubleQuotedScalarString(value)
        return True

    def add_language(self, lang: str) -> None:
        self.main["languages"].append(lang)

    def save(self) -> list[Path]:
        """Write the changed files; if the dialogue no longer loads, put every file back."""
        changed: dict[Path, str] = {}
        for path, doc in self.docs.items():
            out = io.StringIO()
            self.yaml.dump(doc, out)
            if out.getvalue() != self.texts[path]:
                changed[path] = out.getvalue()
        for path, text in changed.items():
            path.write_text(text, encoding="utf-8")
        try:
            load(self.loaded.folder)
        except DataFileError:
            for path in changed:
                path.write_text(self.texts[path], encoding="utf-8")
            raise
        return sorted(changed)


def _rank(order: list[str], lang: str) -> int:
    return order.index(lang) if lang in order else len(order)


def _language_order(dialogue: Dialogue) -> list[str]:
    from assistant import languages

    return [*dialogue.languages, *(c for c in languages.CODES if c not in dialogue.languages)]


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
    order = _language_order(dialogue)
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


# -- stamp and status -----------------------------------------------------------------------


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
    for lang in _language_order(dialogue):
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


# -- the recording script -------------------------------------------------------------------


@dataclass(frozen=True)
class ScriptLine:
    """One line for a voice to record."""

    line_id: str
    text: str
    file: str
    """The audio file the dialogue names, or a suggested name that carries the text hash."""
    recorded: bool


def script(loaded: LoadedDialogue, lang: str) -> list[ScriptLine]:
    """Every spoken text in `lang`, in the order a client meets them."""
    out = []
    for owner in owners(loaded.dialogue):
        audio = getattr(owner.obj, "audio", None)
        for name in SPOKEN[owner.kind]:
            text = (owner.texts(name) or {}).get(lang)
            if not text:
                continue
            files = getattr(audio, name, None) or {}
            named = files.get(lang)
            base = owner.key.replace("/", ".").lstrip("@")
            suggested = f"audio/{lang}/{base}.{name}.{text_hash(text)}.ogg"
            out.append(
                ScriptLine(
                    owner.line_id(name),
                    text,
                    named or suggested,
                    bool(named and (loaded.folder / named).is_file()),
                )
            )
    return out


def script_csv(lines: Iterable[ScriptLine]) -> str:
    """The script as CSV (line id, text, file, recorded), for a spreadsheet or a studio."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["line_id", "text", "file", "recorded"])
    for line in lines:
        writer.writerow([line.line_id, line.text, line.file, "yes" if line.recorded else "no"])
    return out.getvalue()


def audio_problems(loaded: LoadedDialogue) -> Iterator[tuple[str | None, str, str]]:
    """(step id, level, message) for every audio file named by the dialogue."""
    dialogue = loaded.dialogue
    folder = loaded.folder.resolve()
    for owner in owners(dialogue):
        audio = getattr(owner.obj, "audio", None)
        if audio is None:
            continue
        for name in SPOKEN[owner.kind]:
            files = getattr(audio, name, None) or {}
            texts = owner.texts(name) or {}
            for lang, file_name in files.items():
                where = f"the {name} of '{owner.key}' ({lang})"
                at = owner.step_id()
                path = (loaded.folder / file_name).resolve()
                if folder not in path.parents:
                    yield at, "error", f"the audio of {where} must be inside the dialogue folder"
                    continue
                if not path.is_file():
                    yield (
                        at,
                        "error",
                        f"the audio file '{file_name}' of {where} is not there: "
                        "record it or remove the name",
                    )
                if lang not in texts:
                    yield at, "error", f"audio for {where}, which has no text in that language"
                    continue
                recorded = recorded_from(file_name)
                if recorded is not None and recorded != text_hash(texts[lang]):
                    yield (
                        at,
                        "warning",
                        f"the audio '{file_name}' was recorded from an older text of {where}: "
                        "record it again ('haave script' names the new file)",
                    )


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
    "SPOKEN",
    "ImportReport",
    "LanguageStatus",
    "Outdated",
    "Owner",
    "ScriptLine",
    "YamlWriter",
    "audio_problems",
    "export_catalog",
    "export_po",
    "import_po",
    "outdated",
    "outdated_problems",
    "owners",
    "script",
    "script_csv",
    "source_language",
    "stamp",
    "status",
    "text_hash",
]
