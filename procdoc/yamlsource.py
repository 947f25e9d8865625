"""YAML text → plain data plus a map of where every key and value stood.

The hot path composes nodes with libyaml's C parser (PyYAML's CSafeLoader):
it is 2.7× faster than ruamel.yaml's C composer on process files and keeps
each node's start mark, which is all a diagnostic needs. ruamel.yaml is kept
for what needs comments (see `procdoc.scaffold`).

Scalars under text keys keep their source text: `next: 3.10` means step
"3.10", not the float 3.1, and `when: Yes` means the label "Yes".
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.cyaml import CParser  # type: ignore[attr-defined]
from yaml.resolver import BaseResolver

from procdoc.diagnostics import Pos
from procdoc.model import item_keys
from procdoc.textwidth import is_wide

Path = tuple[str | int, ...]

MAX_BYTES = 4 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64
#: text a document may expand to through aliases (a few times what a file may hold)
MAX_TEXT = 4 * MAX_BYTES

#: keys whose scalar values are typed by YAML; every other scalar is text
TYPED_KEYS = frozenset({"procdoc", "key"})

_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
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


class SourceMap:
    """Where each value (and each mapping key) of a document starts.

    Positions are kept per container (keyed by the container's id()) rather
    than per path: one small dict per mapping is much cheaper to build, and
    path look-ups happen only for the rare file with a schema error.
    """

    __slots__ = ("containers", "root", "root_pos")

    def __init__(self, root: Any = None) -> None:
        self.root = root
        self.root_pos = Pos(1, 1)
        #: id(dict) → (value positions by key, key marks by key); id(list) → item positions.
        #: Keys keep libyaml's mark, made a position only when asked: only a schema error asks.
        #: A list's items are also among its mapping's values, as `key.0`, `key.1`…, the names
        #: the model's `at` uses: the loader then builds no position table of its own.
        self.containers: dict[int, Any] = {}

    def of_mapping(self, mapping: dict[str, Any]) -> tuple[dict[str, Pos], dict[str, Any]]:
        return self.containers.get(id(mapping), ({}, {}))  # type: ignore[no-any-return]

    def of_list(self, items: list[Any]) -> list[Pos]:
        return self.containers.get(id(items), [])  # type: ignore[no-any-return]

    def _walk(self, path: Path) -> tuple[Pos, Pos | None]:
        """(value position, key position) of the deepest part of `path` that exists."""
        node, value_pos, key_pos = self.root, self.root_pos, None
        for part in path:
            if isinstance(node, dict) and isinstance(part, str) and part in node:
                values, keys = self.of_mapping(node)
                mark = keys.get(part)
                key_pos = None if mark is None else Pos(mark.line + 1, mark.column + 1)
                value_pos, node = values.get(part, value_pos), node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                items = self.of_list(node)
                value_pos, key_pos, node = items[part] if part < len(items) else value_pos, None, node[part]
            else:
                break
        return value_pos, key_pos

    def value(self, path: Path) -> Pos:
        """Position of the value at `path`, or of its nearest ancestor."""
        return self._walk(path)[0]

    def key(self, path: Path) -> Pos:
        """Position of the key naming `path`, falling back to its value."""
        value_pos, key_pos = self._walk(path)
        return key_pos or value_pos


def decode(raw: bytes) -> str:
    """Bytes → text, refusing what YAML forbids before the parser sees it."""
    if len(raw) > MAX_BYTES:
        raise SourceError(
            "F011",
            Pos(1, 1),
            f"the file is larger than {MAX_BYTES // 1024 // 1024} MiB, the most procdoc reads in a process file",
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
    return text


_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})


class _Composer(CParser, BaseResolver):  # type: ignore[misc]
    """libyaml's C composer with a trivial resolver.

    procdoc reads scalars as text (see module docstring), so the only implicit
    type worth resolving is null; PyYAML's regex resolver cost a third of the
    compose time. The composer also calls two path-resolver hooks for every
    node; procdoc has no path resolvers, so they are C callables that do
    nothing useful and cost no Python frame (8% of the compose time).
    """

    descend_resolver = slice  # type: ignore[assignment]  # called as (parent, index)
    ascend_resolver = tuple  # type: ignore[assignment]  # called with no arguments

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return _NULL_TAG if implicit[0] and value in _NULL_WORDS else _STR_TAG
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG


def compose(text: str) -> yaml.Node | None:
    """Parse one YAML document into nodes; syntax errors become SourceError."""
    composer = _Composer(text)
    try:
        return composer.get_single_node()
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        column = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
        character = f"#x{err.character:04x}" if isinstance(err.character, int) else repr(err.character)
        raise SourceError(
            "F002", Pos(line, column), f"the file contains the control character {character}",
            "remove it: process files are plain text",
        ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        pos = Pos(mark.line + 1, mark.column + 1) if mark else Pos(1, 1)
        problem = err.problem or err.context or "invalid YAML"
        if "nesting depth" in problem:  # libyaml's own limit (1,000) is past ours
            raise SourceError("F011", pos, f"nesting deeper than {MAX_DEPTH} levels", "flatten the document") from None
        raise SourceError("F001", pos, f"YAML syntax error: {problem}", _syntax_hint(problem)) from None
    except yaml.YAMLError as err:
        raise SourceError("F001", Pos(1, 1), f"YAML error: {err}") from None
    except RecursionError:
        raise SourceError("F011", Pos(1, 1), "YAML nesting is too deep", "flatten the document") from None
    finally:
        composer.dispose()


def _syntax_hint(problem: str) -> str:
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "expected <block end>" in problem or "mapping values" in problem:
        return "check the indentation and quote values that contain ': '"
    if "found character" in problem:
        return "quote the value"
    return "fix the YAML syntax at this place"


#: makes a Pos without the named tuple's Python-level constructor: the loader makes one per key and value
_new = tuple.__new__


def pos_of(node: yaml.Node) -> Pos:
    mark = node.start_mark
    return _new(Pos, (mark.line + 1, mark.column + 1))  # type: ignore[no-any-return]


_TRUE = frozenset({"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})
_FALSE = frozenset({"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})


class _Converter:
    """Walks the node tree once, building data and the source map."""

    def __init__(self) -> None:
        self.map = SourceMap()
        self.budget = MAX_NODES
        self.text_budget = MAX_TEXT

    def convert(self, node: yaml.Node, key: str | None, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise SourceError(
                "F011", pos_of(node), f"the document expands to more than {MAX_NODES:,} values",
                "remove anchors/aliases that repeat large parts; a process file should be small",
            )
        if depth > MAX_DEPTH:
            raise SourceError("F011", pos_of(node), f"nesting deeper than {MAX_DEPTH} levels", "flatten the document")
        tag = node.tag
        if tag not in _SAFE_TAGS:
            raise SourceError(
                "F010", pos_of(node), f"YAML tag {tag!r} is not allowed",
                "remove the tag: process files hold plain text, numbers, lists and mappings",
            )
        if node.__class__ is yaml.ScalarNode:
            return self._scalar(node, key)
        if node.__class__ is yaml.MappingNode:
            return self._mapping(node, depth)
        items = [self.convert(item, key, depth + 1) for item in node.value]
        self.map.containers[id(items)] = [
            _new(Pos, (item.start_mark.line + 1, item.start_mark.column + 1)) for item in node.value
        ]
        return items

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        values: dict[str, Pos] = {}
        keys: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar" or (key_node.value == "<<" and not key_node.style):
                raise SourceError(
                    "F010", pos_of(key_node), "only plain text keys are allowed here",
                    "write `key: value` with a plain key; merge keys (<<) are not supported",
                )
            name = key_node.value
            if name in result:
                raise SourceError(
                    "F007", pos_of(key_node), f"duplicate key {name!r} (first defined at line {keys[name].line + 1})",
                    "remove one of the two keys; YAML keeps only the last",
                )
            keys[name] = key_node.start_mark
            mark = value_node.start_mark
            values[name] = _new(Pos, (mark.line + 1, mark.column + 1))
            result[name] = value = self.convert(value_node, name, depth + 1)
            if value.__class__ is list:
                values.update(zip(item_keys(name, len(value)), self.map.containers[id(value)], strict=True))
        self.map.containers[id(result)] = (values, keys)
        return result

    def _scalar(self, node: yaml.ScalarNode, key: str | None) -> Any:
        if node.tag == _NULL_TAG:
            return None
        text = node.value
        self.text_budget -= len(text)
        if self.text_budget < 0:
            raise SourceError(
                "F011", pos_of(node), f"the document expands to more than {MAX_TEXT // 1024 // 1024} MiB of text",
                "remove anchors/aliases that repeat long text",
            )
        if node.style == ">":
            return unfold_wide(text)
        if key not in TYPED_KEYS or node.style:
            return text
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
        if text.isdigit():
            return int(text)
        return text


def unfold_wide(text: str) -> str:
    """Folded text (`>`, `>-`) with the spaces YAML put between two Chinese characters taken out.

    Folding turns each line break into a space, which is right between Latin
    words and wrong in Chinese, which has no spaces ("全过程， 统一"). As
    in CSS's segment-break rule, a single space between two wide characters
    goes; every other space stays.
    """
    if " " not in text:
        return text
    kept = [
        ch for i, ch in enumerate(text)
        if not (ch == " " and 0 < i < len(text) - 1 and is_wide(text[i - 1]) and is_wide(text[i + 1]))
    ]
    return "".join(kept)


def load(text: str) -> tuple[Any, SourceMap]:
    """Text → (data, where each part stood). Raises SourceError."""
    node = compose(text)
    if node is None:
        return None, SourceMap()
    converter = _Converter()
    data = converter.convert(node, None, 0)
    converter.map.root = data
    converter.map.root_pos = pos_of(node)
    return data, converter.map
