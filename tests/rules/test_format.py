"""Format rules (F…): what the loader refuses before any other rule can run.

Each case is a small file with its expected findings marked under the lines
they are about (tests/markers.py); most files with a format finding do not
load, so the cases run with `loads=False`. Every format finding of a case is
compared, not only those of the code in its name: a valid case loads with
none at all. An empty last line before a marker is the end of the file.

What an in-memory text cannot say is tested elsewhere: files read from disk
(a folder, a missing path, a file over the size limit, CRLF line ends) in
tests/test_loader.py, and the F003 of a file found in a folder that looks
like a process but lacks `procdoc:` in tests/test_check_robustness.py (the
rule tester names every file, and named files are always read as processes).
"""

from __future__ import annotations

import pytest

from tests.markers import assert_marked, split
from tests.ruletester import lint

HEAD = """\
procdoc: 1
id: T-01
name: 投诉受理
"""
LANES = """\
lanes:
  - {id: customer, name: 客户}
  - {id: service, name: 客服部}
"""
STEPS = """\
steps:
  - {id: "1", name: 客户投诉, type: start, lane: customer, next: "2"}
  - {id: "2", name: 处理完毕, type: end, lane: service}
"""
PROCESS = HEAD + LANES + STEPS
#: each construct of format 1.1 in a file that says `procdoc: 1`
FORMAT_1_1 = {
    "join": HEAD + LANES + """\
steps:
  - {id: "1", name: 客户投诉, type: start, lane: customer, next: "2"}
  - id: "2"
    name: 汇合
    type: join
#         ^ F003 `type: join` is format 1.1, but the file says `procdoc: 1`
    lane: service
    next: "3"
  - {id: "3", name: 处理完毕, type: end, lane: service}
""",
    "start-trigger": HEAD + LANES + """\
steps:
  - id: "1"
    name: 客户投诉
    type: start
    trigger: 客户来电
#            ^ F003 a step's own `trigger:` is format 1.1, but the file says `procdoc: 1`
    lane: customer
    next: "2"
  - {id: "2", name: 处理完毕, type: end, lane: service}
""",
    "exit-list": HEAD + LANES + """\
steps:
  - {id: "1", name: 客户投诉, type: start, lane: customer, next: "2"}
  - id: "2"
    name: 可以处理？
    type: decision
    lane: service
    branches:
      - when: 是
        next: ["3", "4"]
#             ^ F003 a list of steps on one exit is format 1.1, but the file says `procdoc: 1`
      - when: 否
        next: "4"
  - {id: "3", name: 处理完毕, type: end, lane: service}
  - {id: "4", name: 转交上级, type: end, lane: service}
""",
    "segment-sla": PROCESS + """\
sla:
  - name: 全程
# ^ F003 `sla` as a list of segments is format 1.1, but the file says `procdoc: 1`
    limit: 2天
""",
}


def in_format_1_1(text: str) -> str:
    """`text` without its markers, saying `procdoc: 1.1`."""
    clean = split(text)[0]
    assert clean.startswith("procdoc: 1\n")
    return clean.replace("procdoc: 1\n", "procdoc: 1.1\n", 1)


