"""Governance rules (G…): version, approval, review cycle and revision history, checked on 2026-11-25.

Each case is a small process with its expected findings marked under the
lines they are about (tests/markers.py); G009 checks it together with the
other processes of the repository (tests/rules/repository.py).
"""

from __future__ import annotations

import pytest

from tests.base_process import BASE
from tests.markers import assert_marked, split
from tests.rules.repository import HEAD, process
from tests.ruletester import lint

REVISIONS = """\
revisions:
  - {version: "1.0", date: 2026-01-10, author: 张三, approved_by: 李四, changes: 首次发布}
  - {version: "1.1", date: 2026-06-01, author: 张三, approved_by: 李四, changes: 增加控制点}
"""

#: case → (the process, with its findings marked; the other processes of the repository)
CASES = {
    "G001-valid": (HEAD + REVISIONS, []),
    "G001-missing": ("""\
procdoc: 1
id: T-01
#   ^ G001 process T-01 '投诉受理' has no revision history
name: 投诉受理
lanes: [{id: service, name: 客服部}]
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
  - {id: "2", name: 处理完毕, type: end, lane: service}
version: "1.1"
""", []),
    "G001-empty": (HEAD + """\
revisions: []
#          ^ G001 has no revision history
""", []),
    "G002-valid": (HEAD + 'version: "1.1"\n' + REVISIONS, []),
    "G002-missing": ("""\
procdoc: 1
id: T-01
#   ^ G002 process T-01 '投诉受理' states no version
name: 投诉受理
lanes: [{id: service, name: 客服部}]
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
  - {id: "2", name: 处理完毕, type: end, lane: service}
""" + REVISIONS, []),
    "G003-valid": (HEAD + 'version: "1.1"\n' + REVISIONS, []),
    "G003-ahead": (HEAD + """\
version: "1.2"
#        ^ G003 version 1.2 differs from the latest revision, 1.1
""" + REVISIONS, []),
    "G003-behind": (HEAD + """\
version: "1.0"
#        ^ G003 version 1.0 differs from the latest revision, 1.1
""" + REVISIONS, []),
    "G003-valid-no-history-left-to-G001": (HEAD + 'version: "1.1"\n', []),
    "G004-valid": (HEAD + "status: approved\napproved_by: 李四\n" + REVISIONS, []),
    "G004-valid-on-latest-revision": (HEAD + "status: approved\n" + REVISIONS, []),
    "G004-nobody": (HEAD + """\
status: approved
#       ^ G004 the process is marked approved, but nobody is named as its approver
""", []),
    "G004-only-an-earlier-revision-approved": (HEAD + """\
status: approved
#       ^ G004 nobody is named as its approver
revisions:
  - {version: "1.0", date: 2026-01-10, author: 张三, approved_by: 李四, changes: 首次发布}
  - {version: "1.1", date: 2026-06-01, author: 张三, changes: 增加控制点}
""", []),
    "G004-nobody-anywhere": (HEAD + """\
status: approved
#       ^ G004 nobody is named as its approver
revisions:
  - {version: "1.0", date: 2026-01-10, author: 张三, changes: 首次发布}
  - {version: "1.1", date: 2026-06-01, author: 张三, changes: 增加控制点}
""", []),
    "G004-valid-draft": (HEAD + """\
status: draft
revisions:
  - {version: "1.0", date: 2026-01-10, author: 张三, changes: 首次发布}
""", []),
    "G005-valid": (HEAD + "status: approved\nreview_every: 12 months\n" + REVISIONS, []),
    "G005-overdue": (HEAD + """\
status: approved
review_every: 3 months
#             ^ G005 counted from the revision 1.1 (2026-06-01), so it was due on 2026-09-01, 85 days ago
""" + REVISIONS, []),
    "G005-quarterly": (HEAD + """\
status: approved
review_every: 每季度
#             ^ G005 the review is overdue
""" + REVISIONS, []),
    "G005-valid-due-on-the-day": (HEAD + "status: approved\nreview_every: 6个月\n" + REVISIONS, []),
    "G005-overdue-by-days": (HEAD + """\
status: approved
review_every: 5 months
#             ^ G005 the review is overdue: the cycle is 5 months
""" + REVISIONS, []),
    "G005-valid-effective-later": (
        HEAD + "status: approved\neffective: 2026-10-01\nreview_every: 3 months\n" + REVISIONS, [],
    ),
    "G005-valid-draft-not-in-force": (HEAD + "status: draft\nreview_every: 3 months\n" + REVISIONS, []),
    "G005-valid-unreadable-left-to-G006": (HEAD + "status: approved\nreview_every: 定期\n" + REVISIONS, []),
    "G006-valid": (HEAD + "review_every: 12 months\n", []),
    "G006-valid-english-word": (HEAD + "review_every: annually\n", []),
    "G006-unreadable": (HEAD + """\
review_every: 定期
#             ^ G006 the review cycle '定期' cannot be read
""", []),
    "G007-valid": (HEAD + REVISIONS, []),
    "G007-backwards": (HEAD + """\
revisions:
  - version: "1.0"
    date: 2026-07-10
  - version: "1.1"
    date: 2026-06-01
#         ^ G007 revision 1.1 is dated 2026-06-01, before the revision 1.0 listed above it
""", []),
    "G007-valid-same-day": (HEAD + """\
revisions:
  - {version: "1.0", date: 2026-06-01}
  - {version: "1.1", date: 2026-06-01}
""", []),
    "G007-valid-impossible-date-skipped": (HEAD + """\
revisions:
  - {version: "1.0", date: 2026-01-10}
  - {version: "1.1", date: 2026-02-30}
""", []),
    "G008-valid": (HEAD + REVISIONS, []),
    "G008-valid-today": (HEAD + """\
revisions:
  - {version: "1.0", date: 2026-01-10}
  - {version: "1.1", date: 2026-11-25}
""", []),
    "G008-tomorrow": (HEAD + """\
revisions:
  - version: "1.0"
    date: 2026-01-10
  - version: "1.1"
    date: 2026-11-26
#         ^ G008 revision 1.1 is dated 2026-11-26, after today (2026-11-25)
""", []),
    "G009-valid": (process("T-01", runs="PP-01"), [process("PP-01")]),
    "G009-runs-retired": (HEAD + """\
    type: subprocess
    process: PP-01
#            ^ G009 step 2 runs process PP-01 '投诉受理', which is retired
""", [process("PP-01", status="retired")]),
    "G009-from-retired": (HEAD + """\
trigger:
  description: 收到投诉
  from_process: SD-03
#               ^ G009 the trigger comes from process SD-03 '投诉受理', which is retired
""", [process("SD-03", status="retired")]),
    "G009-to-retired": (HEAD + """\
outputs:
  - name: 投诉处理记录
    to_process: QA-01
#               ^ G009 output '投诉处理记录' goes to process QA-01 '投诉受理', which is retired
""", [process("QA-01", status="retired")]),
    "G009-valid-retired-itself": (
        process("T-01", runs="PP-01", status="retired"), [process("PP-01", status="retired")],
    ),
    "G009-valid-unknown-left-to-I002": (process("T-01", runs="PP-09"), [process("PP-01", status="retired")]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    text, others = CASES[case]
    assert_marked(text, [case[:4]], others=others)


def test_base_is_clean() -> None:
    assert lint(BASE, ["governance"]) == []


def test_overdue_review_says_since_when_and_by_how_much() -> None:
    text, _ = split(CASES["G005-overdue"][0])
    [finding] = lint(text, ["G005"])
    assert finding.message == (
        "the review is overdue: the cycle is 3 months, counted from the revision 1.1 (2026-06-01), "
        "so it was due on 2026-09-01, 85 days ago"
    )


def test_version_mismatch_points_to_the_latest_revision() -> None:
    text, _ = split(CASES["G003-ahead"][0])
    latest = text.splitlines().index(REVISIONS.splitlines()[-1]) + 1
    [finding] = lint(text, ["G003"])
    assert finding.message.endswith(f"differs from the latest revision, 1.1 (line {latest})")
