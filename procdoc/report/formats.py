"""The output formats of `procdoc check`, one small class each.

Every reporter sorts the diagnostics the same way (file, line, column, code)
so that reports are deterministic whatever order the rules ran in. The
line-oriented formats (text, concise, github) differ only in how one
diagnostic becomes lines; the document formats (json, sarif, junit) build one
structure and serialise it with the standard library, which does the
escaping. What several formats need — rule names, counts, the summary line,
the message with its hint — is defined once below.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import xml.etree.ElementTree as ET
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote

from procdoc.checks.registry import Rule
from procdoc.diagnostics import Diagnostic, Severity
from procdoc.hiddenchars import HIDDEN_CLASS, as_escape
from procdoc.report import Reporter, RunInfo
from procdoc.textwidth import columns

HOMEPAGE = "https://procdoc.dev"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_NOUNS = {
    Severity.ERROR: ("error", "errors"),
    Severity.WARNING: ("warning", "warnings"),
    Severity.INFO: ("info message", "info messages"),
}


def doc_url(rule: Rule) -> str:
    """Where the rule is documented: its section of docs/rules.md, published."""
    return f"{HOMEPAGE}/rules#{rule.anchor}"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def one_line(text: str) -> str:
    """`text` with line breaks and other control characters shown as escapes (\\n, \\x1b).

    Messages quote the user's text; a name with a line break must not split
    a one-line-per-finding report.
    """
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (shown as escapes instead)."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def full_message(diagnostic: Diagnostic) -> str:
    """The message and, on its own line, the fix hint (for formats with one text field)."""
    return f"{diagnostic.message}\nhelp: {diagnostic.hint}" if diagnostic.hint else diagnostic.message


def _plural(count: int, forms: tuple[str, str]) -> str:
    return f"{count} {forms[0] if count == 1 else forms[1]}"


def summary(diagnostics: Sequence[Diagnostic], run: RunInfo) -> str:
    """The last line of a line report: how bad, how widespread, out of how many files."""
    checked = _plural(len(run.files), ("file", "files")) + " checked"
    if not diagnostics:
        return f"All checks passed ({checked})."
    by_severity = Counter(d.severity for d in diagnostics)
    found = ", ".join(_plural(by_severity[s], _NOUNS[s]) for s in sorted(by_severity, reverse=True))
    files = _plural(len({d.path for d in diagnostics}), ("file", "files"))
    return f"Found {found} in {files} ({checked})."


def counts_by_rule(diagnostics: Sequence[Diagnostic]) -> list[tuple[str, int]]:
    """(code, count) per rule that fired, most frequent first, then by code."""
    return sorted(Counter(d.code for d in diagnostics).items(), key=lambda item: (-item[1], item[0]))


def statistics_table(diagnostics: Sequence[Diagnostic], run: RunInfo) -> list[str]:
    """Aligned rows of code, rule name and count."""
    rows = [(code, run.rules[code].name, str(count)) for code, count in counts_by_rule(diagnostics)]
    if not rows:
        return []
    name_width = max(len(name) for _, name, _ in rows)
    count_width = max(len(count) for _, _, count in rows)
    return [f"{code}  {name:<{name_width}}  {count:>{count_width}}" for code, name, count in rows]


cells = columns


class _Report(ABC):
    """Sorts, then formats: subclasses only say how."""

    name: ClassVar[str]

    def render(self, diagnostics: Sequence[Diagnostic], run: RunInfo) -> str:
        return self.format(sorted(diagnostics, key=lambda d: d.sort_key), run)

    @abstractmethod
    def format(self, diagnostics: list[Diagnostic], run: RunInfo) -> str: ...


class _Lines(_Report):
    """Some lines per diagnostic, the per-rule counts when asked, then the summary."""

    def format(self, diagnostics: list[Diagnostic], run: RunInfo) -> str:
        lines = [line for diagnostic in diagnostics for line in self.entry(diagnostic, run)]
        if run.statistics:
            lines += statistics_table(diagnostics, run)
        lines.append(summary(diagnostics, run))
        return "\n".join(lines) + "\n"

    @abstractmethod
    def entry(self, diagnostic: Diagnostic, run: RunInfo) -> list[str]: ...


class TextReporter(_Lines):
    """For people: the source line with a caret under the place, and the fix."""

    name = "text"

    def entry(self, diagnostic: Diagnostic, run: RunInfo) -> list[str]:
        d = diagnostic
        lines = [f"{d.location()}: {d.code} [{d.severity.label}] {one_line(d.message)}"]
        excerpt = _excerpt(d, run.sources.get(d.path, ()))
        lines += excerpt
        if d.hint:
            gutter = " " * (len(str(d.line)) if excerpt else 1)
            lines.append(f"{gutter} = help: {one_line(d.hint)}")
        return [*lines, ""]


def _excerpt(d: Diagnostic, source: Sequence[str]) -> list[str]:
    """The offending line in a numbered gutter, and a caret line under the column."""
    if not 1 <= d.line <= len(source):
        return []
    line = source[d.line - 1].replace("\t", " ")
    start = min(max(d.column, 1), len(line) + 1) - 1
    end = d.end_column - 1 if d.end_line == d.line and d.end_column > d.column else start + 1
    number = str(d.line)
    gutter = " " * len(number)
    caret = " " * cells(line[:start]) + "^" * max(cells(line[start:end]), 1)
    return [f"{gutter} |", f"{number} | {line}".rstrip(), f"{gutter} | {caret}"]


class ConciseReporter(_Lines):
    """One line per diagnostic, for grep and editors' quickfix lists."""

    name = "concise"

    def entry(self, diagnostic: Diagnostic, run: RunInfo) -> list[str]:
        return [f"{diagnostic.location()}: {diagnostic.code} {one_line(diagnostic.message)}"]


