"""`procdoc check -` reads the process from standard input, as editors send an unsaved buffer.

`--stdin-filename` says which file the text stands for: its settings, the
repository around it (for the cross-file rules) and the path in findings.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def check(*args: str, text: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "procdoc", "check", "--format", "json", "--no-cache", *args],
                          cwd=ROOT, input=text, capture_output=True, text=True, timeout=120, check=False)


def test_standard_input_gives_the_same_findings_as_the_file() -> None:
    text = re.sub(r"^owner: .*\n", "", (ROOT / "samples" / "qm-07.yaml").read_text(encoding="utf-8"), count=1,
                  flags=re.MULTILINE)
    piped = check("-", "--stdin-filename", "samples/qm-07.yaml", text=text)
    assert piped.returncode == 0, piped.stderr  # P001 is a warning
    findings = json.loads(piped.stdout)
    assert {(d["path"], d["code"]) for d in findings} == {("samples/qm-07.yaml", "P001")}
    clean = check("-", "--stdin-filename", "samples/qm-07.yaml", text=(ROOT / "samples" / "qm-07.yaml").read_text(
        encoding="utf-8"))
    assert (clean.returncode, json.loads(clean.stdout)) == (0, json.loads(check("samples/qm-07.yaml").stdout))


def test_cross_file_rules_see_the_repository_around_the_named_file() -> None:
    text = (ROOT / "samples" / "qm-07.yaml").read_text(encoding="utf-8").replace("process: PP-01", "process: PP-99")
    findings = json.loads(check("-", "--stdin-filename", "samples/qm-07.yaml", text=text).stdout)
    unknown = [d for d in findings if d["code"] == "I002"]
    assert unknown and "did you mean 'PP-01'?" in unknown[0]["message"] + unknown[0].get("hint", "")


def test_a_syntax_error_on_standard_input_is_a_finding_not_a_traceback() -> None:
    run = check("-", "--stdin-filename", "samples/new.yaml", text="procdoc: 1\nid: [\n")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert [d["code"] for d in json.loads(run.stdout)] == ["F001"]
