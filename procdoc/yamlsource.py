"""YAML text → plain data plus a map of where every key and value stood.

The hot path composes nodes with libyaml's C parser (PyYAML's CSafeLoader):
it is 2.7× faster than ruamel.yaml's C composer on process files and keeps
each node's start mark, which is all a diagnostic needs. ruamel.yaml is kept
for what needs comments (see `procdoc.scaffold`).

Scalars under text keys keep their source text: `next: 3.10` means step
"3.10", not the float 3.1, and `when: Yes` means the label "Yes".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from procdoc.diagnostics import Pos

Path = tuple[str | int, ...]

MAX_BYTES = 4 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64

#: keys whose scalar values are typed by YAML; every other scalar is text
TYPED_KEYS = frozenset({"procdoc", "key"})

_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
_SAFE_TAGS = frozenset(
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary")
)


class SourceError(Exception):
    """The text is not YAML procdoc can read; carries where and how to fix it."""

    def __init__(self, code: str, pos: Pos, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.pos = pos
        self.message = message
        self.hint = hint


@dataclass(slots=True)
class SourceMap:
    """Where each value (and each mapping key) of a document starts."""

    values: dict[Path, Pos] = field(default_factory=dict)
    keys: dict[Path, Pos] = field(default_factory=dict)

    def value(self, path: Path) -> Pos:
        """Position of the value at `path`, or of its nearest ancestor."""
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, Pos(1, 1))

    def key(self, path: Path) -> Pos:
        """Position of the key naming `path`, falling back to its value."""
        return self.keys.get(path) or self.value(path)


def decode(raw: bytes) -> str:
    """Bytes → text, refusing what YAML forbids before the parser sees it."""
    if len(raw) > MAX_BYTES:
        raise SourceError(
            "F011",
            Pos(1, 1),
            f"file is {len(raw) // 1024} KiB; procdoc reads process files up to {MAX_BYTES // 1024 // 1024} MiB",
            "split the process into sub-processes",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise SourceError(
            "F002",
            Pos(line, column),
            f"the file is not UTF-8 (byte 0x{raw[err.start]:02x})",
            "save the file as UTF-8",
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise SourceError("F002", Pos(line, 1), "the file contains a NUL character", "save it as a text file")
    return text


def compose(text: str) -> yaml.Node | None:
    """Parse one YAML document into nodes; syntax errors become SourceError."""
    try:
        return yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        pos = Pos(mark.line + 1, mark.column + 1) if mark else Pos(1, 1)
        problem = err.problem or err.context or "invalid YAML"
        raise SourceError("F001", pos, f"YAML syntax error: {problem}", _syntax_hint(problem)) from None
    except yaml.YAMLError as err:
        raise SourceError("F001", Pos(1, 1), f"YAML error: {err}") from None
    except RecursionError:
        raise SourceError("F011", Pos(1, 1), "YAML nesting is too deep", "flatten the document") from None


def _syntax_hint(problem: str) -> str:
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "expected <block end>" in problem or "mapping values" in problem:
        return "check the indentation and quote values that contain ': '"
    if "found character" in problem:
        return "quote the value"
    return "fix the YAML syntax at this place"


def pos_of(node: yaml.Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


class _Converter:
    """Walks the node tree once, building data and the source map."""

    def __init__(self) -> None:
        self.map = SourceMap()
        self.nodes = 0
        self.constructor = SafeConstructor()

    def convert(self, node: yaml.Node, path: Path, key: str | None, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise SourceError(
                "F011", pos_of(node), f"the document expands to more than {MAX_NODES:,} values",
                "remove anchors/aliases that repeat large parts; a process file should be small",
            )
        if depth > MAX_DEPTH:
            raise SourceError("F011", pos_of(node), f"nesting deeper than {MAX_DEPTH} levels", "flatten the document")
        self.map.values[path] = pos_of(node)
        if node.tag not in _SAFE_TAGS:
            raise SourceError(
                "F010", pos_of(node), f"YAML tag {node.tag!r} is not allowed",
                "remove the tag: process files hold plain text, numbers, lists and mappings",
            )
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i), key, depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, key)

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise SourceError(
                    "F010", pos_of(key_node), "only plain text keys are allowed here",
                    "write `key: value` with a plain key; merge keys (<<) are not supported",
                )
            name = key_node.value
            if name in result:
                first = self.map.keys[(*path, name)]
                raise SourceError(
                    "F007", pos_of(key_node), f"duplicate key {name!r} (first defined at line {first.line})",
                    "remove one of the two keys; YAML keeps only the last",
                )
            self.map.keys[(*path, name)] = pos_of(key_node)
            result[name] = self.convert(value_node, (*path, name), name, depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode, key: str | None) -> Any:
        if node.tag == _NULL_TAG:
            return None
        if node.tag == _STR_TAG or key not in TYPED_KEYS:
            return node.value
        return self.constructor.construct_object(node, deep=True)


def load(text: str) -> tuple[Any, SourceMap]:
    """Text → (data, where each part stood). Raises SourceError."""
    node = compose(text)
    if node is None:
        return None, SourceMap()
    converter = _Converter()
    return converter.convert(node, (), None, 0), converter.map
