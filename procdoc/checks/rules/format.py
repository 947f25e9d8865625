"""Format: problems the loader finds before any rule can run.

These codes are produced by `procdoc.loader`; they are declared here so that
`procdoc rules` and docs/rules.md document them like every other rule. They
cannot be switched off: a file that cannot be read cannot be checked.
"""

from __future__ import annotations

from procdoc.checks.registry import Rule, register
from procdoc.diagnostics import Severity


def _declare(code: str, name: str, summary: str, why: str, example: str) -> None:
    register(Rule(code, name, "format", summary, why, example, Severity.ERROR))


_declare(
    "F001", "yaml-syntax", "The file is not valid YAML.",
    "Nothing in a file with a syntax error can be read, so nothing in it is checked.",
    "# Wrong: a value with ': ' must be quoted\nname: Step: record\n# Right\nname: \"Step: record\"",
)
_declare(
    "F002", "unreadable-file", "The file cannot be read as UTF-8 text.",
    "procdoc reads UTF-8 text; other encodings, binary files and unreadable paths cannot be checked.",
    "Save the file as UTF-8 (most editors: File → Save with Encoding → UTF-8).",
)
_declare(
    "F003", "format-version",
    "The file is not a process of a format version procdoc knows, or uses format 1.1 while saying `procdoc: 1`.",
    "Every process file starts with `procdoc: 1` (or `procdoc: 1.1`) so that procdoc and people know what it is. "
    "Joins, a list of steps on a decision exit, a start step's own `trigger:` and segment SLAs are format 1.1: "
    "a file that uses them says `procdoc: 1.1`, so that an older procdoc refuses it plainly instead of misreading it.",
    "# Wrong: a format version procdoc does not know\nprocdoc: 2\nid: QM-07\n# Right\nprocdoc: 1.1\nid: QM-07",
)
_declare(
    "F004", "wrong-type", "A value has the wrong type (a list where text belongs, …).",
    "procdoc cannot guess what a mistyped value means.",
    "# Wrong\nlane: [marketing]\n# Right\nlane: marketing",
)
_declare(
    "F005", "unknown-key", "A key the format does not define (often a typo).",
    "A misspelt key is silently ignored by people and tools: `nxt:` would leave the step with no successor.",
    "# Wrong\nnxt: \"1.3\"\n# Right\nnext: \"1.3\"\n# Your own data: prefix the key with x-\nx-cost-centre: 4711",
)
_declare(
    "F006", "missing-key", "A required key is missing or a required list is empty.",
    "A process needs at least an id, a name, lanes and steps; each element needs its id and name.",
    "# Wrong: a step without its name\nsteps:\n  - id: \"1.1\"\n"
    "# Right\nsteps:\n  - id: \"1.1\"\n    name: 客户提出质量投诉",
)
_declare(
    "F007", "duplicate-key", "The same key appears twice in one mapping.",
    "YAML keeps only the last value, so the first is lost without a word.",
    "# Wrong\nname: A\nname: B\n# Right\nname: B",
)
_declare(
    "F008", "duplicate-id", "Two steps (lanes, phases, documents, records, emergencies) share an id.",
    "References by id become ambiguous: which step does `next: \"1.2\"` mean?",
    "# Wrong: two steps 3.9\n- id: \"3.9\"\n  name: 查询库存\n- id: \"3.9\"\n  name: 有库存？\n"
    "# Right: each step its own id\n- id: \"3.9\"\n  name: 查询库存\n- id: \"3.10\"\n  name: 有库存？",
)
_declare(
    "F009", "invalid-value", "A value is not one of the allowed choices or not in the required form.",
    "Values such as status, step type and dates drive rules and rendering; a typo would silently change them.",
    "# Wrong\nstatus: aproved\n# Right\nstatus: approved",
)
_declare(
    "F010", "unsafe-yaml", "A YAML tag or key form procdoc does not accept.",
    "Tags such as !!python/object could construct objects; procdoc reads plain data only.",
    "# Wrong\nname: !!python/object:os.system x\n# Right\nname: 记录投诉信息",
)
_declare(
    "F011", "too-large", "The file is too large, too deeply nested or expands too far (alias bomb).",
    "Such files are either mistakes or attacks; refusing them keeps procdoc fast and safe.",
    "Split a very large process into sub-processes (type: subprocess).",
)
