"""Small processes that run, receive from and hand over to each other: the repository cross-file rules look across.

A case is HEAD (or `process(...)`) followed by the lines it is about, with
its expected findings marked under them (tests/markers.py); the other
processes of the repository are built with `process(...)`.
"""

from __future__ import annotations

from tests.rules import edited

#: ends inside step 2, so that the lines a case adds first (`type: subprocess`, `process:`) belong to that step
HEAD = """\
procdoc: 1
id: T-01
name: 投诉受理
lanes: [{id: service, name: 客服部}]
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
  - {id: "3", name: 处理完毕, type: end, lane: service}
  - id: "2"
    name: 登记投诉
    lane: service
    next: "3"
"""


def process(process_id: str, *, runs: str = "", upstream: str = "", downstream: str = "", status: str = "") -> str:
    """HEAD under `process_id`: step 2 runs `runs`, the trigger comes from `upstream`, the output goes to `downstream`.

    Built texts carry no markers: they are the valid cases and the other processes of a repository.
    """
    text = edited("id: T-01", f"id: {process_id}", HEAD)
    if runs:
        text += f"    type: subprocess\n    process: {runs}\n"
    if upstream:
        text += f"trigger:\n  description: 收到投诉\n  from_process: {upstream}\n"
    if downstream:
        text += f"outputs:\n  - name: 投诉处理记录\n    to_process: {downstream}\n"
    if status:
        text += f"status: {status}\n"
    return text
