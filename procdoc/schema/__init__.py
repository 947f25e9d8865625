"""The JSON Schema of the process format, and its errors as plain problems.

The same schema file is shipped for editors (`procdoc schema`) and used by
the loader, so what VS Code accepts is what procdoc accepts. Valid files take
the fast path (a compiled fastjsonschema validator, ~40× quicker than
jsonschema's); only invalid files pay for jsonschema's detailed errors.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from procdoc.yamlsource import Path

_KIND_NAMES = {
    "object": "a mapping (key: value)",
    "array": "a list",
    "string": "text",
    "boolean": "true or false",
    "integer": "a whole number",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """A schema violation: code, the path it is about, and what to say."""

    code: str
    path: Path
    message: str
    hint: str
    at_key: bool = False


def schema_text() -> str:
    return resources.files(__package__).joinpath("process.schema.json").read_text(encoding="utf-8")


@cache
def schema() -> dict[str, Any]:
    return json.loads(schema_text())


GENERATED_HEADER = "# Generated from process.schema.json by `python -m procdoc.schema`; do not edit.\n# ruff: noqa\n"


def validator_code() -> str:
    """Python source of the compiled validator (fastjsonschema.compile_to_code).

    Compiling the schema costs ~150 ms at every start; shipping the generated
    module costs a few ms to import. A test keeps it in step with the schema.
    """
    import fastjsonschema

    fresh = json.loads(schema_text(), object_hook=_without_hovers)  # compile_to_code rewrites the $refs it is given
    return GENERATED_HEADER + _without_paths(_without_locals(fastjsonschema.compile_to_code(fresh)))


def _without_hovers(node: dict[str, Any]) -> dict[str, Any]:
    """A schema node without the editor-only keys, which the generated code would otherwise carry as constants."""
    return {key: value for key, value in node.items() if key not in ("markdownDescription", "examples")}


_FORMAT_LOCALS = re.compile(r'"([^"{}]*\{data\w*\}[^"{}]*)"\.format\(\*\*locals\(\)\)')


def _without_locals(code: str) -> str:
    """The generated code names each list item's path eagerly with `"…[{i}]".format(**locals())`, which
    builds a dict of every local for every item of every list; an f-string says the same at a tenth of the cost."""
    return _FORMAT_LOCALS.sub(r'f"\1"', code)


_CHILD_PATH = re.compile(r'custom_formats, \(name_prefix or "data"\) \+ f?"[^"]*"\)')


def _without_paths(code: str) -> str:
    """The generated code names each value's path before validating it (`"data.steps[3].lane"`), for its
    error messages; procdoc never shows them (jsonschema explains an invalid file), so children get their
    parent's name: a third of the validation time went into those names."""
    return _CHILD_PATH.sub("custom_formats, name_prefix)", code)


@cache
def _fast_validator() -> Callable[[Any], Any]:
    from procdoc.schema import compiled

    return compiled.validate_https___procdoc_dev_schema_process_1_json  # type: ignore[no-any-return]


@cache
def _full_validator() -> Any:
    """jsonschema's validator for the draft the schema declares (draft-07, which yaml-language-server supports)."""
    from jsonschema.validators import validator_for

    return validator_for(schema())(schema())


def prepare() -> None:
    """Load the compiled validator now (before worker processes fork)."""
    _fast_validator()


def validate(data: Any) -> list[Problem]:
    """Every schema problem of `data`, in document order; [] when valid."""
    from fastjsonschema import JsonSchemaException

    try:
        _fast_validator()(data)
        return []
    except JsonSchemaException:
        pass
    problems: list[Problem] = []
    for error in _full_validator().iter_errors(data):
        problems.extend(_explain(error, data))
    return problems


def _explain(error: Any, data: Any) -> list[Problem]:
    path: Path = tuple(error.absolute_path)
    what = describe(path, data)
    validator = error.validator
    if validator == "additionalProperties":
        return _unknown_keys(error, path, what)
    if validator == "required":
        missing = error.message.split("'")[1]
        return [Problem("F006", path, f"{what} is missing the required key '{missing}'", f"add `{missing}:`")]
    if validator in ("const", "enum") and path == ("procdoc",):
        hint = "write `procdoc: 1` or `procdoc: 1.1`"
        return [Problem("F003", path, f"unsupported format version {error.instance!r}", hint)]
    if validator == "enum":
        return [_bad_choice(error, path, what)]
    if validator in ("type", "oneOf"):
        return [_bad_type(error, path, what)]
    if validator == "minItems":
        return [Problem("F006", path, f"{what} is empty", "list at least one entry")]
    if validator == "pattern" and error.schema.get("pattern", "").startswith("^[0-9]{4}"):
        return [Problem("F009", path, f"{what} {error.instance!r} is not a date", "write the date as YYYY-MM-DD")]
    if validator == "pattern" and "\\s" in error.schema.get("pattern", ""):
        return [Problem("F009", path, f"{what} {error.instance!r} contains spaces", "ids are single words: use - or _")]
    if validator == "pattern":
        return [
            Problem(
                "F009", path, f"{what} {error.instance!r} is not a valid code", "use letters, digits, '.', '-' and '_'"
            )
        ]
    if validator == "minLength":
        return [Problem("F009", path, f"{what} is empty", "write a value or remove the key")]
    return [Problem("F009", path, f"{what}: {error.message}", "see docs/format.md")]


