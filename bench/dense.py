"""A second corpus shape for the benchmark, unlike `bench.corpus` on purpose.

A target met only on the data it was tuned for is not met. These processes
are dense where the first corpus is sparse: every step has inputs, outputs,
documents and records; descriptions are long Chinese paragraphs; each
process calls the next, so call chains run the length of the corpus; and
each file has a few info findings (records without a storage place, long
step names), so reporting has work to do. Same N → byte-identical files.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from bench.corpus import write_processes

LANES = [("client", "客户", "external"), ("ops", "运营部", "department"), ("qa", "品质部", "department"),
         ("fin", "财务部", "department"), ("it", "信息部", "department"), ("gm", "总经理", "role")]
NOUNS = ["采购申请", "供应商报价", "入库单", "质检报告", "付款申请", "合同评审表", "发票", "对账单", "变更单"]
VERBS = ["核对", "登记", "审批", "录入", "复核", "签收", "汇总", "下发"]
PARAGRAPH = ("经办人依据公司采购管理制度及相关作业指导书，对本环节涉及的单据、数量、金额与系统记录逐项核对，"
             "发现差异时在当日内与相关责任人沟通确认并形成书面说明，确认无误后在系统中提交，"
             "同时将纸质单据按编号归档，以便后续审计追溯与绩效考核。")


def dense_id(index: int) -> str:
    return f"DP-{index:05d}"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def dense_text(index: int, total: int, steps: int = 40) -> str:
    rng = random.Random(10_000 + index)
    lines = [
        "procdoc: 1", f"id: {dense_id(index)}", f"name: {_q(f'采购到入库流程{index}')}", 'version: "2.0"',
        "status: approved", "category: business", "owner: ops", "approved_by: 王五", "effective: 2026-05-01",
        f"purpose: {_q(PARAGRAPH)}", f"scope: {_q('适用于公司各事业部的物资采购、到货验收、入库与付款全过程。')}",
        "trigger:", "  description: 需求部门提交采购申请",
        *([f"  from_process: {dense_id(index - 1)}"] if index else []),
        "outputs:", f"  - name: {_q(f'入库记录{index}')}",
        *([f"    to_process: {dense_id(index + 1)}"] if index + 1 < total else []),
        "lanes:",
    ]
    for lane_id, name, kind in LANES:
        duties = _q(name + "负责" + PARAGRAPH[:40])
        lines += [f"  - id: {lane_id}", f"    name: {name}", f"    kind: {kind}", f"    duties: {duties}"]
    lines.append("documents:")
    lines += [f"  - id: D-{d}\n    name: {_q(f'{NOUNS[d % len(NOUNS)]}模板{d}')}\n    kind: template" for d in range(8)]
    lines.append("records:")
    for r in range(8):  # the last one does not say where it is kept: a D006 info finding
        lines += [f"  - id: R-{r}", f"    name: {_q(f'{NOUNS[r % len(NOUNS)]}记录{r}')}", "    keep: 5 years",
                  *(["    stored_in: SAP 档案库"] if r < 7 else [])]
    lines.append("steps:")
    lines += _steps(rng, index, total, steps)
    lines += ["emergencies:", "  - id: E1", "    when: 系统宕机无法录入", f'    handler: "{steps - 2}"',
              "sla: 30个工作日", "review_every: 12个月", "revisions:", '  - version: "2.0"', "    date: 2026-05-01",
              "    author: 赵六", "    approved_by: 王五", "    changes: 按新制度重写"]
    return "\n".join(lines) + "\n"


def _steps(rng: random.Random, index: int, total: int, count: int) -> list[str]:
    out: list[str] = []
    for i in range(count):
        lane = LANES[0][0] if i == 0 else LANES[1 + (i // 2 + index) % 5][0]
        following = f'"{i + 2}"'
        out += [f'  - id: "{i + 1}"']
        if i == 0:
            out += ["    name: 提交采购申请", "    type: start", f"    lane: {lane}", f"    next: {following}"]
        elif i == count - 1:
            out += ["    name: 入库完成", "    type: end", f"    lane: {lane}"]
        elif i == count // 2 and index + 1 < total:
            out += ["    name: 转下游流程", "    type: subprocess", f"    lane: {lane}",
                    f"    process: {dense_id(index + 1)}", f"    next: {following}"]
        elif i % 7 == 3:
            out += [f"    name: {_q(rng.choice(NOUNS) + '是否符合要求？')}", "    type: decision", f"    lane: {lane}",
                    "    branches:", "      - when: 符合", f"        next: {following}", "      - when: 不符合",
                    f'        next: "{max(2, i - 1)}"']
        else:
            out += _task(rng, i, lane, following)
    return out


def _task(rng: random.Random, i: int, lane: str, following: str) -> list[str]:
    noun = rng.choice(NOUNS)
    long_name = i % 19 == 5  # a name too long for its box: an X004 info finding
    name = f"{rng.choice(VERBS)}{noun}并同步更新供应商档案与付款计划台账" if long_name else f"{rng.choice(VERBS)}{noun}"
    return [
        f"    name: {_q(name)}", f"    lane: {lane}", f"    description: {_q(PARAGRAPH)}",
        f"    time_limit: {rng.choice(['即时', '4小时内', '1个工作日内', '2个工作日内'])}",
        f"    inputs: [{_q(noun)}, {_q(rng.choice(NOUNS))}]", f"    outputs: [{_q(noun + '（已处理）')}]",
        f"    documents: [D-{i % 8}, D-{(i + 3) % 8}]", f"    records: [R-{i % 8}]", "    system: SAP MIGO",
        *(["    key: true", "    control:", "      standard: 单据齐全、金额一致", "      method: 系统校验加人工复核",
           f"      record: R-{i % 8}", f'      on_fail: "{i}"'] if i % 6 == 1 else []),
        f"    next: {following}",
    ]


def write_dense_corpus(folder: Path, count: int) -> list[Path]:
    """Write `count` dense process files (and a procdoc.toml) into `folder`."""
    return write_processes(folder, count, dense_id, dense_text)
