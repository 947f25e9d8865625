"""procdoc's check results as JSON: diagnostics, findings and process skeletons.

Used for the cache (JSON, never pickle: a cache folder committed by someone
else must not be able to run code) and to carry skeletons from workers as
text that can be hashed and stored without encoding twice.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from typing import Any

from procdoc import model
from procdoc.checks import suppress
from procdoc.checks.engine import Raw
from procdoc.diagnostics import Diagnostic, Pos, Severity

_MODEL_TYPES = {
    cls.__name__: cls
    for cls in (model.Process, model.Step, model.Lane, model.Trigger, model.Output, model.Branch, model.Raci,
                model.Control, model.Revision, model.Emergency)
}


def diagnostic_to_json(d: Diagnostic) -> list[Any]:
    return [d.line, d.column, d.code, int(d.severity), d.message, d.hint]


def diagnostic_from_json(path: str, data: list[Any]) -> Diagnostic:
    line, column, code, severity, message, hint = data
    return Diagnostic(path, line, column, code, Severity(severity), message, hint)


def raw_to_json(raw: list[Raw]) -> list[Any]:
    return [[diagnostic_to_json(d), list(anchor) if anchor else None] for d, anchor in raw]


def raw_from_json(path: str, data: list[Any]) -> list[Raw]:
    return [(diagnostic_from_json(path, d), Pos(*anchor) if anchor else None) for d, anchor in data]


def comments_to_json(comments: list[suppress.Suppression]) -> list[Any]:
    return [[list(c.pos), list(c.codes), c.whole_file] for c in comments]


def comments_from_json(data: list[Any]) -> list[suppress.Suppression]:
    return [suppress.Suppression(Pos(*pos), tuple(codes), whole) for pos, codes, whole in data]


def skeleton_to_text(process: model.Process | None) -> str:
    return "" if process is None else json.dumps(_encode(process), ensure_ascii=False, separators=(",", ":"))


def skeleton_from_text(text: str, path: str) -> model.Process | None:
    return _decode(json.loads(text), path) if text else None


@functools.cache
def _defaults(cls: type) -> dict[str, Any]:
    """Each field's default, so only what differs from it is stored."""
    found = {}
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            found[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            found[f.name] = f.default_factory()
    return found


def _encode(value: Any) -> Any:
    """Model objects → compact JSON: type tag, non-default fields, positions as pairs."""
    if isinstance(value, tuple):  # Pos
        return list(value)
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    defaults = _defaults(type(value))
    out: dict[str, Any] = {"__t": type(value).__name__}
    for f in dataclasses.fields(value):
        item = getattr(value, f.name)
        if f.name == "source_lines" or (f.name in defaults and item == defaults[f.name]):
            continue
        out[f.name] = {k: list(v) for k, v in item.items()} if f.name == "at" else _encode(item)
    return out


def _decode(value: dict[str, Any], path: str) -> Any:
    """Compact JSON → model object; only dicts (objects) and lists of them recurse."""
    cls = _MODEL_TYPES[value["__t"]]
    fields: dict[str, Any] = {}
    for key, item in value.items():
        kind = item.__class__
        if key == "__t":
            continue
        if key == "pos":
            fields[key] = Pos(*item)
        elif key == "at":
            fields[key] = {k: Pos(*v) for k, v in item.items()}
        elif kind is dict:
            fields[key] = _decode(item, path)
        elif kind is list:
            fields[key] = [_decode(v, path) if v.__class__ is dict else v for v in item]
        else:
            fields[key] = item
    if cls is model.Process:
        fields["path"] = path
    return cls(**fields)
