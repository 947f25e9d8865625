"""Process files → `Process` models, or diagnostics that say what to fix.

Three stages, each stopping the file at its first failure kind: read and
parse (yamlsource), validate against the schema, build the model (where
duplicate ids are found). Nothing here raises for bad input.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
import stat
from dataclasses import dataclass, field
from typing import Any

from procdoc import model, schema, yamlsource
from procdoc.diagnostics import Diagnostic, Pos, Severity
from procdoc.yamlsource import SourceError, SourceMap

_PROCESS_MARKER = re.compile(r"^\ufeff?procdoc\s*:", re.MULTILINE)


@dataclass
class Loaded:
    """The outcome of loading one file."""

    path: str
    process: model.Process | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str = ""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def usable(self) -> model.Process | None:
        """The process, if the file loaded without errors: commands that publish skip the others."""
        return self.process if not self.errors else None


def display_path(path: str) -> str:
    """`path` relative to the working directory when it lies below it."""
    relative = os.path.relpath(path)
    return os.path.normpath(path) if relative.startswith("..") else relative


def is_process_text(text: str) -> bool:
    """Cheap test for the top-level `procdoc:` key, without parsing."""
    return _PROCESS_MARKER.search(text) is not None


_TOP_KEY = re.compile(r"^\ufeff?([A-Za-z_][\w-]*)\s*:", re.MULTILINE)


def missing_marker(path: str, text: str) -> Diagnostic | None:
    """For a YAML file without the `procdoc:` key: a finding when it still looks like a process file.

    A misspelt marker (`procdocs: 1`) or the top-level `lanes:` and `steps:`
    of a process mean someone wrote a process that would otherwise be
    skipped without a word; other YAML files (CI settings, mkdocs.yml) are
    none of procdoc's business.
    """
    keys = {match.group(1): match for match in _TOP_KEY.finditer(text)}
    near = difflib.get_close_matches("procdoc", list(keys), n=1, cutoff=0.75)
    if near:
        match = keys[near[0]]
        pos = Pos(text.count("\n", 0, match.start(1)) + 1, 1)
        message = f"`{near[0]}:` is not the process marker, so this file is not read as a process"
        return _error(path, pos, "F003", message, "write `procdoc: 1` (or `procdoc: 1.1`) as its first line")
    if "lanes" in keys and "steps" in keys:
        message = "this file has the `lanes:` and `steps:` of a process but no `procdoc:` key, so it is not checked"
        return _error(path, Pos(1, 1), "F003", message, "add `procdoc: 1` as its first line")
    return None


def read_bytes(path: str) -> tuple[bytes | None, Diagnostic | None]:
    """The file's bytes, or why it cannot be read; never blocks on a pipe or device."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            return None, _error(path, Pos(0, 0), "F002", "is a directory, not a process file", "rename it")
        if not stat.S_ISREG(info.st_mode):
            message = "is not a regular file (a named pipe, socket or device)"
            return None, _error(path, Pos(0, 0), "F002", message, "process files are plain files")
        with open(path, "rb") as handle:
            return handle.read(yamlsource.MAX_BYTES + 1), None
    except OSError as err:
        message = f"cannot read the file: {err.strerror}"
        return None, _error(path, Pos(0, 0), "F002", message, "check the path and permissions")


def read_file(path: str) -> tuple[str | None, Diagnostic | None]:
    """Text of `path`, or the diagnostic explaining why it cannot be read."""
    raw, problem = read_bytes(path)
    if raw is None:
        return None, problem
    return decode_bytes(path, raw)


def decode_bytes(path: str, raw: bytes) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 text of a file's bytes, or the diagnostic saying why it is not."""
    try:
        return yamlsource.decode(raw), None
    except SourceError as err:
        return None, _error(path, err.pos, err.code, err.message, err.hint)


def load_file(path: str) -> Loaded:
    text, problem = read_file(path)
    if problem is not None or text is None:
        return Loaded(path, None, [problem] if problem else [])
    return load_text(text, path)


