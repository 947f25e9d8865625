"""Repository settings: `procdoc.toml`, or `[tool.procdoc]` in pyproject.toml.

Found by walking up from the first checked path. Anything unknown is an
error, not silence: a misspelt `ignroe` would otherwise quietly do nothing.
"""

from __future__ import annotations

import datetime
import difflib
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from procdoc.errors import UserError
from procdoc.paths import resolved

CONFIG_NAMES = ("procdoc.toml", "pyproject.toml")

_TOP_KEYS = {"paths", "exclude", "org", "processes", "check", "render", "fmt"}
_FMT_KEYS = {"line-length"}
#: the narrowest `fmt.line-length` that leaves room for a key and some text
MIN_LINE_LENGTH = 40
_CHECK_KEYS = {
    "select", "ignore", "extend-select", "extend-ignore", "severity", "per-file-ignores", "options", "strict", "today",
}
_UNIT_KEYS = {"name", "aliases", "kind", "en"}
_UNIT_KINDS = {"external", "department", "role", "system"}
_ENTRY_KEYS = {"name", "en", "status", "category", "level", "parent"}
_ENTRY_CHOICES = {
    "status": ("planned", "draft", "in-review", "approved", "retired"),
    "category": ("strategic", "business", "support"),
    "level": ("L1", "L2", "L3", "L4"),
}
_RENDER_KEYS = {"page-size", "orientation", "docx-template", "theme"}
PAGE_SIZES = ("A4", "A3")
ORIENTATIONS = ("auto", "portrait", "landscape")
THEMES = ("light", "dark", "auto")


SETTINGS_HINT = "fix the setting; docs/check.md lists every setting"


def settings_error(path: str, message: str) -> UserError:
    """A settings file procdoc cannot use: the file, what is wrong, and where to read about it."""
    return UserError(f"{path}: {message}", SETTINGS_HINT)


@dataclass(frozen=True)
class OrgUnit:
    """One entry of the standard name dictionary (标准名称词典)."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "department"
    en: str | None = None

    def names(self) -> tuple[str, ...]:
        return (self.name, *((self.en,) if self.en else ()))


@dataclass(frozen=True)
class CatalogueEntry:
    """One process of the settings' catalogue, written or not (`status = "planned"`)."""

    id: str
    name: str
    en: str | None = None
    status: str | None = None
    category: str | None = None
    level: str | None = None
    parent: str | None = None

    @property
    def planned(self) -> bool:
        return self.status == "planned"


@dataclass(frozen=True)
class CheckConfig:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    strict: bool = False
    today: str | None = None


@dataclass(frozen=True)
class RenderConfig:
    """`[render]` in procdoc.toml: how the site looks and how printed documents (PDF, Word) are laid out.

    `orientation = "auto"` prints the text upright and gives each chart page
    the orientation its chart fits best; `docx_template` is an absolute path;
    `theme` is the site's colours on screen (light, dark, or the reader's own
    setting: auto).
    """

    page_size: str = "A4"
    orientation: str = "auto"
    docx_template: str | None = None
    theme: str = "light"


@dataclass(frozen=True)
class FmtConfig:
    """`[fmt]`: how `procdoc fmt` lays files out."""

    line_length: int = 80


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know about the repository it checks."""

    source: str | None = None
    root: str = "."
    paths: tuple[str, ...] = (".",)
    exclude: tuple[str, ...] = ()
    org: dict[str, OrgUnit] = field(default_factory=dict)
    processes: dict[str, CatalogueEntry] = field(default_factory=dict)
    check: CheckConfig = field(default_factory=CheckConfig)
    render: RenderConfig = field(default_factory=RenderConfig)
    fmt: FmtConfig = field(default_factory=FmtConfig)
    raw_text: str = ""

    @property
    def planned(self) -> dict[str, CatalogueEntry]:
        """The catalogue's processes that are planned, not written yet: references to them only warn."""
        return {key: entry for key, entry in self.processes.items() if entry.planned}


