"""`procdoc import bpmn`: the mapping of each BPMN construct, the findings, and refusals with exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from procdoc.cli import app
from procdoc.loader import load_file
from procdoc.model import Process

DATA = Path(__file__).parent / "data"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Process], str, Path]:
    out = tmp_path_factory.mktemp("import")
    code, _, stderr = run("import", "bpmn", str(DATA / "order.bpmn"), "-o", str(out))
    assert code == 0, stderr
    processes = {}
    for path in sorted(out.glob("*.yaml")):
        loaded = load_file(str(path))
        assert loaded.process is not None, [d.message for d in loaded.diagnostics]
        processes[loaded.process.id] = loaded.process
    return processes, stderr, out


def steps_by_name(process: Process) -> dict[str, object]:
    return {step.name: step for step in process.steps}


def test_one_file_per_pool_and_per_embedded_sub_process(imported: tuple[dict[str, Process], str, Path]) -> None:
    processes, _, _ = imported
    assert set(processes) == {"OrderProcess", "Sub_Pick"}
    order = processes["OrderProcess"]
    assert order.name == "Order handling"  # the pool's name
    pick = next(s for s in order.steps if s.name == "Pick goods")
    assert (pick.type, pick.process) == ("subprocess", "Sub_Pick")
    assert [s.name for s in processes["Sub_Pick"].steps] == ["Pick list printed", "Walk the aisles", "Goods picked"]


def test_nested_lanes_are_flattened_with_the_parents_name(imported: tuple[dict[str, Process], str, Path]) -> None:
    order = imported[0]["OrderProcess"]
    assert [lane.name for lane in order.lanes] == ["Sales / Front office", "Sales / Back office", "Warehouse"]
    check = next(s for s in order.steps if s.name == "Check order")
    assert order.lane_by_id[check.lane or ""].name == "Sales / Front office"


def test_gateways_become_decisions_splits_and_joins(imported: tuple[dict[str, Process], str, Path]) -> None:
    order = imported[0]["OrderProcess"]
    names = {s.id: s.name for s in order.steps}
    gate = next(s for s in order.steps if s.name == "Order complete?")
    exits = {b.when: sorted(names[t] for t in b.next) for b in gate.branches}
    assert exits == {"Yes": ["Pack goods", "Send invoice"], "default": ["Order rejected"]}  # split folded in
    join = next(s for s in order.steps if s.type == "join")
    assert {names[s.id] for s in order.steps if join.id in s.next} == {"Send invoice", "Pick goods"}
    extras = next(s for s in order.steps if s.name == "Extras?")
    assert [b.when for b in extras.branches] == ["${ship}", "Gift wrap"]  # condition, then name


def test_tasks_keep_their_kind_calls_and_annotations(imported: tuple[dict[str, Process], str, Path]) -> None:
    order = imported[0]["OrderProcess"]
    ship = next(s for s in order.steps if s.name == "Ship goods")
    assert (ship.type, ship.process) == ("subprocess", "SD-05")
    check = next(s for s in order.steps if s.name == "Check order")
    assert check.description == "Check stock and credit."
    text = (imported[2] / "orderprocess.yaml").read_text(encoding="utf-8")
    assert "x-bpmn-type: userTask  # BPMN user task" in text
    assert "x-bpmn-id: Task_Check" in text
    assert "x-bpmn-unknown:\n  - audit Audit_1" in text


def test_data_objects_become_documents_and_records(imported: tuple[dict[str, Process], str, Path]) -> None:
    order = imported[0]["OrderProcess"]
    check = next(s for s in order.steps if s.name == "Check order")
    assert [order.document_by_id[d].name for d in check.documents] == ["Order form"]
    record = order.record_by_id[check.records[0]]
    assert (record.name, record.stored_in) == ("ERP", "ERP")


def test_boundary_events_become_emergencies(imported: tuple[dict[str, Process], str, Path]) -> None:
    order = imported[0]["OrderProcess"]
    assert order.emergencies is not None and len(order.emergencies) == 1
    emergency = order.emergencies[0]
    assert emergency.when == "Shipment late"
    assert order.step_by_id[emergency.handler or ""].name == "Escalate to manager"


def test_findings_name_the_line_and_code(imported: tuple[dict[str, Process], str, Path]) -> None:
    stderr = imported[1]
    source = str(DATA / "order.bpmn")
    lines = (DATA / "order.bpmn").read_text(encoding="utf-8").splitlines()
    expected = {
        "B001": '<acme:audit id="Audit_1"',
        "B002": '<bpmn:task id="Task_Nameless"',
        "B003": '<bpmn:inclusiveGateway id="Incl"',
        "B010": '<bpmn:sequenceFlow id="F_Bad"',
    }
    for code, element in expected.items():
        line = next(i for i, text in enumerate(lines, start=1) if element in text)
        assert f"{source}:{line}: {code} " in stderr, (code, stderr)


def test_the_file_reads_like_procdoc_new(imported: tuple[dict[str, Process], str, Path]) -> None:
    text = (imported[2] / "orderprocess.yaml").read_text(encoding="utf-8")
    assert text.startswith("# procdoc process definition")
    assert "procdoc: 1.1" in text  # a join and an exit with two next steps need format 1.1
    assert 'steps:                       # type: start | task | decision | subprocess | end\n  - id: "1"' in text


def test_an_existing_file_is_not_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "orderprocess.yaml"
    target.write_text("mine", encoding="utf-8")
    code, _, stderr = run("import", "bpmn", str(DATA / "order.bpmn"), "-o", str(tmp_path))
    assert code == 2 and "already exists" in stderr and "--force" in stderr
    assert target.read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "sub_pick.yaml").exists()  # nothing written when one file is refused
    assert run("import", "bpmn", str(DATA / "order.bpmn"), "-o", str(tmp_path), "--force")[0] == 0
    assert target.read_text(encoding="utf-8") != "mine"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
<process id="P"><task id="T" name="&lol9;"/></process></definitions>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE definitions [<!ENTITY secret SYSTEM "file://{secret}">]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
<process id="P"><task id="T" name="&secret;"/></process></definitions>
"""


