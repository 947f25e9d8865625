"""What an import had to approximate, guess or leave out, said like a check finding.

The codes (B001 …) are listed in docs/import.md; each names the BPMN file
and the line of the element concerned.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from procdoc.diagnostics import Diagnostic, Severity

CODES: dict[str, tuple[str, Severity, str]] = {
    "B001": ("unknown-element", Severity.WARNING, "keep it in mind: it is listed under `x-bpmn-unknown`"),
    "B002": ("unnamed-element", Severity.WARNING, "name it in the YAML file (or in the model and import again)"),
    "B003": ("inclusive-gateway", Severity.WARNING, "check that the exits are really alternatives"),
    "B004": ("complex-gateway", Severity.WARNING, "describe the gateway's rule in the decision's description"),
    "B005": ("event-based-gateway", Severity.INFO, "the exits are labelled with the events that decide"),
    "B006": ("superfluous-gateway", Severity.WARNING, "remove the gateway: it has one way in and one way out"),
    "B007": ("implicit-split", Severity.WARNING, "draw a gateway where the flow splits"),
    "B008": ("implicit-join", Severity.INFO, "draw a gateway where flows meet"),
    "B009": ("duplicate-sequence-flow", Severity.WARNING, "remove the second flow in the model"),
    "B010": ("dangling-flow", Severity.WARNING, "connect the flow to an element of the same process"),
    "B011": ("dangling-data", Severity.WARNING, "link the association to a data object of the process"),
    "B012": ("ad-hoc-sub-process", Severity.INFO, "write the activities as steps if their order matters"),
}
"""code → (name, severity, how to fix it)."""


@dataclass
class Findings:
    """The findings of one BPMN file, in the order they were made."""

    path: str
    found: list[Diagnostic] = field(default_factory=list)

    def add(self, code: str, line: int, message: str) -> None:
        _, severity, hint = CODES[code]
        self.found.append(Diagnostic(self.path, line, 0, code, severity, message, hint))


def describe(diagnostic: Diagnostic) -> str:
    """`file:line: CODE message`, as `procdoc check --format concise` writes a finding."""
    where = f"{diagnostic.path}:{diagnostic.line}" if diagnostic.line else diagnostic.path
    return f"{where}: {diagnostic.code} [{diagnostic.severity.label}] {diagnostic.message}"
