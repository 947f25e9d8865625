"""People: every step has one clear responsible party, called by one name.

The self-inspection asks whether every step has a responsible department,
who owns the process, and whether department names are used consistently
(部门名称是否统一). Vague owners such as 相关部门 are the classic defect: a
RACI matrix names one party instead. Names are checked against the org
catalogue (`[org]` in procdoc.toml, the standard name dictionary) and against
every lane name used in the repository.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from procdoc.checks.context import Context, RepoContext, Repository, Run
from procdoc.checks.registry import Finding, Fix, repo_rule, rule
from procdoc.checks.summary import LaneSummary, ProcessSummary
from procdoc.checks.wording import fold
from procdoc.config import OrgUnit
from procdoc.diagnostics import Pos, Severity
from procdoc.fix.edits import remove_element
from procdoc.fix.site import Site, put
from procdoc.model import Lane, Process

T = TypeVar("T")

VAGUE_NAMES = [
    "相关部门", "有关部门", "配合部门", "其他部门", "相关科室", "有关科室", "相关人员", "有关人员", "各部门", "各单位",
    "相关单位", "有关单位", "责任部门", "待定",
    "related departments", "relevant parties", "relevant departments", "other departments", "all departments",
    "TBD", "TBA", "N/A",
]

#: spellings that name the same kind of unit: "Quality Department" is "Quality Dept"
_WORD_SYNONYMS = {"department": "dept", "departments": "dept", "division": "div", "centre": "center", "&": "and"}


@dataclass(frozen=True)
class _Catalogue:
    """The org catalogue by unit id, and by folded name: standard names (Chinese and English) and aliases."""

    units: Mapping[str, OrgUnit]
    standard: Mapping[str, OrgUnit]
    aliases: Mapping[str, OrgUnit]

    def covers(self, lane: Lane | LaneSummary) -> bool:
        """True when the catalogue has the lane's unit, by id or by any of its names."""
        return lane.id in self.units or fold(lane.name) in self.standard or fold(lane.name) in self.aliases

    def standard_for(self, lane_id: str, name: str) -> OrgUnit | None:
        """The unit whose standard name the lane should carry, when it carries another.

        The catalogue is keyed by lane id; a lane with an id the catalogue does
        not have is recognised by an alias.
        """
        unit = self.units.get(lane_id)
        if unit is None:
            return self.aliases.get(fold(name))
        return None if fold(name) in {fold(name) for name in unit.names()} else unit


def _build_catalogue(run: Run) -> _Catalogue:
    return _catalogue(run.org)


def _catalogue(org: Mapping[str, OrgUnit]) -> _Catalogue:
    units = list(org.values())
    standard = {fold(name): unit for unit in units for name in unit.names()}
    aliases = {fold(alias): unit for unit in units for alias in unit.aliases if fold(alias) not in standard}
    return _Catalogue(org, standard, aliases)


def standard_name(unit: OrgUnit, written: str) -> str:
    """The unit's standard name in the language the lane is written in."""
    return unit.en if unit.en and written.isascii() else unit.name


def _use_standard_name(site: Site) -> bool:
    """The lane renamed to its unit's standard name from the org catalogue."""
    lane = site.element("lanes")
    if lane is None or not isinstance(lane.get("id"), str) or not isinstance(lane.get("name"), str):
        return False
    unit = _catalogue(site.org).standard_for(lane["id"], lane["name"])
    if unit is None:
        return False
    put(lane, "name", standard_name(unit, lane["name"]), "lane")
    return True




@rule(
    "P001", "no-owner", family="people",
    summary="The process names no owner (流程责任人).",
    why="""
Every process has one owner who answers for it: who keeps it current, who
decides when it is disputed. Without one, nobody does.
""",
    example="""
# Right: the owner is one of the lanes
owner: quality_section
""",
    severity=Severity.WARNING,
)
def no_owner(process: Process, ctx: Context) -> Iterator[Finding]:
    if process.owner is None:
        yield Finding(
            process.where("id"), f"process {process.id} '{process.name}' has no owner (流程责任人)",
            "add `owner:` with the id of the lane that owns the process",
        )


