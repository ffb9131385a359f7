"""Reading YAML data files with the line of every value, so errors can point at it.

Data files are plain data: anchors and aliases (`&a`, `*a`, whose expansion can blow a
600-byte file up to gigabytes), merge keys (`<<`) and tags other than YAML's own plain types
(`!thing`, `!!python/...`, `!!binary`, `!!set`) are refused with the line. Only regular files
are read (a FIFO or a device is refused without being opened for reading), up to
`MAX_BYTES`.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

#: libyaml's parser when PyYAML has it (about 10x faster); node marks are the same.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: No dialogue, theme or test plan is near this size (10,000 steps are about 3 MB).
MAX_BYTES = 32 * 1024 * 1024

#: The tags plain data may carry (what SafeLoader resolves for untagged values).
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"

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


def _read_text(path: Path) -> str:
    """The file's text; only a regular file, of at most MAX_BYTES. Raises DataFileError."""

    def refuse(message: str) -> DataFileError:
        return DataFileError([Problem(path, None, None, message)])

    try:
        # O_NONBLOCK: opening a FIFO does not wait for a writer; it is refused below
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise refuse(f"cannot read the file: {exc.strerror}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise refuse("this is not a regular file (a device, a pipe or a folder): not read")
        if st.st_size > MAX_BYTES:
            raise refuse(f"the file is too big (over {MAX_BYTES // (1024 * 1024)} MB)")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise refuse(f"cannot read the file: {exc.strerror}") from None
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        raise refuse(f"the file is too big (over {MAX_BYTES // (1024 * 1024)} MB)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refuse(f"the file is not UTF-8 text ({exc.reason}); save it as UTF-8") from None


@contextmanager
def bulk() -> Iterator[None]:
    """Pause the cycle collector while a big tree of small objects is built and checked.

    The nodes, dicts and models of a dialogue hold no cycles to collect, but the collector
    walks all of them again and again as they are made: for 10,000 steps that was three
    quarters of `haave check`'s time. It runs again as before afterwards."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def read_yaml(path: Path) -> YamlDoc:
    """Parse `path`; raise `DataFileError` with the line for bad YAML or duplicate keys."""
    with bulk():
        return _read_yaml(path)


def _read_yaml(path: Path) -> YamlDoc:
    text = _read_text(path)
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
    builder = _Builder(path, lines, problems)
    data = builder.build(node, ()) if node is not None else None
    if problems:
        raise DataFileError(problems)
    return YamlDoc(path, data, lines)


class _Builder:
    """Python values from a composed YAML node graph, plain data only, each node once.

    An alias is the same node object met a second time: it is refused there, so the
    expansion never happens (the graph composes in time linear in the text)."""

    def __init__(self, path: Path, lines: dict[Loc, int], problems: list[Problem]) -> None:
        self.path = path
        self.lines = lines
        self.problems = problems
        self.seen: set[int] = set()
        self.constructor = yaml.SafeLoader("")

    def _problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.path, node.start_mark.line + 1, None, message))

    def _plain(self, node: yaml.Node) -> bool:
        if id(node) in self.seen:
            self._problem(
                node, "anchors and aliases (&name, *name) are not allowed here: write it out"
            )
            return False
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            self._problem(
                node, f"the tag '{node.tag}' is not allowed: data files hold plain text and lists"
            )
            return False
        return True

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.lines[loc] = node.start_mark.line + 1
        if not self._plain(node):
            return None
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE_TAG:
                    self._problem(key_node, "merge keys (<<) are not allowed: write the keys out")
                    continue
                if not isinstance(key_node, yaml.ScalarNode) or not self._plain(key_node):
                    if isinstance(key_node, yaml.ScalarNode):
                        continue
                    self._problem(key_node, "a key must be plain text")
                    continue
                key = self.constructor.construct_object(key_node)
                if key in out:
                    self._problem(key_node, f"the key '{key}' is given twice here; keep only one")
                    continue
                child = (*loc, str(key))
                out[key] = self.build(value_node, child)
                self.lines[child] = key_node.start_mark.line + 1
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        if node.tag == _STR_TAG:
            return node.value  # most values: text as written (what the constructor returns)
        return self.constructor.construct_object(node)