def _unknown_keys(error: Any, path: Path, what: str) -> list[Problem]:
    allowed = sorted(error.schema.get("properties", {}))
    problems = []
    for key in error.instance:
        if key in allowed or (key.startswith("x-") and "^x-" in error.schema.get("patternProperties", {})):
            continue
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
        problems.append(Problem("F005", (*path, key), f"unknown key '{key}' in {what}", hint, at_key=True))
    return problems


def _bad_choice(error: Any, path: Path, what: str) -> Problem:
    choices = [str(c) for c in error.validator_value]
    close = difflib.get_close_matches(str(error.instance), choices, n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(choices)}"
    return Problem("F009", path, f"{what} {error.instance!r} is not one of: {', '.join(choices)}", hint)


#: what a shared definition holds, for "must be …" and the hint
_DEF_NAMES = {
    "#/$defs/text": "text", "#/$defs/id": "an id", "#/$defs/code": "a process code", "#/$defs/date": "a date",
    "#/$defs/texts": "a list of texts", "#/$defs/ids": "a list of ids",
}


def _expected(fragment: dict[str, Any]) -> str:
    """What a schema fragment accepts, in words: "text", "an id or a list of ids", "text or a list"."""
    if "oneOf" in fragment:
        return " or ".join(_expected(alternative) for alternative in fragment["oneOf"])
    if "$ref" in fragment:
        return _DEF_NAMES.get(fragment["$ref"], "a mapping (key: value)")
    shared = next((words for ref, words in _DEF_NAMES.items() if _definition(ref) == fragment), None)
    if shared is not None:
        return shared
    kinds = fragment.get("type", "object")
    return " or ".join(_KIND_NAMES.get(str(k), str(k)) for k in (kinds if isinstance(kinds, list) else [kinds]))


def _definition(ref: str) -> Any:
    return schema()["$defs"][ref.rsplit("/", 1)[-1]]


def _description(schema_path: Any) -> str | None:
    """The description of the property a schema error is about, following the error's path (and $refs)."""
    node: Any = schema()
    description = None
    parts = list(schema_path)
    for before, part in zip([None, *parts], parts, strict=False):
        while isinstance(node, dict) and part not in node and "$ref" in node:
            node = _definition(node["$ref"])
        if not isinstance(node, dict | list) or (isinstance(node, dict) and part not in node):
            break
        node = node[part]
        if before == "properties" and isinstance(node, dict):
            description = node.get("description")
    return description.rstrip(".") if description else None


def _type_hint(path: Path, expected: str, instance: Any, description: str | None) -> str:
    """Which type the key takes, what it is for, and how to write it."""
    key = next((str(part) for part in reversed(path) if isinstance(part, str)), "the value")
    takes = f"`{key}` takes {expected}" + (f" ({description})" if description else "")
    if instance is None:
        advice = "write the value after the colon, or remove the key"
    elif expected == "text" and isinstance(instance, list):
        advice = "write the items as one text, e.g. separated by 、 or commas"
    elif expected.startswith("text") and isinstance(instance, dict):
        advice = "write it on one line after the colon, in quotes if it contains ': '"
    else:
        advice = f"write {expected} here"
    return f"{takes}: {advice}"


def _bad_type(error: Any, path: Path, what: str) -> Problem:
    expected = _expected(error.schema)
    found = _kind_of(error.instance)
    hint = _type_hint(path, expected, error.instance, _description(error.absolute_schema_path))
    return Problem("F004", path, f"{what} must be {expected}, not {found}", hint)


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f"text {value!r}"
    return f"{type(value).__name__} {value!r}"


def describe(path: Path, data: Any) -> str:
    """A reader's name for the place at `path`: "next of step '1.2'"."""
    if not path:
        return "the process"
    words: list[str] = []
    node = data
    for i, part in enumerate(path):
        if isinstance(part, int) and isinstance(node, list) and part < len(node):
            node = node[part]
            words.append(_item_name(path[i - 1] if i else "item", part, node))
        elif isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
            if i == len(path) - 1:
                words.append(f"'{part}'")
    return " of ".join(reversed(words))


def _item_name(list_key: str | int, index: int, item: Any) -> str:
    noun = {"branches": "branch", "glossary": "term", "kpis": "KPI", "emergencies": "emergency"}.get(
        str(list_key), str(list_key).rstrip("s")
    )
    label = next(
        (item[k] for k in ("id", "name", "term", "version") if isinstance(item, dict) and isinstance(item.get(k), str)),
        None,
    )
    return f"{noun} '{label}'" if label else f"{noun} {index + 1}"
