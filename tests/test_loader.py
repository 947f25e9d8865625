"""Every kind of loader error, with its exact code and position."""

from __future__ import annotations

import os
import textwrap

import pytest

from procdoc import loader, workspace
from procdoc.diagnostics import Pos
from procdoc.loader import load_text
from tests.base_process import BASE


def problems(text: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in load_text(textwrap.dedent(text), "p.yaml").diagnostics]


def replace(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def test_base_loads_cleanly() -> None:
    result = load_text(BASE, "p.yaml")
    assert result.diagnostics == []
    assert result.process is not None
    assert [s.id for s in result.process.steps] == ["1", "2", "3", "4", "5"]


CASES = {
    "yaml-syntax": ("procdoc: 1\nid: [unclosed\n", [("F001", 3, 1)]),
    "tab-indent": ("procdoc: 1\nsteps:\n\t- id: x\n", [("F001", 3, 1)]),
    "not-a-process": ("name: x\n", [("F003", 1, 1)]),
    "empty-file": ("", [("F003", 1, 1)]),
    "format-version": (replace("procdoc: 1", "procdoc: 2"), [("F003", 1, 10)]),
    "wrong-type-list": (
        replace('    lane: customer\n    next: "2"', '    lane: [customer]\n    next: "2"'),
        [("F004", 36, 11)],
    ),
    "wrong-type-mapping": (replace("  description: 客户提出投诉\n", "  description:\n    a: b\n"), [("F004", 13, 5)]),
    "unknown-key": (replace('    next: "3"\n', '    nxt: "3"\n'), [("F005", 51, 5)]),
    "unknown-top-key": (BASE + "owners: x\n", [("F005", 83, 1)]),
    "missing-key": (replace("  - id: customer\n    name: 客户\n", "  - id: customer\n"), [("F006", 17, 5)]),
    "missing-steps": (BASE.split("steps:")[0], [("F006", 1, 1)]),
    "duplicate-key": (replace("id: T-01\n", "id: T-01\nid: T-02\n"), [("F007", 3, 1)]),
    "duplicate-step-id": (replace('  - id: "5"\n', '  - id: "4"\n'), [("F008", 65, 9)]),
    "duplicate-lane-id": (replace("  - id: service\n", "  - id: customer\n"), [("F008", 20, 9)]),
    "invalid-enum": (replace("status: approved", "status: aproved"), [("F009", 5, 9)]),
    "invalid-date": (replace("date: 2026-01-10", "date: 10.1.2026"), [("F009", 74, 11)]),
    "impossible-date": (replace("date: 2026-01-10", "date: 2026-02-30"), [("F009", 74, 11)]),
    "id-with-space": (replace('  - id: "5"\n', '  - id: "5 a"\n'), [("F009", 65, 9)]),
    "python-tag": (replace("name: 投诉受理", "name: !!python/object:os.system x"), [("F010", 3, 7)]),
    "merge-key": ("procdoc: 1\nbase: &b {a: 1}\nother:\n  <<: *b\n", [("F010", 4, 3)]),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_loader_error(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert problems(text) == expected


def test_unknown_key_suggests_the_right_one() -> None:
    (diagnostic,) = load_text(replace('    next: "3"\n', '    nxt: "3"\n'), "p.yaml").diagnostics
    assert diagnostic.message == "unknown key 'nxt' in step '2'"
    assert diagnostic.hint == "did you mean 'next'?"


def test_messages_name_the_place() -> None:
    (diagnostic,) = load_text(replace("status: approved", "status: aproved"), "p.yaml").diagnostics
    assert "'status'" in diagnostic.message and diagnostic.hint == "did you mean 'approved'?"


def test_several_schema_errors_are_all_reported() -> None:
    text = replace("status: approved", "status: aproved").replace('    nxt: "3"', "")
    text = text.replace("category: business", "category: busness")
    assert [d.code for d in load_text(text, "p.yaml").diagnostics] == ["F009", "F009"]


def test_unquoted_step_numbers_stay_text() -> None:
    text = replace('  - id: "4"\n', "  - id: 3.10\n").replace('next: "4"', "next: 3.10")
    process = load_text(text, "p.yaml").process
    assert process is not None
    assert "3.10" in process.step_by_id
    assert process.step_by_id["3"].branches[0].next == ["3.10"]


def test_yes_no_labels_stay_text() -> None:
    process = load_text(BASE.replace("when: 是", "when: Yes").replace("when: 否", "when: No"), "p.yaml").process
    assert process is not None
    assert [b.when for b in process.step_by_id["3"].branches] == ["Yes", "No"]


def test_positions_of_model_fields() -> None:
    process = load_text(BASE, "p.yaml").process
    assert process is not None
    step = process.step_by_id["2"]
    assert (step.pos.line, step.pos.column) == (38, 5)
    assert (step.where("next").line, step.where("next").column) == (51, 11)
    assert step.at["documents.0"].line == 43
    assert process.where("owner").line == 7


def test_extension_keys_are_accepted_and_ignored() -> None:
    text = replace("name: 投诉受理\n", "name: 投诉受理\nx-cost-centre: 4711\n")
    assert load_text(text, "p.yaml").diagnostics == []


def test_emergencies_absent_vs_empty() -> None:
    absent = load_text(replace("emergencies: []\n", ""), "p.yaml").process
    empty = load_text(BASE, "p.yaml").process
    assert absent is not None and absent.emergencies is None
    assert empty is not None and empty.emergencies == []


class TestBytes:
    def test_not_utf8(self, tmp_path: os.PathLike[str]) -> None:
        path = os.path.join(tmp_path, "p.yaml")
        with open(path, "wb") as handle:
            handle.write(b"procdoc: 1\nname: \xff\xfe\n")
        (diagnostic,) = loader.load_file(path).diagnostics
        assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("F002", 2, 7)

    def test_bom_is_accepted(self, tmp_path: os.PathLike[str]) -> None:
        path = os.path.join(tmp_path, "p.yaml")
        with open(path, "wb") as handle:
            handle.write(b"\xef\xbb\xbf" + BASE.encode())
        assert loader.load_file(path).diagnostics == []

    def test_crlf_is_accepted(self, tmp_path: os.PathLike[str]) -> None:
        path = os.path.join(tmp_path, "p.yaml")
        with open(path, "wb") as handle:
            handle.write(BASE.replace("\n", "\r\n").encode())
        assert loader.load_file(path).diagnostics == []

    def test_nul_byte(self) -> None:
        assert problems("procdoc: 1\nname: a\x00b\n") == [("F002", 2, 8)]

    def test_directory(self, tmp_path: os.PathLike[str]) -> None:
        path = os.path.join(tmp_path, "dir.yaml")
        os.mkdir(path)
        (diagnostic,) = loader.load_file(path).diagnostics
        assert diagnostic.code == "F002"

    def test_missing_file(self, tmp_path: os.PathLike[str]) -> None:
        (diagnostic,) = loader.load_file(os.path.join(tmp_path, "none.yaml")).diagnostics
        assert diagnostic.code == "F002" and "cannot read" in diagnostic.message


class TestLimits:
    def test_alias_bomb_is_refused(self) -> None:
        lines = ["procdoc: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        lines += [
            f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)
        ]
        assert [code for code, _, _ in problems("\n".join(lines) + "\n")] == ["F011"]

    def test_deep_nesting_is_refused(self) -> None:
        assert [code for code, _, _ in problems("procdoc: 1\nx: " + "[" * 100 + "]" * 100 + "\n")] == ["F011"]

    def test_huge_file_is_refused(self, tmp_path: os.PathLike[str]) -> None:
        path = os.path.join(tmp_path, "big.yaml")
        with open(path, "w") as handle:
            handle.write("procdoc: 1\nx: '" + "a" * (5 * 1024 * 1024) + "'\n")
        (diagnostic,) = loader.load_file(path).diagnostics
        assert diagnostic.code == "F011"


class TestDiscovery:
    def test_finds_yaml_and_skips_other_files(self, tmp_path: os.PathLike[str]) -> None:
        root = str(tmp_path)
        for name in ("a.yaml", "b.yml", "c.txt", ".hidden/d.yaml", "sub/e.yaml"):
            path = os.path.join(root, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as handle:
                handle.write("x: 1\n")
        found = workspace.find([root])
        assert [os.path.basename(f) for f in found.files] == ["a.yaml", "b.yml", "e.yaml"]

    def test_missing_path_is_reported(self, tmp_path: os.PathLike[str]) -> None:
        assert workspace.find([os.path.join(tmp_path, "nope")]).missing

    def test_process_marker(self) -> None:
        assert loader.is_process_text("# c\nprocdoc: 1\n")
        assert not loader.is_process_text("steps:\n  procdoc: 1\n")


def test_compiled_validator_is_current() -> None:
    from pathlib import Path

    import fastjsonschema

    from procdoc import schema
    from procdoc.schema import compiled

    assert fastjsonschema.VERSION == compiled.VERSION, (
        f"fastjsonschema {fastjsonschema.VERSION} is installed, but compiled.py was generated by {compiled.VERSION}, "
        "the version pyproject.toml pins: reinstall (make setup), or regenerate after changing the pin"
    )
    shipped = Path(schema.__file__).with_name("compiled.py").read_text(encoding="utf-8")
    assert shipped == schema.validator_code(), "the schema changed: run `python -m procdoc.schema`"


SCHEMA_CASES = [
    "format-version",
    "wrong-type-list",
    "wrong-type-mapping",
    "unknown-key",
    "unknown-top-key",
    "missing-key",
    "missing-steps",
    "invalid-enum",
    "invalid-date",
    "id-with-space",
]


def _schema_errors(text: str) -> list[str]:
    from jsonschema import Draft202012Validator

    from procdoc import schema, yamlsource

    data, _ = yamlsource.load(text)
    return [e.message for e in Draft202012Validator(schema.schema()).iter_errors(data)]


@pytest.mark.parametrize("name", SCHEMA_CASES)
def test_the_shipped_schema_rejects_each_bad_fixture(name: str) -> None:
    """Editors (which use the JSON Schema alone) refuse what the loader refuses."""
    assert _schema_errors(CASES[name][0])


def test_the_shipped_schema_accepts_every_sample() -> None:
    from pathlib import Path

    samples = sorted(Path(__file__).parent.parent.joinpath("samples").glob("*.yaml"))
    assert len(samples) >= 9
    for sample in samples:
        assert _schema_errors(sample.read_text(encoding="utf-8")) == [], sample


# --- F004 says which type the key takes -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("old", "new", "hint"),
    [
        pytest.param(
            "      standard: 信息完整\n", "      standard:\n        a: b\n",
            "`standard` takes text (Quality standard (质量标准)): write it on one line after the colon, "
            "in quotes if it contains ': '", id="text-given-a-mapping",
        ),
        pytest.param(
            "    lane: service\n    key: true\n", "    lane: [service, customer]\n    key: true\n",
            "`lane` takes an id (The lane (department or role) that does the step: one lane id): write an id here",
            id="id-given-a-list",
        ),
        pytest.param(
            "    time_limit: 即时\n", "    time_limit:\n",
            "`time_limit` takes text (即时, 30min, 2h, 0.5d, 1 working day, 24小时内, 1个工作日内 …): "
            "write the value after the colon, or remove the key", id="empty",
        ),
        pytest.param(
            '    next: "3"\n', "    next: {a: b}\n",
            "`next` takes an id or a list of ids (The following step id, or a list for parallel paths): "
            "write an id or a list of ids here", id="one-of",
        ),
        pytest.param("sla: 2 working days", "sla: {a: b}", "`sla` takes text or a list (Cycle-time standard", id="sla"),
    ],
)
def test_wrong_type_hint_says_which_type_the_key_takes(old: str, new: str, hint: str) -> None:
    [diagnostic] = load_text(replace(old, new), "p.yaml").diagnostics
    assert diagnostic.code == "F004"
    assert diagnostic.hint.startswith(hint)


# --- format 1.1 -----------------------------------------------------------------------------------------------------

JOINED = replace('    name: 转交上级\n    type: end\n', '    name: 转交上级\n    type: join\n    next: "4"\n')


@pytest.mark.parametrize(
    ("text", "what", "line", "column"),
    [
        pytest.param(JOINED, "`type: join`", 67, 11, id="join"),
        pytest.param(replace("    type: start\n", "    type: start\n    trigger: 客户来电\n"),
                     "a step's own `trigger:`", 36, 14, id="start-trigger"),
        pytest.param(replace('        next: "5"', '        next: ["4", "5"]'),
                     "a list of steps on one exit", 60, 15, id="exit-list"),
        pytest.param(replace("sla: 2 working days", "sla:\n  - name: 全程\n    limit: 2天"),
                     "`sla` as a list of segments", 71, 3, id="segment-sla"),
    ],
)
def test_format_1_1_constructs_need_procdoc_1_1(text: str, what: str, line: int, column: int) -> None:
    [diagnostic] = load_text(text, "p.yaml").diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("F003", line, column)
    assert diagnostic.message == f"{what} is format 1.1, but the file says `procdoc: 1`"
    assert diagnostic.hint == "write `procdoc: 1.1` at the top of the file"
    assert load_text(text.replace("procdoc: 1\n", "procdoc: 1.1\n", 1), "p.yaml").diagnostics == []


def test_sla_text_and_segments_load_alike() -> None:
    whole = load_text(BASE, "p.yaml").process
    assert whole is not None
    [sla] = whole.sla
    assert (sla.limit, sla.name, sla.start, sla.end, sla.pos) == ("2 working days", None, None, None, Pos(70, 6))
    segments_text = 'sla:\n  - name: 处理\n    from: "2"\n    to: "4"\n    limit: 1天\n  - name: 全程\n    limit: 2天'
    text = replace("sla: 2 working days", segments_text).replace("procdoc: 1\n", "procdoc: 1.1\n")
    segments = load_text(text, "p.yaml").process
    assert segments is not None
    assert [(s.name, s.start, s.end, s.limit) for s in segments.sla] == [
        ("处理", "2", "4", "1天"), ("全程", None, None, "2天"),
    ]
    assert segments.sla[0].where("to") == Pos(73, 9)
