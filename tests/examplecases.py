"""Where each rule's documented example is written into a real process, and what the check then finds.

A rule's `example` (docs/rules.md) shows Wrong and Right forms
(tests/docexamples.py reads them). A `Case` says where in a process of
samples/ they go: each block replaces the case's `old` text of its host,
written at the case's indent, and the whole sample repository is checked
with every rule through the same entry point as `procdoc check`. The forms
are never restated here. A case that needs more than the example shows
(another process edited, a stand-in for a mistake told in words) says why.
tests/rules/test_documented_examples.py runs every form;
tests/fix/test_documented_examples.py fixes the fixable ones.
"""

from __future__ import annotations

import re
import textwrap
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from procdoc.checks.registry import all_rules
from procdoc.config import CatalogueEntry, load_settings
from procdoc.diagnostics import Diagnostic
from tests.docexamples import Block, blocks
from tests.ruletester import lint

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE_TEXTS = {path.name: path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.yaml"))}
ORG = load_settings(str(SAMPLES / "procdoc.toml")).org
RULES = all_rules()
QM07, PP01 = SAMPLE_TEXTS["qm-07.yaml"], SAMPLE_TEXTS["pp-01.yaml"]


def span(text: str, first: str, last: str = "") -> str:
    """The lines of `text` from the one starting with `first` to the first one after it containing `last`."""
    start = 0 if text.startswith(first) else text.index("\n" + first) + 1
    end = text.index(last, start + len(first)) if last else start
    return text[start:text.index("\n", end) + 1]


def step(sid: str, text: str = QM07) -> str:
    """Step `sid` of a sample, up to the next step, blank line or comment."""
    start = text.index(f'  - id: "{sid}"\n')
    ends = (text.find(mark, start + 1) for mark in ("\n  - id:", "\n\n", "\n  #", "\nemergencies:"))
    return text[start:min(end for end in ends if end != -1) + 1]


def head(sid: str, text: str = QM07) -> str:
    """Step `sid` without its `next:` line: the part a fragment rewrites, the flow on from it kept."""
    return step(sid, text).split("    next:")[0]


def controls_except(sid: str) -> tuple[tuple[str, str], ...]:
    """Edits that take every `control:` of QM-07 away but step `sid`'s."""
    keep = re.search(r"    control:.*\n(?:      .*\n)+", step(sid))
    found = re.findall(r"    control:.*\n(?:      .*\n)+", QM07)
    return tuple((block, "") for block in found if keep is None or block != keep.group(0))


def approval_chain(count: int) -> str:
    """`count` concession-approval steps in a row, 3.11 onwards: the "60 steps" X001 tells of in words."""
    steps = [f'- id: "3.{11 + i}"\n  name: 让步审批第{i + 1}步\n  lane: marketing\n  next: "3.{12 + i}"\n'
             for i in range(count)]
    return "".join(steps).replace(f'"3.{11 + count}"', '"4.1"')


def ping_pong(count: int) -> str:
    """`count` steps 3.5, 3.5.1 … alternating between 营销部 and 技质科: the hand-offs X003 tells of in words."""
    ids = ["3.5", *(f"3.5.{i}" for i in range(1, count)), "3.7"]
    lanes = ("marketing", "quality_section")
    return "".join(f'- id: "{ids[i]}"\n  name: 补充处理意见{i + 1}\n  lane: {lanes[i % 2]}\n  next: "{ids[i + 1]}"\n'
                   for i in range(count))


@dataclass(frozen=True)
class Case:
    """Where a rule's example blocks go: each replaces `old` (the first one) in the sample `host`.

    `only` names the headers of the blocks this case places (by their start);
    without it the case places the example's other Wrong and Right blocks.
    """

    code: str
    old: str
    indent: int = 0
    host: str = "qm-07.yaml"
    after: bool = False  # keep `old` and write the block after it
    only: tuple[str, ...] = ()
    edits: tuple[tuple[str, str], ...] = ()  # made to the host first
    other_edits: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    path: str = ""  # the placed file's name, when not the host's
    reported: str = ""  # whose findings count, when not the placed file's
    stand_in: str = ""  # written for a Wrong block that tells its mistake in words
    without_catalogue: bool = False  # checked without the samples' org catalogue
    why: str = ""  # what the case adds to the example, and why

    @property
    def name(self) -> str:
        return self.path or self.host

    def blocks(self) -> list[Block]:
        """The example's Wrong and Right blocks this case places."""
        runnable = [b for b in blocks(RULES[self.code].example) if b.kind != "note"]
        if self.only:
            return [b for b in runnable if b.header.startswith(self.only)]
        claimed = [h for case in CASES if case.code == self.code for h in case.only]
        return [b for b in runnable if not any(b.header.startswith(h) for h in claimed)]


def fragment(case: Case, block: Block) -> str:
    """The block as written into the host: at the case's indent, or the stand-in for a mistake told in words."""
    text = block.text or (case.stand_in if block.kind == "wrong" else "")
    if not text:
        return ""
    return textwrap.indent(textwrap.dedent(text), " " * case.indent) + "\n"


def placed(case: Case, block: Block) -> tuple[str, int]:
    """The host with the block written in, and the index of the block's first line."""
    host = SAMPLE_TEXTS[case.host]
    for old, new in case.edits:
        assert old in host, f"{case.code}: the host edit's text is not in {case.host}:\n{old}"
        host = host.replace(old, new, 1)
    assert case.old in host, f"{case.code}: the place for the example is not in {case.host}:\n{case.old}"
    written = fragment(case, block)
    at = host.index(case.old) + (len(case.old) if case.after else 0)
    return host.replace(case.old, case.old + written if case.after else written, 1), host.count("\n", 0, at)


def repository(case: Case) -> dict[str, str]:
    """The other processes of the sample repository, with the case's edits."""
    others = {name: text for name, text in SAMPLE_TEXTS.items() if name != case.name}
    for name, edits in case.other_edits.items():
        for old, new in edits:
            assert old in others[name], f"{case.code}: the edit's text is not in {name}:\n{old}"
            others[name] = others[name].replace(old, new, 1)
    return others


def planned(code: str) -> dict[str, CatalogueEntry]:
    """The planned processes of the example's `# procdoc.toml` notes; their `[org]` must be the samples'."""
    catalogue: dict[str, CatalogueEntry] = {}
    for note in (b for b in blocks(RULES[code].example) if b.header == "# procdoc.toml"):
        data = tomllib.loads(note.text)
        for unit_id, unit in data.get("org", {}).items():
            assert ORG[unit_id].name == unit["name"] and set(unit.get("aliases", [])) <= set(ORG[unit_id].aliases)
        for process_id, entry in data.get("processes", {}).items():
            catalogue[process_id] = CatalogueEntry(process_id, entry["name"], status=entry.get("status", "approved"))
    return {key: entry for key, entry in catalogue.items() if entry.planned}


def findings(case: Case, text: str, *, loads: bool = True) -> list[Diagnostic]:
    """The case rule's findings when the repository is checked with every rule."""
    others = repository(case)
    reported = case.reported or case.name
    if case.reported:
        others[case.name] = text
        text = others.pop(reported)
    org = {} if case.without_catalogue else ORG
    found = lint(text, ("ALL",), others=others, org=org, path=reported, planned=planned(case.code), loads=loads)
    return [d for d in found if d.code == case.code]


CONTROL_21 = span(QM07, "    control:\n      standard: 问题现象", "      on_fail:")
REVISIONS = span(QM07, "revisions:", "changes: 新增批量质量问题应急处理")
VERSION = span(QM07, 'version: "1.2"')
EMERGENCIES = span(QM07, "emergencies:\n", "    description:")
TRIGGER = span(QM07, "trigger:\n", "  mode: passive")
OUTPUTS = span(QM07, "outputs:\n", "    description: 客户签字确认")
RAW_OUTPUTS = span(QM07, "outputs:\n", "    to_process: QA-01")
RUNS_PP01 = span(QM07, "    process: PP-01 ")
CS01_NAME = "name: After-sales service\n"
ENDS = (step("2.4"), step("E1.3"))
STEP_42 = span(QM07, '  - id: "4.2"', "    process: QA-01")
#: QM-07 runs QA-01 as a sub-process (4.2), which hands its report over too; as an ordinary step it does not
RUNS_QA01 = (STEP_42, re.sub(r"    (type: subprocess|process: QA-01.*)\n", "", STEP_42))

CASES = [
    Case("C001", head("1.3"), 2),
    Case("C002", CONTROL_21, 4),
    Case("C003", CONTROL_21, 4),
    Case("C004", CONTROL_21, 4),
    Case("C005", CONTROL_21, 4),
    Case("C006", head("2.1"), 2, edits=controls_except("2.1"),
         why="QM-07 has nine control points: the host has them all taken away but 2.1's"),
    Case("C007", span(QM07, '  - id: "4.1"', "    outputs: [投诉处理报告]"), 2),
    Case("D001", span(QM07, "    documents: [fb_form]"), 4),
    Case("D002", span(QM07, "    records: [confirm_record]"), 4),
    Case("D003", span(QM07, '  - id: "3.8"', "    documents: [return_rule]"), 2),
    Case("D004", span(QM07, '  - id: "3.8"', "    records: [return_record]"), 2),
    Case("D005", span(QM07, "records:\n  - id: fb_record", "    stored_in: OA"), 0),
    Case("D006", span(QM07, "records:\n  - id: fb_record", "    stored_in: OA"), 0),
    Case("D007", head("2.1"), 2),
    Case("D008", span(QM07, '  - id: "3.4"', "    records: [confirm_record]"), 2),
    Case("E001", EMERGENCIES, 0),
    Case("E002", EMERGENCIES, 0),
    Case("E003", step("E1.2") + step("E1.3"), 2),
    Case("F001", CS01_NAME, host="cs-01.yaml"),
    Case("F003", span(QM07, "procdoc: 1 ", "id: QM-07")),
    Case("F004", span(QM07, "    lane: marketing"), 4),
    Case("F005", span(QM07, '    next: "1.3"'), 4),
    Case("F006", span(QM07, "steps:\n", "    name: 客户提出质量投诉"), 0),
    Case("F007", span(QM07, "name: 客户质量投诉管理流程")),
    Case("F008", span(QM07, '  - id: "3.9"', "    name: 有库存？"), 2),
    Case("F009", span(QM07, "status: approved")),
    Case("F010", span(QM07, "    name: 记录投诉信息"), 4),
    Case("G001", REVISIONS),
    Case("G002", VERSION),
    Case("G003", REVISIONS, edits=((VERSION, ""),),
         why="the example writes `version` just above `revisions`: the host's own `version` line goes"),
    Case("G004", span(QM07, "status: approved"),
         edits=(("approved_by: 王志强（总经理）\n", ""),
                ("    approved_by: 王志强（总经理）\n    changes: 新增", "    changes: 新增")),
         why="QM-07 names its approver twice (top level and latest revision): both go"),
    Case("G005", REVISIONS, edits=((span(QM07, "effective:"), "effective: 2025-09-15\n"),),
         why="a review counts from the later of the last revision and `effective`: the host took effect at 1.1"),
    Case("G006", span(QM07, "review_every:")),
    Case("G007", REVISIONS),
    Case("G008", span(QM07, "    date: 2026-04-20"), 4),
    Case("G009", RUNS_PP01, 4, edits=(("    process: PP-01\n", "    process: SD-05\n"),),
         other_edits={"pp-01.yaml": (("status: approved", "status: retired"),)},
         why="the example's PP-01 is retired: pp-01.yaml says so; QM-07's second call of PP-01 (3.10b) goes to SD-05"),
    Case("G010", CONTROL_21, 4),
    Case("I001", span(QM07, '  - id: "3.7a"', "    process: PP-01"), 2),
    Case("I002", RUNS_PP01, 4),
    Case("I003", span(PP01, '    next: "13"'), 2, host="pp-01.yaml", after=True, only=("# Wrong",),
         why="the Wrong form is a step of PP-01, written after step 12"),
    Case("I003", "outputs:\n", host="pp-01.yaml", only=("# Right",),
         why="the Right form is PP-01's outputs, where its Wrong form was a step"),
    Case("I004", "trigger:\n"),
    Case("I005", RAW_OUTPUTS, reported="qa-01.yaml", edits=(RUNS_QA01,),
         why="the blocks are QM-07's, the finding is QA-01's (whose trigger names QM-07); "
             "QM-07's 4.2 no longer runs QA-01"),
    Case("I006", RAW_OUTPUTS),
    Case("I007", span(SAMPLE_TEXTS["qa-01.yaml"], "trigger:\n", "  from_process: QM-07"), host="qa-01.yaml",
         reported="qm-07.yaml", other_edits={"qm-07.yaml": (RUNS_QA01,)},
         why="the blocks are QA-01's, the finding is QM-07's (whose output goes to QA-01); "
             "QM-07's 4.2 no longer runs QA-01"),
    Case("I008", span(QM07, "id: QM-07"), path="qm-07-new.yaml",
         why="the example is a copy of QM-07 beside the original: the host is qm-07.yaml as qm-07-new.yaml"),
    Case("I009", RUNS_PP01, 4),
    Case("M001", span(QM07, "    name: 记录投诉信息"), 4),
    Case("O001", span(QM07, "purpose: >-", "降低重复投诉")),
    Case("O002", span(QM07, "scope: >-", "按CS-02")),
    Case("O003", TRIGGER),
    Case("O004", OUTPUTS),
    Case("O005", TRIGGER),
    Case("O006", span(QM07, '  - id: "4.1"', "    outputs: [投诉处理报告]"), 2),
    Case("P001", span(QM07, "owner: quality_section")),
    Case("P002", span(QM07, '  - id: "1.2"', "    lane: marketing"), 2),
    Case("P003", span(QM07, "  - id: tech_center", "    name: 技术中心"), 2),
    Case("P004", "lanes:\n", 2, after=True),
    Case("P005", span(QM07, "  - id: marketing", "    name: 营销部"), 2),
    Case("P006", span(QM07, "  - id: quality_section", "    name: 技质科"), 2),
    Case("P007", span(QM07, "    name: 营销部"), 4, without_catalogue=True,
         why="营销部 is in the samples' org catalogue, where P005 answers for it: P007 is for names outside one"),
    Case("P008", span(QM07, "    raci:", "      i: [customer]"), 4),
    Case("P009", span(QM07, "    raci:", "      i: [customer]"), 4),
    Case("S001", span(QM07, '  - id: "1.1"', "    type: start"), 2),
    Case("S002", span(QM07, '  - id: "2.1"', "    name: 组织现场确认"), 2),
    Case("S002", span(SAMPLE_TEXTS["as-04.yaml"], '  - id: "1a"', "    trigger: 客户未预约"), 2, host="as-04.yaml",
         only=("# Right: two real ways in",), why="the two ways in are AS-04's (a 4S shop), not QM-07's"),
    Case("S003", step("4.2") + step("4.3"), 2,
         edits=tuple((end, end.replace("    type: end\n", "")) for end in ENDS),
         why="QM-07 has three end steps: the host's other two (2.4, E1.3) are ordinary steps"),
    Case("S004", span(QM07, '        next: "3.1"'), 8),
    Case("S005", span(QM07, "    lane: marketing"), 4),
    Case("S006", span(QM07, "    phase: handle"), 4),
    Case("S007", span(QM07, '  - id: "3.8"', '    next: "3.9"'), 2),
    Case("S008", step("3.5"), 2),
    Case("S009", step("2.2"), 2),
    Case("S010", step("3.3"), 2),
    Case("S011", step("2.2"), 2),
    Case("S012", span(step("3.3"), "    branches:", '        next: "3.4"'), 4),
    Case("S013", step("4.3"), 2),
    Case("S014", step("3.9"), 2),
    Case("S014", span(PP01, '  - id: "6"', '    next: ["7", "8"]'), 2, host="pp-01.yaml",
         only=("# Right: parallel paths",), why="the parallel paths are PP-01's"),
    Case("S015", span(QM07, '    next: "2.1"'), 4),
    Case("S016", span(PP01, '    next: "3"'), 4, host="pp-01.yaml"),
    Case("S017", span(step("3", PP01), "    branches:", '        next: "4"'), 4, host="pp-01.yaml"),
    Case("S018", span(PP01, '  - id: "7"', '    next: "9"'), 2, host="pp-01.yaml"),
    Case("S019", span(PP01, '  - id: "5"', "    name: 审批生产计划"), 2, host="pp-01.yaml"),
    Case("S020", span(PP01, '  - id: "8"\n', '    next: "9"'), 2, host="pp-01.yaml"),
    Case("T001", head("1.3"), 2),
    Case("T002", span(QM07, "    time_limit: 24小时内"), 4),
    Case("T003", span(SAMPLE_TEXTS["as-04.yaml"], "sla:\n", "    limit: 5个工作日"), host="as-04.yaml"),
    Case("T004", span(SAMPLE_TEXTS["cs-02.yaml"], "sla: 5个工作日"), host="cs-02.yaml"),
    Case("U001", CS01_NAME, host="cs-01.yaml"),
    Case("U002", "  - id: quality_dept\n", 2, host="cs-01.yaml"),
    Case("U003", "lanes:\n", host="cs-01.yaml"),
    Case("U004", "lanes:\n", 2, host="cs-01.yaml", after=True),
    Case("X001", span(QM07, '  - id: "3.11"', '    next: "4.1"'), 2, stand_in=approval_chain(33),
         why="60 steps do not fit in an example: the Wrong form is QM-07 with 33 approval steps where it has 6"),
    Case("X002", "lanes:\n"),  # the three people's lanes join QM-07's six
    Case("X003", step("3.5") + step("3.6"), 2, stand_in=ping_pong(40),
         why="the hand-offs are told in words: the Wrong form is forty steps alternating 营销部 and 技质科"),
    Case("X004", span(QM07, "    name: 记录投诉信息", "    description:"), 4),
]

#: rules whose example is words, not a form to place: what the Wrong and Right are instead
PROSE = {
    "F002": "the Wrong form is QM-07 saved as GBK, the Right one QM-07 saved as UTF-8 (the example's advice)",
    "F011": "the Wrong form nests deeper than procdoc reads, the Right one is QM-07",
    "M002": "the Wrong form is a rule that raises, the Right one the same run with `ignore` naming it",
}
#: runnable examples without a Right form, and why
NO_RIGHT = {"I009": "the warning ends when mm-02.yaml is written: the call itself stays as it is"}
