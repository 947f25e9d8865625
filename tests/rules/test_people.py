"""People rules (P…): owner, lanes, vague parties, standard names, RACI.

Each case is a small process with its expected findings marked under the
lines they are about (tests/markers.py), and the options it is checked
with: the org catalogue (`org`), the other processes of the repository
(`others`), the settings (`config`).
"""

from __future__ import annotations

from typing import Any

import pytest

from procdoc.checks.rules.people import name_key
from procdoc.config import CheckConfig, OrgUnit
from tests.base_process import BASE
from tests.markers import assert_marked
from tests.rules import edited
from tests.ruletester import lint

#: ends inside step 2, so that a case can give it a `raci:` before it adds top-level keys and the lanes
HEAD = """\
procdoc: 1
id: T-01
name: 投诉受理
steps:
  - {id: "1", name: 客户投诉, type: start, lane: customer, next: "2"}
  - {id: "3", name: 处理完毕, type: end, lane: service}
  - id: "2"
    name: 登记投诉
    lane: service
    next: "3"
"""

#: the lanes list up to the service lane, which a case writes itself
CUSTOMER = """\
lanes:
  - {id: customer, name: 客户, kind: external}
"""

LANES = CUSTOMER + "  - {id: service, name: 客服部}\n"
LEGAL = "  - {id: legal, name: 法务部}\n"

CATALOGUE = {
    "service": OrgUnit("service", "客服部", aliases=("客服部门", "Customer Care"), en="Service Dept"),
    "customer": OrgUnit("customer", "客户", kind="external"),
}

CUSTOMER_ONLY = {"customer": CATALOGUE["customer"]}
UNDER_OTHER_ID = {"care": OrgUnit("care", "客服部", aliases=("客服部门",))}


def neighbour(service: str) -> str:
    """Another process of the repository, whose service lane is called `service`."""
    return edited("id: T-01", "id: T-02", HEAD) + CUSTOMER + f"  - id: service\n    name: {service}\n"