class GithubReporter(_Lines):
    """GitHub Actions workflow commands: each diagnostic becomes an annotation on the file."""

    name = "github"

    def entry(self, diagnostic: Diagnostic, run: RunInfo) -> list[str]:
        d = diagnostic
        properties = {"file": d.path.replace(os.sep, "/")}
        if d.line:
            properties.update(line=str(d.line), col=str(max(d.column, 1)))
        if d.end_line:
            properties.update(endLine=str(d.end_line), endColumn=str(d.end_column))
        properties["title"] = f"{d.code} {run.rules[d.code].name}"
        fields = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
        return [f"::{GITHUB_COMMANDS[d.severity]} {fields}::{escape_data(full_message(d))}"]


#: what a log must not carry raw: control characters (terminal escapes, line breaks the runner does
#: not encode) and characters that hide or reorder text; line feed and carriage return are encoded
_UNSAFE_IN_LOG = re.compile(f"[\\x00-\\x09\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u2028\\u2029{HIDDEN_CLASS}]")


def escape_data(text: str) -> str:
    """Escape a workflow command's message as the Actions runner expects; show hidden characters as escapes."""
    shown = _UNSAFE_IN_LOG.sub(as_escape, text)
    return shown.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value, which also ends at ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class JsonReporter(_Report):
    """A JSON array of diagnostics; with --statistics, an array of per-rule counts instead."""

    name = "json"

    def format(self, diagnostics: list[Diagnostic], run: RunInfo) -> str:
        if run.statistics:
            items = [
                {"code": code, "name": run.rules[code].name, "count": count}
                for code, count in counts_by_rule(diagnostics)
            ]
        else:
            items = [self.item(d, run.rules[d.code]) for d in diagnostics]
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"

    @staticmethod
    def item(d: Diagnostic, rule: Rule) -> dict[str, Any]:
        return {
            "path": d.path, "line": d.line, "column": d.column, "end_line": d.end_line, "end_column": d.end_column,
            "code": d.code, "name": rule.name, "severity": d.severity.label, "message": d.message, "hint": d.hint,
            "url": doc_url(rule),
        }


