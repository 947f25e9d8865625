"""Governance: versions, approval, periodic review, and retired processes.

A process standard is version-controlled (V1.0 → V1.1 → V2.0): every revision
records date, changes, author and approver, and a standard is issued only
after review and sign-off. Processes are reviewed on a cycle (`review_every`)
and a retired process must no longer be used (受控文件: ISO 9001 7.5.3).

The review clock of a process in force (status approved) starts at its latest
revision date or its `effective` date, whichever is later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from functools import partial
from typing import Any

from procdoc.checks.context import Context, RepoContext
from procdoc.checks.registry import Finding, Fix, repo_rule, rule
from procdoc.checks.summary import ProcessSummary
from procdoc.checks.wording import PLACEHOLDER_WORDS, placeholder_test
from procdoc.diagnostics import Pos, Severity
from procdoc.fix.edits import latest_revision, sort_list
from procdoc.fix.site import Site, put
from procdoc.model import Process, Step
from procdoc.timeparse import PERIOD_FORMS, parse_period


def _date(text: str | None) -> date | None:
    """A YYYY-MM-DD date, or None for one that does not exist (2026-02-30)."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _version_from_revisions(site: Site) -> bool:
    """`version` set to the latest revision's: right when the cover was not updated, wrong when a
    revision was not recorded (so fixing G003 is unsafe; adding a missing version, G002, is not)."""
    latest = latest_revision(site.document)
    version = latest.get("version") if latest is not None else None
    if not isinstance(version, str) or site.document.get("version") == version:
        return False
    put(site.document, "version", version)
    return True


def _revisions_by_date(site: Site) -> bool:
    """The revisions sorted oldest first, when every date is a real date."""
    revisions = site.document.get("revisions")
    if not isinstance(revisions, list) or not all(isinstance(r, dict) for r in revisions):
        return False
    dates = [_date(str(revision.get("date") or "")) for revision in revisions]
    if None in dates:
        return False
    return sort_list(revisions, key=lambda revision: _date(str(revision.get("date"))))


def _last_reviewed(process: Process) -> tuple[date, str] | None:
    """The later of the latest revision date and `effective`, and which one it was."""
    dated = [(d, f"revision {r.version}") for r in process.revisions if (d := _date(r.date))]
    effective = _date(process.effective)
    if effective:
        dated.append((effective, "effective date"))
    return max(dated, default=None)


@rule(
    "G001", "no-revision-history", family="governance",
    summary="The process has no revision history (`revisions`).",
    why="""
The revision history shows what changed, when, by whom and who approved it.
Without it an auditor cannot tell which version is in force or whether it
was ever signed off.
""",
    example="""
# Wrong: no `revisions:`
# Right
revisions:
  - version: "1.0"
    date: 2026-01-15
    author: 张三
    approved_by: 李四
    changes: 首次发布
""",
    severity=Severity.WARNING,
)
def no_revision_history(process: Process, ctx: Context) -> Iterator[Finding]:
    if not process.revisions:
        yield Finding(
            process.where("revisions") if "revisions" in process.at else process.where("id"),
            f"process {process.id} '{process.name}' has no revision history",
            "add `revisions:` with at least the first release: version, date, author, approved_by, changes",
        )


@rule(
    "G002", "no-version", family="governance",
    summary="The process does not state its current version (`version`).",
    why="""
Readers, printouts and audits refer to a process standard by its version; a
process without one cannot be told apart from its earlier and later states.
""",
    example="""
# Wrong: no `version:`
# Right
version: "1.1"     # equal to the latest entry of revisions
""",
    severity=Severity.WARNING,
    fix=Fix(_version_from_revisions),
)
def no_version(process: Process, ctx: Context) -> Iterator[Finding]:
    if process.version is None:
        latest = process.latest_revision
        hint = f"add `version: \"{latest.version}\"`, the latest revision" if latest else "add `version: \"1.0\"`"
        yield Finding(process.where("id"), f"process {process.id} '{process.name}' states no version", hint)


@rule(
    "G003", "version-mismatch", family="governance",
    summary="`version` differs from the version of the latest revision.",
    why="""
The version on the cover and the last line of the revision history must agree;
otherwise either a change was made without recording it, or the cover was
not updated after a recorded change.
""",
    example="""
# Wrong: version 1.2 was never recorded
version: "1.2"
revisions:
  - version: "1.1"
    date: 2025-09-15
# Right
version: "1.2"
revisions:
  - version: "1.1"
    date: 2025-09-15
  - version: "1.2"       # the latest revision, equal to `version`
    date: 2026-04-20
""",
    severity=Severity.WARNING,
    fix=Fix(_version_from_revisions, safe=False),
)
def version_mismatch(process: Process, ctx: Context) -> Iterator[Finding]:
    latest = process.latest_revision
    if latest is not None and process.version is not None and process.version != latest.version:
        yield Finding(
            process.where("version"),
            f"version {process.version} differs from the latest revision, {latest.version} "
            f"(line {latest.where('version').line})",
            "add a revision for this version, or correct `version` (revisions are listed oldest first)",
        )


