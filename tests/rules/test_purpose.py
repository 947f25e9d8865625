"""Start and purpose rules (O…): each case is an edit of BASE with the exact findings it must give."""

from __future__ import annotations

import pytest

from tests.base_process import BASE
from tests.rules import edited
from tests.ruletester import lint, positions

TRIGGER = "trigger:\n  description: 客户提出投诉\n  mode: passive\n"
OUTPUTS = "outputs:\n  - name: 投诉处理记录\n"

CASES = [
    pytest.param("O001", BASE, [], id="O001-valid"),
    pytest.param("O001", edited("purpose: 及时受理客户投诉\n", ""), [("O001", 2, 5)], id="O001-missing"),
    pytest.param("O001", edited("purpose: 及时受理客户投诉", "purpose: TODO 说明流程目的"), [("O001", 9, 10)],
                 id="O001-placeholder"),
    pytest.param("O001", edited("purpose: 及时受理客户投诉", "purpose: TODO说明流程目的"), [("O001", 9, 10)],
                 id="O001-placeholder-without-space"),
    pytest.param("O001", edited("purpose: 及时受理客户投诉", "purpose: '  '"), [("O001", 9, 10)], id="O001-blank"),
    pytest.param("O001", edited("purpose: 及时受理客户投诉", "purpose: Todoist sync of complaints"), [],
                 id="O001-valid-word-starting-with-todo"),
    pytest.param("O002", BASE, [], id="O002-valid"),
    pytest.param("O002", edited("scope: 所有客户投诉\n", ""), [("O002", 2, 5)], id="O002-missing"),
    pytest.param("O002", edited("scope: 所有客户投诉", "scope: 待定"), [("O002", 10, 8)], id="O002-placeholder"),
    pytest.param("O003", BASE, [], id="O003-valid"),
    pytest.param("O003", edited(TRIGGER, ""), [("O003", 2, 5)], id="O003-missing"),
    pytest.param("O003", edited("  description: 客户提出投诉", "  description: TBD"), [("O003", 12, 16)],
                 id="O003-placeholder-description"),
    pytest.param("O004", BASE, [], id="O004-valid"),
    pytest.param("O004", edited(OUTPUTS, ""), [("O004", 2, 5)], id="O004-missing"),
    pytest.param("O004", edited(OUTPUTS, "outputs: []\n"), [("O004", 14, 10)], id="O004-empty-list"),
    pytest.param("O005", BASE, [], id="O005-valid-passive"),
    pytest.param("O005", edited("  mode: passive", "  mode: active"), [("O005", 13, 9)], id="O005-active-unassured"),
    pytest.param("O005", edited("  mode: passive", "  mode: active\n  assured_by: TODO"), [("O005", 14, 15)],
                 id="O005-placeholder"),
    pytest.param("O005", edited("  mode: passive", "  mode: active\n  assured_by: OA 每月1日自动发起待办"), [],
                 id="O005-valid-assured"),
]


@pytest.mark.parametrize(("code", "text", "expected"), CASES)
def test_rule(code: str, text: str, expected: list[tuple[str, int, int]]) -> None:
    assert positions(text, code) == expected


def test_base_is_clean() -> None:
    assert lint(BASE, ["purpose"]) == []


def test_messages_name_the_process_and_the_key() -> None:
    [missing] = lint(edited("purpose: 及时受理客户投诉\n", ""), ["O001"])
    assert missing.message == "process T-01 '投诉受理' states no purpose (`purpose:`)"
    [placeholder] = lint(edited("scope: 所有客户投诉", "scope: TODO 说明适用范围"), ["O002"])
    assert placeholder.message == "the scope of process T-01 is still a placeholder: 'TODO 说明适用范围'"
