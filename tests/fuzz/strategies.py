"""Hostile process files for the fuzz tests: real processes, broken on purpose.

Random bytes almost never get past a YAML parser, so they test little of
procdoc. These strategies start from the real samples and tests/base_process.py's
BASE and break them the ways people, editors and tools do: on the data (a key
dropped or renamed, a value of the wrong type, an id duplicated, a reference
broken, text from every script and every control character, huge strings,
deep nesting), then on the text (YAML tags, anchors and aliases, directives,
CRLF, tabs, stray characters, truncation, empty files), then on the bytes
(BOMs, other encodings, invalid UTF-8). Most examples keep enough shape to
reach the schema, the rules and the renderers; some do not even reach YAML.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from procdoc import yamlsource
from tests.base_process import BASE

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEED_TEXTS: tuple[str, ...] = (BASE, *(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.yaml"))))
SEED_DATA: tuple[Any, ...] = tuple(yamlsource.load(text)[0] for text in SEED_TEXTS)

Draw = Callable[[st.SearchStrategy[Any]], Any]
Node = tuple[str | int, ...]

#: characters that break parsers, terminals, reports and readers
SPECIAL_CHARS = (
    "\x00\x01\x07\x08\t\n\x0b\x0c\r\x1b\x7f\x85\xa0\xad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u2028\u2029\ufeff\ufffd\ufffe\uffff"
    "客户投诉处理流程质量部門𠀋" "مرحبا" "שלום" "\U0001f600\U0001f468\u200d\U0001f469\U0001f3f3\ufe0f"
    ":#&*!|>'\"%@`{}[],-?<>\\/ "
)

#: whole strings that mean something to YAML, the schema, the rules or a renderer
NASTY_STRINGS = (
    "", " ", "\n", "yes", "No", "null", "~", "3.10", "1e3", "0x1F", ".inf", "2026-02-30", "-", "--force", "*", "&a",
    "!!python/object", "<<", "\\N", "{{ 7*7 }}", "<script>alert(1)</script>", "相关部门", "有关部门", "a|b", "../..",
    "CON", "x" * 300, "流" * 300, "\u202eexe.txt", "# comment", "key: value", "- item", "'", '"', "\\", "%", "\t",
)

ODD_TAGS = (
    '!!python/object/apply:os.system ["true"]', "!!python/name:os.system", "!!python/object:builtins.dict {}",
    "!!python/tuple [1, 2]", "!custom value", "!<tag:example.com,2000:app/x> value", "!!binary aGVsbG8=",
    "!!set {a, b}", "!!omap [a: 1]", "!!timestamp 2001-12-14", "!!float 1e9", "!!int 0x1F", "!!str 1",
    "!!null ''", "!!map {}", "!!seq []", "!!bool yes", "!e!x value",
)

DIRECTIVES = (
    "%YAML 1.1\n---\n", "%YAML 2.0\n---\n", "%TAG !e! tag:evil.example,2000:\n---\n", "--- !!python/object:x\n",
    "---\n", "--- |\n", "%FOO bar\n---\n",
)

WHOLE_FILES = (
    "", " ", "\n", "---", "...", "~", "null", "[]", "{}", "#", "procdoc: 1", "procdoc:", "procdoc: 2", "procdoc: '1'",
    "- procdoc: 1", '{"procdoc": 1}', "procdoc: 1\nprocdoc: 1", "procdoc: 1\nsteps: []\nlanes: []", "\ufeff",
    "procdoc: 1\n---\nprocdoc: 1\n", "procdoc: !!binary AAAA",
)

BAD_BYTES = (
    b"\xff", b"\xfe\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"\x80", b"\xe6\xb5",
)

REFERENCE_FIELDS = ("next", "lane", "phase", "documents", "records", "process", "owner", "handler", "form", "record")


def hostile_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Short text from every script and every troublesome character, or a string known to mean something."""
    return st.one_of(
        st.text(st.sampled_from(SPECIAL_CHARS), max_size=max_size),
        st.text(max_size=max_size),
        st.sampled_from(NASTY_STRINGS),
    )


