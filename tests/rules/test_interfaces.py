"""Interface rules (I…): BASE (T-01) edited, checked together with other processes of the repository."""

from __future__ import annotations

import pytest

from procdoc.config import CatalogueEntry
from procdoc.diagnostics import Severity
from tests.base_process import BASE
from tests.rules import edited
from tests.ruletester import lint, positions

STEP_2 = "    name: 登记投诉\n"
TRIGGER_MODE = "  mode: passive\n"
OUTPUT = "  - name: 投诉处理记录\n"


def process(process_id: str, text: str = BASE) -> str:
    """BASE under another id: a neighbour in the repository."""
    return edited("id: T-01", f"id: {process_id}", text)


def runs(target: str, text: str = BASE) -> str:
    """`text` with step 2 turned into a sub-process step running `target` (line 41, column 14)."""
    return edited(STEP_2, f"{STEP_2}    type: subprocess\n    process: {target}\n", text)


def from_process(upstream: str, text: str = BASE) -> str:
    """`text` whose trigger names `upstream` (line 14, column 17)."""
    return edited(TRIGGER_MODE, f"{TRIGGER_MODE}  from_process: {upstream}\n", text)


def to_process(downstream: str, text: str = BASE) -> str:
    """`text` whose output goes to `downstream` (line 16, column 17)."""
    return edited(OUTPUT, f"{OUTPUT}    to_process: {downstream}\n", text)


PP_01 = process("PP-01")

CASES = [
    pytest.param("I001", BASE, [], [], id="I001-valid-no-subprocess"),
    pytest.param("I001", runs("PP-01"), [PP_01], [], id="I001-valid"),
    pytest.param(
        "I001", edited(STEP_2, f"{STEP_2}    type: subprocess\n"), [], [("I001", 40, 11)], id="I001-no-process"
    ),
    pytest.param("I002", runs("PP-01"), [PP_01], [], id="I002-valid"),
    pytest.param("I002", runs("PP-09"), [PP_01], [("I002", 41, 14)], id="I002-unknown"),
    pytest.param("I002", runs("PP-01"), [], [("I002", 41, 14)], id="I002-repository-without-it"),
    pytest.param("I003", runs("PP-01"), [PP_01], [], id="I003-valid-no-cycle"),
    pytest.param("I003", runs("PP-01"), [runs("T-01", PP_01)], [("I003", 41, 14)], id="I003-two-process-cycle"),
    pytest.param("I003", runs("T-01"), [], [("I003", 41, 14)], id="I003-calls-itself"),
    pytest.param(
        "I003", runs("PP-01"), [runs("QM-07", PP_01), runs("T-01", process("QM-07"))], [("I003", 41, 14)],
        id="I003-three-process-cycle",
    ),
    pytest.param(
        "I003", runs("PP-01"), [runs("QM-07", PP_01), runs("PP-01", process("QM-07"))], [],
        id="I003-valid-cycle-elsewhere",
    ),
    pytest.param("I004", from_process("SD-03"), [to_process("T-01", process("SD-03"))], [], id="I004-valid"),
    pytest.param("I004", from_process("SD-09"), [process("SD-03")], [("I004", 14, 17)], id="I004-unknown"),
    pytest.param("I005", from_process("SD-03"), [to_process("T-01", process("SD-03"))], [], id="I005-valid"),
    pytest.param("I005", from_process("SD-03"), [runs("T-01", process("SD-03"))], [], id="I005-valid-called-by-it"),
    pytest.param("I005", from_process("SD-03"), [process("SD-03")], [("I005", 14, 17)], id="I005-no-output"),
    pytest.param(
        "I005", from_process("SD-03"), [to_process("QA-01", process("SD-03"))], [("I005", 14, 17)],
        id="I005-output-to-another",
    ),
    pytest.param("I005", from_process("SD-09"), [], [], id="I005-valid-unknown-left-to-I004"),
    pytest.param("I006", to_process("QA-01"), [from_process("T-01", process("QA-01"))], [], id="I006-valid"),
    pytest.param("I006", to_process("QA-09"), [process("QA-01")], [("I006", 16, 17)], id="I006-unknown"),
    pytest.param("I007", to_process("QA-01"), [from_process("T-01", process("QA-01"))], [], id="I007-valid"),
    pytest.param("I007", runs("QA-01", to_process("QA-01")), [process("QA-01")], [], id="I007-valid-runs-it"),
    pytest.param("I007", to_process("QA-01"), [process("QA-01")], [("I007", 16, 17)], id="I007-no-from-process"),
    pytest.param(
        "I007", to_process("QA-01"), [from_process("SD-03", process("QA-01"))], [("I007", 16, 17)],
        id="I007-other-upstream",
    ),
    pytest.param("I008", BASE, [PP_01], [], id="I008-valid"),
    pytest.param("I008", BASE, [BASE], [("I008", 2, 5)], id="I008-duplicate"),
]


