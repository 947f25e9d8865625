"""Every command over hostile input: never a traceback, always a documented exit code.

The generated files (tests/fuzz/strategies.py) go through the real command
line in-process (typer's CliRunner): `check` in every output format, `render`
to HTML, Markdown and SVG, `export` to BPMN and Mermaid, and `new` with odd
names, ids and lanes. Pass: no uncaught exception and no "Traceback" in the
output, an exit code of 0, 1 or 2, and every diagnostic naming the file (and
its line, where there is one).

`make test` runs a small derandomized slice, the same examples every time;
`PROCDOC_FUZZ_EXAMPLES=10000` (`make fuzz`) runs as many as asked, randomly,
and prints a reproduction blob for any failure. Files the generator cannot
make — folders named *.yaml, unreadable files, symlink loops, named pipes —
are tested one by one below, in a subprocess where a hang is possible.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import tempfile
import traceback
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from typer.testing import CliRunner, Result

from procdoc.cli import app
from procdoc.loader import load_file
from procdoc.report import reporters
from tests.base_process import BASE
from tests.fuzz.strategies import new_arguments, process_files

#: a failing example of a million characters is still worth its reproduction blob, warnings being errors
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning")

EXAMPLES = int(os.environ.get("PROCDOC_FUZZ_EXAMPLES", "0"))
#: a diagnostic line of the concise format, after its path: `line:col: CODE message` or `: CODE message`
CONCISE_REST = re.compile(r"(?::\d+:\d+)?: [A-Z]+\d{3} ")
GITHUB_LINE = re.compile(r"::(error|warning|notice) file=(?P<file>[^,:]*)[,:]")
SUMMARY = re.compile(r"(All checks passed|Found \d+ .*) \(\d+ files? checked\)\.")

#: a step name the reports must keep on one line, and one XML cannot carry unless it is escaped
NAME_WITH_NEWLINE = BASE.replace("    name: 客户投诉\n    type: start\n    lane: customer\n",
                                 '    name: "客户\\n投诉"\n    type: start\n').encode()
NAME_WITH_CONTROL = BASE.replace("    name: 客户投诉\n    type: start\n    lane: customer\n",
                                 '    name: "客户\\x01\\0投诉"\n    type: start\n').encode()


def fuzz(default: int, share: float = 1.0) -> Callable[..., object]:
    """Hypothesis settings: `default` derandomized examples, or `share` of PROCDOC_FUZZ_EXAMPLES random ones."""
    return settings(
        max_examples=int(EXAMPLES * share) or default, derandomize=not EXAMPLES, database=None, deadline=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )


@contextmanager
def written(raw: bytes) -> Iterator[Path]:
    """`raw` as a file in a fresh folder (Hypothesis examples cannot share pytest's tmp_path)."""
    with tempfile.TemporaryDirectory(prefix="procdoc-fuzz-") as folder:
        path = Path(folder) / "p.yaml"
        path.write_bytes(raw)
        yield path


def invoke(*args: str) -> Result:
    """Run the command line in-process; fail on anything but a clean exit with a documented code."""
    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        pytest.fail("".join(traceback.format_exception(result.exception)))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2), result.output
    return result


def files_outside(folder: Path, out: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p != out and out not in p.parents}


def assert_concise_points_at(report: str, path: str) -> None:
    """Every line but the summary is one diagnostic that starts with the file's path."""
    *lines, last = report.rstrip("\n").split("\n")
    assert SUMMARY.fullmatch(last), last
    for line in lines:
        assert line.startswith(path) and CONCISE_REST.match(line, len(path)), line


def assert_github_points_at(report: str, path: str, count: int) -> None:
    """One annotation line per diagnostic, each on the file; the summary last."""
    *lines, last = report.rstrip("\n").split("\n")
    assert SUMMARY.fullmatch(last), last
    files = [match["file"] if (match := GITHUB_LINE.match(line)) else line for line in lines]
    assert files == [path] * count


def diagnostics_of(path: Path) -> list[dict[str, object]]:
    report = invoke("check", "--no-cache", "--format", "json", str(path)).stdout
    found: list[dict[str, object]] = json.loads(report)
    assert {d["path"] for d in found} <= {str(path)}
    return found


def outcome(found: list[dict[str, object]]) -> str:
    """How far a file got, for `--hypothesis-show-statistics`: unreadable, not a process, invalid, or checked."""
    codes = {str(d["code"]) for d in found}
    stage = sorted(c for c in codes if c.startswith("F"))
    return f"stopped at {stage[0]}" if stage else "loaded, rules ran"


# ── generated files ─────────────────────────────────────────────────────────


