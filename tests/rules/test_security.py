"""Security rules (U…): bidi controls, invisible characters, lookalike ids and names ("Trojan Source")."""

from __future__ import annotations

import pytest

from procdoc.diagnostics import Severity
from tests.base_process import BASE
from tests.rules import edited
from tests.ruletester import lint, positions

STEP_2_NAME = "    name: 登记投诉\n"
SERVICE_LANE = "  - id: service\n    name: 客服部\n"
STEP_4 = '  - id: "4"\n'

#: the issue's step name, with the override written as it is in the file (raw) and as a YAML escape
TROJAN_RAW = edited(STEP_2_NAME, "    name: Approve payments up to \u202e0001$\u202c without review\n")
TROJAN_ESCAPED = edited(STEP_2_NAME, '    name: "Approve payments up to \\u202e0001$\\u202c without review"\n')
#: the issue's lanes: `fin` / `fin` + U+200B, named `Finance` / `Finance` + U+200B (lines 22–25)
FIN_LANES = edited(SERVICE_LANE, SERVICE_LANE + '  - id: fin\n    name: Finance\n  - id: "fin\\u200b"\n'
                   '    name: "Finance\\u200b"\n')
FIN_LANES_RAW = edited(SERVICE_LANE, SERVICE_LANE + "  - id: fin\n    name: Finance\n  - id: fin\u200b\n"
                       "    name: Finance\u200b\n")


def end_step(step_id: str, name: str) -> str:
    return f'  - id: "{step_id}"\n    name: {name}\n    type: end\n    lane: service\n'


#: step "café" twice: NFC (é) on line 61, NFD (e + U+0301) on line 65
NFC_AND_NFD = edited(STEP_4, end_step("caf\u00e9", "甲") + end_step("cafe\u0301", "乙") + STEP_4)

CASES = [
    pytest.param("U001", BASE, [], id="U001-valid"),
    pytest.param("U001", TROJAN_RAW, [("U001", 39, 34), ("U001", 39, 40)], id="U001-raw-override"),
    pytest.param("U001", TROJAN_ESCAPED, [("U001", 39, 35), ("U001", 39, 46)], id="U001-escaped-override"),
    pytest.param("U001", edited("purpose: 及时受理客户投诉\n", "purpose: 及时\u2067受理\u2069\n"),
                 [("U001", 9, 12), ("U001", 9, 15)], id="U001-isolates"),
    pytest.param("U001", edited("# x\n", "", BASE + "# x\n"), [], id="U001-valid-no-escape-text"),
    pytest.param("U001", BASE.replace("procdoc: 1\n", "procdoc: 1\n# see \\u202e in plain text\n"), [],
                 id="U001-valid-escape-letters-not-loaded"),
    pytest.param("U002", BASE, [], id="U002-valid"),
    pytest.param("U002", FIN_LANES, [("U002", 24, 13), ("U002", 25, 19)], id="U002-escaped-zero-width-space"),
    pytest.param("U002", FIN_LANES_RAW, [("U002", 24, 12), ("U002", 25, 18)], id="U002-raw-zero-width-space"),
    pytest.param("U002", edited("scope: 所有客户投诉\n", "scope: 所有\u00ad客户\u2060投诉\ufeff\n"),
                 [("U002", 10, 10), ("U002", 10, 13), ("U002", 10, 16)], id="U002-soft-hyphen-word-joiner-bom"),
    pytest.param("U002", "\ufeff" + BASE, [], id="U002-valid-bom-opening-the-file"),
    pytest.param("U003", BASE, [], id="U003-valid"),
    pytest.param("U003", FIN_LANES, [("U003", 24, 9)], id="U003-lane-ids"),
    pytest.param("U003", NFC_AND_NFD, [("U003", 65, 9)], id="U003-nfc-and-nfd-step-ids"),
    pytest.param("U003", edited(STEP_4, end_step("Ａ1", "甲") + end_step("A1", "乙") + STEP_4), [("U003", 65, 9)],
                 id="U003-nfkc-fullwidth"),
    pytest.param("U004", BASE, [], id="U004-valid"),
    pytest.param("U004", FIN_LANES, [("U004", 25, 11)], id="U004-lane-names"),
    pytest.param("U004", edited(STEP_4, end_step("6", "处理完毕\u200d") + STEP_4), [("U004", 66, 11)],
                 id="U004-step-names"),
]


@pytest.mark.parametrize(("code", "text", "expected"), CASES)
def test_rule(code: str, text: str, expected: list[tuple[str, int, int]]) -> None:
    assert positions(text, code) == expected


def test_messages_name_the_code_point_and_position() -> None:
    (first, second) = [d for d in lint(TROJAN_RAW, ["U001"])]
    assert first.message == ("bidirectional control character U+202E RIGHT-TO-LEFT OVERRIDE at 39:34: "
                             "the text is shown in another order than it is written")
    assert second.message.startswith("bidirectional control character U+202C POP DIRECTIONAL FORMATTING at 39:40")
    assert first.severity is Severity.WARNING


def test_lookalike_ids_are_an_error_naming_the_difference() -> None:
    (finding,) = lint(NFC_AND_NFD, ["U003"])
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "step id 'cafe\u0301' looks the same as step id 'caf\u00e9' (line 61) but is a different id: they differ in "
        "U+0065 LATIN SMALL LETTER E, U+00E9 LATIN SMALL LETTER E WITH ACUTE, U+0301 COMBINING ACUTE ACCENT"
    )
    (lane,) = lint(FIN_LANES, ["U003"])
    assert lane.message == ("lane id 'fin\\u200b' looks the same as lane id 'fin' (line 22) but is a different id: "
                            "they differ in U+200B ZERO WIDTH SPACE")
