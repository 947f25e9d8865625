"""Complexity rules (X…): thresholds as options, exact positions on BASE and its edits."""

from __future__ import annotations

import pytest

from procdoc.config import CheckConfig
from procdoc.textwidth import columns as display_width
from tests.base_process import BASE
from tests.rules import edited
from tests.ruletester import lint, positions

STEP_2_NAME = "    name: 登记投诉\n"


def options(code: str, **values: int) -> CheckConfig:
    return CheckConfig(options={code: {k.replace("_", "-"): v for k, v in values.items()}})


def named(name: str) -> str:
    """BASE with step 2 (its name at line 39, column 11) renamed."""
    return edited(STEP_2_NAME, f"    name: {name}\n")


def extra_steps(count: int) -> str:
    """BASE with `count` more task steps chained between steps 2 and 3."""
    chain = "".join(
        f'  - id: "2.{i}"\n    name: 处理{i}\n    lane: service\n    next: "{f"2.{i + 1}" if i < count else "3"}"\n'
        for i in range(1, count + 1)
    )
    return edited('    next: "3"\n', f'    next: "2.1"\n{chain}') if count else BASE


def ping_pong(count: int) -> str:
    """BASE with `count` steps alternating customer/service between steps 2 and 3.

    Customer → service changes lane an odd number of times on any path, so the
    hand-offs are 29 for 28 steps and 31 for 29; the option cases test the exact boundary.
    """
    chain = "".join(
        f'  - id: "2.{i}"\n    name: 确认{i}\n    lane: {"customer" if i % 2 else "service"}\n'
        f'    next: "{f"2.{i + 1}" if i < count else "3"}"\n'
        for i in range(1, count + 1)
    )
    return edited('    next: "3"\n', f'    next: "2.1"\n{chain}')


TWENTY_WIDE = "登记客户投诉并核实客户资料后录入系统通知"  # 20 characters, 40 columns

CASES = [
    pytest.param("X001", BASE, None, [], id="X001-valid"),
    pytest.param("X001", extra_steps(45), None, [], id="X001-valid-50-steps"),
    pytest.param("X001", extra_steps(46), None, [("X001", 33, 3)], id="X001-51-steps"),
    pytest.param("X001", BASE, options("X001", max_steps=5), [], id="X001-valid-at-option"),
    pytest.param("X001", BASE, options("X001", max_steps=3), [("X001", 33, 3)], id="X001-option"),
    pytest.param("X002", BASE, None, [], id="X002-valid"),
    pytest.param("X002", BASE, options("X002", max_lanes=2), [], id="X002-valid-at-option"),
    pytest.param("X002", BASE, options("X002", max_lanes=1), [("X002", 17, 3)], id="X002-option"),
    pytest.param("X003", BASE, None, [], id="X003-valid"),
    pytest.param("X003", ping_pong(28), None, [], id="X003-valid-29-handoffs"),
    pytest.param("X003", ping_pong(29), None, [("X003", 33, 3)], id="X003-31-handoffs"),
    pytest.param("X003", BASE, options("X003", max_handoffs=1), [], id="X003-valid-at-option"),
    pytest.param("X003", BASE, options("X003", max_handoffs=0), [("X003", 33, 3)], id="X003-option"),
    pytest.param("X004", BASE, None, [], id="X004-valid"),
    pytest.param("X004", named(TWENTY_WIDE), None, [], id="X004-valid-40-columns"),
    pytest.param("X004", named(TWENTY_WIDE + "客"), None, [("X004", 39, 11)], id="X004-chinese-42-columns"),
    pytest.param("X004", named("Register the complaint and check the data"), None, [("X004", 39, 11)],
                 id="X004-english-41-columns"),
    pytest.param("X004", BASE, options("X004", max_label=10), [], id="X004-valid-at-option"),
    pytest.param("X004", BASE, options("X004", max_label=9), [("X004", 53, 11)], id="X004-option-fullwidth-mark"),
]


@pytest.mark.parametrize(("code", "text", "config", "expected"), CASES)
def test_rule(code: str, text: str, config: CheckConfig | None, expected: list[tuple[str, int, int]]) -> None:
    assert positions(text, code, config=config) == expected


def test_base_is_clean() -> None:
    assert lint(BASE, ["complexity"]) == []


@pytest.mark.parametrize(
    ("text", "width"), [("登记投诉", 8), ("可以处理？", 10), ("Record complaint", 16), ("ERP录入", 7)]
)
def test_display_width_counts_wide_characters_twice(text: str, width: int) -> None:
    assert display_width(text) == width


def test_handoff_message_names_the_busiest_lanes() -> None:
    [finding] = lint(ping_pong(29), ["X003"])
    assert finding.message == "work passes between lanes 31 times, more than 30 (most often 客户 ⇄ 客服部: 31 times)"
