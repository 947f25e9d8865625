"""Documents and records rules (D…): references, unused entries, retention, storage."""

from __future__ import annotations

import pytest

from tests.base_process import BASE
from tests.rules import edited
from tests.ruletester import lint, positions

RECORD_END = "    stored_in: OA\n"
SECOND_DOCUMENT = "    kind: form\n  - id: F-02\n    name: 处理规范\n"
SECOND_RECORD = RECORD_END + "  - id: R-02\n    name: 回访记录\n    keep: 1 year\n    stored_in: OA\n"

CASES = [
    pytest.param("D001", BASE, [], id="D001-valid"),
    pytest.param("D001", edited("documents: [F-01]", "documents: [F-02]"), [("D001", 43, 17)], id="D001-step"),
    pytest.param("D001", edited(RECORD_END, RECORD_END + "    form: F-9\n"), [("D001", 32, 11)], id="D001-record-form"),
    pytest.param("D001", edited(RECORD_END, RECORD_END + "    form: F-01\n"), [], id="D001-valid-record-form"),
    pytest.param("D002", BASE, [], id="D002-valid"),
    pytest.param("D002", edited("records: [R-01]", "records: [R-02]"), [("D002", 44, 15)], id="D002-step"),
    pytest.param("D002", edited("record: R-01", "record: R-9"), [("D002", 49, 15)], id="D002-control-record"),
    pytest.param("D003", BASE, [], id="D003-valid"),
    pytest.param("D003", edited("    kind: form\n", SECOND_DOCUMENT), [("D003", 27, 9)], id="D003-unused"),
    pytest.param(
        "D003", edited(RECORD_END, RECORD_END + "    form: F-02\n", edited("    kind: form\n", SECOND_DOCUMENT)), [],
        id="D003-valid-used-as-record-form",
    ),
    pytest.param("D004", BASE, [], id="D004-valid"),
    pytest.param("D004", edited(RECORD_END, SECOND_RECORD), [("D004", 32, 9)], id="D004-unused"),
    pytest.param(
        "D004", edited("records: [R-01]", "records: [R-02]", edited(RECORD_END, SECOND_RECORD)), [],
        id="D004-valid-one-produced-by-a-step-one-by-a-control",
    ),
    pytest.param("D005", BASE, [], id="D005-valid"),
    pytest.param("D005", edited("    keep: 3 years\n", ""), [("D005", 28, 9)], id="D005-no-keep"),
    pytest.param("D006", BASE, [], id="D006-valid"),
    pytest.param("D006", edited(RECORD_END, ""), [("D006", 28, 9)], id="D006-not-stored"),
    pytest.param("D007", BASE, [], id="D007-valid"),
    pytest.param("D007", edited("      record: R-01\n", ""), [], id="D007-valid-step-records"),
    pytest.param("D007", edited("    records: [R-01]\n", ""), [], id="D007-valid-control-record"),
    pytest.param(
        "D007", edited("    records: [R-01]\n", "", edited("      record: R-01\n", "")), [("D007", 41, 10)],
        id="D007-key-step-without-record",
    ),
]


@pytest.mark.parametrize(("code", "text", "expected"), CASES)
def test_rule(code: str, text: str, expected: list[tuple[str, int, int]]) -> None:
    assert positions(text, code) == expected


def test_base_is_clean() -> None:
    assert lint(BASE, ["records"]) == []


def test_record_without_retention_is_a_warning_and_not_stored_is_info() -> None:
    text = edited("    keep: 3 years\n    stored_in: OA\n", "")
    assert [(d.code, d.severity.label) for d in lint(text, ["D005", "D006"])] == [("D005", "warning"), ("D006", "info")]
