"""Security rules (U…): bidi controls, invisible characters, lookalike ids and names ("Trojan Source").

Each case is a small process with its expected findings marked under the
lines they are about (tests/markers.py). The hidden characters are written
as Python escapes: `\\u202e` in the file itself, `\\\\u202e` as a YAML escape
inside double quotes. Columns count characters, hidden ones included.
"""

from __future__ import annotations

import pytest

from procdoc.diagnostics import Severity
from tests.base_process import BASE
from tests.markers import assert_marked, split
from tests.ruletester import lint

HEAD = """\
procdoc: 1
id: T-01
name: 投诉受理
"""
LANES = """\
lanes:
  - {id: service, name: 客服部}
"""
START = """\
steps:
  - {id: "1", name: 客户投诉, type: start, lane: service, next: "2"}
"""
END = """\
  - id: "3"
    name: 处理完毕
    type: end
    lane: service
"""


def step_2(name: str) -> str:
    """Step 2, named by the line `name` (markers included)."""
    return '  - id: "2"\n' + name + '    lane: service\n    next: "3"\n'


def process(top: str = "", lanes: str = LANES, steps: str = START + step_2("    name: 登记投诉\n") + END) -> str:
    """HEAD, the lines `top`, the lanes and the steps."""
    return HEAD + top + lanes + steps


#: the issue's step name, with the override written as it is in the file
TROJAN_NAME = "    name: Approve payments up to \u202e0001$\u202c without review\n"
TROJAN_RAW = process(steps=START + step_2(TROJAN_NAME + """\
#                                ^ U001 U+202E RIGHT-TO-LEFT OVERRIDE
#                                      ^ U001 U+202C POP DIRECTIONAL FORMATTING
""") + END)
#: the issue's lanes: `fin` / `fin` + U+200B, named `Finance` / `Finance` + U+200B, as YAML escapes
FIN_LANES = LANES + """\
  - id: fin
    name: Finance
  - id: "fin\\u200b"
    name: "Finance\\u200b"
"""
#: step "café" twice: NFC (é) first, NFD (e + U+0301) second
NFC_AND_NFD = process(steps=START + step_2("    name: 登记投诉\n") + """\
  - {id: "caf\u00e9", name: 甲, type: end, lane: service}
  - id: "cafe\u0301"
#       ^ U003 looks the same as step id
    name: 乙
    type: end
    lane: service
""" + END)
#: the issue's lanes: `fin` / `fin` + U+200B, named `Finance` / `Finance` + U+200B, as YAML escapes
FIN_LANES_FOR_U003 = process(lanes=LANES + """\
  - id: fin
    name: Finance
  - id: "fin\\u200b"
#       ^ U003 looks the same as lane id 'fin'
    name: "Finance\\u200b"
""")

#: "legal department" in Hebrew: right-to-left text shows correctly without bidi controls
HEBREW_LEGAL = "\u05de\u05d7\u05dc\u05e7\u05d4 \u05de\u05e9\u05e4\u05d8\u05d9\u05ea"

CASES = {
    "U001-valid": process(),
    "U001-valid-right-to-left-text": process(lanes=LANES + f"  - {{id: legal, name: {HEBREW_LEGAL}}}\n"),
    "U001-raw-override": TROJAN_RAW,
    "U001-escaped-override": process(steps=START + step_2("""\
    name: "Approve payments up to \\u202e0001$\\u202c without review"
#                                 ^ U001 U+202E
#                                            ^ U001 U+202C
""") + END),
    "U001-isolates": process(top="""\
purpose: 及时\u2067受理\u2069
#          ^ U001 U+2067
#             ^ U001 U+2069
"""),
    "U001-valid-no-escape-text": process(top="purpose: 及时受理客户投诉\n"),
    "U001-valid-escape-letters-not-loaded": process(top="# see \\u202e in plain text\n"),
    "U002-valid": process(),
    "U002-escaped-zero-width-space": process(lanes=LANES + """\
  - id: fin
    name: Finance
  - id: "fin\\u200b"
#           ^ U002 U+200B ZERO WIDTH SPACE
    name: "Finance\\u200b"
#                 ^ U002 U+200B
"""),
    "U002-raw-zero-width-space": process(lanes=LANES + """\
  - id: fin
    name: Finance
  - id: fin\u200b
#          ^ U002 U+200B
    name: Finance\u200b
#                ^ U002 U+200B
"""),
    "U002-soft-hyphen-word-joiner-bom": process(top="""\
scope: 所有\u00ad客户\u2060投诉\ufeff
#        ^ U002 U+00AD SOFT HYPHEN
#           ^ U002 U+2060 WORD JOINER
#              ^ U002 U+FEFF
"""),
    "U002-valid-bom-opening-the-file": "\ufeff" + process(),
    "U003-valid": process(),
    "U003-lane-ids": FIN_LANES_FOR_U003,
    "U003-nfc-and-nfd-step-ids": NFC_AND_NFD,
    "U003-nfkc-fullwidth": process(steps=START + step_2("    name: 登记投诉\n") + """\
  - {id: "\uff211", name: 甲, type: end, lane: service}
  - id: "A1"
#       ^ U003 looks the same as step id
    name: 乙
    type: end
    lane: service
""" + END),
    "U004-valid": process(),
    "U004-lane-names": process(lanes=LANES + """\
  - id: fin
    name: Finance
  - id: "fin\\u200b"
    name: "Finance\\u200b"
#         ^ U004 looks the same as lane name
"""),
    "U004-step-names": process(steps=START + step_2("    name: 登记投诉\n") + """\
  - {id: "6", name: "处理完毕\u200d", type: end, lane: service}
""" + END.replace("    name: 处理完毕\n", "    name: 处理完毕\n#         ^ U004 looks the same as step name\n")),
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    assert_marked(CASES[case], [case[:4]])


def test_messages_name_the_code_point_and_position() -> None:
    (first, second) = lint(split(TROJAN_RAW)[0], ["U001"])
    assert first.message == ("bidirectional control character U+202E RIGHT-TO-LEFT OVERRIDE at 9:34: "
                             "the text is shown in another order than it is written")
    assert second.message.startswith("bidirectional control character U+202C POP DIRECTIONAL FORMATTING at 9:40")
    assert first.severity is Severity.WARNING


def test_lookalike_ids_are_an_error_naming_the_difference() -> None:
    (finding,) = lint(split(NFC_AND_NFD)[0], ["U003"])
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "step id 'cafe\u0301' looks the same as step id 'caf\u00e9' (line 12) but is a different id: they differ in "
        "U+0065 LATIN SMALL LETTER E, U+00E9 LATIN SMALL LETTER E WITH ACUTE, U+0301 COMBINING ACUTE ACCENT"
    )
    (lane,) = lint(split(FIN_LANES_FOR_U003)[0], ["U003"])
    assert lane.message == ("lane id 'fin\\u200b' looks the same as lane id 'fin' (line 6) but is a different id: "
                            "they differ in U+200B ZERO WIDTH SPACE")


def test_base_is_clean() -> None:
    assert lint(BASE, ["security"]) == []
