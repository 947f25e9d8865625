"""Emergency rules (E…): the section, handlers, and handling that finishes."""

from __future__ import annotations

import pytest

from tests.base_process import BASE
from tests.rules import edited
from tests.ruletester import lint, positions

#: step 6 handles emergency E1 and stops without an end; E1 is at line 73, its handler at 75
HANDLING = (
    '    type: end\n    lane: service\n  - id: "6"\n    name: 隔离产品\n    lane: service\n'
    "emergencies:\n  - id: E1\n    when: 批量质量事故\n    handler: \"{}\"\n"
)


def emergency(handler: str | None) -> str:
    text = edited("    type: end\n    lane: service\nemergencies: []\n", HANDLING.format(handler))
    return text if handler is not None else edited('    handler: "None"\n', "", text)


CASES = [
    pytest.param("E001", BASE, [], id="E001-valid-none-stated"),
    pytest.param("E001", emergency("4"), [], id="E001-valid-listed"),
    pytest.param("E001", edited("emergencies: []\n", ""), [("E001", 2, 5)], id="E001-no-section"),
    pytest.param("E002", emergency("4"), [], id="E002-valid"),
    pytest.param("E002", emergency(None), [("E002", 73, 9)], id="E002-no-handler"),
    pytest.param("E003", emergency("4"), [], id="E003-valid"),
    pytest.param("E003", emergency("6"), [("E003", 75, 14)], id="E003-handling-never-ends"),
    pytest.param("E003", emergency("9"), [], id="E003-undefined-handler-left-to-S004"),
]


@pytest.mark.parametrize(("code", "text", "expected"), CASES)
def test_rule(code: str, text: str, expected: list[tuple[str, int, int]]) -> None:
    assert positions(text, code) == expected


def test_base_is_clean() -> None:
    assert lint(BASE, ["emergencies"]) == []


def test_undefined_handler_is_reported_once() -> None:
    assert [d.code for d in lint(emergency("9"), ["structure", "emergencies"]) if d.line == 75] == ["S004"]


def test_no_section_hint_says_how_to_state_none() -> None:
    [finding] = lint(edited("emergencies: []\n", ""), ["E001"])
    assert "emergencies: []" in finding.hint
