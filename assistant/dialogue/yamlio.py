"""Reading YAML data files with the line of every value, so errors can point at it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

#: libyaml's parser when PyYAML has it (about 10x faster); node marks are the same.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: A path into a YAML document: keys and list indexes, e.g. ("themes", 0, "steps", 2).
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One problem in a data file, with where it is and what to do."""

    path: Path
    line: int | None
    step_id: str | None
    message: str

    def __str__(self) -> str:
        return f"{shown(self.path)}:{self.line or 1}: {self.step_id or '-'}: {self.message}"


def shown(path: Path) -> str:
    """A path as a user would type it: relative to the current folder where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class DataFileError(Exception):
    """A data file has problems; `problems` lists each one."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class YamlDoc:
    """A parsed YAML file and the line (1-based) where each value starts."""

    path: Path
    data: Any
    lines: dict[Loc, int]

    def line(self, loc: Loc) -> int | None:
        """The line of `loc`, or of the nearest enclosing value that has one."""
        for end in range(len(loc), -1, -1):
            found = self.lines.get(tuple(loc[:end]))
            if found is not None:
                return found
        return None


def read_yaml(path: Path) -> YamlDoc:
    """Parse `path`; raise `DataFileError` with the line for bad YAML or duplicate keys."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(
            [
                Problem(
                    path, None, None, f"the file is not UTF-8 text ({exc.reason}); save it as UTF-8"
                )
            ]
        ) from None
    except OSError as exc:
        raise DataFileError(
            [Problem(path, None, None, f"cannot read the file: {exc.strerror}")]
        ) from None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or exc.context or "bad YAML"
        start = exc.context_mark
        if start is not None and line is not None and start.line + 1 != line:
            what += f" (in the part that starts on line {start.line + 1})"
        raise DataFileError(
            [
                Problem(
                    path,
                    line,
                    None,
                    f"this is not valid YAML: {what}; check indentation and quotes",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise DataFileError([Problem(path, None, None, f"this is not valid YAML: {exc}")]) from None
    lines: dict[Loc, int] = {}
    problems: list[Problem] = []
    constructor = yaml.SafeLoader("")
    data = _build(node, (), lines, problems, path, constructor) if node is not None else None
    if problems:
        raise DataFileError(problems)
    return YamlDoc(path, data, lines)


def _build(
    node: yaml.Node,
    loc: Loc,
    lines: dict[Loc, int],
    problems: list[Problem],
    path: Path,
    constructor: yaml.SafeLoader,
) -> Any:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node)
            if isinstance(key, (dict, list)):
                problems.append(
                    Problem(path, key_node.start_mark.line + 1, None, "a key must be plain text")
                )
                continue
            if key in out:
                problems.append(
                    Problem(
                        path,
                        key_node.start_mark.line + 1,
                        None,
                        f"the key '{key}' is given twice here; keep only one",
                    )
                )
                continue
            child = (*loc, str(key))
            out[key] = _build(value_node, child, lines, problems, path, constructor)
            lines[child] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*loc, i), lines, problems, path, constructor)
            for i, item in enumerate(node.value)
        ]
    return constructor.construct_object(node)
