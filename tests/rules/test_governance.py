"""Governance rules (G…): each case is an edit of BASE (checked on 2026-11-25) with its exact findings."""

from __future__ import annotations

import pytest

from tests.base_process import BASE
from tests.rules import edited
from tests.ruletester import lint, positions

REVISIONS = BASE[BASE.index("revisions:\n") :]
VERSION = 'version: "1.1"\nstatus'
REVIEW = "review_every: 12 months"
LATEST_DATE = "    date: 2026-06-01"
LATEST_APPROVER = '  - version: "1.1"\n    date: 2026-06-01\n    author: 张三\n    approved_by: 李四\n'
STEP_2 = "    name: 登记投诉\n"
APPROVER = "approved_by: 李四\npurpose"
NO_APPROVER = edited(APPROVER, "purpose", BASE.replace("    approved_by: 李四\n", ""))


def process(process_id: str, text: str = BASE) -> str:
    return edited("id: T-01", f"id: {process_id}", text)


def retired(process_id: str) -> str:
    return process(process_id, edited("status: approved", "status: retired"))


def runs(target: str, text: str = BASE) -> str:
    """`text` with step 2 running `target` as a sub-process (line 41, column 14)."""
    return edited(STEP_2, f"{STEP_2}    type: subprocess\n    process: {target}\n", text)