@rule(
    "G004", "approved-without-approver", family="governance",
    summary="An approved process names nobody who approved it.",
    why="""
A process standard is issued only after review and sign-off (评审、签字后发布).
`status: approved` without the name of the approver cannot be verified.
""",
    example="""
# Wrong
status: approved
# Right
status: approved
approved_by: 王志强（总经理）    # or approved_by on the latest revision
""",
    severity=Severity.WARNING,
)
def approved_without_approver(process: Process, ctx: Context) -> Iterator[Finding]:
    latest = process.latest_revision
    if process.status == "approved" and not process.approved_by and not (latest and latest.approved_by):
        yield Finding(
            process.where("status"), "the process is marked approved, but nobody is named as its approver",
            "add `approved_by:` to the process or to its latest revision",
        )


@rule(
    "G005", "review-overdue", family="governance",
    summary="The periodic review (`review_every`) of an approved process is overdue.",
    why="""
Processes are reviewed on a cycle (quarterly for core processes) so that they
keep matching how the organisation really works. The clock starts at the
latest revision or the effective date, whichever is later; recording the
review as a revision restarts it.
""",
    example="""
# Wrong: checked on 2026-11-25, the last revision is from 2025-09-15
review_every: 12个月
# Right: record the review as a revision
revisions:
  - version: "1.2"
    date: 2026-04-20
    approved_by: 王志强（总经理）
    changes: 年度评审，无变更
""",
    severity=Severity.WARNING,
)
def review_overdue(process: Process, ctx: Context) -> Iterator[Finding]:
    period = parse_period(process.review_every) if process.status == "approved" and process.review_every else None
    last = _last_reviewed(process) if period else None
    if period is None or last is None:
        return
    due = period.after(last[0])
    if ctx.today > due:
        yield Finding(
            process.where("review_every"),
            f"the review is overdue: the cycle is {period.text}, counted from the {last[1]} ({last[0]}), "
            f"so it was due on {due}, {(ctx.today - due).days} days ago",
            "review the process and record the review as a new revision (version, date, approved_by)",
        )


@rule(
    "G006", "unreadable-review-period", family="governance",
    summary="`review_every` cannot be read as a review cycle.",
    why="""
A review cycle that cannot be read cannot be tracked: nobody is reminded when
the review falls due.
""",
    example="""
# Wrong
review_every: 定期
# Right
review_every: 12个月
""",
    severity=Severity.WARNING,
)
def unreadable_review_period(process: Process, ctx: Context) -> Iterator[Finding]:
    if process.review_every is not None and parse_period(process.review_every) is None:
        yield Finding(
            process.where("review_every"), f"the review cycle '{process.review_every}' cannot be read",
            f"write it like: {PERIOD_FORMS}",
        )


@rule(
    "G007", "revisions-out-of-order", family="governance",
    summary="The revision history is not in date order (oldest first).",
    why="""
The latest revision is the last entry; when the dates go backwards it is no
longer clear which revision is current, and `version` is checked against the
wrong one.
""",
    example="""
# Wrong
revisions:
  - version: "1.1"
    date: 2025-09-15
  - version: "1.0"
    date: 2025-03-10
# Right: oldest first
revisions:
  - version: "1.0"
    date: 2025-03-10
  - version: "1.1"
    date: 2025-09-15
""",
    severity=Severity.WARNING,
    fix=Fix(_revisions_by_date),
)
def revisions_out_of_order(process: Process, ctx: Context) -> Iterator[Finding]:
    previous: tuple[date, str] | None = None
    for revision in process.revisions:
        when = _date(revision.date)
        if when is None:
            continue
        if previous is not None and when < previous[0]:
            yield Finding(
                revision.where("date"),
                f"revision {revision.version} is dated {when}, before the revision {previous[1]} listed above it",
                "list revisions oldest first, or correct the date",
            )
        previous = (when, revision.version)


@rule(
    "G008", "future-revision-date", family="governance",
    summary="A revision is dated in the future.",
    why="""
A revision records a change that was made and approved; a date after today is
a typo, or a change recorded before it was approved.
""",
    example="""
# Wrong: written on 2026-11-25
date: 2027-11-20
# Right
date: 2026-11-20
""",
    severity=Severity.WARNING,
)
def future_revision_date(process: Process, ctx: Context) -> Iterator[Finding]:
    for revision in process.revisions:
        when = _date(revision.date)
        if when is not None and when > ctx.today:
            yield Finding(
                revision.where("date"), f"revision {revision.version} is dated {when}, after today ({ctx.today})",
                "correct the date; record a revision once the change is approved",
            )