@pytest.mark.parametrize("content", ["billion-laughs", "external-entity"])
def test_entity_tricks_are_refused_with_exit_2(content: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    model = tmp_path / f"{content}.bpmn"
    text = BILLION_LAUGHS if content == "billion-laughs" else EXTERNAL_ENTITY.format(secret=secret)
    model.write_text(text, encoding="utf-8")
    code, stdout, stderr = run("import", "bpmn", str(model), "-o", str(tmp_path / "out"))
    assert code == 2
    assert "refused: the file declares a DTD or entities" in stderr
    assert not (tmp_path / "out").exists() and "TOP-SECRET" not in stdout + stderr


@pytest.mark.parametrize(("text", "message"), [
    ("<definitions", "not well-formed XML"),
    ('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
     "not a BPMN 2.0 file (its root element is <svg>"),
    ('<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"/>', "the BPMN file holds no process"),
])
def test_a_file_that_is_not_bpmn_is_exit_2_with_a_message(text: str, message: str, tmp_path: Path) -> None:
    model = tmp_path / "model.bpmn"
    model.write_text(text, encoding="utf-8")
    code, _, stderr = run("import", "bpmn", str(model))
    assert code == 2 and message in stderr and "Traceback" not in stderr


def test_a_malformed_file_is_located_by_line_and_column(tmp_path: Path) -> None:
    model = tmp_path / "model.bpmn"
    model.write_text('<?xml version="1.0"?>\n<definitions>\n  <process id="a" id="b"/>\n</definitions>\n')
    code, _, stderr = run("import", "bpmn", str(model))
    assert code == 2 and f"{model}:3:" in stderr


def test_a_missing_file_is_exit_2(tmp_path: Path) -> None:
    code, _, stderr = run("import", "bpmn", str(tmp_path / "absent.bpmn"))
    assert code == 2 and "absent.bpmn" in stderr


def test_a_second_import_keeps_the_step_numbers_so_diff_shows_only_the_change(tmp_path: Path) -> None:
    first = tmp_path / "first"
    assert run("import", "bpmn", str(DATA / "order.bpmn"), "-o", str(first))[0] == 0
    kept = tmp_path / "kept.yaml"
    kept.write_bytes((first / "orderprocess.yaml").read_bytes())
    model = (DATA / "order.bpmn").read_text(encoding="utf-8")
    model = model.replace('name="Pack goods"', 'name="Pack the goods"').replace(
        '<bpmn:sequenceFlow id="F2" sourceRef="Task_Check" targetRef="Gateway_OK" />',
        '<bpmn:task id="Task_Credit" name="Check credit" />'
        '<bpmn:sequenceFlow id="F2" sourceRef="Task_Check" targetRef="Task_Credit" />'
        '<bpmn:sequenceFlow id="F2b" sourceRef="Task_Credit" targetRef="Gateway_OK" />')
    changed = tmp_path / "order.bpmn"
    changed.write_text(model, encoding="utf-8")
    assert run("import", "bpmn", str(changed), "-o", str(first), "--force")[0] == 0
    code, stdout, _ = run("diff", str(kept), str(first / "orderprocess.yaml"))
    assert code == 0
    details = [line.strip() for line in stdout.splitlines() if line.startswith("  ")]
    assert details == ["+ step 3a 'Check credit' added after 2",
                       "~ step 5 renamed from 'Pack goods' to 'Pack the goods'"]