CASES = [
    pytest.param("G001", BASE, [], [], id="G001-valid"),
    pytest.param("G001", edited(REVISIONS, ""), [], [("G001", 2, 5)], id="G001-missing"),
    pytest.param("G001", edited(REVISIONS, "revisions: []\n"), [], [("G001", 72, 12)], id="G001-empty"),
    pytest.param("G002", BASE, [], [], id="G002-valid"),
    pytest.param("G002", edited(VERSION, "status"), [], [("G002", 2, 5)], id="G002-missing"),
    pytest.param("G003", BASE, [], [], id="G003-valid"),
    pytest.param("G003", edited(VERSION, 'version: "1.2"\nstatus'), [], [("G003", 4, 10)], id="G003-ahead"),
    pytest.param("G003", edited(VERSION, 'version: "1.0"\nstatus'), [], [("G003", 4, 10)], id="G003-behind"),
    pytest.param("G003", edited(REVISIONS, ""), [], [], id="G003-valid-no-history-left-to-G001"),
    pytest.param("G004", BASE, [], [], id="G004-valid"),
    pytest.param("G004", edited(APPROVER, "purpose"), [], [], id="G004-valid-on-latest-revision"),
    pytest.param(
        "G004",
        edited(LATEST_APPROVER, LATEST_APPROVER.replace("    approved_by: 李四\n", ""), edited(APPROVER, "purpose")),
        [], [("G004", 5, 9)], id="G004-nobody",
    ),
    pytest.param(
        "G004", edited('  - version: "1.0"\n', '  - version: "1.0"\n    approved_by: 李四\n', NO_APPROVER), [],
        [("G004", 5, 9)], id="G004-only-an-earlier-revision-approved",
    ),
    pytest.param("G004", NO_APPROVER, [], [("G004", 5, 9)], id="G004-nobody-anywhere"),
    pytest.param("G004", edited("status: approved", "status: draft", NO_APPROVER), [], [], id="G004-valid-draft"),
    pytest.param("G005", BASE, [], [], id="G005-valid"),
    pytest.param("G005", edited(REVIEW, "review_every: 3 months"), [], [("G005", 71, 15)], id="G005-overdue"),
    pytest.param("G005", edited(REVIEW, "review_every: 每季度"), [], [("G005", 71, 15)], id="G005-quarterly"),
    pytest.param("G005", edited(REVIEW, "review_every: 6个月"), [], [], id="G005-valid-due-on-the-day"),
    pytest.param("G005", edited(REVIEW, "review_every: 5 months"), [], [("G005", 71, 15)], id="G005-overdue-by-days"),
    pytest.param(
        "G005", edited(REVIEW, "review_every: 3 months", edited(APPROVER, "effective: 2026-10-01\npurpose")),
        [], [], id="G005-valid-effective-later",
    ),
    pytest.param(
        "G005", edited("status: approved", "status: draft", edited(REVIEW, "review_every: 3 months")), [], [],
        id="G005-valid-draft-not-in-force",
    ),
    pytest.param("G005", edited(REVIEW, "review_every: 定期"), [], [], id="G005-valid-unreadable-left-to-G006"),
    pytest.param("G006", BASE, [], [], id="G006-valid"),
    pytest.param("G006", edited(REVIEW, "review_every: annually"), [], [], id="G006-valid-english-word"),
    pytest.param("G006", edited(REVIEW, "review_every: 定期"), [], [("G006", 71, 15)], id="G006-unreadable"),
    pytest.param("G007", BASE, [], [], id="G007-valid"),
    pytest.param("G007", edited("    date: 2026-01-10", "    date: 2026-07-10"), [], [("G007", 79, 11)],
                 id="G007-backwards"),
    pytest.param("G007", edited("    date: 2026-01-10", "    date: 2026-06-01"), [], [], id="G007-valid-same-day"),
    pytest.param("G007", edited(LATEST_DATE, "    date: 2026-02-30"), [], [], id="G007-valid-impossible-date-skipped"),
    pytest.param("G008", BASE, [], [], id="G008-valid"),
    pytest.param("G008", edited(LATEST_DATE, "    date: 2026-11-25"), [], [], id="G008-valid-today"),
    pytest.param("G008", edited(LATEST_DATE, "    date: 2026-11-26"), [], [("G008", 79, 11)], id="G008-tomorrow"),
    pytest.param("G009", runs("PP-01"), [process("PP-01")], [], id="G009-valid"),
    pytest.param("G009", runs("PP-01"), [retired("PP-01")], [("G009", 41, 14)], id="G009-runs-retired"),
    pytest.param(
        "G009", edited("  mode: passive\n", "  mode: passive\n  from_process: SD-03\n"), [retired("SD-03")],
        [("G009", 14, 17)], id="G009-from-retired",
    ),
    pytest.param(
        "G009", edited("  - name: 投诉处理记录\n", "  - name: 投诉处理记录\n    to_process: QA-01\n"),
        [retired("QA-01")], [("G009", 16, 17)], id="G009-to-retired",
    ),
    pytest.param(
        "G009", edited("status: approved", "status: retired", runs("PP-01")), [retired("PP-01")], [],
        id="G009-valid-retired-itself",
    ),
    pytest.param("G009", runs("PP-09"), [retired("PP-01")], [], id="G009-valid-unknown-left-to-I002"),
]


@pytest.mark.parametrize(("code", "text", "others", "expected"), CASES)
def test_rule(code: str, text: str, others: list[str], expected: list[tuple[str, int, int]]) -> None:
    assert positions(text, code, others=others) == expected


def test_base_is_clean() -> None:
    assert lint(BASE, ["governance"]) == []


def test_overdue_review_says_since_when_and_by_how_much() -> None:
    [finding] = lint(edited(REVIEW, "review_every: 3 months"), ["G005"])
    assert finding.message == (
        "the review is overdue: the cycle is 3 months, counted from the revision 1.1 (2026-06-01), "
        "so it was due on 2026-09-01, 85 days ago"
    )


def test_retired_reference_names_the_retired_process() -> None:
    [finding] = lint(runs("PP-01"), ["G009"], others=[retired("PP-01")])
    assert finding.message == "step 2 runs process PP-01 '投诉受理', which is retired"


def test_version_mismatch_points_to_the_latest_revision() -> None:
    [finding] = lint(edited(VERSION, 'version: "1.2"\nstatus'), ["G003"])
    assert finding.message == "version 1.2 differs from the latest revision, 1.1 (line 78)"
