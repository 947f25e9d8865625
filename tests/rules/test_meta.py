"""procdoc's own findings (M…): suppression comments (M001) and rules that crash (M002).

Each case is a small process with its expected findings marked under the
lines they are about (tests/markers.py). The finding suppressed throughout
is S005: step 2 is in lane `sales`, which is not declared; the step's id
line is its anchor, so a suppression there covers it too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

import pytest

from procdoc.checks.context import Context
from procdoc.checks.registry import Finding
from procdoc.model import Process
from tests.markers import assert_marked, split

START = """\
lanes:
  - {id: service, name: 客服部}
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
"""
HEAD = """\
procdoc: 1
id: T-01
name: 投诉受理
""" + START
STEP_2 = """\
  - id: "2"
    name: 登记投诉
    lane: service
    next: "3"
"""
END = """\
  - {id: "3", name: 处理完毕, type: end, lane: service}
"""
SALES = HEAD + """\
  - id: "2"
    name: 登记投诉
    lane: sales
#         ^ S005 which is not declared
    next: "3"
""" + END
SUPPRESSION_RULES = ("S005", "P002", "M001")


class Case(NamedTuple):
    """A marked text and the rules checked on it."""

    text: str
    select: tuple[str, ...] = SUPPRESSION_RULES


CASES = {
    "S005-the-finding-without-suppression": Case(SALES),
    "M001-valid-ignore-on-the-offending-line": Case(HEAD + """\
  - id: "2"
    name: 登记投诉
    lane: sales  # procdoc: ignore[S005]
    next: "3"
""" + END),
    "M001-valid-ignore-on-the-steps-id-line": Case(HEAD + """\
  - id: "2"  # procdoc: ignore[S005]
    name: 登记投诉
    lane: sales
    next: "3"
""" + END),
    "M001-ignore-on-another-line-of-the-step-does-not-silence": Case(HEAD + """\
  - id: "2"
    name: 登记投诉  # procdoc: ignore[S005]
#                          ^ M001 suppression of S005 silences nothing here
    lane: sales
#         ^ S005
    next: "3"
""" + END),
    "M001-ignore-of-another-code-does-not-silence": Case(HEAD + """\
  - id: "2"
    name: 登记投诉
    lane: sales  # procdoc: ignore[P002]
#         ^ S005
#                           ^ M001 suppression of P002
    next: "3"
""" + END),
    "M001-valid-file-ignore-silences-the-whole-file": Case("# procdoc: file-ignore[S005]\n" + split(SALES)[0]),
    "M001-valid-file-ignore-anywhere-in-the-file": Case(split(SALES)[0] + "# procdoc: file-ignore[S005]\n"),
    "M001-several-codes-in-one-comment": Case(HEAD + """\
  - id: "2"
    name: 登记投诉
    lane: sales  # procdoc: ignore[P002, S005]
#                           ^ M001 suppression of P002 silences nothing here
    next: "3"
""" + END),
    "M001-several-codes-spaces-and-lower-case": Case(HEAD + """\
  - id: "2"
    name: 登记投诉
    lane: sales  # procdoc: ignore[ s005 ,p002 ]
#                           ^ M001 suppression of P002 silences nothing here
    next: "3"
""" + END),
    "M001-several-codes-no-spaces": Case(HEAD + """\
  - id: "2"
    name: 登记投诉
    lane: sales  #procdoc:ignore[S005,P002]
#                         ^ M001 suppression of P002 silences nothing here
    next: "3"
""" + END),
    "M001-unused-suppression-is-reported-at-the-comment": Case(HEAD + """\
  - id: "2"
    name: 登记投诉  # procdoc: ignore[S005]
#                          ^ M001 suppression of S005 silences nothing here
    lane: service
    next: "3"
""" + END),
    "M001-unused-file-ignore": Case("""\
# procdoc: file-ignore[S005]
#          ^ M001 suppression of S005 silences nothing here
""" + HEAD + STEP_2 + END),
    "S005-two-steps-in-an-undeclared-lane": Case(HEAD + """\
  - id: "2"
    name: 登记投诉
    lane: sales
#         ^ S005 which is not declared
    next: "3"
  - id: "3"
    name: 处理完毕
    type: end
    lane: sales
#         ^ S005 which is not declared
"""),
    "M001-each-suppression-covers-its-own-step": Case(HEAD + """\
  - id: "2"  # procdoc: ignore[S005]
    name: 登记投诉
    lane: sales
    next: "3"
  - id: "3"
    name: 处理完毕
    type: end
    lane: sales
#         ^ S005 which is not declared
"""),
    "M001-valid-file-ignore-covers-every-step": Case("""\
# procdoc: file-ignore[S005]
""" + HEAD + """\
  - id: "2"
    name: 登记投诉
    lane: sales
    next: "3"
  - id: "3"
    name: 处理完毕
    type: end
    lane: sales
"""),
    "M001-comment-text-inside-a-quoted-string-is-not-a-suppression": Case("""\
procdoc: 1
id: T-01
name: 投诉受理
lanes:
  - id: service
    name: "相关部门 # procdoc: ignore[P003]"
#         ^ P003
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
""" + STEP_2 + END, ("P003", "M001")),
    "M001-comment-text-inside-a-block-scalar-is-not-a-suppression": Case(HEAD + """\
  - id: "2"
    name: 登记投诉
    description: |
      不要写 # procdoc: file-ignore[S005]
    lane: sales
#         ^ S005 which is not declared
    next: "3"
""" + END),
    "M001-valid-suppression-of-a-rule-that-did-not-run": Case(HEAD + """\
  - id: "2"
    name: 登记投诉  # procdoc: ignore[S005]
    lane: service
    next: "3"
""" + END, ("P002", "M001")),
    "M001-suppression-of-an-unknown-code": Case(HEAD + """\
  - id: "2"
    name: 登记投诉  # procdoc: ignore[S05]
#                          ^ M001 suppression of S05 silences nothing here
    lane: service
    next: "3"
""" + END, ("P002", "M001")),
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    assert_marked(*CASES[case])


def looks_then_fails_on_t02(process: Process, ctx: Context) -> Iterator[Finding]:
    """A rule with a finding on every process, that raises on process T-02 after making it."""
    yield Finding(process.where("name"), f"looked at {process.id}")
    if process.id == "T-02":
        raise ZeroDivisionError("division by zero")


CRASHES = {
    "M002-valid": """\
procdoc: 1
id: T-01
name: 投诉受理
#     ^ Z901 looked at T-01
""" + START + STEP_2 + END,
    "M002-a-rule-that-raises-reports-nothing-else": """\
procdoc: 1
^ M002 internal error in rule Z901 (ZeroDivisionError: division by zero)
id: T-02
name: 投诉受理
""" + START + STEP_2 + END,
}


@pytest.mark.parametrize("case", list(CRASHES))
def test_internal_error(case: str, register: Callable[..., None]) -> None:
    register("Z901", looks_then_fails_on_t02)
    assert_marked(CRASHES[case], ["Z901", "M002"])