def find_config(start: str) -> str | None:
    """The nearest procdoc.toml (or pyproject.toml with [tool.procdoc]) above `start`."""
    here = resolved(start)
    if here.is_file() or not here.exists():
        here = here.parent
    for directory in (here, *here.parents):
        candidate = directory / "procdoc.toml"
        if _is_file(candidate):
            return str(candidate)
        pyproject = directory / "pyproject.toml"
        if _is_file(pyproject) and _has_tool_section(pyproject):
            return str(pyproject)
    return None


def _is_file(path: Path) -> bool:
    """Whether `path` is a file; a folder that cannot be read has none (check reports the folder itself)."""
    try:
        return path.is_file()
    except PermissionError:
        return False


def _has_tool_section(pyproject: Path) -> bool:
    try:
        return "procdoc" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def load_settings(explicit: str | None, first_path: str = ".") -> Settings:
    path = explicit or find_config(first_path)
    if path is None:
        return Settings()
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as err:
        raise settings_error(path, f"cannot read: {err.strerror}") from None
    except UnicodeDecodeError:
        raise settings_error(path, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as err:
        raise settings_error(path, f"invalid TOML: {err}") from None
    if os.path.basename(path) == "pyproject.toml":
        data = data.get("tool", {}).get("procdoc", {})
    return _settings(path, data, text)


def _settings(path: str, data: dict[str, Any], text: str) -> Settings:
    _known(path, data, _TOP_KEYS, "")
    root = os.path.dirname(os.path.abspath(path))
    check = data.get("check", {})
    _expect(path, check, dict, "[check]")
    _known(path, check, _CHECK_KEYS, "check.")
    return Settings(
        source=path,
        root=root,
        paths=tuple(os.path.join(root, p) for p in _strings(path, data.get("paths", ["."]), "paths")),
        exclude=_strings(path, data.get("exclude", []), "exclude"),
        org=_org(path, data.get("org", {})),
        processes=_catalogue(path, data.get("processes", {})),
        check=CheckConfig(
            select=_strings(path, check.get("select", []), "check.select"),
            ignore=_strings(path, check.get("ignore", []), "check.ignore")
            + _strings(path, check.get("extend-ignore", []), "check.extend-ignore"),
            extend_select=_strings(path, check.get("extend-select", []), "check.extend-select"),
            severity={k: str(v) for k, v in _table(path, check.get("severity", {}), "check.severity").items()},
            per_file_ignores={
                glob: _strings(path, codes, f"check.per-file-ignores.{glob}")
                for glob, codes in _table(path, check.get("per-file-ignores", {}), "check.per-file-ignores").items()
            },
            options={
                k: dict(_table(path, v, f"check.options.{k}"))
                for k, v in _table(path, check.get("options", {}), "check.options").items()
            },
            strict=_boolean(path, check.get("strict", False), "check.strict"),
            today=_date(path, check["today"], "check.today") if "today" in check else None,
        ),
        render=_render(path, root, data.get("render", {})),
        fmt=_fmt(path, data.get("fmt", {})),
        raw_text=text,
    )


def _org(path: str, data: Any) -> dict[str, OrgUnit]:
    units = {}
    for unit_id, unit in _table(path, data, "org").items():
        where = f"org.{unit_id}"
        _expect(path, unit, dict, f"[{where}]")
        _known(path, unit, _UNIT_KEYS, where + ".")
        if not isinstance(unit.get("name"), str) or not unit["name"].strip():
            raise settings_error(path, f"[{where}] needs `name = \"…\"`, the standard name")
        kind = unit.get("kind", "department")
        if kind not in _UNIT_KINDS:
            raise settings_error(path, f"{where}.kind {kind!r} is not one of {', '.join(sorted(_UNIT_KINDS))}")
        units[unit_id] = OrgUnit(
            unit_id, unit["name"], _strings(path, unit.get("aliases", []), where + ".aliases"), kind,
            unit.get("en") if isinstance(unit.get("en"), str) else None,
        )
    return units


def _catalogue(path: str, data: Any) -> dict[str, CatalogueEntry]:
    """`[processes."<ID>"]`: the processes of the architecture, including those not written yet."""
    entries = {}
    for process_id, entry in _table(path, data, "processes").items():
        where = f'processes."{process_id}"'
        _expect(path, entry, dict, f"[{where}]")
        _known(path, entry, _ENTRY_KEYS, where + ".")
        values = {key: _text(path, entry, key, where) for key in _ENTRY_KEYS}
        if values["name"] is None:
            raise settings_error(path, f"[{where}] needs `name = \"…\"`, the process name")
        for key, choices in _ENTRY_CHOICES.items():
            if values[key] is not None and values[key] not in choices:
                close = difflib.get_close_matches(str(values[key]), choices, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise settings_error(path, f"{where}.{key} {values[key]!r} is not one of {', '.join(choices)}{hint}")
        entries[process_id] = CatalogueEntry(process_id, **values)  # type: ignore[arg-type]
    return entries


def _text(path: str, table: dict[str, Any], key: str, where: str) -> str | None:
    value = table.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise settings_error(path, f"`{where}.{key}` must be text")
    return value
def _render(path: str, root: str, data: Any) -> RenderConfig:
    render = _table(path, data, "render")
    _known(path, render, _RENDER_KEYS, "render.")
    template = render.get("docx-template")
    if template is not None and (not isinstance(template, str) or not template.strip()):
        raise settings_error(path, "`render.docx-template` must be the path of a .docx file")
    return RenderConfig(
        page_size=_choice(path, render.get("page-size", "A4"), PAGE_SIZES, "render.page-size"),
        orientation=_choice(path, render.get("orientation", "auto"), ORIENTATIONS, "render.orientation"),
        docx_template=os.path.join(root, template) if template else None,
        theme=_choice(path, render.get("theme", "light"), THEMES, "render.theme"),
    )


def _choice(path: str, value: Any, allowed: tuple[str, ...], where: str) -> str:
    """One of `allowed`, matched without regard to case (A4 or a4), returned as `allowed` spells it."""
    spelt = {choice.lower(): choice for choice in allowed}
    if not isinstance(value, str) or value.lower() not in spelt:
        raise settings_error(path, f"`{where}` is {value!r}; use one of: {', '.join(allowed)}")
    return spelt[value.lower()]


def _fmt(path: str, data: Any) -> FmtConfig:
    _expect(path, data, dict, "[fmt]")
    _known(path, data, _FMT_KEYS, "fmt.")
    length = data.get("line-length", FmtConfig.line_length)
    if isinstance(length, bool) or not isinstance(length, int) or length < MIN_LINE_LENGTH:
        raise settings_error(path, f"`fmt.line-length` must be a whole number of at least {MIN_LINE_LENGTH}")
    return FmtConfig(line_length=length)


def _known(path: str, data: dict[str, Any], allowed: set[str], prefix: str) -> None:
    for key in data:
        if key not in allowed:
            close = difflib.get_close_matches(key, sorted(allowed), n=1)
            hint = f"; did you mean `{prefix}{close[0]}`?" if close else f"; allowed: {', '.join(sorted(allowed))}"
            raise settings_error(path, f"unknown setting `{prefix}{key}`{hint}")


def _expect(path: str, value: Any, kind: type, where: str) -> None:
    if not isinstance(value, kind):
        raise settings_error(path, f"{where} must be a table")


def _table(path: str, value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise settings_error(path, f"`{where}` must be a table")
    return value


def _boolean(path: str, value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise settings_error(path, f"`{where}` must be true or false")
    return value


def _date(path: str, value: Any, where: str) -> str:
    """An ISO date (TOML date or text), returned as YYYY-MM-DD."""
    try:
        return datetime.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise settings_error(path, f"`{where}` must be a date such as 2026-11-25") from None


def _strings(path: str, value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise settings_error(path, f"`{where}` must be a list of strings")
    return tuple(value)