def huge_text() -> st.SearchStrategy[str]:
    """One unit repeated into tens or hundreds of thousands of characters (the file stays under 4 MiB)."""
    units = st.sampled_from(["x", "流", "a b ", "\U0001f600", "\u202e", "\\", "<", "|"])
    return st.builds(lambda unit, count: unit * count, units, st.integers(10_000, 250_000))


def odd_values() -> st.SearchStrategy[Any]:
    """Values of every YAML type, for a field that expects another one."""
    return st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(), st.just([]), st.just({}), st.binary(max_size=8),
        st.dates(), hostile_text(), st.lists(hostile_text(8), max_size=3),
        st.dictionaries(hostile_text(8), hostile_text(8), max_size=3),
    )


def nested(depth: int, leaf: Any = "x") -> Any:
    """`depth` levels of lists and mappings around `leaf` (procdoc refuses more than 64)."""
    for level in range(depth):
        leaf = [leaf] if level % 2 else {"k": leaf}
    return leaf


# ── the data tree ─────────────────────────────────────────────────────────────


def _nodes(value: Any, at: Node = ()) -> Iterator[tuple[Node, Any]]:
    yield at, value
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        yield from _nodes(child, (*at, key))


def _parent(data: Any, at: Node) -> Any:
    for key in at[:-1]:
        data = data[key]
    return data


def _pick(draw: Draw, data: Any, wanted: Callable[[Node, Any], bool]) -> Node | None:
    """A node of `data` (never the root) that `wanted` accepts, or None when there is none."""
    found = [at for at, value in _nodes(data) if at and wanted(at, value)]
    return draw(st.sampled_from(found)) if found else None


def _replace(draw: Draw, data: Any, wanted: Callable[[Node, Any], bool], values: st.SearchStrategy[Any]) -> Any:
    at = _pick(draw, data, wanted)
    if at is not None:
        _parent(data, at)[at[-1]] = draw(values)
    return data


def drop_key(draw: Draw, data: Any) -> Any:
    at = _pick(draw, data, lambda at, value: isinstance(at[-1], str))
    if at is not None:
        del _parent(data, at)[at[-1]]
    return data


def rename_key(draw: Draw, data: Any) -> Any:
    at = _pick(draw, data, lambda at, value: isinstance(at[-1], str))
    if at is not None:
        parent = _parent(data, at)
        parent[draw(st.one_of(hostile_text(12), st.just("x-extra")))] = parent.pop(at[-1])
    return data


def swap_type(draw: Draw, data: Any) -> Any:
    return _replace(draw, data, lambda at, value: True, odd_values())


def duplicate_item(draw: Draw, data: Any) -> Any:
    """Copy an element that has an id (a lane, a step …) into its list again: a duplicate id."""
    at = _pick(draw, data, lambda at, value: isinstance(value, dict) and "id" in value and isinstance(at[-1], int))
    if at is not None:
        items = _parent(data, at)
        items.insert(draw(st.integers(0, len(items))), copy.deepcopy(items[at[-1]]))
    return data


def break_reference(draw: Draw, data: Any) -> Any:
    """Point a reference at nothing, at itself, or at text that is no id at all."""
    targets = st.one_of(st.sampled_from(["nope", "1", "", "3.10", "..", "QM-07"]), hostile_text(12))
    return _replace(draw, data, lambda at, value: at[-1] in REFERENCE_FIELDS, st.one_of(targets, st.lists(targets)))


def rewrite_text(draw: Draw, data: Any) -> Any:
    return _replace(draw, data, lambda at, value: isinstance(value, str), hostile_text())


def grow_text(draw: Draw, data: Any) -> Any:
    return _replace(draw, data, lambda at, value: isinstance(value, str), huge_text())


def nest_deep(draw: Draw, data: Any) -> Any:
    return _replace(draw, data, lambda at, value: True, st.integers(1, 120).map(nested))


