"""The loader: messages and hints, the model it builds, files on disk, limits, the shipped schema.

Where each format finding (F…) is reported is in the marker cases of
tests/rules/test_format.py.
"""

from __future__ import annotations

import os

import pytest

from procdoc import loader, workspace
from procdoc.diagnostics import Pos
from procdoc.loader import load_text
from tests.base_process import BASE
from tests.markers import split
from tests.rules.test_format import CASES as FORMAT_CASES


def replace(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def test_base_loads_cleanly() -> None:
    result = load_text(BASE, "p.yaml")
    assert result.diagnostics == []
    assert result.process is not None
    assert [s.id for s in result.process.steps] == ["1", "2", "3", "4", "5"]


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


def test_emergencies_absent_vs_empty() -> None:
    absent = load_text(replace("emergencies: []\n", ""), "p.yaml").process
    empty = load_text(BASE, "p.yaml").process
    assert absent is not None and absent.emergencies is None
    assert empty is not None and empty.emergencies == []


class TestBytes:
    def test_crlf_is_accepted(self, tmp_path: os.PathLike[str]) -> None:
        path = os.path.join(tmp_path, "p.yaml")
        with open(path, "wb") as handle:
            handle.write(BASE.replace("\n", "\r\n").encode())
        assert loader.load_file(path).diagnostics == []

    def test_directory(self, tmp_path: os.PathLike[str]) -> None:
        path = os.path.join(tmp_path, "dir.yaml")
        os.mkdir(path)
        (diagnostic,) = loader.load_file(path).diagnostics
        assert diagnostic.code == "F002"

    def test_missing_file(self, tmp_path: os.PathLike[str]) -> None:
        (diagnostic,) = loader.load_file(os.path.join(tmp_path, "none.yaml")).diagnostics
        assert diagnostic.code == "F002" and "cannot read" in diagnostic.message


class TestLimits:
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


#: the format cases (tests/rules/test_format.py) that the JSON Schema alone must refuse too
SCHEMA_CASES = [
    "F003-format-version",
    "F004-wrong-type-list",
    "F004-wrong-type-mapping",
    "F005-unknown-key",
    "F005-unknown-top-key",
    "F006-missing-key",
    "F006-missing-steps",
    "F009-invalid-enum",
    "F009-invalid-date",
    "F009-id-with-space",
]


def _schema_errors(text: str) -> list[str]:
    from jsonschema.validators import validator_for

    from procdoc import schema, yamlsource

    data, _ = yamlsource.load(text)
    return [e.message for e in validator_for(schema.schema())(schema.schema()).iter_errors(data)]


@pytest.mark.parametrize("name", SCHEMA_CASES)
def test_the_shipped_schema_rejects_each_bad_fixture(name: str) -> None:
    """Editors (which use the JSON Schema alone) refuse what the loader refuses."""
    assert _schema_errors(split(FORMAT_CASES[name])[0])


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
            "`standard` takes text (Quality standard (质量标准): what a good result looks like): "
            "write it on one line after the colon, in quotes if it contains ': '", id="text-given-a-mapping",
        ),
        pytest.param(
            "    lane: service\n    key: true\n", "    lane: [service, customer]\n    key: true\n",
            "`lane` takes an id (Id of the lane (department or role) that does this step, "
            "one of the ids under `lanes:`): write an id here",
            id="id-given-a-list",
        ),
        pytest.param(
            "    time_limit: 即时\n", "    time_limit:\n",
            "`time_limit` takes text (Time limit (时限): 即时, 30min, 2h, 0.5d, 1 working day, "
            "24小时内, 1个工作日内 …): write the value after the colon, or remove the key", id="empty",
        ),
        pytest.param(
            '    next: "3"\n', "    next: {a: b}\n",
            "`next` takes an id or a list of ids (Id of the following step, or a list of ids to start parallel paths): "
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