@fuzz(60)
@given(raw=process_files())
def test_check_never_crashes_in_any_format(raw: bytes) -> None:
    with written(raw) as path:
        found = diagnostics_of(path)
        event(outcome(found))
        sarif = json.loads(invoke("check", "--no-cache", "--format", "sarif", str(path)).stdout)
        assert len(sarif["runs"][0]["results"]) == len(found)
        github = invoke("check", "--no-cache", "--format", "github", str(path)).stdout
        assert_github_points_at(github, str(path), len(found))
        for output_format in sorted(set(reporters()) - {"json", "sarif", "github"}):  # text, concise, junit …
            invoke("check", "--no-cache", "--format", output_format, str(path))


@example(raw=NAME_WITH_NEWLINE)
@fuzz(60)
@given(raw=process_files())
def test_concise_report_is_one_line_per_diagnostic(raw: bytes) -> None:
    with written(raw) as path:
        assert_concise_points_at(invoke("check", "--no-cache", "--format", "concise", str(path)).stdout, str(path))


@example(raw=NAME_WITH_CONTROL)
@fuzz(60)
@given(raw=process_files())
def test_junit_report_is_well_formed_xml(raw: bytes) -> None:
    with written(raw) as path:
        suites = ET.fromstring(invoke("check", "--no-cache", "--format", "junit", str(path)).stdout)
        assert suites.tag == "testsuites"


@fuzz(10, share=0.1)  # a render costs ten checks: Graphviz runs for every file that loads
@given(raw=process_files())
def test_render_never_crashes_and_writes_only_inside_out(raw: bytes) -> None:
    with written(raw) as path:
        out = path.parent / "site"
        result = invoke("render", "--no-cache", "--jobs", "1", "--format", "html,md,svg", "-o", str(out), str(path))
        assert result.exit_code in (0, 2)
        assert files_outside(path.parent, out) == {path}
        if result.exit_code == 0:
            assert (out / "index.html").is_file() and (out / "md" / "index.md").is_file()
        event(f"render exit {result.exit_code}")


@fuzz(30, share=0.1)  # an export lays the chart out: it costs as much as a render
@given(raw=process_files())
def test_export_never_crashes(raw: bytes) -> None:
    with written(raw) as path:
        for kind in ("bpmn", "mermaid"):
            result = invoke("export", kind, str(path))
            assert result.exit_code in (0, 2)
            if result.exit_code == 0 and kind == "bpmn":
                ET.fromstring(result.stdout.encode("utf-8"))


@fuzz(30, share=0.3)
@given(arguments=new_arguments())
def test_new_never_crashes_and_writes_nothing_when_it_refuses(arguments: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="procdoc-fuzz-") as folder:
        target = Path(folder) / "p.yaml"
        result = invoke("new", *arguments, "-o", str(target))
        assert result.exit_code in (0, 2)
        assert target.exists() == (result.exit_code == 0)


@example(arguments=["流程", "--lanes", "客户," + "x" * 65])
@fuzz(30, share=0.3)
@given(arguments=new_arguments())
def test_what_new_writes_loads(arguments: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="procdoc-fuzz-") as folder:
        target = Path(folder) / "p.yaml"
        if invoke("new", *arguments, "-o", str(target)).exit_code == 0:
            assert [d for d in load_file(str(target)).diagnostics if d.code.startswith("F")] == []


def test_an_extension_key_in_raci_is_not_a_crash() -> None:
    raw = BASE.replace("    key: true\n", "    key: true\n    raci:\n      r: service\n      x-note: hi\n")
    with written(raw.encode()) as path:
        invoke("check", "--no-cache", "--format", "concise", str(path))


# ── files the generator cannot make ───────────────────────────────────────────


