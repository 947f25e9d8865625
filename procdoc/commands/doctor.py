"""`procdoc doctor`: what this machine has for procdoc, and what to install.

`check` needs only Python; `render` and `export bpmn` also need Graphviz and
the fonts it measures Chinese labels with. Optional engines are looked up
without importing them (WeasyPrint alone takes a second to import).
"""

from __future__ import annotations

import importlib.util
import platform
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

from procdoc import __version__
from procdoc.installhelp import System, detect, install_line

OPTIONAL_ENGINES = (
    ("WeasyPrint", "weasyprint", "PDF manuals", "pip install weasyprint"),
    ("python-docx", "docx", "Word manuals", "pip install python-docx"),
)


@dataclass(frozen=True)
class Finding:
    """One line of the report: what was looked for, what was found, and whether procdoc can do without it."""

    name: str
    found: str
    ok: bool
    needed: bool = True


@dataclass(frozen=True)
class Diagnosis:
    findings: list[Finding]
    system: System | None

    @property
    def missing(self) -> list[Finding]:
        """What rendering needs and this machine lacks."""
        return [f for f in self.findings if f.needed and not f.ok]

    def report(self) -> str:
        width = max(len(f.name) for f in self.findings)
        lines = [f"{_mark(f)} {f.name:<{width}}  {f.found}" for f in self.findings]
        if self.missing:
            names = ", ".join(f.name for f in self.missing)
            lines += ["", f"missing: {names}", f"install: {install_line(self.system)}"]
        else:
            lines += ["", "procdoc can check and render on this machine."]
        return "\n".join(lines) + "\n"


def _mark(finding: Finding) -> str:
    if finding.ok:
        return "ok  "
    return "MISS" if finding.needed else "--  "


def diagnose() -> Diagnosis:
    """Look at this machine: procdoc, Python, Graphviz, fonts, optional engines."""
    findings = [
        Finding("procdoc", __version__, True),
        Finding("Python", f"{platform.python_version()} ({sys.executable})", True),
        graphviz_version(),
        *fonts(),
        *(_engine(*engine) for engine in OPTIONAL_ENGINES),
    ]
    return Diagnosis(findings, detect())


def graphviz_version() -> Finding:
    """`dot -V` (Graphviz prints its version on standard error)."""
    dot = shutil.which("dot")
    if dot is None:
        return Finding("Graphviz", "not found: `dot` is not on PATH (render and export need it)", False)
    ran = subprocess.run([dot, "-V"], capture_output=True, text=True, timeout=30, check=False)
    match = re.search(r"version\s+(\S+)", ran.stderr + ran.stdout)
    version = match.group(1) if match else (ran.stderr or ran.stdout).strip()
    return Finding("Graphviz", f"{version} ({dot})", ran.returncode == 0)


def fonts() -> list[Finding]:
    """The font fontconfig (which Graphviz draws with) picks for each family of the charts' font list.

    The first family (Noto Sans CJK SC) is needed: Graphviz sizes the boxes
    with it. The others are fallbacks for characters it lacks.
    """
    from procdoc.render.diagram import FONT

    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return [Finding("fonts", "cannot tell: fontconfig's `fc-match` is not on PATH", False, needed=False)]
    first, *fallbacks = FONT.split(",")
    return [_font(fc_match, first, needed=True), *(_font(fc_match, f, needed=False) for f in fallbacks)]


def _font(fc_match: str, family: str, needed: bool) -> Finding:
    ran = subprocess.run([fc_match, "--format=%{family[0]}\t%{file}", family], capture_output=True, text=True,
                         timeout=30, check=False)
    got, _, file = ran.stdout.partition("\t")
    name = f"font {family}"
    if got == family or (not needed and got):
        return Finding(name, f"{got} ({file})", True, needed)
    found = f"not installed: fontconfig falls back to {got!r}" if got else "not installed"
    return Finding(name, f"{found} (Chinese labels are measured with the wrong font)", False, needed)


def _engine(name: str, module: str, purpose: str, command: str) -> Finding:
    spec = importlib.util.find_spec(module)
    if spec is None:
        return Finding(name, f"not installed (optional, for {purpose}: {command})", False, needed=False)
    return Finding(name, f"installed, for {purpose} ({spec.origin})", True, needed=False)
