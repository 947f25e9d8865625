"""A deterministic, realistic repository of N processes for the benchmark.

Each process has about 40 steps in 5 lanes and 4 phases, decisions with
loop-backs, sub-process calls to other processes of the corpus (always to a
higher-numbered one, so there is no call cycle), documents, records, control
points, KPIs and revisions: about 10 KB of valid format-1 YAML, like a real
file. Same N → byte-identical files.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

LANES = [
    ("customer", "客户", "external"),
    ("sales", "营销部", "department"),
    ("quality", "质量部", "department"),
    ("tech", "技术中心", "department"),
    ("vp", "技术副总", "role"),
    ("sales-vp", "营销副总", "role"),  # only in processes asked for with six lanes
]
PHASES = [("p1", "信息收集"), ("p2", "信息确认"), ("p3", "处理"), ("p4", "分析改进")]
VERBS = ["记录", "审核", "确认", "分析", "通知", "汇总", "评审", "批准", "检验", "归档"]
OBJECTS = ["客户反馈", "投诉信息", "处理方案", "质量报告", "让步申请", "检验结果", "整改措施", "费用清单"]
LIMITS = ["即时", "2小时内", "24小时内", "0.5天内", "1个工作日内", "3个工作日内"]


def process_id(index: int) -> str:
    return f"BP-{index:05d}"


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def process_text(index: int, total: int, steps: int = 40, lanes: int = 5) -> str:
    """One process file: `steps` steps in `lanes` lanes (at most six)."""
    rng = random.Random(index)
    lines = [
        "procdoc: 1",
        f"id: {process_id(index)}",
        f"name: {_q(f'业务流程{index}')}",
        'version: "1.1"',
        "status: approved",
        "category: business",
        f"parent: G{index // 50:03d}",
        "owner: sales",
        "approved_by: 李四",
        "effective: 2026-03-01",
        "purpose: 规范业务处理，确保按时、按质完成并留下可追溯的记录",
        "scope: 适用于公司所有相关业务；不适用于外包业务",
        "trigger:",
        "  description: 客户提出业务申请",
        "  mode: passive",
        "outputs:",
        f"  - name: {_q(f'处理报告{index}')}",
        "lanes:",
    ]
    for lane_id, name, kind in LANES[:lanes]:
        lines += [
            f"  - id: {lane_id}",
            f"    name: {name}",
            f"    kind: {kind}",
            f"    duties: {name}负责本流程中分配给它的步骤",
        ]
    lines.append("phases:")
    lines += [f"  - id: {pid}\n    name: {name}" for pid, name in PHASES]
    lines.append("documents:")
    lines += [f"  - id: F-{d}\n    name: 表单{d}\n    kind: form" for d in range(1, 5)]
    lines.append("records:")
    lines += [f"  - id: R-{r}\n    name: 记录{r}\n    keep: 3 years\n    stored_in: OA" for r in range(1, 5)]
    lines.append("steps:")
    lines += _steps(rng, index, total, steps, lanes)
    lines += [
        "emergencies: []",
        "kpis:",
        "  - name: 一次处理合格率",
        '    target: ">= 85%"',
        '    goal: ">= 95%"',
        "sla: 60个工作日",
        "review_every: 24个月",
        "revisions:",
        '  - version: "1.0"',
        "    date: 2026-01-10",
        "    author: 张三",
        "    approved_by: 李四",
        "    changes: 首次发布",
        '  - version: "1.1"',
        "    date: 2026-03-01",
        "    author: 张三",
        "    approved_by: 李四",
        "    changes: 增加控制点",
    ]
    return "\n".join(lines) + "\n"


def _steps(rng: random.Random, index: int, total: int, count: int, lanes: int) -> list[str]:
    ids = [f"{1 + i * 4 // count}.{i + 1}" for i in range(count)]
    out: list[str] = []
    for i, step_id in enumerate(ids):
        phase = PHASES[i * 4 // count][0]
        lane = LANES[0][0] if i == 0 else LANES[1 + (i // 3 + index) % (lanes - 1)][0]
        out += [f'  - id: "{step_id}"']
        if i == 0:
            out += [
                "    name: 客户提出申请",
                "    type: start",
                f"    lane: {lane}",
                f"    phase: {phase}",
                f'    next: "{ids[1]}"',
            ]
        elif i == count - 1:
            out += ["    name: 流程结束", "    type: end", f"    lane: {lane}", f"    phase: {phase}"]
        elif i % 9 == 4:
            back = ids[max(1, i - 3)]
            out += [
                f"    name: {rng.choice(OBJECTS)}合格？",
                "    type: decision",
                f"    lane: {lane}",
                f"    phase: {phase}",
                "    branches:",
                "      - when: 是",
                f'        next: "{ids[i + 1]}"',
                "      - when: 否",
                f'        next: "{back}"',
            ]
        elif i % 13 == 7 and index + 1 < total:
            callee = process_id(index + 1 + rng.randrange(min(5, total - index - 1)))
            out += [
                "    name: 调用下游流程",
                "    type: subprocess",
                f"    lane: {lane}",
                f"    phase: {phase}",
                f"    process: {callee}",
                f'    next: "{ids[i + 1]}"',
            ]
        else:
            out += _task(rng, i, lane, phase, ids[i + 1])
    return out


def _task(rng: random.Random, i: int, lane: str, phase: str, following: str) -> list[str]:
    out = [
        f"    name: {rng.choice(VERBS)}{rng.choice(OBJECTS)}",
        f"    lane: {lane}",
        f"    phase: {phase}",
        "    description: 按照作业指导书完成本步骤，并将结果录入系统",
        f"    time_limit: {rng.choice(LIMITS)}",
        f"    inputs: [{rng.choice(OBJECTS)}]",
        f"    outputs: [{rng.choice(OBJECTS)}]",
    ]
    if i % 5 == 1:
        n = 1 + i % 4
        out += [
            "    key: true",
            f"    documents: [F-{n}]",
            f"    records: [R-{n}]",
            "    system: ERP",
            "    control:",
            "      standard: 信息完整准确，责任人签字",
            "      method: 每周抽查 10%",
            f"      record: R-{n}",
            "      on_fail: 退回重新办理",
        ]
    return [*out, f'    next: "{following}"']


def write_corpus(folder: Path, count: int) -> list[Path]:
    """Write `count` process files (and a procdoc.toml) into `folder`."""
    return write_processes(folder, count, process_id, process_text)


def write_processes(
    folder: Path, count: int, id_of: Callable[[int], str], text_of: Callable[[int, int], str]
) -> list[Path]:
    """Write `count` process files, the i-th `text_of(i, count)` named after `id_of(i)`, and a procdoc.toml."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "procdoc.toml").write_text('paths = ["."]\n[check]\ntoday = "2026-11-25"\n', encoding="utf-8")
    paths = []
    for index in range(count):
        path = folder / f"{id_of(index).lower()}.yaml"
        path.write_text(text_of(index, count), encoding="utf-8")
        paths.append(path)
    return paths
