"""The schema's editor hovers (`markdownDescription`), derived from each property's description, enum and example.

yaml-language-server shows `markdownDescription` on hover when it is there.
Writing it by hand would repeat the description; `python -m procdoc.schema`
derives it instead and writes the schema back in its one-property-a-line
layout, so a new key needs only `description` and `examples`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import yaml


def properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(name, schema) of every property: `key` at the top, `definition.key` inside the $defs."""
    yield from schema["properties"].items()
    for definition, body in schema["$defs"].items():
        for key, prop in body.get("properties", {}).items():
            yield f"{definition}.{key}", prop


def with_hovers(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with every described property's markdownDescription (re)written."""
    for name, prop in properties(schema):
        if "description" in prop:
            prop["markdownDescription"] = hover(name.rsplit(".", 1)[-1], prop)
    return schema


def hover(key: str, prop: dict[str, Any]) -> str:
    """The description, the allowed values, and the first example as the YAML a user writes."""
    parts = [prop["description"]]
    if "enum" in prop:
        parts.append("One of: " + ", ".join(f"`{value}`" for value in prop["enum"]) + ".")
    if prop.get("examples"):
        example = yaml.safe_dump({key: prop["examples"][0]}, allow_unicode=True, sort_keys=False,
                                 default_flow_style=False, width=100)
        parts.append(f"```yaml\n{example}```")
    return "\n\n".join(parts)


def layout(schema: dict[str, Any]) -> str:
    """The schema as JSON with one property a line (small diffs, easy merges)."""
    top = []
    for key, value in schema.items():
        if key == "properties":
            top.append(_block(key, [_line(k, v, 4) for k, v in value.items()], 2))
        elif key == "$defs":
            top.append(_block(key, [_definition(k, v) for k, v in value.items()], 2))
        else:
            top.append(_line(key, value, 2))
    return "{\n" + ",\n".join(top) + "\n}\n"


def _definition(name: str, body: dict[str, Any]) -> str:
    if "properties" not in body and "oneOf" not in body:
        return _line(name, body, 4)
    lines = [_block(k, [_line(pk, pv, 8) for pk, pv in v.items()], 6) if k == "properties" else _line(k, v, 6)
             for k, v in body.items()]
    return _block(name, lines, 4)


def _block(key: str, lines: list[str], indent: int) -> str:
    pad = " " * indent
    return f"{pad}{_compact(key)}: {{\n" + ",\n".join(lines) + f"\n{pad}}}"


def _line(key: str, value: Any, indent: int) -> str:
    return f"{' ' * indent}{_compact(key)}: {_compact(value)}"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