def shuffle_list(draw: Draw, data: Any) -> Any:
    at = _pick(draw, data, lambda at, value: isinstance(value, list) and len(value) > 1)
    if at is not None:
        parent = _parent(data, at)
        parent[at[-1]] = draw(st.permutations(parent[at[-1]]))
    return data


#: rewriting text keeps a file loadable, so it comes three times: most examples should reach the rules
DATA_MUTATIONS = (drop_key, rename_key, swap_type, duplicate_item, break_reference, rewrite_text, rewrite_text,
                  rewrite_text, grow_text, nest_deep, shuffle_list)


def _yaml_block(data: Any) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100_000)


def _yaml_flow(data: Any) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, default_flow_style=True)


def _yaml_canonical(data: Any) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, canonical=True, allow_unicode=True, sort_keys=False)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, default=str)


DUMPERS = (_yaml_block, _yaml_block, _yaml_flow, _yaml_canonical, _json)


# ── the text ─────────────────────────────────────────────────────────────────

_VALUE_LINE = re.compile(r"^(?P<head>\s*(?:- )?[^\s:#'\"-][^:#]*?: )(?P<value>\S.*)$", re.MULTILINE)


def _lines_with_values(text: str) -> list[re.Match[str]]:
    return list(_VALUE_LINE.finditer(text))


def _at_value(draw: Draw, text: str, make: Callable[[str], str]) -> str:
    """Rewrite the value of one `key: value` line with `make(value)`."""
    lines = _lines_with_values(text)
    if not lines:
        return text
    line = draw(st.sampled_from(lines))
    return text[: line.start("value")] + make(line.group("value")) + text[line.end("value"):]


def insert_tag(draw: Draw, text: str) -> str:
    tag = draw(st.sampled_from(ODD_TAGS))
    if draw(st.booleans()):
        return _at_value(draw, text, lambda value: tag)
    return text.rstrip("\n") + f"\nx-tagged: {tag}\n"


def anchor_and_alias(draw: Draw, text: str) -> str:
    """An anchor on one value and an alias (or a merge key, or an undefined alias) elsewhere."""
    name = draw(st.sampled_from(["a", "b", "x"]))
    text = _at_value(draw, text, lambda value: f"&{name} {value}")
    use = draw(st.sampled_from([f"*{name}", "*undefined", f"[*{name}, *{name}, *{name}]", f"&{name} [*{name}]"]))
    if draw(st.booleans()):
        return _at_value(draw, text, lambda value: use)
    return text.rstrip("\n") + draw(st.sampled_from([f"\nx-alias: {use}\n", f"\n<<: *{name}\n"]))


def add_directive(draw: Draw, text: str) -> str:
    if draw(st.booleans()):
        return draw(st.sampled_from(DIRECTIVES)) + text
    return text + draw(st.sampled_from(["---\nprocdoc: 1\n", "...\n", "--- ~\n", "---\n- x\n"]))


def line_endings(draw: Draw, text: str) -> str:
    return text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n\n", "\u2028", "\x85"])))


def indent_with_tabs(draw: Draw, text: str) -> str:
    lines = text.split("\n")
    index = draw(st.integers(0, max(len(lines) - 1, 0)))
    lines[index] = re.sub(r"^ +", lambda m: "\t" * draw(st.integers(1, len(m.group(0)))), lines[index])
    return "\n".join(lines)


def insert_characters(draw: Draw, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.text(st.sampled_from(SPECIAL_CHARS), min_size=1, max_size=5)) + text[at:]


def duplicate_line(draw: Draw, text: str) -> str:
    lines = text.split("\n")
    index = draw(st.integers(0, max(len(lines) - 1, 0)))
    return "\n".join([*lines[: index + 1], lines[index], *lines[index + 1:]])


def shift_indent(draw: Draw, text: str) -> str:
    lines = text.split("\n")
    index = draw(st.integers(0, max(len(lines) - 1, 0)))
    lines[index] = lines[index][1:] if draw(st.booleans()) else " " + lines[index]
    return "\n".join(lines)


