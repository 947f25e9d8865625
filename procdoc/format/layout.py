"""The canonical layout, applied in place to a round-trip document.

Keys in the documented order (keys the format does not define, such as
`x-` keys, keep their order after the known ones); text that YAML would read
as something else quoted with double quotes and all other text quoted only
when it must be; lists of short values in flow style when they fit on the
line, lists of mappings in block style; long text folded at spaces. A fold
is a space to YAML, so text without spaces (Chinese, mostly) is never
folded: folding it would change the text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString

from procdoc.format import keyorder
from procdoc.format.document import PlainText
from procdoc.textwidth import columns
from procdoc.yamlsource import TYPED_KEYS

#: keys whose values are dates: written plain (2026-05-01), as docs/format.md shows them
DATE_KEYS = frozenset({"effective", "date"})
#: words YAML 1.1 readers (PyYAML, older editors) take for booleans
_YAML11_BOOLEANS = frozenset(
    f(word) for word in ("yes", "no", "on", "off", "y", "n", "true", "false") for f in (str.lower, str.title, str.upper)
)
_STR_TAG = "tag:yaml.org,2002:str"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
#: "key: " and the indentation a block mapping inside a list item adds
_SEQUENCE_INDENT = 4
_MAPPING_INDENT = 2


#: keys that hold step ids, by the kind of mapping they are in: docs/format.md quotes every step id
STEP_ID_KEYS = frozenset({
    ("step", "id"), ("step", "next"), ("branch", "next"), ("emergency", "handler"),
    ("segment", "from"), ("segment", "to"),
})
#: kinds of list written `[a, b]` when they fit on the line; other lists of text (references) one item a line
FLOW_KINDS = frozenset({"ids", "texts", "party"})
#: `target: ">= 95%"` must be quoted (`>` starts a folded block); `"<= 2%"` beside it is quoted alike
_COMPARISONS = ("<", ">", "=", "≤", "≥")


@dataclass(frozen=True)
class Layout:
    line_length: int


def apply(document: Any, layout: Layout) -> None:
    """Bring `document` (the root mapping of a process file) into the canonical layout."""
    if isinstance(document, CommentedMap):
        _mapping(document, keyorder.root(), 0, layout)


def _mapping(mapping: CommentedMap, schema: keyorder.Node | None, column: int, layout: Layout) -> None:
    _reorder(mapping, keyorder.order(schema))
    mapping.fa.set_block_style()
    kind = keyorder.kind(schema)
    for key in list(mapping):
        value = mapping[key]
        name = str(key)
        child = keyorder.child(schema, name)
        step_id = (kind, name) in STEP_ID_KEYS
        if isinstance(value, CommentedMap):
            _mapping(value, child, column + _MAPPING_INDENT, layout)
        elif isinstance(value, CommentedSeq):
            _sequence(value, _Place(name, step_id, child), column + len(name) + 2, column + _SEQUENCE_INDENT, layout)
        else:
            text = _scalar(value, name, step_id)
            mapping[key] = _fold(text, column + columns(name) + 2, column + _MAPPING_INDENT, layout)


def _reorder(mapping: CommentedMap, known: tuple[str, ...]) -> None:
    rank = {key: index for index, key in enumerate(known)}
    wanted = sorted(mapping, key=lambda key: (0, rank[key]) if key in rank else (1, 0))
    if wanted != list(mapping):
        for key in wanted:
            mapping.move_to_end(key)


@dataclass(frozen=True)
class _Place:
    """Where a list stands: its key (its items inherit it, as procdoc reads them), whether it lists
    step ids, and its schema."""

    key: str
    step_ids: bool
    schema: keyorder.Node | None


def _sequence(items: CommentedSeq, place: _Place, flow_column: int, column: int, layout: Layout) -> None:
    """Items first, then the list's style (and the quotes flow style needs)."""
    for index, value in enumerate(items):
        child = keyorder.child(place.schema, index)
        if isinstance(value, CommentedMap):
            _mapping(value, child, column, layout)
        elif isinstance(value, CommentedSeq):
            _sequence(value, _Place(place.key, place.step_ids, child), column + 2, column + 2, layout)
        else:
            items[index] = _scalar(value, place.key, place.step_ids)
    flow_kind = place.schema is None or keyorder.kind(place.schema) in FLOW_KINDS
    if not items or (flow_kind and _fits_flow(items, flow_column, layout)):
        items.fa.set_flow_style()
        for index, value in enumerate(items):
            if isinstance(value, str) and _needs_flow_quotes(value):
                items[index] = DoubleQuotedScalarString(value)
    else:
        items.fa.set_block_style()


