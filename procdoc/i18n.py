"""Headings and labels in Chinese or English, and the choice between them.

Every word a manual prints that does not come from the process file is in
`LABELS`, once per language, so a page never mixes the two and a test can
check that both dictionaries name the same things.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from procdoc.model import Process

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

LANGS = ("zh", "en")
#: what `--lang` accepts: a language, or each process in its own
LANG_CHOICES = ("auto", *LANGS)
HTML_LANG = {"zh": "zh-CN", "en": "en"}

_ZH = {
    # the chart's legend
    "legend.title": "图例", "legend.key": "关键环节（粗框）", "legend.cp": "控", "legend.cp_text": "控制点",
    "legend.system": "信息系统", "legend.subprocess": "子流程", "legend.subprocess_text": "引用流程（可点击）",
    "legend.document": "文件", "legend.document_text": "指导文件（步骤左侧）", "legend.record": "记录",
    "legend.record_text": "记录（步骤右侧）", "legend.emergency": "应急处理路径",
    "legend.parallel_text": "并行分支与汇合（菱形内加号）", "legend.trigger": "触发：",
    # sections of a process page, in the order of ISO/TR 10013 and the practitioners' manual template
    "section.purpose": "目的",
    "section.scope": "适用范围",
    "section.interfaces": "输入与输出",
    "section.responsibilities": "职责",
    "section.diagram": "流程图",
    "section.steps": "流程步骤",
    "section.controls": "控制点",
    "section.emergencies": "紧急情况",
    "section.raci": "RACI 矩阵",
    "section.kpis": "关键绩效指标",
    "section.documents": "相关文件",
    "section.records": "记录",
    "section.glossary": "术语解释",
    "section.references": "引用制度",
    "section.revisions": "修订记录",
    # header block
    "header.code": "流程编号",
    "header.name": "流程名称",
    "header.version": "版本",
    "header.status": "状态",
    "header.owner": "流程责任部门",
    "header.approved_by": "批准人",
    "header.effective": "生效日期",
    "header.category": "流程类别",
    "header.level": "层级",
    "header.parent": "上级流程",
    "header.sla": "总周期标准",
    "header.review_every": "评审周期",
    "sign.role": "职责",
    "sign.name": "姓名",
    "sign.signature": "签字",
    "sign.date": "日期",
    "sign.author": "编制",
    "sign.reviewer": "审核",
    "sign.approver": "批准",
    # trigger, outputs, interfaces
    "trigger.description": "启动条件",
    "trigger.mode": "启动方式",
    "trigger.assured_by": "按时启动的保障",
    "trigger.upstream": "上游流程",
    "mode.passive": "被动（事件到达）",
    "mode.active": "主动（按计划启动）",
    "output.name": "输出",
    "output.description": "说明",
    "output.downstream": "下游流程",
    "interfaces.referenced": "引用流程",
    # tables
    "col.lane": "部门/岗位",
    "col.kind": "类型",
    "col.duties": "职责",
    "col.lane_steps": "负责步骤",
    "col.number": "编号",
    "col.step": "步骤",
    "col.responsible": "责任部门/岗位",
    "col.input": "输入",
    "col.output": "输出",
    "col.time_limit": "时限",
    "col.documents": "相关文件",
    "col.records": "记录",
    "col.standard": "质量标准",
    "col.method": "考核办法",
    "col.record": "记录",
    "col.on_fail": "纠正措施",
    "col.emergency": "紧急情况",
    "col.handler": "应急处理",
    "col.description": "说明",
    "col.kpi": "指标",
    "col.definition": "定义",
    "col.target": "近期目标",
    "col.goal": "远期目标",
    "col.owner": "负责",
    "col.id": "编号",
    "col.name": "名称",
    "col.ref": "文件编号",
    "col.used_in": "使用步骤",
    "col.keep": "保存期限",
    "col.stored_in": "存放位置",
    "col.form": "表单",
    "col.produced_in": "产生步骤",
    "col.term": "术语",
    "col.version": "版本",
    "col.date": "日期",
    "col.changes": "变更内容",
    "col.author": "编制",
    "col.reviewed_by": "审核",
    "col.approved_by": "批准",
    "col.status": "状态",
    "col.last_revision": "最近修订",
    # words inside cells and around the page
    "list.separator": "、",
    "sla.segment": "{name}（{start} → {end}）：{limit}",
    "sla.separator": "；",
    "none": "无",
    "not_stated": "未说明",
    "key_step": "关键环节",
    "control_point": "控制点",
    "system": "系统",
    "runs_process": "执行流程",
    "next": "下一步",
    "to_diagram": "↑ 流程图",
    "to_step": "转到步骤",
    "raci.legend": "R 负责执行　A 批准（最终负责）　C 咨询　I 知会",
    "figure.caption": "图 1　{name}泳道流程图",
    "figure.hint": "（点击图中步骤可跳转到流程步骤表）",
    "figure.alt": "{name}泳道流程图：{lanes} 个泳道，{steps} 个步骤；文字版见“流程步骤”表",
    "figure.files": "下载",
    "figure.too_large": "本流程步骤过多，无法绘制泳道图：请拆分为子流程。流程步骤表是其文字版。",
    "figure.fit": "显示全图",
    "figure.full": "放大阅读",
    "nav.index": "流程目录",
    "nav.contents": "目录",
    "index.title": "流程目录",
    "index.filter": "筛选流程（编号、名称、部门、状态）",
    "index.count": "共 {count} 个流程",
    "index.empty": "没有符合条件的流程",
    "index.no_parent": "未归入上级流程",
    "footer.generated": "由 procdoc {version} 生成",
    "footer.built_at": "生成时间 {stamp}",
    # enumerations of the format
    "status.draft": "草稿",
    "status.in-review": "评审中",
    "status.approved": "已批准",
    "status.retired": "已废止",
    "category.strategic": "战略流程",
    "category.business": "业务流程",
    "category.support": "支持流程",
    "category.none": "未分类",
    "doc.procedure": "程序文件",
    "doc.standard": "标准",
    "doc.instruction": "作业指导书",
    "doc.form": "表单",
    "doc.template": "模板",
    "doc.rule": "制度",
    "lane.external": "外部",
    "lane.department": "部门",
    "lane.role": "岗位",
    "lane.system": "系统",
    "step.start": "开始",
    "step.task": "活动",
    "step.decision": "判断",
    "step.subprocess": "子流程",
    "step.join": "汇合",
    "limit.deadline": "相对时限",
    "limit.calendar": "日历规则",
    "limit.standard": "按标准",
    "step.end": "结束",
}

_EN = {
    # the chart's legend
    "legend.title": "Legend", "legend.key": "Key step (bold border)", "legend.cp": "CP",
    "legend.cp_text": "Control point", "legend.system": "Information system", "legend.subprocess": "Sub",
    "legend.subprocess_text": "Referenced process (click)",
    "legend.document": "Doc", "legend.document_text": "Guidance document (left of step)", "legend.record": "Rec",
    "legend.record_text": "Record (right of step)", "legend.emergency": "Emergency path",
    "legend.parallel_text": "Parallel split and join (diamond with +)", "legend.trigger": "Trigger: ",
    "section.purpose": "Purpose",
    "section.scope": "Scope",
    "section.interfaces": "Trigger and outputs",
    "section.responsibilities": "Responsibilities",
    "section.diagram": "Flowchart",
    "section.steps": "Procedure steps",
    "section.controls": "Control points",
    "section.emergencies": "Emergencies",
    "section.raci": "RACI matrix",
    "section.kpis": "Key performance indicators",
    "section.documents": "Related documents",
    "section.records": "Records",
    "section.glossary": "Glossary",
    "section.references": "References",
    "section.revisions": "Revision history",
    "header.code": "Process code",
    "header.name": "Process name",
    "header.version": "Version",
    "header.status": "Status",
    "header.owner": "Process owner",
    "header.approved_by": "Approved by",
    "header.effective": "Effective date",
    "header.category": "Category",
    "header.level": "Level",
    "header.parent": "Parent group",
    "header.sla": "Cycle-time standard",
    "header.review_every": "Review cycle",
    "sign.role": "Role",
    "sign.name": "Name",
    "sign.signature": "Signature",
    "sign.date": "Date",
    "sign.author": "Prepared by",
    "sign.reviewer": "Reviewed by",
    "sign.approver": "Approved by",
    "trigger.description": "Trigger",
    "trigger.mode": "Start mode",
    "trigger.assured_by": "Started on time by",
    "trigger.upstream": "Upstream process",
    "mode.passive": "Passive (an event arrives)",
    "mode.active": "Active (started on schedule)",
    "output.name": "Output",
    "output.description": "Description",
    "output.downstream": "Downstream process",
    "interfaces.referenced": "Referenced processes",
    "col.lane": "Department / role",
    "col.kind": "Kind",
    "col.duties": "Duties",
    "col.lane_steps": "Responsible for steps",
    "col.number": "No.",
    "col.step": "Step",
    "col.responsible": "Responsible",
    "col.input": "Input",
    "col.output": "Output",
    "col.time_limit": "Time limit",
    "col.documents": "Documents",
    "col.records": "Records",
    "col.standard": "Quality standard",
    "col.method": "Assessment method",
    "col.record": "Record",
    "col.on_fail": "Corrective action",
    "col.emergency": "Emergency",
    "col.handler": "Handled from",
    "col.description": "Description",
    "col.kpi": "Indicator",
    "col.definition": "Definition",
    "col.target": "Target",
    "col.goal": "Goal",
    "col.owner": "Owner",
    "col.id": "Code",
    "col.name": "Name",
    "col.ref": "Document no.",
    "col.used_in": "Used in steps",
    "col.keep": "Retention",
    "col.stored_in": "Stored in",
    "col.form": "Form",
    "col.produced_in": "Produced in steps",
    "col.term": "Term",
    "col.version": "Version",
    "col.date": "Date",
    "col.changes": "Changes",
    "col.author": "Author",
    "col.reviewed_by": "Reviewed by",
    "col.approved_by": "Approved by",
    "col.status": "Status",
    "col.last_revision": "Last revision",
    "list.separator": ", ",
    "sla.segment": "{name} ({start} → {end}): {limit}",
    "sla.separator": "; ",
    "none": "None",
    "not_stated": "Not stated",
    "key_step": "Key step",
    "control_point": "Control point",
    "system": "System",
    "runs_process": "Runs process",
    "next": "Next",
    "to_diagram": "↑ flowchart",
    "to_step": "Go to step",
    "raci.legend": "R Responsible   A Accountable (approves)   C Consulted   I Informed",
    "figure.caption": "Figure 1. Swimlane flowchart of {name}",
    "figure.hint": "(click a step in the chart to go to its row in the steps table)",
    "figure.alt": "Swimlane flowchart of {name}: {lanes} lanes, {steps} steps; the steps table is its text version",
    "figure.files": "Download",
    "figure.too_large": "This process has too many steps to draw a swimlane chart: split it into sub-processes. "
    "The steps table is its text version.",
    "figure.fit": "Whole chart",
    "figure.full": "Reading size",
    "nav.index": "Process catalogue",
    "nav.contents": "Contents",
    "index.title": "Process catalogue",
    "index.filter": "Filter processes (code, name, owner, status)",
    "index.count": "Processes: {count}",
    "index.empty": "No process matches",
    "index.no_parent": "No parent group",
    "footer.generated": "Generated by procdoc {version}",
    "footer.built_at": "Built {stamp}",
    "status.draft": "Draft",
    "status.in-review": "In review",
    "status.approved": "Approved",
    "status.retired": "Retired",
    "category.strategic": "Strategic processes",
    "category.business": "Business processes",
    "category.support": "Support processes",
    "category.none": "Uncategorised",
    "doc.procedure": "Procedure",
    "doc.standard": "Standard",
    "doc.instruction": "Work instruction",
    "doc.form": "Form",
    "doc.template": "Template",
    "doc.rule": "Rule",
    "lane.external": "External",
    "lane.department": "Department",
    "lane.role": "Role",
    "lane.system": "System",
    "step.start": "Start",
    "step.task": "Activity",
    "step.decision": "Decision",
    "step.subprocess": "Sub-process",
    "step.join": "Join",
    "limit.deadline": "deadline",
    "limit.calendar": "calendar rule",
    "limit.standard": "standard",
    "step.end": "End",
}

LABELS: Mapping[str, Mapping[str, str]] = {"zh": _ZH, "en": _EN}


def has_chinese(text: str) -> bool:
    """Whether `text` holds a Chinese character: a name such as `IT报修流程` is written for Chinese readers."""
    return _CJK.search(text) is not None


def text_lang(text: str) -> str:
    """zh when most of the letters of `text` are Chinese characters, else en."""
    letters = sum(ch.isalpha() for ch in text)
    return "zh" if letters and len(_CJK.findall(text)) * 2 >= letters else "en"


def detect_lang(process: Process) -> str:
    """`process.lang` if set, else zh when the visible text is mostly Chinese."""
    if process.lang:
        return process.lang
    return text_lang(" ".join([process.name, process.purpose or "", *(s.name for s in process.steps)]))


def choose_lang(requested: str, process: Process) -> str:
    return detect_lang(process) if requested == "auto" else requested


def majority_lang(requested: str, processes: Iterable[Process]) -> str:
    """The language of a page about many processes (the index): most of theirs, zh on a tie."""
    if requested != "auto":
        return requested
    chosen = [detect_lang(process) for process in processes]
    return "en" if chosen.count("en") > chosen.count("zh") else "zh"


def label(lang: str, key: str, **values: str | int) -> str:
    """One label in `lang`, with `{placeholders}` filled; a missing key is a bug, so it raises."""
    text = LABELS[lang][key]
    return text.format(**values) if values else text


def enum_label(lang: str, family: str, value: str | None) -> str:
    """A value of the format (status, kind …) in words; unknown values are shown as written."""
    if value is None:
        return ""
    return LABELS[lang].get(f"{family}.{value}", value)