def truncate(draw: Draw, text: str) -> str:
    return text[: draw(st.integers(0, len(text)))]


def whole_file(draw: Draw, text: str) -> str:
    return draw(st.sampled_from(WHOLE_FILES))


TEXT_MUTATIONS = (insert_tag, anchor_and_alias, add_directive, line_endings, indent_with_tabs, insert_characters,
                  duplicate_line, shift_indent, truncate, whole_file)


# ── the bytes ────────────────────────────────────────────────────────────────


def encode(draw: Draw, text: str) -> bytes:
    """UTF-8 mostly; sometimes with a BOM, or in an encoding Chinese and Windows editors save in."""
    if draw(st.integers(0, 7)) < 7:  # Hypothesis favours small numbers: `== 0` would not be rare
        return text.encode("utf-8")
    encoding = draw(st.sampled_from(["utf-8-sig", "utf-16", "utf-16-le", "gbk", "big5", "latin-1"]))
    return text.encode(encoding, errors="replace")


def insert_bytes(draw: Draw, raw: bytes) -> bytes:
    at = draw(st.integers(0, len(raw)))
    return raw[:at] + draw(st.sampled_from(BAD_BYTES)) + raw[at:]


def truncate_bytes(draw: Draw, raw: bytes) -> bytes:
    return raw[: draw(st.integers(0, len(raw)))]


def double_bom(draw: Draw, raw: bytes) -> bytes:
    return draw(st.sampled_from([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])) + raw


BYTE_MUTATIONS = (insert_bytes, truncate_bytes, double_bom)


#: how many mutations of a kind an example gets: often none, so that most files still reach the rules
MUTATION_COUNTS = (0, 0, 1, 1, 2, 3)


def _some(draw: Draw, kinds: tuple[Callable[..., Any], ...]) -> list[Callable[..., Any]]:
    return [draw(st.sampled_from(kinds)) for _ in range(draw(st.sampled_from(MUTATION_COUNTS)))]


@st.composite
def process_files(draw: Draw) -> bytes:
    """The bytes of one process file: a real one, mutated on its data, its text and its bytes."""
    seed = draw(st.integers(0, len(SEED_TEXTS) - 1))
    data_mutations = _some(draw, DATA_MUTATIONS)
    if data_mutations:
        data = copy.deepcopy(SEED_DATA[seed])
        for mutate in data_mutations:
            data = mutate(draw, data)
        text = draw(st.sampled_from(DUMPERS))(data)
    else:
        text = SEED_TEXTS[seed]
    for mutate in _some(draw, TEXT_MUTATIONS):
        text = mutate(draw, text)
    raw = encode(draw, text)
    if draw(st.integers(0, 4)) == 4:
        raw = draw(st.sampled_from(BYTE_MUTATIONS))(draw, raw)
    return raw


@st.composite
def new_arguments(draw: Draw) -> list[str]:
    """Arguments of `procdoc new` (without -o): odd names, ids, lane lists, templates and languages."""
    arguments = [draw(st.one_of(hostile_text(), st.sampled_from(["客户投诉处理", "After-sales service", "-x"])))]
    if draw(st.booleans()):
        arguments += ["--id", draw(st.one_of(st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._-]{0,70}\Z"), hostile_text()))]
    if draw(st.booleans()):
        lanes = st.lists(st.one_of(hostile_text(12), st.sampled_from(["客户", "Sales", "相关部门", " "])), max_size=6)
        arguments += ["--lanes", draw(st.sampled_from([",", "，", "、"])).join(draw(lanes))]
    if draw(st.booleans()):
        arguments += ["--owner", draw(st.one_of(hostile_text(12), st.sampled_from(["客户", "Sales"])))]
    if draw(st.booleans()):
        arguments += ["--template", draw(st.sampled_from(["basic", "approval", "complaint", "nope", ""]))]
    if draw(st.booleans()):
        arguments += ["--lang", draw(st.sampled_from(["zh", "en", "fr", ""]))]
    return arguments