#: case → (the process, with its findings marked; the options it is checked with)
CASES: dict[str, tuple[str, dict[str, Any]]] = {
    "P001-valid": (HEAD + "owner: service\n" + LANES, {}),
    "P001-no-owner": ("""\
procdoc: 1
id: T-01
#   ^ P001 process T-01 '投诉受理' has no owner (流程责任人)
name: 投诉受理
lanes: [{id: service, name: 客服部}]
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
  - {id: "2", name: 处理完毕, type: end, lane: service}
""", {}),
    "P002-valid": (HEAD + LANES, {}),
    "P002-start-without-lane": ("""\
procdoc: 1
id: T-01
name: 投诉受理
lanes: [{id: service, name: 客服部}]
steps:
  - id: "1"
#       ^ P002 step 1 '客户投诉' has no lane: nobody is responsible for it
    name: 客户投诉
    type: start
    next: "2"
  - {id: "2", name: 处理完毕, type: end, lane: service}
""", {}),
    "P003-valid": (HEAD + LANES, {}),
    "P003-lane-name": (HEAD + CUSTOMER + """\
  - id: service
    name: 相关部门
#         ^ P003 lane service is called '相关部门', which names no one in particular
""", {}),
    "P003-contained-phrase": (HEAD + CUSTOMER + """\
  - id: service
    name: 质量相关部门
#         ^ P003 lane service is called '质量相关部门', and '相关部门' names no one in particular
""", {}),
    "P003-english-any-case": (HEAD + CUSTOMER + """\
  - id: service
    name: Related Departments
#         ^ P003 which names no one in particular
""", {}),
    "P003-tbd": (HEAD + CUSTOMER + """\
  - id: service
    name: tbd
#         ^ P003 which names no one in particular
""", {}),
    "P003-valid-tbd-only-as-a-word": (HEAD + CUSTOMER + "  - id: service\n    name: TBDX Team\n", {}),
    "P003-raci-party": (HEAD + """\
    raci:
      r: service
      c: 相关部门
#        ^ P003 the RACI of step 2 '登记投诉' names '相关部门' as consulted (C), which names no one in particular
""" + LANES, {}),
    "P003-valid-raci-lanes": (HEAD + "    raci:\n      r: service\n      c: [customer]\n" + LANES, {}),
    "P003-option-custom-list": (HEAD + CUSTOMER + """\
  - id: service
    name: 客服部
#         ^ P003 lane service is called '客服部', and '客服' names no one in particular
""", {"config": CheckConfig(options={"P003": {"vague-names": ["客服"]}})}),
    "P003-option-empty-list-by-rule-name": (
        HEAD + CUSTOMER + "  - id: service\n    name: 相关部门\n",
        {"config": CheckConfig(options={"vague-party": {"vague-names": []}})},
    ),
    "P004-valid": (HEAD + LANES, {}),
    "P004-unused": (HEAD + LANES + """\
  - id: legal
#       ^ P004 lane legal '法务部' is declared but no step is in it
    name: 法务部
""", {}),
    "P004-valid-named-in-raci": (HEAD + "    raci:\n      r: service\n      i: legal\n" + LANES + LEGAL, {}),
    "P004-valid-kpi-owner": (HEAD + "kpis:\n  - name: 合规率\n    owner: legal\n" + LANES + LEGAL, {}),
    "P004-valid-owner": (HEAD + "owner: legal\n" + LANES + LEGAL, {}),
    "P005-valid-standard-name": (HEAD + LANES, {"org": CATALOGUE}),
    "P005-valid-english-name": (HEAD + CUSTOMER + "  - id: service\n    name: Service Dept\n", {"org": CATALOGUE}),
    "P005-alias": (HEAD + CUSTOMER + """\
  - id: service
    name: 客服部门
#         ^ P005 lane service is called '客服部门'; the standard name is '客服部'
""", {"org": CATALOGUE}),
    "P005-alias-any-case": (HEAD + CUSTOMER + """\
  - id: service
    name: customer care
#         ^ P005 lane service is called 'customer care'; the standard name is 'Service Dept'
""", {"org": CATALOGUE}),
    "P005-english-alias-gets-the-english-name": (HEAD + CUSTOMER + """\
  - id: service
    name: Customer Care
#         ^ P005 lane service is called 'Customer Care'; the standard name is 'Service Dept'
""", {"org": CATALOGUE}),
    "P005-other-name-for-the-id": (HEAD + CUSTOMER + """\
  - id: service
    name: 客服中心
#         ^ P005 lane service is called '客服中心'; the standard name is '客服部'
""", {"org": CATALOGUE}),
    "P005-alias-of-a-unit-of-other-id": (HEAD + CUSTOMER + """\
  - id: service
    name: 客服部门
#         ^ P005 the standard name is '客服部'
""", {"org": UNDER_OTHER_ID}),
    "P005-valid-unknown-left-to-P006": (HEAD + LANES, {"org": CUSTOMER_ONLY}),
    "P006-valid-no-catalogue": (HEAD + LANES, {}),
    "P006-valid-all-known": (HEAD + LANES, {"org": CATALOGUE}),
    "P006-unknown": (HEAD + CUSTOMER + """\
  - id: service
    name: 客服部
#         ^ P006 lane service '客服部' is not in the org catalogue
""", {"org": CUSTOMER_ONLY}),
    "P006-valid-id-known-left-to-P005": (HEAD + CUSTOMER + "  - id: service\n    name: 客服中心\n", {"org": CATALOGUE}),
    "P006-valid-name-known": (HEAD + LANES, {"org": UNDER_OTHER_ID | CUSTOMER_ONLY}),
    "P007-valid-same-names": (HEAD + LANES, {"others": [neighbour("客服部")]}),
    "P007-suffix-部门": (HEAD + CUSTOMER + """\
  - id: service
    name: 客服部
#         ^ P007 lane service '客服部' is spelt '客服部门' in other0.yaml
""", {"others": [neighbour("客服部门")]}),
    "P007-department-dept": (HEAD + CUSTOMER + """\
  - id: service
    name: Quality Dept
#         ^ P007 lane service 'Quality Dept' is spelt 'Quality Department' in other0.yaml
""", {"others": [neighbour("Quality Department")]}),
    "P007-case": (HEAD + CUSTOMER + """\
  - id: service
    name: Service desk
#         ^ P007 lane service 'Service desk' is spelt 'Service Desk' in other0.yaml
""", {"others": [neighbour("Service Desk")]}),
    "P007-valid-different-units": (
        HEAD + CUSTOMER + "  - id: service\n    name: 技术中心\n", {"others": [neighbour("技术部")]},
    ),
    "P007-valid-catalogue-name-left-to-P005": (HEAD + LANES, {"others": [neighbour("客服部门")], "org": CATALOGUE}),
    "P007-within-one-file": (HEAD + CUSTOMER + """\
  - id: service
    name: 客服部
#         ^ P007 lane service '客服部' is spelt '客服部门' in process.yaml
  - id: x
    name: 客服部门
#         ^ P007 lane x '客服部门' is spelt '客服部' in process.yaml
""", {}),
    "P008-valid": (HEAD + "    raci:\n      r: service\n      a: service\n" + LANES, {}),
    "P008-no-a": (HEAD + """\
    raci:
      r: service
#     ^ P008 the RACI of step 2 '登记投诉' names nobody accountable (A)
      c: customer
""" + LANES, {}),
    "P008-two-a": (HEAD + """\
    raci:
      r: service
      a: [service, customer]
#                  ^ P008 names 2 accountable parties (A): service, customer
""" + LANES, {}),
    "P009-valid": (HEAD + "    raci:\n      r: service\n      a: service\n" + LANES, {}),
    "P009-no-r": (HEAD + """\
    raci:
      a: service
#     ^ P009 the RACI of step 2 '登记投诉' names nobody responsible (R)
""" + LANES, {}),
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    text, options = CASES[case]
    assert_marked(text, [case[:4]], **options)


def test_base_is_clean() -> None:
    assert lint(BASE, ["people"]) == []


def test_near_duplicate_names_the_other_file_and_line() -> None:
    other = neighbour("客服部门")
    line = other.splitlines().index("    name: 客服部门") + 1
    assert_marked(HEAD + CUSTOMER + f"""\
  - id: service
    name: 客服部
#         ^ P007 lane service '客服部' is spelt '客服部门' in other0.yaml:{line}
""", ["P007"], others=[other])


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("营销部", "营销部门", True),
        ("Quality Dept.", "quality department", True),
        ("R&D", "R and D", True),
        ("Ｑuality　Dept", "Quality Dept", True),
        ("技术中心", "技术部", False),
        ("客服", "客服部", False),
    ],
)
def test_name_key(one: str, other: str, same: bool) -> None:
    assert (name_key(one) == name_key(other)) is same


@pytest.mark.parametrize(
    "name",
    ["其他部门", "相关科室", "各单位", "有关人员", "相关人员", "各部门", "有关部门", "relevant departments",
     "other departments"],
)
def test_vague_owners_of_the_self_inspection_checklist(name: str) -> None:
    assert_marked(HEAD + CUSTOMER + f"""\
  - id: service
    name: {name}
#         ^ P003 names no one in particular
""", ["P003"])