def load_text(text: str, path: str = "<text>") -> Loaded:
    """Parse, validate and build one process from its text."""
    try:
        data, where = yamlsource.load(text)
    except SourceError as err:
        return Loaded(path, None, [_error(path, err.pos, err.code, err.message, err.hint)], text)
    if not isinstance(data, dict) or "procdoc" not in data:
        message = "not a process file: the top level has no `procdoc:` key"
        return Loaded(path, None, [_error(path, Pos(1, 1), "F003", message, "start the file with `procdoc: 1`")], text)
    problems = schema.validate(data)
    if problems:
        return Loaded(path, None, [_from_problem(path, p, where) for p in problems], text)
    builder = _Builder(path, where)
    process = builder.process(data)
    process.source_lines = tuple(text.splitlines())
    return Loaded(path, process, builder.diagnostics, text)


def _error(path: str, pos: Pos, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, pos.line, pos.column, code, Severity.ERROR, message, hint)


def _from_problem(path: str, problem: schema.Problem, where: SourceMap) -> Diagnostic:
    pos = where.key(problem.path) if problem.at_key else where.value(problem.path)
    return _error(path, pos, problem.code, problem.message, problem.hint)


class _Builder:
    """Valid data → model objects with positions; reports duplicate ids."""

    def __init__(self, path: str, where: SourceMap) -> None:
        self.path = path
        self.where = where
        self.diagnostics: list[Diagnostic] = []

    def _at(self, mapping: dict[str, Any]) -> dict[str, Pos]:
        """Where each field's value stood, list items as `key.0`, `key.1`… (the source map keeps them so)."""
        return self.where.of_mapping(mapping)[0]

    def _make(self, cls: type, mapping: dict[str, Any], pos: Pos, **overrides: Any) -> Any:
        fields = {k: v for k, v in mapping.items() if not k.startswith("x-")}
        fields.update(overrides)
        return cls(**fields, pos=pos, at=self._at(mapping))

    def _items(self, cls: type, items: list[dict[str, Any]] | None) -> list[Any]:
        if not items:
            return []
        return [self._make(cls, item, pos) for item, pos in zip(items, self.where.of_list(items), strict=True)]

    def _list(self, cls: type, data: dict[str, Any], key: str, noun: str) -> list[Any]:
        items = self._items(cls, data.get(key))
        self._unique_ids(items, noun)
        return items

    def _unique_ids(self, items: list[Any], noun: str) -> None:
        seen: dict[str, Pos] = {}
        for item in items:
            first = seen.setdefault(item.id, item.pos)
            if first is not item.pos:
                self.diagnostics.append(
                    _error(
                        self.path,
                        item.where("id"),
                        "F008",
                        f"duplicate {noun} id '{item.id}' (first defined at line {first.line})",
                        f"give each {noun} its own id",
                    )
                )

    def _real_dates(self, data: dict[str, Any]) -> None:
        """The schema checks the YYYY-MM-DD form; this refuses dates such as 2026-02-30."""
        dated = [(data, "effective")] + [(rev, "date") for rev in data.get("revisions") or []]
        for mapping, key in dated:
            value = mapping.get(key)
            if value is None:
                continue
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                pos = self.where.of_mapping(mapping)[0].get(key, Pos(1, 1))
                self.diagnostics.append(
                    _error(
                        self.path,
                        pos,
                        "F009",
                        f"'{key}' {value!r} is not a real date",
                        "write an existing date as YYYY-MM-DD",
                    )
                )

    def _format_version(self, data: dict[str, Any], steps: list[model.Step]) -> None:
        """Joins, several targets on a decision exit, a start's own trigger and segment SLAs are format 1.1:
        a file using them says so, so that readers (and older procdoc) know what to expect."""
        if str(data["procdoc"]) != "1":
            return
        newer = [(step.where("type"), "`type: join`") for step in steps if step.type == "join"]
        newer += [(step.where("trigger"), "a step's own `trigger:`") for step in steps if step.trigger is not None]
        newer += [(b.where("next"), "a list of steps on one exit") for step in steps for b in step.branches
                  if "next.0" in b.at]
        if isinstance(data.get("sla"), list):
            newer.append((self._pos(data, "sla"), "`sla` as a list of segments"))
        if newer:
            pos, what = min(newer, key=lambda item: (item[0].line, item[0].column))
            message = f"{what} is format 1.1, but the file says `procdoc: 1`"
            hint = "write `procdoc: 1.1` at the top of the file"
            self.diagnostics.append(_error(self.path, pos, "F003", message, hint))

    def process(self, data: dict[str, Any]) -> model.Process:
        self._real_dates(data)
        positions = self.where.of_list(data["steps"])
        steps = [self._step(step, pos) for step, pos in zip(data["steps"], positions, strict=True)]
        self._unique_ids(steps, "step")
        self._format_version(data, steps)
        fields = {k: v for k, v in data.items() if not k.startswith("x-") and k != "procdoc"}
        fields.update(
            lanes=self._list(model.Lane, data, "lanes", "lane"),
            phases=self._list(model.Phase, data, "phases", "phase"),
            documents=self._list(model.Document, data, "documents", "document"),
            records=self._list(model.Record, data, "records", "record"),
            emergencies=self._list(model.Emergency, data, "emergencies", "emergency")
            if "emergencies" in data and data["emergencies"] is not None
            else None,
            steps=steps,
            outputs=self._items(model.Output, data.get("outputs")),
            kpis=self._items(model.Kpi, data.get("kpis")),
            revisions=self._items(model.Revision, data.get("revisions")),
            glossary=self._items(model.Term, data.get("glossary")),
            trigger=self._make(model.Trigger, data["trigger"], self._pos(data, "trigger"))
            if data.get("trigger")
            else None,
            references=list(data.get("references") or []),
            sla=self._slas(data),
        )
        return model.Process(path=self.path, **fields, pos=Pos(1, 1), at=self._at(data))

    def _slas(self, data: dict[str, Any]) -> list[model.Sla]:
        """`sla` as text (the whole process) or as a list of segments, both as a list of Sla."""
        sla = data.get("sla")
        if isinstance(sla, str):
            pos = self._pos(data, "sla")
            return [model.Sla(sla, pos=pos, at={"limit": pos})]
        items = sla or []
        return [
            model.Sla(item["limit"], item["name"], item.get("from"), item.get("to"), pos=pos, at=self._at(item))
            for item, pos in zip(items, self.where.of_list(items), strict=True)
        ]

    def _pos(self, mapping: dict[str, Any], key: str) -> Pos:
        return self.where.of_mapping(mapping)[0].get(key, Pos(1, 1))

    def _step(self, data: dict[str, Any], pos: Pos) -> model.Step:
        raci = data.get("raci")
        control = data.get("control")
        nxt = data.get("next")
        branches = data.get("branches") or []
        return self._make(
            model.Step,
            data,
            pos,
            next=[nxt] if isinstance(nxt, str) else list(nxt or []),
            key=bool(data.get("key")),
            branches=[self._branch(b, pos) for b, pos in zip(branches, self.where.of_list(branches), strict=True)],
            raci=self._raci(raci, self._pos(data, "raci")) if raci is not None else None,
            control=self._make(model.Control, control, self._pos(data, "control")) if control is not None else None,
        )

    def _branch(self, data: dict[str, Any], pos: Pos) -> model.Branch:
        targets = data["next"]
        return self._make(model.Branch, data, pos, next=[targets] if isinstance(targets, str) else list(targets))

    def _raci(self, data: dict[str, Any], pos: Pos) -> model.Raci:
        parties = {k: [v] if isinstance(v, str) else list(v or []) for k, v in data.items() if not k.startswith("x-")}
        return self._make(model.Raci, data, pos, **parties)