@rule(
    "P002", "step-without-lane", family="people",
    summary="A step has no lane, so nobody is responsible for it.",
    why="""
Every step has a responsible department or role (承担者), drawn as its lane.
A step without a lane is work nobody is charged with, and it cannot be drawn
in a swimlane chart. Start and end steps need a lane too.
""",
    example="""
# Wrong
- id: "1.2"
  name: 记录投诉信息
# Right
- id: "1.2"
  name: 记录投诉信息
  lane: marketing
""",
)
def step_without_lane(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        if step.lane is None:
            yield Finding(
                step.where("id"), f"{step.label} has no lane: nobody is responsible for it",
                "add `lane:` with the id of the department or role that does it", step.pos,
            )


@lru_cache(maxsize=16)
def _vague_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for the configured phrases; Latin phrases match whole words only (TBD, not TBDX)."""
    parts = []
    for phrase in (fold(p) for p in phrases):
        if phrase:
            before = r"(?<![a-z0-9])" if phrase[0].isascii() and phrase[0].isalnum() else ""
            after = r"(?![a-z0-9])" if phrase[-1].isascii() and phrase[-1].isalnum() else ""
            parts.append(before + re.escape(phrase) + after)
    return re.compile("|".join(parts)) if parts else None


def _vagueness(name: str, phrases: Iterable[object]) -> str | None:
    """Why `name` names nobody, or None when it is specific enough."""
    pattern = _vague_pattern(tuple(str(p) for p in phrases))
    match = pattern.search(fold(name)) if pattern else None
    if match is None:
        return None
    if match.group(0) == fold(name):
        return "which names no one in particular"
    return f"and '{match.group(0)}' names no one in particular"


@rule(
    "P003", "vague-party", family="people",
    summary="A lane or RACI party is a vague group such as 相关部门 or TBD.",
    why="""
"Related departments" (相关部门, 有关部门, 配合部门) names nobody: when the
step is late, each department assumes another one does it. Name one
responsible department or role; if several take part, say how in a RACI
(R does, A approves, C is consulted, I is informed).
""",
    example="""
# Wrong
- id: coop
  name: 相关部门
# Right
- id: tech_center
  name: 技术中心
""",
    severity=Severity.WARNING,
    options={"vague-names": VAGUE_NAMES},
    option_docs={"vague-names": "phrases that make a name vague, found anywhere in a name, ignoring case; "
                                  "Latin phrases match whole words only (TBD, not TBDX)"},
)
def vague_party(process: Process, ctx: Context) -> Iterator[Finding]:
    phrases = ctx.option("vague-names")
    hint = "name the one department or role responsible; use a RACI if several take part"
    for lane in process.lanes:
        why = _vagueness(lane.name, phrases)
        if why:
            yield Finding(lane.where("name"), f"lane {lane.id} is called '{lane.name}', {why}", hint)
    for step in process.steps:
        for role, party, pos in step.raci.parties() if step.raci else ():
            why = _vagueness(party, phrases) if party not in process.lane_by_id else None
            if why:
                yield Finding(pos, f"the RACI of {step.label} names '{party}' as {role}, {why}", hint, step.pos)


@rule(
    "P004", "unused-lane", family="people",
    summary="A lane has no step, owns neither the process nor a KPI, and is named in no RACI.",
    why="""
A lane nobody works in is an empty column in the chart. It is usually left
over from an earlier version, or its steps were put in another lane by mistake.
""",
    example="""
# Wrong: no step has `lane: legal`
lanes:
  - id: legal
    name: 法务部
# Right: remove the lane, or put its steps in it
""",
    severity=Severity.WARNING,
    fix=Fix(remove_element("lanes"), safe=False),
)
def unused_lane(process: Process, ctx: Context) -> Iterator[Finding]:
    used = {step.lane for step in process.steps} | {process.owner} | {kpi.owner for kpi in process.kpis}
    used |= {party for step in process.steps if step.raci for _, party, _ in step.raci.parties()}
    for lane in process.lanes:
        if lane.id not in used:
            yield Finding(
                lane.where("id"), f"lane {lane.id} '{lane.name}' is declared but no step is in it",
                "remove the lane, or move the steps it does into it",
            )


@rule(
    "P005", "non-standard-lane-name", family="people",
    summary="A lane's name is not the standard name the org catalogue gives its unit.",
    why="""
One department, one name (标准名称词典): 营销部 in one chart and 营销部门 in
another looks like two departments to readers and to search. The org
catalogue in procdoc.toml lists each unit under its lane id, with its
standard name (and English name) and the aliases people write for it.
""",
    example="""
# procdoc.toml
[org.marketing]
name = "营销部"
aliases = ["营销部门", "市场营销部"]
# Wrong
- id: marketing
  name: 营销部门
# Right
- id: marketing
  name: 营销部
""",
    severity=Severity.WARNING,
    fix=Fix(_use_standard_name),
)
def non_standard_lane_name(process: Process, ctx: Context) -> Iterator[Finding]:
    catalogue = ctx.run.derived(_build_catalogue)
    for lane in process.lanes:
        unit = catalogue.standard_for(lane.id, lane.name)
        if unit is not None:
            standard = standard_name(unit, lane.name)
            yield Finding(
                lane.where("name"), f"lane {lane.id} is called '{lane.name}'; the standard name is '{standard}'",
                f"use the standard name from the org catalogue: `name: {standard}`",
            )


@rule(
    "P006", "lane-not-in-catalogue", family="people",
    summary="A lane's unit is not in the org catalogue, by id or by name (when there is a catalogue).",
    why="""
When the repository keeps an org catalogue, every department and role should
be in it; an unknown unit is a typo, a new unit to add, or a unit that no
longer exists. Without an `[org]` table this rule is silent.
""",
    example="""
# procdoc.toml
[org.quality_section]
name = "技质科"
# Wrong
- id: qs
  name: 技术质量科室
# Right
- id: quality_section
  name: 技质科
""",
    severity=Severity.WARNING,
)
def lane_not_in_catalogue(process: Process, ctx: Context) -> Iterator[Finding]:
    catalogue = ctx.run.derived(_build_catalogue)
    if not catalogue.units:
        return
    names = [unit.name for unit in catalogue.units.values()]
    for lane in process.lanes:
        if not catalogue.covers(lane):
            close = difflib.get_close_matches(lane.name, names, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            yield Finding(
                lane.where("name"), f"lane {lane.id} '{lane.name}' is not in the org catalogue",
                hint + "use a unit of the catalogue, or add this one under [org] in procdoc.toml",
            )


@lru_cache(maxsize=4096)  # a repository spells its few departments thousands of times
def name_key(name: str) -> str:
    """What is left of a unit name once spelling variants are removed.

    Case, width, spaces and punctuation go; Department/Dept, & /and and the
    suffix 部门/部 are made one. Nothing else is merged: 技术中心 and 技术部
    are different units.
    """
    words = re.findall(r"\w+|&", unicodedata.normalize("NFKC", name).casefold())
    key = "".join(_WORD_SYNONYMS.get(word, word) for word in words)
    return key[:-1] if key.endswith("部门") else key


def _build_lane_names(repo: Repository) -> dict[str, dict[str, tuple[str, Pos]]]:
    """name key → each spelling used in the repository → where it was first used."""
    index: dict[str, dict[str, tuple[str, Pos]]] = {}
    for process in repo.processes:
        for lane in process.lanes:
            index.setdefault(name_key(lane.name), {}).setdefault(lane.name, (process.path, lane.name_at))
    return index




@repo_rule(
    "P007", "near-duplicate-lane-name", family="people",
    summary="A lane name differs only in spelling from another lane name in the repository.",
    why="""
营销部 and 营销部门, "Quality Dept" and "Quality Department": one department
under two names (部门名称不统一) splits its duties, search results and
statistics. Lanes whose unit is in the org catalogue are left to P005.
""",
    example="""
# other.yaml
name: 营销部
# Wrong: this file
name: 营销部门
# Right
name: 营销部
""",
    severity=Severity.WARNING,
)
def near_duplicate_lane_name(process: ProcessSummary, ctx: RepoContext) -> Iterator[Finding]:
    catalogue = ctx.run.derived(_build_catalogue)
    index = ctx.repo.derived(_build_lane_names)
    for lane in process.lanes:
        key = name_key(lane.name)
        if not key or catalogue.covers(lane):
            continue  # punctuation only, or left to P005
        variants = [(name, where) for name, where in index.get(key, {}).items() if name != lane.name]
        if variants:
            other, (path, pos) = variants[0]
            yield Finding(
                lane.name_at, f"lane {lane.id} '{lane.name}' is spelt '{other}' in {path}:{pos.line}",
                "use one name for one department everywhere; the org catalogue in procdoc.toml can fix it",
            )


@rule(
    "P008", "raci-accountable", family="people",
    summary="A RACI names no accountable party (A), or more than one.",
    why="""
A (accountable) is the one who approves and answers for the result. With no A
nobody signs off; with two, each waits for the other.
""",
    example="""
# Wrong
raci:
  r: marketing
  a: [vp_marketing, vp_tech]
# Right
raci:
  r: marketing
  a: vp_marketing
  c: vp_tech
""",
    severity=Severity.WARNING,
)
def raci_accountable(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        raci = step.raci
        if raci is None or len(raci.a) == 1:
            continue
        if not raci.a:
            message = f"the RACI of {step.label} names nobody accountable (A)"
            yield Finding(step.where("raci"), message, "add `a:` with the one lane that approves", step.pos)
        else:
            message = f"the RACI of {step.label} names {len(raci.a)} accountable parties (A): {', '.join(raci.a)}"
            hint = "keep one A; the others are consulted (C) or informed (I)"
            yield Finding(raci.at.get("a.1", raci.where("a")), message, hint, step.pos)


@rule(
    "P009", "raci-responsible", family="people",
    summary="A RACI names nobody responsible (R).",
    why="""
R (responsible) is who does the work. A RACI without an R says who approves
and who is told, but not who acts.
""",
    example="""
# Wrong
raci:
  a: vp_marketing
# Right
raci:
  r: marketing
  a: vp_marketing
""",
    severity=Severity.WARNING,
)
def raci_responsible(process: Process, ctx: Context) -> Iterator[Finding]:
    for step in process.steps:
        if step.raci is not None and not step.raci.r:
            yield Finding(
                step.where("raci"), f"the RACI of {step.label} names nobody responsible (R)",
                "add `r:` with the lane that does the work", step.pos,
            )