def _references(process: ProcessSummary) -> Iterator[tuple[str, Pos, Pos | None, str]]:
    """(process id, where, anchor, how) for each reference to another process."""
    for call in process.calls:
        if call.process is not None:
            yield call.process, call.process_at, call.at, f"step {call.step_id} runs"
    if process.from_process is not None:
        yield process.from_process, process.from_process_at, None, "the trigger comes from"
    for output in process.outputs:
        if output.to_process is not None:
            yield output.to_process, output.at, None, f"output '{output.name}' goes to"


@repo_rule(
    "G009", "retired-process-referenced", family="governance",
    summary="A live process runs, receives from or hands over to a retired process.",
    why="""
A retired process is no longer used; work sent to it, or expected from it,
goes nowhere. The live process must point at the process that replaced it.
""",
    example="""
# Wrong: PP-01 has status: retired
process: PP-01
# Right: its successor
process: PP-02
""",
    severity=Severity.WARNING,
)
def retired_process_referenced(process: ProcessSummary, ctx: RepoContext) -> Iterator[Finding]:
    if not process.is_live:
        return
    for ref, pos, anchor, how in _references(process):
        other = ctx.repo.by_id.get(ref)
        if other is not None and not other.is_live and other is not process:
            yield Finding(
                pos, f"{how} process {other.id} '{other.name}', which is retired",
                "refer to the process that replaced it, or remove the reference", anchor,
            )


Where = Callable[[], tuple[str, Pos, Pos | None]]


def _texts(process: Process) -> Iterator[tuple[str | None, Where]]:
    """(text, where) for the free text of a process that O001-O005 do not already cover.

    `where()` says what the text is, where it stands and its anchor; it is
    called only for a placeholder, since nearly every text is none.
    """
    yield process.name, lambda: ("process name", process.where("name"), None)
    for lane in process.lanes:
        yield lane.name, partial(_at, lane, "name", "name of lane {}", lane.id)
        yield lane.duties, partial(_at, lane, "duties", "duties of lane {}", lane.id)
    for step in process.steps:
        yield step.name, partial(_at, step, "name", "name of step {}", step.id)
        yield step.description, partial(_at, step, "description", "description of step {}", step.id)
        yield step.trigger, partial(_at, step, "trigger", "trigger of step {}", step.id)
        for key in ("inputs", "outputs"):
            for index, item in enumerate(getattr(step, key)):
                yield item, partial(_item_at, step, key, index)
        if step.control is not None:
            for key, words in (("standard", "quality standard"), ("method", "assessment method"),
                               ("on_fail", "corrective action")):
                yield getattr(step.control, key), partial(_control_at, step, key, words)
    for output in process.outputs:
        yield output.name, partial(_at, output, "name", "process output", "")
    for emergency in process.emergencies or []:
        yield emergency.when, partial(_at, emergency, "when", "emergency {}", emergency.id)
        yield emergency.description, partial(_at, emergency, "description", "description of emergency {}",
                                             emergency.id)
    for kpi in process.kpis:
        for key in ("name", "definition", "target", "goal"):
            yield getattr(kpi, key), partial(_at, kpi, key, f"{key} of KPI '{{}}'", kpi.name)


def _at(element: Any, key: str, what: str, name: str) -> tuple[str, Pos, Pos | None]:
    return what.format(name), element.where(key), element.pos


def _item_at(step: Step, key: str, index: int) -> tuple[str, Pos, Pos | None]:
    return f"{key[:-1]} of step {step.id}", step.at.get(f"{key}.{index}", step.where(key)), step.pos


def _control_at(step: Step, key: str, words: str) -> tuple[str, Pos, Pos | None]:
    assert step.control is not None
    return f"{words} of step {step.id}", step.control.where(key), step.pos


@rule(
    "G010", "placeholder-text", family="governance",
    summary="Text that is still a placeholder (TODO 质量标准, TBD, 待定).",
    why="""
`procdoc new` writes placeholders such as `TODO 质量标准` for the author to
replace, and authors leave their own (TBD, 待定). A process published with
them promises a standard, a method or a duty that nobody has written down:
the control point or step looks complete but says nothing. The purpose,
scope and trigger have their own rules (O001-O005); this one covers every
other text. The words are a rule option, with Chinese and English defaults.
""",
    example="""
# Wrong
control:
  standard: TODO 质量标准
  method: TODO 考核方法
# Right
control:
  standard: 信息完整，当日录入
  method: 客服主管每周抽查10单
""",
    severity=Severity.WARNING,
    options={"placeholder-words": list(PLACEHOLDER_WORDS)},
    option_docs={"placeholder-words": "words that mark unwritten text when a text starts with one, ignoring case; "
                                      "Latin words match whole words only (TODO, not TODOS)"},
)
def placeholder_text(process: Process, ctx: Context) -> Iterator[Finding]:
    is_placeholder = placeholder_test(ctx.option("placeholder-words"))
    for text, where in _texts(process):
        if text is not None and is_placeholder(text):
            what, pos, anchor = where()
            yield Finding(
                pos, f"the {what} is still a placeholder: '{text.strip()}'",
                "write the real text, or remove the key if it does not apply", anchor,
            )
