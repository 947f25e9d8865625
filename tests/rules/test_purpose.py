"""Start and purpose rules (O…): why the process exists, where it applies, what starts it, what it delivers.

Each case is a small process with its expected findings marked under the
lines they are about (tests/markers.py). A missing key is reported at the
process's id.
"""

from __future__ import annotations

import pytest

from tests.base_process import BASE
from tests.markers import assert_marked, split
from tests.ruletester import lint

HEAD = """\
procdoc: 1
id: T-01
name: 投诉受理
"""
FLOW = """\
lanes:
  - {id: service, name: 客服部}
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
  - {id: "2", name: 处理完毕, type: end, lane: service}
"""
NO_KEY = """\
procdoc: 1
id: T-01
#   ^ {code} {words}
name: 投诉受理
"""


def missing(code: str, words: str) -> str:
    """A process without the key `code` is about: the finding is at its id."""
    return NO_KEY.format(code=code, words=words) + FLOW


CASES = {
    "O001-valid": HEAD + "purpose: 及时受理客户投诉\n" + FLOW,
    "O001-missing": missing("O001", "states no purpose"),
    "O001-placeholder": HEAD + """\
purpose: TODO 说明流程目的
#        ^ O001 still a placeholder
""" + FLOW,
    "O001-placeholder-without-space": HEAD + """\
purpose: TODO说明流程目的
#        ^ O001 still a placeholder
""" + FLOW,
    "O001-blank": HEAD + """\
purpose: '  '
#        ^ O001 states no purpose
""" + FLOW,
    "O001-valid-word-starting-with-todo": HEAD + "purpose: Todoist sync of complaints\n" + FLOW,
    "O002-valid": HEAD + "scope: 所有客户投诉\n" + FLOW,
    "O002-missing": missing("O002", "states no scope"),
    "O002-placeholder": HEAD + """\
scope: 待定
#      ^ O002 still a placeholder
""" + FLOW,
    "O003-valid": HEAD + """\
trigger:
  description: 客户提出投诉
  mode: passive
""" + FLOW,
    "O003-missing": missing("O003", "states no trigger"),
    "O003-placeholder-description": HEAD + """\
trigger:
  description: TBD
#              ^ O003 still a placeholder
  mode: passive
""" + FLOW,
    "O004-valid": HEAD + """\
outputs:
  - name: 投诉处理记录
""" + FLOW,
    "O004-missing": missing("O004", "lists no output"),
    "O004-empty-list": HEAD + """\
outputs: []
#        ^ O004 lists no output
""" + FLOW,
    "O005-valid-passive": HEAD + """\
trigger:
  description: 客户提出投诉
  mode: passive
""" + FLOW,
    "O005-active-unassured": HEAD + """\
trigger:
  description: 客户提出投诉
  mode: active
#       ^ O005 nothing is named that makes it start on time
""" + FLOW,
    "O005-placeholder": HEAD + """\
trigger:
  description: 客户提出投诉
  mode: active
  assured_by: TODO
#             ^ O005 nothing is named
""" + FLOW,
    "O005-valid-assured": HEAD + """\
trigger:
  description: 客户提出投诉
  mode: active
  assured_by: OA 每月1日自动发起待办
""" + FLOW,
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    assert_marked(CASES[case], [case[:4]])


def test_base_is_clean() -> None:
    assert lint(BASE, ["purpose"]) == []


def test_messages_name_the_process_and_the_key() -> None:
    [no_purpose] = lint(split(CASES["O001-missing"])[0], ["O001"])
    assert no_purpose.message == "process T-01 '投诉受理' states no purpose (`purpose:`)"
    placeholder = HEAD + "scope: TODO 说明适用范围\n" + FLOW
    [no_scope] = lint(placeholder, ["O002"])
    assert no_scope.message == "the scope of process T-01 is still a placeholder: 'TODO 说明适用范围'"