@pytest.mark.parametrize(("code", "text", "others", "expected"), CASES)
def test_rule(code: str, text: str, others: list[str], expected: list[tuple[str, int, int]]) -> None:
    assert positions(text, code, others=others) == expected


def test_base_is_clean() -> None:
    assert lint(BASE, ["interfaces"]) == []


def test_cycle_is_named_from_each_side() -> None:
    others = [runs("QM-07", PP_01), runs("T-01", process("QM-07"))]
    [finding] = lint(runs("PP-01"), ["I003"], others=others)
    assert finding.message == "step 2 closes a circle of process calls: T-01 → PP-01 → QM-07 → T-01"
    [other_side] = lint(others[0], ["I003"], others=[runs("PP-01"), others[1]], path="pp-01.yaml")
    assert other_side.message == "step 2 closes a circle of process calls: PP-01 → QM-07 → T-01 → PP-01"


def test_duplicate_id_names_the_other_file_in_both() -> None:
    [here] = lint(BASE, ["I008"], others=[BASE])
    assert here.message == "process id T-01 is also used by other0.yaml"
    [there] = lint(BASE, ["I008"], others=[BASE], path="t-01-new.yaml")
    assert there.message == "process id T-01 is also used by other0.yaml"


def test_unknown_process_suggests_the_closest_id() -> None:
    [finding] = lint(runs("PP-1"), ["I002"], others=[PP_01])
    assert finding.message == (
        "step 2 runs process 'PP-1', which is not the id of any process checked in this run (2 processes)"
    )
    assert finding.hint == "did you mean 'PP-01'?"


def test_missing_hand_over_says_where_to_fix_it() -> None:
    [finding] = lint(to_process("QA-01"), ["I007"], others=[process("QA-01")])
    assert finding.message == "output '投诉处理记录' goes to QA-01 '投诉受理', whose trigger names no upstream process"
    assert finding.hint == "in other0.yaml, set `trigger.from_process: T-01`, or send the output elsewhere"


MM_02 = {"MM-02": CatalogueEntry("MM-02", "采购入库流程", status="planned")}


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        pytest.param(runs("MM-02"), 41, 14, id="subprocess"),
        pytest.param(from_process("MM-02"), 14, 17, id="upstream"),
        pytest.param(to_process("MM-02"), 16, 17, id="downstream"),
    ],
)
def test_a_planned_process_is_a_warning_not_an_error(text: str, line: int, column: int) -> None:
    [finding] = [d for d in lint(text, ["interfaces"], planned=MM_02) if d.code.startswith("I00")]
    assert (finding.code, finding.line, finding.column, finding.severity) == ("I009", line, column, Severity.WARNING)
    assert "process MM-02 '采购入库流程', which is planned but not written yet" in finding.message


def test_a_written_process_is_no_longer_planned() -> None:
    assert lint(runs("MM-02"), ["I002", "I009"], others=[process("MM-02")], planned=MM_02) == []


def test_a_catalogue_entry_that_is_not_planned_does_not_excuse_a_missing_process() -> None:
    assert positions(runs("MM-02"), "I002") == [("I002", 41, 14)]
    assert lint(runs("MM-02"), ["I009"]) == []


def test_unknown_process_never_suggests_the_caller_itself() -> None:
    [finding] = lint(runs("MM-02", process("MM-01")), ["I002"])
    assert "did you mean" not in finding.hint
    assert finding.hint == "check the id; if the process exists, include its file in the checked paths"
