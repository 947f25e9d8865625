"""People rules (P…): owner, lanes, vague parties, standard names, RACI."""

from __future__ import annotations

from typing import Any

import pytest

from procdoc.checks.rules.people import name_key
from procdoc.config import CheckConfig, OrgUnit
from tests.base_process import BASE
from tests.rules import edited
from tests.ruletester import lint, positions

STEP_2_NEXT = '    next: "3"\n'
SERVICE_NAME = "    name: 客服部\n"
LEGAL_LANE = "    duties: 受理并处理投诉\n  - id: legal\n    name: 法务部\n"


def with_raci(*lines: str, text: str = BASE) -> str:
    """`text` with a RACI on step 2; in BASE its first party line is line 53."""
    return edited(STEP_2_NEXT, STEP_2_NEXT + "    raci:\n" + "".join(f"      {line}\n" for line in lines), text)


def lane_named(name: str, text: str = BASE) -> str:
    return edited(SERVICE_NAME, f"    name: {name}\n", text)


CATALOGUE = {
    "service": OrgUnit("service", "客服部", aliases=("客服部门", "Customer Care"), en="Service Dept"),
    "customer": OrgUnit("customer", "客户", kind="external"),
}

CUSTOMER_ONLY = {"customer": CATALOGUE["customer"]}
UNDER_OTHER_ID = {"care": OrgUnit("care", "客服部", aliases=("客服部门",))}

CASES = [
    pytest.param("P001", BASE, {}, [], id="P001-valid"),
    pytest.param("P001", edited("owner: service\n", ""), {}, [("P001", 2, 5)], id="P001-no-owner"),
    pytest.param("P002", BASE, {}, [], id="P002-valid"),
    pytest.param("P002", edited("    lane: customer\n", ""), {}, [("P002", 33, 9)], id="P002-start-without-lane"),
    pytest.param("P003", BASE, {}, [], id="P003-valid"),
    pytest.param("P003", lane_named("相关部门"), {}, [("P003", 21, 11)], id="P003-lane-name"),
    pytest.param("P003", lane_named("质量相关部门"), {}, [("P003", 21, 11)], id="P003-contained-phrase"),
    pytest.param("P003", lane_named("Related Departments"), {}, [("P003", 21, 11)], id="P003-english-any-case"),
    pytest.param("P003", lane_named("tbd"), {}, [("P003", 21, 11)], id="P003-tbd"),
    pytest.param("P003", lane_named("TBDX Team"), {}, [], id="P003-valid-tbd-only-as-a-word"),
    pytest.param("P003", with_raci("r: service", "c: 相关部门"), {}, [("P003", 54, 10)], id="P003-raci-party"),
    pytest.param("P003", with_raci("r: service", "c: [customer]"), {}, [], id="P003-valid-raci-lanes"),
    pytest.param(
        "P003", BASE, {"config": CheckConfig(options={"P003": {"vague-names": ["客服"]}})}, [("P003", 21, 11)],
        id="P003-option-custom-list",
    ),
    pytest.param(
        "P003", lane_named("相关部门"), {"config": CheckConfig(options={"vague-party": {"vague-names": []}})}, [],
        id="P003-option-empty-list-by-rule-name",
    ),
    pytest.param("P004", BASE, {}, [], id="P004-valid"),
    pytest.param("P004", edited("    duties: 受理并处理投诉\n", LEGAL_LANE), {}, [("P004", 23, 9)], id="P004-unused"),
    pytest.param(
        "P004", with_raci("r: service", "i: legal", text=edited("    duties: 受理并处理投诉\n", LEGAL_LANE)), {}, [],
        id="P004-valid-named-in-raci",
    ),
    pytest.param(
        "P004", edited("emergencies: []\n", "emergencies: []\nkpis:\n  - name: 合规率\n    owner: legal\n",
                       edited("    duties: 受理并处理投诉\n", LEGAL_LANE)), {}, [],
        id="P004-valid-kpi-owner",
    ),
    pytest.param(
        "P004", edited("owner: service", "owner: legal", edited("    duties: 受理并处理投诉\n", LEGAL_LANE)), {}, [],
        id="P004-valid-owner",
    ),
    pytest.param("P005", BASE, {"org": CATALOGUE}, [], id="P005-valid-standard-name"),
    pytest.param("P005", lane_named("Service Dept"), {"org": CATALOGUE}, [], id="P005-valid-english-name"),
    pytest.param("P005", lane_named("客服部门"), {"org": CATALOGUE}, [("P005", 21, 11)], id="P005-alias"),
    pytest.param("P005", lane_named("customer care"), {"org": CATALOGUE}, [("P005", 21, 11)], id="P005-alias-any-case"),
    pytest.param(
        "P005", lane_named("客服中心"), {"org": CATALOGUE}, [("P005", 21, 11)], id="P005-other-name-for-the-id",
    ),
    pytest.param(
        "P005", lane_named("客服部门"), {"org": UNDER_OTHER_ID}, [("P005", 21, 11)],
        id="P005-alias-of-a-unit-of-other-id",
    ),
    pytest.param("P005", BASE, {"org": CUSTOMER_ONLY}, [], id="P005-valid-unknown-left-to-P006"),
    pytest.param("P006", BASE, {}, [], id="P006-valid-no-catalogue"),
    pytest.param("P006", BASE, {"org": CATALOGUE}, [], id="P006-valid-all-known"),
    pytest.param("P006", BASE, {"org": CUSTOMER_ONLY}, [("P006", 21, 11)], id="P006-unknown"),
    pytest.param("P006", lane_named("客服中心"), {"org": CATALOGUE}, [], id="P006-valid-id-known-left-to-P005"),
    pytest.param("P006", BASE, {"org": UNDER_OTHER_ID | CUSTOMER_ONLY}, [], id="P006-valid-name-known"),
    pytest.param("P007", BASE, {"others": [BASE]}, [], id="P007-valid-same-names"),
    pytest.param("P007", BASE, {"others": [lane_named("客服部门")]}, [("P007", 21, 11)], id="P007-suffix-部门"),
    pytest.param(
        "P007", lane_named("Quality Dept"), {"others": [lane_named("Quality Department")]}, [("P007", 21, 11)],
        id="P007-department-dept",
    ),
    pytest.param(
        "P007", lane_named("Service desk"), {"others": [lane_named("Service Desk")]}, [("P007", 21, 11)],
        id="P007-case",
    ),
    pytest.param(
        "P007", lane_named("技术中心"), {"others": [lane_named("技术部")]}, [], id="P007-valid-different-units",
    ),
    pytest.param(
        "P007", BASE, {"others": [lane_named("客服部门")], "org": CATALOGUE}, [],
        id="P007-valid-catalogue-name-left-to-P005",
    ),
    pytest.param(
        "P007", edited("    duties: 受理并处理投诉\n", "    duties: 受理并处理投诉\n  - id: x\n    name: 客服部门\n"),
        {}, [("P007", 21, 11), ("P007", 24, 11)], id="P007-within-one-file",
    ),
    pytest.param("P008", with_raci("r: service", "a: service"), {}, [], id="P008-valid"),
    pytest.param("P008", with_raci("r: service", "c: customer"), {}, [("P008", 53, 7)], id="P008-no-a"),
    pytest.param("P008", with_raci("r: service", "a: [service, customer]"), {}, [("P008", 54, 20)], id="P008-two-a"),
    pytest.param("P009", with_raci("r: service", "a: service"), {}, [], id="P009-valid"),
    pytest.param("P009", with_raci("a: service"), {}, [("P009", 53, 7)], id="P009-no-r"),
]