def run(*args: str, cwd: Path, timeout: float = 10) -> subprocess.CompletedProcess[str]:
    """procdoc in its own process: these inputs could hang it, and a hang must fail the test, not stall it."""
    done = subprocess.run([sys.executable, "-m", "procdoc", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "NO_COLOR": "1"})
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert done.returncode in (0, 1, 2)
    return done


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A repository with one clean process and a place for one strange entry."""
    (tmp_path / "procs").mkdir()
    (tmp_path / "procs" / "ok.yaml").write_text(BASE, encoding="utf-8")
    return tmp_path


#: tags that would run `touch CANARY` if anything ever constructed objects from YAML
CODE_TAGS = {
    "os.system": '!!python/object/apply:os.system ["touch {canary}"]',
    "subprocess.call": '!!python/object/apply:subprocess.call [["touch", "{canary}"]]',
}
COMMANDS = {
    "check": ["check", "--no-cache", "--format", "concise", "p.yaml"],
    "render": ["render", "--no-cache", "p.yaml", "-o", "site"],
    "export": ["export", "bpmn", "p.yaml"],
}


@pytest.mark.parametrize("function", CODE_TAGS)
@pytest.mark.parametrize("command", COMMANDS)
def test_tags_that_would_run_code_are_refused_and_never_run(function: str, command: str, tmp_path: Path) -> None:
    canary = tmp_path / "canary"
    tagged = CODE_TAGS[function].format(canary=canary)
    (tmp_path / "p.yaml").write_text(BASE.replace("name: 投诉受理", f"name: {tagged}"), encoding="utf-8")
    done = run(*COMMANDS[command], cwd=tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode == 2 and "p.yaml:3:7: " in output
    assert f"YAML tag 'tag:yaml.org,2002:python/object/apply:{function}' is not allowed" in output
    assert not canary.exists()


def test_a_folder_named_like_a_process_file_is_walked_not_read(folder: Path) -> None:
    (folder / "procs" / "x.yaml").mkdir()
    (folder / "procs" / "x.yaml" / "inner.yaml").write_text(BASE.replace("T-01", "T-02"), encoding="utf-8")
    checked = run("check", "--no-cache", "--format", "concise", "procs", cwd=folder)
    assert (checked.returncode, checked.stdout) == (0, "All checks passed (2 files checked).\n")
    alone = run("check", "--no-cache", "--format", "concise", "procs/x.yaml", cwd=folder)
    assert (alone.returncode, alone.stdout) == (0, "All checks passed (1 file checked).\n")
    rendered = run("render", "--no-cache", "procs", "-o", "site", cwd=folder)
    assert rendered.returncode == 0 and len(list((folder / "site").glob("t-0?.html"))) == 2


def test_an_unreadable_file_is_a_diagnostic(folder: Path) -> None:
    secret = folder / "procs" / "secret.yaml"
    secret.write_text(BASE, encoding="utf-8")
    secret.chmod(0)
    try:
        secret.read_bytes()
    except PermissionError:
        pass
    else:
        pytest.skip("running as root: chmod 000 does not stop root from reading the file")
    checked = run("check", "--no-cache", "--format", "concise", "procs", cwd=folder)
    assert checked.returncode == 2
    assert checked.stdout.splitlines()[0] == "procs/secret.yaml: F002 cannot read the file: Permission denied"
    rendered = run("render", "--no-cache", "procs", "-o", "site", cwd=folder)
    assert rendered.returncode == 2 and rendered.stderr.startswith("procs/secret.yaml: F002 ")


def symlink_loop(folder: Path) -> None:
    os.symlink("b.yaml", folder / "procs" / "a.yaml")
    os.symlink("a.yaml", folder / "procs" / "b.yaml")


def test_check_reports_a_symlink_loop_on_both_files(folder: Path) -> None:
    symlink_loop(folder)
    checked = run("check", "--no-cache", "--format", "concise", "procs", cwd=folder)
    assert checked.returncode == 2
    assert checked.stdout.splitlines()[:2] == [
        "procs/a.yaml: F002 cannot read the file: Too many levels of symbolic links",
        "procs/b.yaml: F002 cannot read the file: Too many levels of symbolic links",
    ]


def test_render_reports_a_symlink_loop_and_publishes_the_rest(folder: Path) -> None:
    symlink_loop(folder)
    rendered = run("render", "--no-cache", "procs", "-o", "site", cwd=folder)
    assert rendered.returncode == 2 and (folder / "site" / "t-01.html").is_file()
    assert rendered.stderr.splitlines()[:2] == [
        "procs/a.yaml: F002 cannot read the file: Too many levels of symbolic links",
        "procs/b.yaml: F002 cannot read the file: Too many levels of symbolic links",
    ]


def test_a_dangling_symlink_is_a_diagnostic(folder: Path) -> None:
    os.symlink("gone.yaml", folder / "procs" / "dangling.yaml")
    checked = run("check", "--no-cache", "--format", "concise", "procs", cwd=folder)
    assert checked.returncode == 2
    assert checked.stdout.splitlines()[0] == "procs/dangling.yaml: F002 cannot read the file: No such file or directory"


def test_a_named_pipe_is_refused_not_waited_for(folder: Path) -> None:
    os.mkfifo(folder / "procs" / "pipe.yaml")
    assert stat.S_ISFIFO((folder / "procs" / "pipe.yaml").stat().st_mode)
    checked = run("check", "--no-cache", "--format", "concise", "procs", cwd=folder, timeout=5)
    assert checked.returncode == 2 and checked.stdout.startswith("procs/pipe.yaml: F002 ")