def _fits_flow(items: CommentedSeq, column: int, layout: Layout) -> bool:
    """Short scalars without comments, and the `[a, b]` line within the line length."""
    if items.ca.items or any(isinstance(v, (CommentedMap, CommentedSeq)) or _multiline(v) for v in items):
        return False
    shown = [_flow_text(value) for value in items]
    return column + columns("[" + ", ".join(shown) + "]") <= layout.line_length


def _flow_text(value: Any) -> str:
    if value is None:
        return "null"
    text = str(value)
    return f'"{text}"' if isinstance(value, str) and _needs_flow_quotes(value) else text


def _needs_flow_quotes(value: str) -> bool:
    return isinstance(value, DoubleQuotedScalarString) or not _EMITTER.analyze_scalar(str(value)).allow_flow_plain


def _multiline(value: Any) -> bool:
    return isinstance(value, (LiteralScalarString, FoldedScalarString)) or "\n" in str(value)


def _scalar(value: Any, key: str, step_id: bool = False) -> Any:
    """The value with the canonical quoting for its key (None, numbers under typed keys unchanged).

    Quotes are double quotes, and only where needed: step ids, text YAML would read as something
    else, and text that cannot be written plain.
    """
    if not isinstance(value, str) or isinstance(value, LiteralScalarString):
        return value
    if key in TYPED_KEYS and isinstance(value, PlainText):
        return value
    if key in DATE_KEYS and _resolves_to(value) == _TIMESTAMP_TAG:
        plain = PlainText(value)
        plain.tag = _TIMESTAMP_TAG
        return plain
    if step_id or _looks_typed(value) or value.startswith(_COMPARISONS) or not _plain_allowed(value):
        return DoubleQuotedScalarString(value)
    return value if isinstance(value, FoldedScalarString) else str(value)


def quoted(text: str) -> str:
    """`text` as the layout writes a new value: double-quoted when YAML would read it as something else."""
    return DoubleQuotedScalarString(text) if _looks_typed(text) or not _plain_allowed(text) else text


def _plain_allowed(text: str) -> bool:
    analysis = _EMITTER.analyze_scalar(text)
    return bool(analysis.allow_block_plain and not analysis.multiline)


def _looks_typed(text: str) -> bool:
    """Would a YAML reader (1.2, or 1.1 for booleans) read this text as something other than text?"""
    return text in _YAML11_BOOLEANS or _resolves_to(text) != _STR_TAG


def _resolves_to(text: str) -> str:
    return str(_RESOLVER.resolve(ScalarNode, text, (True, False)))


_RESOLVER = VersionedResolver()
#: asks whether text can be written plain; the YAML instance is there for the version it reads
_EMITTER = Emitter(io.StringIO(), allow_unicode=True, dumper=YAML(typ="rt"))


def _fold(value: Any, first_column: int, column: int, layout: Layout) -> Any:
    """Long text folded at spaces into `>-` lines that fit; short folded text made one line."""
    if not isinstance(value, str) or isinstance(value, (LiteralScalarString, PlainText, DoubleQuotedScalarString)):
        return value
    text = str(value)
    if first_column + columns(text) <= layout.line_length or not _foldable(text):
        return text
    folds = _fold_points(text, layout.line_length - column)
    if not folds:
        return text
    folded = FoldedScalarString(text)
    folded.fold_pos = folds  # type: ignore[attr-defined]
    return folded


def _foldable(text: str) -> bool:
    """Text a `>-` block can hold exactly: printable, one line, no edge or double spaces."""
    return (
        text.isprintable()
        and text.strip() == text
        and "  " not in text
        and not text.startswith(("#", "-", "?", ":"))
    )


def _fold_points(text: str, width: int) -> list[int]:
    """Indices of the spaces to fold at: greedy, each line within `width` columns when words allow."""
    folds: list[int] = []
    line_start = 0
    last_space = -1
    for index, char in enumerate(text):
        if char == " ":
            if columns(text[line_start:index]) > width and last_space > line_start:
                folds.append(last_space)
                line_start = last_space + 1
            last_space = index
    if columns(text[line_start:]) > width and last_space > line_start:
        folds.append(last_space)
    return folds