def alias_bomb() -> str:
    """Nine levels of aliases, each repeating the one before nine times: 10 × 9⁸ values."""
    lines = ["procdoc: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]", "#           ^ F011 more than 200,000 values"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


CASES = {
    "F001-valid": PROCESS,
    "F001-yaml-syntax": """\
procdoc: 1
id: [unclosed

^ F001 did not find expected ',' or ']'
""",
    "F001-tab-indent": """\
procdoc: 1
steps:
\t- id: x
^ F001 found character that cannot start any token
""",
    "F001-colon-in-a-plain-value": """\
procdoc: 1
id: T-01
name: Step: record
#         ^ F001 mapping values are not allowed
""" + LANES + STEPS,
    "F001-valid-colon-in-quotes": 'procdoc: 1\nid: T-01\nname: "Step: record"\n' + LANES + STEPS,
    "F002-valid-bom": "\ufeff" + PROCESS,
    # "\udcff\udcfe" are the bytes 0xff 0xfe (tests/markers.py writes lone surrogates as the bytes they stand for)
    "F002-not-utf8": """\
procdoc: 1
name: \udcff\udcfe
#     ^ F002 not UTF-8 (byte 0xff)
""",
    "F002-nul-byte": """\
procdoc: 1
name: a\x00b
#      ^ F002 control character #x0000
""",
    "F003-valid": PROCESS,
    "F003-not-a-process": """\
name: x
^ F003 not a process file
""",
    "F003-empty-file": """\

^ F003 not a process file
""",
    "F003-format-version": """\
procdoc: 2
#        ^ F003 unsupported format version 2
id: T-01
name: 投诉受理
""" + LANES + STEPS,
    **{f"F003-1.1-{name}": text for name, text in FORMAT_1_1.items()},
    **{f"F003-valid-1.1-{name}": in_format_1_1(text) for name, text in FORMAT_1_1.items()},
    "F004-valid": PROCESS,
    "F004-wrong-type-list": HEAD + LANES + """\
steps:
  - id: "1"
    name: 客户投诉
    type: start
    lane: [customer]
#         ^ F004 must be an id, not a list
    next: "2"
  - {id: "2", name: 处理完毕, type: end, lane: service}
""",
    "F004-wrong-type-mapping": PROCESS + """\
trigger:
  description:
    a: b
#   ^ F004 must be text, not a mapping
""",
    "F005-valid-extension-key": HEAD + "x-cost-centre: 4711\n" + LANES + STEPS,
    "F005-unknown-key": HEAD + LANES + """\
steps:
  - id: "1"
    name: 客户投诉
    type: start
    lane: customer
    nxt: "2"
#   ^ F005 unknown key 'nxt' in step '1'
  - {id: "2", name: 处理完毕, type: end, lane: service}
""",
    "F005-unknown-top-key": PROCESS + """\
owners: x
^ F005 unknown key 'owners'
""",
    "F006-valid": PROCESS,
    "F006-missing-key": HEAD + """\
lanes:
  - id: customer
#   ^ F006 missing the required key 'name'
  - {id: service, name: 客服部}
""" + STEPS,
    "F006-missing-steps": """\
procdoc: 1
^ F006 missing the required key 'steps'
id: T-01
name: 投诉受理
""" + LANES,
    "F007-valid-same-key-in-two-mappings": PROCESS,
    "F007-duplicate-key": """\
procdoc: 1
id: T-01
id: T-02
^ F007 duplicate key 'id' (first defined at line 2)
name: 投诉受理
""" + LANES + STEPS,
    "F008-valid-step-and-lane-share-an-id": HEAD + LANES + """\
steps:
  - {id: service, name: 客户投诉, type: start, lane: customer, next: "2"}
  - {id: "2", name: 处理完毕, type: end, lane: service}
""",
    "F008-duplicate-step-id": PROCESS + """\
  - id: "2"
#       ^ F008 duplicate step id '2' (first defined at line 9)
    name: 转交上级
    type: end
    lane: service
""",
    "F008-duplicate-lane-id": HEAD + """\
lanes:
  - {id: customer, name: 客户}
  - id: customer
#       ^ F008 duplicate lane id 'customer'
    name: 客服部
""" + STEPS.replace("lane: service", "lane: customer"),
    "F009-valid": PROCESS + """\
status: approved
revisions:
  - {version: "1.0", date: 2026-01-10, changes: 首次发布}
""",
    "F009-invalid-enum": PROCESS + """\
status: aproved
#       ^ F009 is not one of
""",
    "F009-invalid-date": PROCESS + """\
revisions:
  - version: "1.0"
    date: 10.1.2026
#         ^ F009 is not a date
    changes: 首次发布
""",
    "F009-impossible-date": PROCESS + """\
revisions:
  - version: "1.0"
    date: 2026-02-30
#         ^ F009 is not a real date
    changes: 首次发布
""",
    "F009-id-with-space": PROCESS + """\
  - id: "5 a"
#       ^ F009 contains spaces
    name: 转交上级
    type: end
    lane: service
""",
    "F010-valid-str-tag": 'procdoc: 1\nid: T-01\nname: !!str 投诉受理\n' + LANES + STEPS,
    "F010-valid-anchor-and-alias": PROCESS + "x-a: &a {b: 1}\nx-c: *a\n",
    "F010-python-tag": """\
procdoc: 1
id: T-01
name: !!python/object:os.system x
#     ^ F010 YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed
""" + LANES + STEPS,
    "F010-merge-key": """\
procdoc: 1
base: &b {a: 1}
other:
  <<: *b
# ^ F010 only plain text keys are allowed
""",
    "F011-valid-nesting-within-the-limit": PROCESS + "x-deep: " + "[" * 60 + "]" * 60 + "\n",
    "F011-alias-bomb": alias_bomb(),
    "F011-deep-nesting": f"procdoc: 1\nx: {'[' * 100}{']' * 100}\n#{' ' * 66}^ F011 nesting deeper than 64 levels\n",
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule(case: str) -> None:
    assert_marked(CASES[case], ["F"], loads=False)


def test_format_1_1_says_how_to_declare_it() -> None:
    (finding,) = lint(split(FORMAT_1_1["join"])[0], ["F003"])
    assert finding.hint == "write `procdoc: 1.1` at the top of the file"
