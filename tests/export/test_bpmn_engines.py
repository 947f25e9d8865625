"""The BPMN export as the tools that consume BPMN read it: bpmnlint, and SpiffWorkflow running it.

bpmnlint runs with its `recommended` rules, less the three style rules
procdoc's charts break on purpose (`fake-join`: a step reached by a
loop-back is an exclusive merge; `no-gateway-join-fork`: a join may also
split; `label-required`: a parallel split has nothing to say). The token
game is in tests/export/tokens.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from procdoc.export import bpmn
from procdoc.loader import load_text
from tests.conftest import unavailable
from tests.export.conftest import ALL_IDS, JS, Repository
from tests.export.tokens import Game, Pass, model_of

IMPLICIT_MERGE = """\
procdoc: 1
id: PM-01
name: 隐式汇合
lanes: [{id: a, name: 部门}]
steps:
  - {id: "1", name: 开始, type: start, lane: a, next: "2"}
  - {id: "2", name: 分派, lane: a, next: ["3", "4"]}
  - {id: "3", name: 甲, lane: a, next: "5"}
  - {id: "4", name: 乙, lane: a, next: "5"}
  - {id: "5", name: 汇总, lane: a, next: "6"}
  - {id: "6", name: 结束, type: end, lane: a}
"""


@pytest.fixture(scope="module")
def exported(repository: Repository) -> dict[str, str]:
    return {stem: bpmn.export(process, repository.known) for stem, process in repository.processes.items()}


# ── bpmnlint ──────────────────────────────────────────────────────────────────


def lint(files: list[Path]) -> dict[str, list[dict[str, str]]]:
    """bpmnlint's findings per file, from tests/export/js/lint.mjs under Node.js."""
    node = shutil.which("node")
    if node is None or not (JS / "node_modules" / "bpmnlint").is_dir():
        unavailable("Node.js and bpmnlint are needed: `make setup` installs bpmnlint under tests/export/js")
    result = subprocess.run([node, str(JS / "lint.mjs"), *map(str, files)], cwd=JS, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    found: dict[str, list[dict[str, str]]] = json.loads(result.stdout)
    return found


def test_bpmnlint_finds_nothing_in_any_export(exported: dict[str, str], tmp_path: Path) -> None:
    files = []
    for stem in ALL_IDS:
        files.append(tmp_path / f"{stem}.bpmn")
        files[-1].write_text(exported[stem], encoding="utf-8")
    assert lint(files) == {str(path): [] for path in files}


def test_bpmnlint_reports_a_handler_reached_from_nowhere(exported: dict[str, str], tmp_path: Path) -> None:
    """The linter is really run: the emergency start taken away, its handler is an implicit start again."""
    text = exported["qm-07"]
    start = text.index('<bpmn:startEvent id="Emergency_E1"')
    end = text.index("</bpmn:startEvent>", start) + len("</bpmn:startEvent>")
    flow = text.index('<bpmn:sequenceFlow id="Flow_E1_to_E1_1"')
    flow_end = text.index("/>", flow) + 2
    broken = tmp_path / "broken.bpmn"
    broken.write_text(text[:start] + text[end:flow] + text[flow_end:], encoding="utf-8")
    rules = {(finding["rule"], finding["id"]) for finding in lint([broken])[str(broken)]}
    assert ("no-implicit-start", "Step_E1_1") in rules


# ── The token game in SpiffWorkflow ───────────────────────────────────────────


def check_passes(passes: list[Pass]) -> None:
    """Each pass completes from its own start; no step runs twice unless a loop was taken in that pass,
    and then no more often than once per loop taken."""
    for run in passes:
        assert run.completed, (run.start, dict(run.runs))
        assert run.runs[run.start] == 1, run.start
        allowed = 1 + len(run.looped)
        assert run.first <= (not run.looped), run.start  # a first pass takes no loop
        over = {node: count for node, count in run.runs.items() if node.startswith("Step_") and count > allowed}
        assert over == {}, (run.start, run.looped)


@pytest.mark.parametrize("stem", ALL_IDS)
def test_every_export_runs_in_spiffworkflow_through_every_exit(stem: str, exported: dict[str, str]) -> None:
    model = model_of(exported[stem])
    game = Game(model)
    passes = game.play()
    assert game.untaken == set()
    assert {run.start for run in passes} == set(model.starts)
    check_passes(passes)


def test_the_token_game_catches_parallel_paths_merging_without_a_join() -> None:
    loaded = load_text(IMPLICIT_MERGE, "pm.yaml")
    assert loaded.process is not None
    passes = Game(model_of(bpmn.export(loaded.process, set()))).play()
    assert passes[0].runs["Step_5"] == 2
    with pytest.raises(AssertionError):
        check_passes(passes)


def test_with_a_join_the_same_work_runs_once() -> None:
    joined = IMPLICIT_MERGE.replace('next: "5"}', 'next: "J"}').replace(
        '  - {id: "5"', '  - {id: "J", name: 齐套, type: join, lane: a, next: "5"}\n  - {id: "5"')
    loaded = load_text(joined, "pm.yaml")
    assert loaded.process is not None
    passes = Game(model_of(bpmn.export(loaded.process, set()))).play()
    check_passes(passes)
    assert passes[0].runs["Step_5"] == 1 and passes[0].runs["Step_J"] == 1
