"""Writing translations back into a dialogue's YAML files, as they were written.

`haave i18n import` and `haave i18n stamp` change texts and source hashes in the YAML files
without disturbing their comments, order or quoting: ruamel.yaml round-trips them, and a
file that would no longer load is put back. ruamel.yaml loads only when a writer is made.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assistant.dialogue.loader import DIALOGUE_FILE, LoadedDialogue, load
from assistant.dialogue.translation import DIALOGUE_KEY
from assistant.dialogue.yamlio import DataFileError


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


__all__ = ["YamlWriter"]