@pytest.mark.parametrize(("code", "text", "kwargs", "expected"), CASES)
def test_rule(code: str, text: str, kwargs: dict[str, Any], expected: list[tuple[str, int, int]]) -> None:
    assert positions(text, code, **kwargs) == expected


def test_base_is_clean() -> None:
    assert lint(BASE, ["people"]) == []


def test_vague_messages_say_what_is_vague() -> None:
    [whole] = lint(lane_named("相关部门"), ["P003"])
    assert whole.message == "lane service is called '相关部门', which names no one in particular"
    [part] = lint(lane_named("质量相关部门"), ["P003"])
    assert part.message == "lane service is called '质量相关部门', and '相关部门' names no one in particular"


def test_alias_message_gives_the_standard_name() -> None:
    [finding] = lint(lane_named("客服部门"), ["P005"], org=CATALOGUE)
    assert finding.message == "lane service is called '客服部门'; the standard name is '客服部'"
    [english] = lint(lane_named("Customer Care"), ["P005"], org=CATALOGUE)
    assert english.message.endswith("the standard name is 'Service Dept'")


def test_near_duplicate_names_the_other_file_and_line() -> None:
    [finding] = lint(BASE, ["P007"], others=[lane_named("客服部门")])
    assert finding.message == "lane service '客服部' is spelt '客服部门' in other0.yaml:21"


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
    assert positions(lane_named(name), "P003") == [("P003", 21, 11)]
