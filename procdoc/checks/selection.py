"""Which rules run, at what severity, for which file (ruff's model).

Selectors are `ALL`, a code or code prefix (`S`, `S00`, `S001`), a family
(`structure`) or a rule name (`dead-end`). The CLI's `--select` replaces the
configured `select`; `--ignore` adds to `ignore`.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from procdoc.checks.registry import Rule
from procdoc.config import CheckConfig
from procdoc.diagnostics import Severity
from procdoc.errors import UserError


def _selection_error(message: str) -> UserError:
    return UserError(message, "fix the setting or the option; `procdoc rules` lists every rule")


@dataclass(frozen=True)
class Selection:
    enabled: frozenset[str]
    severity: Mapping[str, Severity]
    per_file_ignores: Mapping[str, frozenset[str]] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def active_for(self, path: str) -> frozenset[str]:
        """Codes enabled for `path` once per-file ignores are applied."""
        ignored: set[str] = set()
        normal = path.replace(os.sep, "/")
        for pattern, codes in self.per_file_ignores.items():
            if fnmatch.fnmatch(normal, pattern) or fnmatch.fnmatch(os.path.basename(normal), pattern):
                ignored |= codes
        return self.enabled - ignored


def expand(selector: str, rules: Mapping[str, Rule]) -> set[str]:
    """Codes a selector stands for; SelectionError when it names nothing."""
    wanted = selector.strip()
    if wanted.upper() == "ALL":
        return set(rules)
    codes = {c for c in rules if c.startswith(wanted.upper())}
    codes |= {c for c, r in rules.items() if wanted.lower() in (r.family, r.name)}
    if not codes:
        raise _selection_error(f"unknown rule or selector {selector!r}: see `procdoc rules`")
    return codes


def _expand_all(selectors: Iterable[str], rules: Mapping[str, Rule]) -> set[str]:
    codes: set[str] = set()
    for selector in selectors:
        codes |= expand(selector, rules)
    return codes


def resolve(
    config: CheckConfig,
    rules: Mapping[str, Rule],
    cli_select: Iterable[str] = (),
    cli_ignore: Iterable[str] = (),
    cli_extend_select: Iterable[str] = (),
) -> Selection:
    cli_select = list(cli_select)
    base = cli_select or list(config.select) or ["ALL"]
    enabled = _expand_all(base, rules) | _expand_all((*config.extend_select, *cli_extend_select), rules)
    enabled -= _expand_all((*config.ignore, *cli_ignore), rules)
    severity = {}
    for selector, level in config.severity.items():
        try:
            parsed = Severity.parse(level)
        except ValueError as err:
            raise _selection_error(f"check.severity.{selector}: {err}") from None
        severity.update(dict.fromkeys(expand(selector, rules), parsed))
    per_file = {glob: frozenset(_expand_all(codes, rules)) for glob, codes in config.per_file_ignores.items()}
    return Selection(frozenset(enabled), severity, per_file, _options(config.options, rules))


def _same_kind(value: Any, default: Any) -> bool:
    """True when `value` can stand for `default`: ints and floats mix, booleans are not numbers."""
    if isinstance(value, bool) or isinstance(default, bool):
        return type(value) is type(default)
    if isinstance(value, (int, float)) and isinstance(default, (int, float)):
        return True
    return type(value) is type(default)


def _options(configured: Mapping[str, Mapping[str, Any]], rules: Mapping[str, Rule]) -> dict[str, dict[str, Any]]:
    """Each rule's defaults, overridden by `[check.options.CODE-or-name]`."""
    options = {code: dict(rule.options) for code, rule in rules.items()}
    for selector, values in configured.items():
        codes = expand(selector, rules)
        if len(codes) != 1:
            raise _selection_error(f"check.options.{selector}: name one rule (a code such as X001 or its name)")
        code = codes.pop()
        for key, value in values.items():
            if key not in options[code]:
                known = ", ".join(options[code]) or "none"
                message = f"check.options.{selector}: rule {code} has no option {key!r} (options: {known})"
                raise _selection_error(message)
            if not _same_kind(value, options[code][key]):
                kind = type(options[code][key]).__name__
                raise _selection_error(f"check.options.{selector}.{key} must be of type {kind}")
            options[code][key] = value
    return options
