"""Loading dialogue folders: YAML -> validated `Dialogue`, or one clear problem per mistake.

A dialogue lives in `dialogues/<id>/dialogue.yaml`; its themes are inline or in their own
files named in `themes:`. Every problem names the file, the line, the step id and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assistant import languages
from assistant.dialogue.model import Dialogue, DialogueFile, Theme, ThemeFile
from assistant.dialogue.yamlio import DataFileError, Loc, Problem, YamlDoc, bulk, read_yaml
from assistant.ids import is_id

DIALOGUE_FILE = "dialogue.yaml"


class DialogueNotFound(Exception):
    """A session names a dialogue that is not on this device (or an id that is no dialogue's).

    `code` is stable, for the UI to show its own words."""

    code = "dialogue-not-found"

    def __init__(self, dialogue_id: str) -> None:
        shown_id = dialogue_id[:40] if is_id(dialogue_id) else repr(dialogue_id[:40])
        super().__init__(
            f"the dialogue '{shown_id}' is not on this device, so its sessions cannot be opened "
            "here; install it, or a Haave that has it"
        )
        self.dialogue_id = dialogue_id


@dataclass
class LoadedDialogue:
    """A validated dialogue and where each of its parts is written."""

    dialogue: Dialogue
    folder: Path
    main: YamlDoc
    #: step id (and theme id) -> (file, line)
    places: dict[str, tuple[Path, int | None]] = field(default_factory=dict)

    def where(self, item_id: str | None) -> tuple[Path, int | None]:
        if item_id is not None and item_id in self.places:
            return self.places[item_id]
        return self.main.path, None


def default_root() -> Path:
    """The `dialogues/` folder shipped beside the package (a source checkout)."""
    return Path(__file__).resolve().parents[2] / "dialogues"


def dialogue_folders(root: Path | None = None) -> list[Path]:
    """Every folder under `root` that holds a dialogue.yaml."""
    root = root or default_root()
    return sorted(p.parent for p in root.glob(f"*/{DIALOGUE_FILE}"))


def known_dialogue(dialogue_id: str, root: Path | None = None) -> Path:
    """The folder of the dialogue `dialogue_id` among the dialogues on this device.

    A session's dialogue id is data read from a file: it is only ever matched against the
    known dialogue folders' names, never joined into a path. Raises `DialogueNotFound`."""
    if is_id(dialogue_id):
        for folder in dialogue_folders(root):
            if folder.name == dialogue_id:
                return folder
    raise DialogueNotFound(dialogue_id)


def load_known(dialogue_id: str, root: Path | None = None) -> Dialogue:
    """The dialogue a session names, from the known ones. Raises `DialogueNotFound`, or
    `DataFileError` when the dialogue on this device has problems."""
    dialogue = load_dialogue(known_dialogue(dialogue_id, root))
    if dialogue.id != dialogue_id:
        raise DialogueNotFound(dialogue_id)
    return dialogue


def inside(path: Path, folder: Path) -> bool:
    """True when `path`, links followed, is `folder` or inside it."""
    resolved = path.resolve()
    base = folder.resolve()
    return resolved == base or base in resolved.parents


def load_dialogue(path: Path) -> Dialogue:
    """Load one dialogue (its folder or its dialogue.yaml). Raises `DataFileError`."""
    return load(path).dialogue


def load(path: Path) -> LoadedDialogue:
    """Load one dialogue with the places of its steps. Raises `DataFileError`."""
    with bulk():
        return _load(path)


def _load(path: Path) -> LoadedDialogue:
    main_path = path / DIALOGUE_FILE if path.is_dir() else path
    if not main_path.exists():
        raise DataFileError(
            [
                Problem(
                    main_path, None, None, f"no {DIALOGUE_FILE} here; a dialogue folder needs one"
                )
            ]
        )
    if not inside(main_path, main_path.parent):
        raise DataFileError(
            [Problem(main_path, None, None, f"{DIALOGUE_FILE} must be a file in the folder")]
        )
    doc = read_yaml(main_path)
    if not isinstance(doc.data, dict):
        raise DataFileError([Problem(main_path, 1, None, "the file must be a mapping of keys")])
    problems: list[Problem] = []
    raw_themes = doc.data.get("themes")
    head = dict(doc.data)
    head["themes"] = ["-"] if isinstance(raw_themes, list) and raw_themes else raw_themes
    try:
        header = DialogueFile.model_validate(head)
    except ValidationError as exc:
        problems += _explain(exc, doc, ())
        header = None

    themes: list[Theme] = []
    places: dict[str, tuple[Path, int | None]] = {}
    for index, item in enumerate(raw_themes if isinstance(raw_themes, list) else []):
        if isinstance(item, str):
            theme_path = (main_path.parent / item).resolve()
            if main_path.parent.resolve() not in theme_path.parents:
                problems.append(
                    Problem(
                        main_path,
                        doc.line(("themes", index)),
                        None,
                        f"the theme file '{item}' must be inside the dialogue folder",
                    )
                )
                continue
            try:
                theme_doc = read_yaml(theme_path)
            except DataFileError as exc:
                problems += exc.problems
                continue
            theme = _theme(theme_doc, (), ThemeFile, problems)
        else:
            theme_doc = doc
            theme = _theme(doc, ("themes", index), Theme, problems)
        if theme is None:
            continue
        themes.append(theme)
        prefix: Loc = () if isinstance(item, str) else ("themes", index)
        places[theme.id] = (theme_doc.path, theme_doc.line(prefix))
        for s_index, step in enumerate(theme.steps):
            places.setdefault(
                step.id, (theme_doc.path, theme_doc.line((*prefix, "steps", s_index)))
            )
    if problems or header is None:
        raise DataFileError(problems)
    dialogue = Dialogue(
        id=header.id,
        version=header.version,
        languages=header.languages,
        title=header.title,
        symbol=header.symbol,
        description=header.description,
        source=header.source,
        themes=themes,
        summary=header.summary,
    )
    return LoadedDialogue(dialogue, main_path.parent, doc, places)


def _theme(doc: YamlDoc, prefix: Loc, model: type[Theme], problems: list[Problem]) -> Theme | None:
    raw = _at(doc.data, prefix)
    if not isinstance(raw, dict):
        problems.append(
            Problem(doc.path, doc.line(prefix), None, "a theme must be a mapping of keys")
        )
        return None
    try:
        theme = model.model_validate(raw)
    except ValidationError as exc:
        problems += _explain(exc, doc, prefix)
        return None
    if isinstance(theme, ThemeFile):
        return Theme.model_validate(theme.model_dump(exclude={"schema_"}))
    return theme


def _at(data: Any, loc: Loc) -> Any:
    for key in loc:
        data = data[key]
    return data


def _explain(exc: ValidationError, doc: YamlDoc, prefix: Loc) -> list[Problem]:
    """One problem per validation error, in words a dialogue writer can act on."""
    out: list[Problem] = []
    for error in exc.errors():
        raw_loc = [p for p in error["loc"] if isinstance(p, (str, int))]
        is_key = bool(raw_loc) and raw_loc[-1] == "[key]"
        loc: Loc = (*prefix, *(p for p in raw_loc if p != "[key]"))
        # Union members of `themes` add their class name to the location; drop it.
        loc = tuple(p for p in loc if p not in ("Theme", "str"))
        message = _message(error, loc)
        if is_key:
            known = ", ".join(languages.CODES)
            message = f"'{loc[-1]}' is not a language Haave knows: use one of {known}"
        out.append(Problem(doc.path, doc.line(loc), _step_id(doc.data, loc), message))
    return out


def _step_id(data: Any, loc: Loc) -> str | None:
    step_id: str | None = None
    node = data
    for i, key in enumerate(loc):
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if (
            isinstance(node, dict)
            and i > 0
            and loc[i - 1] == "steps"
            and isinstance(node.get("id"), str)
        ):
            step_id = node["id"]
    return step_id


def _message(error: Any, loc: Loc) -> str:
    where = ".".join(str(p) for p in loc) or "the file"
    kind = error["type"]
    last = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        return f"unknown key '{last}' in {where}: check the spelling or remove it"
    if kind == "missing":
        return f"'{last}' is missing in {where}: add it"
    if kind == "literal_error":
        return f"{where}: {error['msg']}"
    if kind == "string_pattern_mismatch":
        return f"{where}: an id uses small letters a-z, digits, '-' and '_' only"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}"
