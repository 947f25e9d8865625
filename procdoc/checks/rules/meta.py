"""procdoc's own findings: stale suppressions and rules that crashed.

Both are produced by the engine (`procdoc.checks.engine`), not by a check
function; they are declared here so they are documented and selectable.
"""

from __future__ import annotations

from procdoc.checks.registry import Fix, Rule, register
from procdoc.diagnostics import Severity
from procdoc.fix.comments import remove_unused_suppression

register(
    Rule(
        "M001", "unused-suppression", "meta",
        "A `# procdoc: ignore[CODE]` comment that silences nothing.",
        "Stale suppressions hide the next real problem on that line and mislead readers.",
        (
            "# Wrong: step 1.2 is no key step, so C001 has nothing to silence\n"
            "name: 记录投诉信息   # procdoc: ignore[C001]\n"
            "# Right: remove the comment, or the code that no longer applies\n"
            "name: 记录投诉信息"
        ),
        Severity.WARNING,
        fix=Fix(remove_unused_suppression),
    )
)
register(
    Rule(
        "M002", "internal-error", "meta",
        "A rule failed on this file; the other rules and files were still checked.",
        "You should never see this: it is a bug in procdoc. The message names the rule and where it failed.",
        "Report the message and the file to the procdoc maintainers; `--ignore CODE` skips the rule meanwhile.",
        Severity.ERROR,
    )
)
