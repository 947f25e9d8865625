"""Inline suppressions: `# procdoc: ignore[…]`, `# procdoc: file-ignore[…]` and M001.

The finding used throughout is S005 (undefined lane): step 2 of BASE is put in
lane `sales`, which is not declared, so S005 reports line 40, column 11, and
the step's id line (38) is its anchor.
"""

from __future__ import annotations

import pytest

from procdoc.config import CheckConfig
from tests.base_process import BASE
from tests.ruletester import lint

LANE_LINE = "    lane: service\n"
ID_LINE = '  - id: "2"\n'
NAME_LINE = "    name: 登记投诉\n"
SALES = BASE.replace(LANE_LINE, "    lane: sales\n", 1)
assert SALES.count("    lane: sales\n") == 1


Found = list[tuple[str, int, int]]


def found(text: str, select: tuple[str, ...] = ("S005", "P002", "M001"), **kwargs: object) -> Found:
    return [(d.code, d.line, d.column) for d in lint(text, select, **kwargs)]  # type: ignore[arg-type]


def on(text: str, line: str, comment: str) -> str:
    """`text` with `comment` appended to the first occurrence of `line`."""
    assert line in text
    return text.replace(line, line.rstrip("\n") + comment + "\n", 1)


def test_the_finding_without_suppression() -> None:
    assert found(SALES) == [("S005", 40, 11)]


def test_ignore_on_the_offending_line() -> None:
    assert found(on(SALES, "    lane: sales\n", "  # procdoc: ignore[S005]")) == []


def test_ignore_on_the_steps_id_line() -> None:
    assert found(on(SALES, ID_LINE, "  # procdoc: ignore[S005]")) == []


def test_ignore_on_another_line_of_the_step_does_not_silence() -> None:
    assert found(on(SALES, NAME_LINE, "  # procdoc: ignore[S005]")) == [("M001", 39, 28), ("S005", 40, 11)]


def test_ignore_of_another_code_does_not_silence() -> None:
    text = on(SALES, "    lane: sales\n", "  # procdoc: ignore[P002]")
    assert found(text) == [("S005", 40, 11), ("M001", 40, 29)]


def test_file_ignore_silences_the_whole_file() -> None:
    assert found("# procdoc: file-ignore[S005]\n" + SALES) == []


def test_file_ignore_anywhere_in_the_file() -> None:
    assert found(SALES + "# procdoc: file-ignore[S005]\n") == []


@pytest.mark.parametrize(
    "comment",
    [
        pytest.param("  # procdoc: ignore[P002, S005]", id="several"),
        pytest.param("  # procdoc: ignore[ s005 ,p002 ]", id="spaces-and-lower-case"),
        pytest.param("  #procdoc:ignore[S005,P002]", id="no-spaces"),
    ],
)
def test_several_codes_in_one_comment(comment: str) -> None:
    text = on(SALES, "    lane: sales\n", comment)
    assert [code for code, _, _ in found(text)] == ["M001"]
    (unused,) = lint(text, ("S005", "P002", "M001"))
    assert unused.message == "suppression of P002 silences nothing here"
    assert unused.hint == "remove P002 from the comment"


def test_unused_suppression_is_reported_at_the_comment() -> None:
    text = on(BASE, NAME_LINE, "  # procdoc: ignore[S005]")
    (unused,) = lint(text, ("S005", "M001"))
    assert (unused.code, unused.line, unused.column, unused.severity.label) == ("M001", 39, 28, "warning")


def test_unused_file_ignore_is_reported() -> None:
    assert found("# procdoc: file-ignore[S005]\n" + BASE) == [("M001", 1, 12)]


def test_unused_suppression_is_not_reported_when_m001_is_ignored() -> None:
    text = on(BASE, NAME_LINE, "  # procdoc: ignore[S005]")
    assert found(text, ("ALL",), config=CheckConfig(ignore=("M001",))) == []
    assert found(text, ("S005",)) == []


def test_unused_suppression_can_be_made_an_error() -> None:
    text = on(BASE, NAME_LINE, "  # procdoc: ignore[S005]")
    (unused,) = lint(text, ("S005", "M001"), config=CheckConfig(severity={"M001": "error"}))
    assert unused.severity.label == "error"


def test_each_suppression_covers_its_own_step_and_file_ignore_covers_all() -> None:
    both = SALES.replace("    type: decision\n    lane: service\n", "    type: decision\n    lane: sales\n")
    assert found(both) == [("S005", 40, 11), ("S005", 55, 11)]
    assert found(on(both, ID_LINE, "  # procdoc: ignore[S005]")) == [("S005", 55, 11)]
    assert found("# procdoc: file-ignore[S005]\n" + both) == []


def test_comment_text_inside_a_quoted_string_is_not_a_suppression() -> None:
    text = BASE.replace("    name: 客服部\n", '    name: "相关部门 # procdoc: ignore[P003]"\n')
    assert [(code, line) for code, line, _ in found(text, ("P003", "M001"))] == [("P003", 21)]


def test_comment_text_inside_a_block_scalar_is_not_a_suppression() -> None:
    text = SALES.replace(NAME_LINE, NAME_LINE + "    description: |\n      不要写 # procdoc: file-ignore[S005]\n")
    assert [(code, line) for code, line, _ in found(text)] == [("S005", 42)]


def test_suppression_of_a_rule_that_did_not_run_is_not_called_unused() -> None:
    text = on(BASE, NAME_LINE, "  # procdoc: ignore[S005]")
    assert found(text, ("P002", "M001")) == []


def test_suppression_of_an_unknown_code_is_reported() -> None:
    text = on(BASE, NAME_LINE, "  # procdoc: ignore[S05]")
    (unused,) = lint(text, ("P002", "M001"))
    assert (unused.code, unused.line, unused.message) == ("M001", 39, "suppression of S05 silences nothing here")
