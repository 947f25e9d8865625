"""Issue 14's false negatives outside the flow: placeholders (G010), outputs no step makes (O006),
control points that record into a record made later (D008). Each case is an edit of BASE."""

from __future__ import annotations

import pytest

from procdoc.config import CheckConfig
from tests.base_process import BASE
from tests.rules import edited
from tests.ruletester import lint, positions

STANDARD, METHOD = "      standard: 信息完整\n", "      method: 每周抽查\n"
SCAFFOLD = edited(STANDARD, "      standard: TODO 质量标准\n", edited(METHOD, "      method: TODO 考核方法\n"))
RECORD_R02 = "  - id: R-02\n    name: 复核记录\n    keep: 3 years\n    stored_in: OA\n"
STEP_4_END = '  - id: "4"\n    name: 处理完毕\n    type: end\n    lane: service\n'
WITH_R02 = edited("steps:\n", RECORD_R02 + "steps:\n")  # steps move down by 4 lines


CASES = [
    pytest.param("G010", BASE, [], id="G010-valid"),
    pytest.param("G010", SCAFFOLD, [("G010", 47, 17), ("G010", 48, 15)], id="G010-scaffold-control-point"),
    pytest.param("G010", edited("    duties: 受理并处理投诉\n", "    duties: TODO 职责\n"), [("G010", 22, 13)],
                 id="G010-duties"),
    pytest.param("G010", edited("    name: 登记投诉\n", "    name: TODO\n"), [("G010", 39, 11)],
                 id="G010-step-named-todo"),
    pytest.param("G010", edited(STANDARD, "      standard: 待定\n"), [("G010", 47, 17)], id="G010-chinese"),
    pytest.param("G010", edited(STANDARD, "      standard: tbd\n"), [("G010", 47, 17)], id="G010-any-case"),
    pytest.param("G010", edited(STANDARD, "      standard: TODOS 清单完整\n"), [], id="G010-valid-word-only"),
    pytest.param("G010", edited(STANDARD, "      standard: 信息完整，无TODO项\n"), [], id="G010-valid-not-at-start"),
    pytest.param("G010", edited("purpose: 及时受理客户投诉", "purpose: TODO"), [], id="G010-valid-purpose-is-O001s"),
    pytest.param("O006", BASE, [], id="O006-valid"),
    pytest.param("O006", edited("    outputs: [投诉处理记录]\n", ""), [("O006", 15, 11)], id="O006-not-produced"),
    pytest.param("O006", edited("    outputs: [投诉处理记录]\n", "    outputs: [登记表, 投诉处理记录]\n"), [],
                 id="O006-valid-one-of-several"),
    pytest.param("D008", BASE, [], id="D008-valid"),
    pytest.param(
        "D008",
        edited('      record: R-01\n', '      record: R-02\n', edited(STEP_4_END, STEP_4_END + "    records: [R-02]\n",
                                                                  WITH_R02)),
        [("D008", 53, 15)], id="D008-record-made-later",
    ),
    pytest.param(
        "D008", edited('      record: R-01\n', '      record: R-02\n', edited("    records: [R-01]\n",
                                                                             "    records: [R-01, R-02]\n", WITH_R02)),
        [], id="D008-valid-made-by-the-checking-step",
    ),
    pytest.param(
        "D008",
        edited('      record: R-01\n', '      record: R-02\n', edited("    lane: customer\n",
                                                                    "    lane: customer\n    records: [R-02]\n",
                                                                    WITH_R02)),
        [], id="D008-valid-made-earlier",
    ),
]


@pytest.mark.parametrize(("code", "text", "expected"), CASES)
def test_rule(code: str, text: str, expected: list[tuple[str, int, int]]) -> None:
    assert positions(text, code) == expected


def test_scaffold_messages_name_the_part_and_the_text() -> None:
    messages = [d.message for d in lint(SCAFFOLD, ["G010"])]
    assert messages == [
        "the quality standard of step 2 is still a placeholder: 'TODO 质量标准'",
        "the assessment method of step 2 is still a placeholder: 'TODO 考核方法'",
    ]


def test_placeholder_words_are_an_option() -> None:
    config = CheckConfig(options={"G010": {"placeholder-words": ["草稿"]}})
    assert positions(edited(STANDARD, "      standard: 草稿：信息完整\n"), "G010", config=config) == [("G010", 47, 17)]
    assert positions(SCAFFOLD, "G010", config=config) == []


def test_output_message_says_where_to_add_it() -> None:
    [finding] = lint(edited("    outputs: [投诉处理记录]\n", ""), ["O006"])
    assert finding.message == "the process output '投诉处理记录' is not the output of any step"


def test_record_made_later_names_the_step() -> None:
    text = edited('      record: R-01\n', '      record: R-02\n',
                  edited(STEP_4_END, STEP_4_END + "    records: [R-02]\n", WITH_R02))
    [finding] = lint(text, ["D008"])
    assert finding.message == (
        "the control point of step 2 '登记投诉' records into '复核记录' (R-02), "
        "which is first produced later, by step 4"
    )