class SarifReporter(_Report):
    """SARIF 2.1.0 with what GitHub code scanning needs to show and track alerts."""

    name = "sarif"

    def format(self, diagnostics: list[Diagnostic], run: RunInfo) -> str:
        root = Path(os.path.abspath(run.root))
        codes = sorted({d.code for d in diagnostics})
        seen: Counter[str] = Counter()
        results = [self.result(d, codes.index(d.code), root, seen) for d in diagnostics]
        driver = {
            "name": "procdoc", "informationUri": HOMEPAGE, "semanticVersion": run.version, "version": run.version,
            "rules": [self.descriptor(run.rules[code]) for code in codes],
        }
        root_uri = root.as_uri().rstrip("/") + "/"
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": driver},
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root_uri}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }],
        }
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"

    @staticmethod
    def descriptor(rule: Rule) -> dict[str, Any]:
        """The rule as a SARIF reportingDescriptor: GitHub shows these texts on every alert."""
        return {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": f"{rule.summary} {unwrap(rule.why)}"},
            "help": {
                "text": f"Why is this bad? {unwrap(rule.why)}\n\nExample:\n{rule.example}",
                "markdown": f"**Why is this bad?** {rule.why}\n\n**Example**\n\n```yaml\n{rule.example}\n```",
            },
            "helpUri": doc_url(rule),
            "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
            "properties": {"tags": [rule.family]},
        }

    @staticmethod
    def result(d: Diagnostic, index: int, root: Path, seen: Counter[str]) -> dict[str, Any]:
        location = artifact_location(d.path, root)
        digest = hashlib.sha256(f"{d.code}\0{location['uri']}\0{d.message}".encode()).hexdigest()
        seen[digest] += 1
        return {
            "ruleId": d.code,
            "ruleIndex": index,
            "level": SARIF_LEVELS[d.severity],
            "message": {"text": full_message(d)},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": region(d)}}],
            "partialFingerprints": {"procdoc/v1": f"{digest}:{seen[digest]}"},
        }


def unwrap(prose: str) -> str:
    """Join the lines of each paragraph: rule texts are wrapped in the source, SARIF viewers wrap themselves."""
    return re.sub(r"(?<!\n)\n(?!\n)", " ", prose)


def artifact_location(path: str, root: Path) -> dict[str, str]:
    """A percent-encoded URI relative to %SRCROOT%, or an absolute file URI for a file outside it."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": "%SRCROOT%"}


def region(d: Diagnostic) -> dict[str, int]:
    """SARIF positions are 1-based like ours; a file-level finding points at line 1."""
    found = {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)}
    if d.end_line >= d.line > 0:
        found.update(endLine=d.end_line, endColumn=max(d.end_column, 1))
    return found


class JunitReporter(_Report):
    """JUnit XML for GitLab and Jenkins test reports.

    One testsuite "procdoc"; a passing testcase for each clean file and one
    failing testcase per diagnostic (classname: the file). One failure per
    testcase because Jenkins shows only the first failure of a testcase and
    GitLab mangles several.
    """

    name = "junit"

    def format(self, diagnostics: list[Diagnostic], run: RunInfo) -> str:
        suite = ET.Element("testsuite", name="procdoc")
        by_path: dict[str, list[Diagnostic]] = {}
        for d in diagnostics:
            by_path.setdefault(d.path, []).append(d)
        for path in sorted({*run.files, *by_path}):
            found = by_path.get(path, [])
            if not found:
                safe = xml_safe(path)
                ET.SubElement(suite, "testcase", name=safe, classname=safe, file=safe)
            for d in found:
                self.add_failure(suite, d, run)
        counts = {"tests": str(len(suite)), "failures": str(len(diagnostics)), "errors": "0", "skipped": "0"}
        suite.attrib.update(counts)
        suites = ET.Element("testsuites", {"name": "procdoc", **counts})
        suites.append(suite)
        ET.indent(suites)
        return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"

    @staticmethod
    def add_failure(suite: ET.Element, d: Diagnostic, run: RunInfo) -> None:
        path = xml_safe(d.path)
        name = xml_safe(f"{d.code} {run.rules[d.code].name} at {d.location()}")
        case = ET.SubElement(suite, "testcase", name=name, classname=path, file=path, line=str(d.line))
        failure = ET.SubElement(case, "failure", message=xml_safe(f"{d.code} {d.message}"), type=d.severity.label)
        failure.text = xml_safe("\n".join(TextReporter().entry(d, run)).rstrip("\n"))


REPORTERS: dict[str, type[Reporter]] = {
    reporter.name: reporter
    for reporter in (TextReporter, ConciseReporter, JsonReporter, SarifReporter, GithubReporter, JunitReporter)
}
