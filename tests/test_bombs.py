"""Resource bombs: each is refused or handled, with a diagnostic, in bounded time and memory.

Every bomb runs `procdoc` in a child process whose wall time is measured
around it (time.perf_counter) and whose peak memory comes from os.wait4's
resource usage (ru_maxrss, which on Linux also covers the child's own
children, Graphviz included). A child still running at the time bound is
killed with its whole process group, so a hang fails the test instead of
stalling the suite.

The bounds, for one file of up to the loader's 4 MiB limit (MAX_BYTES),
MAX_NODES values and MAX_DEPTH levels (procdoc/yamlsource.py):

- `check` answers within CHECK_SECONDS and CHECK_MIB;
- `render` answers within RENDER_SECONDS and RENDER_MIB;
- a refused file gets its F-code at a position in the file, exit code 2.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from procdoc import yamlsource
from tests.base_process import BASE

CHECK_SECONDS, CHECK_MIB = 15.0, 512
#: reporting 100,000 findings took 4.8 s alone and 14.6 s beside a second `make test` on 2 cores: 3× that, and some
REPORT_SECONDS = 60.0
#: rendering the largest bomb takes 2.5 s alone and up to 19 s on a machine with a load of 20; 40 s leaves room
RENDER_SECONDS, RENDER_MIB = 40.0, 1024
MIB = 1024 * 1024


#: runs procdoc, then writes its peak memory in KiB to the file named first: VmHWM, the high-water mark of
#: this process's own memory, and ru_maxrss of its children (Graphviz). The child's own ru_maxrss cannot be
#: used: Linux keeps in it the size of the process it was forked from, pytest, so it measures the test run.
LAUNCHER = """
import atexit, resource, runpy, sys
def report(path=sys.argv.pop(1)):
    own = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(path, "w") as out:
        out.write(str(max(own, children)))
atexit.register(report)
runpy.run_module("procdoc", run_name="__main__", alter_sys=True)
"""


@dataclass(frozen=True)
class Bounded:
    """How a child run ended: exit code (negative: killed by that signal), wall seconds, peak MiB, output."""

    code: int
    seconds: float
    peak_mib: float
    stdout: str
    stderr: str


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def run_bounded(args: list[str], cwd: Path, seconds: float) -> Bounded:
    """`procdoc ARGS` in its own process group, killed with its children at `seconds`; its time and peak memory."""
    peak = cwd / ".peak-kib"
    peak.unlink(missing_ok=True)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        with subprocess.Popen([sys.executable, "-c", LAUNCHER, str(peak), *args], cwd=cwd, stdout=out, stderr=err,
                              start_new_session=True, env={**os.environ, "NO_COLOR": "1"}) as child:
            try:
                child.wait(timeout=seconds)
            except subprocess.TimeoutExpired:
                _kill_group(child.pid)
                child.wait()
        elapsed = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        peak_mib = int(peak.read_text()) / 1024 if peak.exists() else float("inf")
        return Bounded(child.returncode, elapsed, peak_mib, out.read().decode(), err.read().decode())


def within(run: Bounded, seconds: float, mib: float) -> None:
    assert run.code in (0, 1, 2), f"exit {run.code} after {run.seconds:.1f} s: {run.stderr[-2000:]}"
    assert "Traceback" not in run.stdout + run.stderr
    assert run.seconds < seconds, f"{run.seconds:.1f} s, bound {seconds} s"
    assert run.peak_mib < mib, f"{run.peak_mib:.0f} MiB, bound {mib} MiB"


# ── the bombs ─────────────────────────────────────────────────────────────


def billion_laughs() -> bytes:
    """Nine levels of ten aliases each: 10⁹ strings once expanded."""
    lines = ["procdoc: 1", 'x-l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"x-l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


def quadratic_aliases(size: int = 20_000, count: int = 5_000) -> bytes:
    """One long string aliased thousands of times: a small file that expands to `size * count` characters."""
    anchor = f'x-big: &big "{"x" * size}"\n'
    return (BASE.replace("sla: 2 working days\n", "sla: 2 working days\n" + anchor)
            + f"references: [{', '.join(['*big'] * count)}]\n").encode()


def fifty_megabytes() -> bytes:
    return BASE.encode() + b"x-padding: " + b"x" * (50 * MIB) + b"\n"


def deep_flow_sequence(depth: int) -> bytes:
    return f"procdoc: 1\nx-deep: {'[' * depth}{']' * depth}\n".encode()


def deep_flow_mapping(depth: int) -> bytes:
    return f"procdoc: 1\nx-deep: {'{a: ' * depth}x{'}' * depth}\n".encode()


def deep_block_sequence(depth: int) -> bytes:
    return f"procdoc: 1\nx-deep:\n{'- ' * depth}x\n".encode()


def deep_block_mapping(depth: int) -> bytes:
    """Indented mappings, one space deeper each level: 10,000 levels take 50 MB of indentation."""
    return ("procdoc: 1\nx-deep:\n" + "".join(f"{' ' * level}k:\n" for level in range(1, depth)) + " " * depth
            + "x\n").encode()


def hundred_thousand_keys() -> bytes:
    return ("procdoc: 1\n" + "".join(f"k{i}: v\n" for i in range(100_000))).encode()


def many_steps(count: int = 20_000) -> bytes:
    """A valid process: a linear chain of tasks in two lanes, with a decision every 50 steps."""
    lines = ["procdoc: 1", f"id: BIG-{count}", "name: Big process", "owner: a", "emergencies: []", "lanes:",
             "  - {id: a, name: Department A}", "  - {id: b, name: Department B}", "steps:",
             '  - {id: "1", name: Receive request, type: start, lane: a, next: "2"}']
    for n in range(2, count):
        lane = "ab"[n % 2]
        if n % 50 == 0:
            lines.append(f'  - {{id: "{n}", name: Check {n}?, type: decision, lane: {lane}, branches: '
                         f'[{{when: "yes", next: "{n + 1}"}}, {{when: "no", next: "{count}"}}]}}')
        else:
            lines.append(f'  - {{id: "{n}", name: Handle part {n}, lane: {lane}, next: "{n + 1}"}}')
    lines.append(f'  - {{id: "{count}", name: Close request, type: end, lane: a}}')
    return ("\n".join(lines) + "\n").encode()


def megabyte_line() -> bytes:
    """A valid process whose step 2 has a name of 1 MB (350,000 CJK characters), on one line."""
    return BASE.replace("    name: 登记投诉\n", f'    name: "{"登记投诉" * 87_500}"\n').encode()


Bomb = Callable[[], bytes]
NESTING = f"nesting deeper than {yamlsource.MAX_DEPTH} levels"

#: bombs the loader refuses: (bomb, code, line, message fragment)
REFUSED: dict[str, tuple[Bomb, str, int, str]] = {
    "billion-laughs": (billion_laughs, "F011", 2, "expands to more than 200,000 values"),
    "quadratic-aliases": (quadratic_aliases, "F011", 71, f"more than {yamlsource.MAX_TEXT // MIB} MiB of text"),
    "50-MB": (fifty_megabytes, "F011", 1, "larger than 4 MiB"),
    "flow-sequence-500-deep": (lambda: deep_flow_sequence(500), "F011", 2, NESTING),
    "flow-sequence-10000-deep": (lambda: deep_flow_sequence(10_000), "F011", 2, NESTING),
    "flow-mapping-10000-deep": (lambda: deep_flow_mapping(10_000), "F011", 2, NESTING),
    "block-sequence-10000-deep": (lambda: deep_block_sequence(10_000), "F011", 3, NESTING),
    "block-mapping-1500-deep": (lambda: deep_block_mapping(1_500), "F011", 1001, NESTING),
    "block-mapping-10000-deep": (lambda: deep_block_mapping(10_000), "F011", 1, "larger than 4 MiB"),
}


@pytest.fixture
def bomb_file(tmp_path: Path) -> Callable[[Bomb], str]:
    def write(bomb: Bomb) -> str:
        (tmp_path / "bomb.yaml").write_bytes(bomb())
        return "bomb.yaml"

    return write


@pytest.mark.parametrize("name", REFUSED)
def test_check_refuses_with_a_diagnostic_in_bounds(name: str, bomb_file: Callable[[Bomb], str],
                                                   tmp_path: Path) -> None:
    bomb, code, line, fragment = REFUSED[name]
    run = run_bounded(["check", "--no-cache", "--format", "concise", bomb_file(bomb)], tmp_path, CHECK_SECONDS)
    within(run, CHECK_SECONDS, CHECK_MIB)
    first = run.stdout.splitlines()[0]
    assert run.code == 2 and first.startswith(f"bomb.yaml:{line}:") and f": {code} " in first and fragment in first


@pytest.mark.parametrize("name", REFUSED)
def test_render_refuses_with_a_diagnostic_in_bounds(name: str, bomb_file: Callable[[Bomb], str],
                                                    tmp_path: Path) -> None:
    bomb, code, line, _ = REFUSED[name]
    run = run_bounded(["render", "--no-cache", bomb_file(bomb), "-o", "site"], tmp_path, RENDER_SECONDS)
    within(run, RENDER_SECONDS, RENDER_MIB)
    assert run.code == 2 and run.stderr.startswith(f"bomb.yaml:{line}:") and f": {code} " in run.stderr


def test_hundred_thousand_unknown_keys_are_each_reported_in_bounds(bomb_file: Callable[[Bomb], str],
                                                                  tmp_path: Path) -> None:
    run = run_bounded(["check", "--no-cache", "--format", "concise", bomb_file(hundred_thousand_keys)], tmp_path,
                      REPORT_SECONDS)
    within(run, REPORT_SECONDS, CHECK_MIB)
    lines = run.stdout.splitlines()
    assert run.code == 2 and len(lines) == 4 + 100_000 + 1  # id, name, lanes, steps missing; the keys; the summary
    assert lines[4] == "bomb.yaml:2:1: F005 unknown key 'k0' in the process"


def test_twenty_thousand_steps_are_checked_in_bounds(bomb_file: Callable[[Bomb], str], tmp_path: Path) -> None:
    run = run_bounded(["check", "--no-cache", "--format", "concise", bomb_file(many_steps)], tmp_path, CHECK_SECONDS)
    within(run, CHECK_SECONDS, CHECK_MIB)
    assert run.code == 0 and "bomb.yaml:10:3: X001 the process has 20000 steps, more than 50" in run.stdout


@pytest.mark.slow
def test_twenty_thousand_steps_render_in_bounds(bomb_file: Callable[[Bomb], str], tmp_path: Path) -> None:
    run = run_bounded(["render", "--no-cache", bomb_file(many_steps), "-o", "site"], tmp_path, RENDER_SECONDS)
    within(run, RENDER_SECONDS, RENDER_MIB)
    page = tmp_path / "site" / "big-20000.html"
    assert run.code == 0 and 'id="step-20000"' in page.read_text(encoding="utf-8")
    assert (tmp_path / "site" / "big-20000.svg").is_file() or run.stderr.startswith("bomb.yaml:")


def test_a_megabyte_line_is_checked_in_bounds(bomb_file: Callable[[Bomb], str], tmp_path: Path) -> None:
    run = run_bounded(["check", "--no-cache", "--format", "concise", bomb_file(megabyte_line)], tmp_path,
                      CHECK_SECONDS)
    within(run, CHECK_SECONDS, CHECK_MIB)
    assert run.code == 0 and "bomb.yaml:39:11: X004 the name of step 2 is 700000 columns wide" in run.stdout


def test_a_megabyte_line_renders_in_bounds_and_the_other_processes_too(tmp_path: Path) -> None:
    (tmp_path / "procs").mkdir()
    (tmp_path / "procs" / "long.yaml").write_bytes(megabyte_line())
    (tmp_path / "procs" / "other.yaml").write_text(BASE.replace("T-01", "T-02"), encoding="utf-8")
    run = run_bounded(["render", "--no-cache", "procs", "-o", "site"], tmp_path, RENDER_SECONDS)
    within(run, RENDER_SECONDS, RENDER_MIB)
    assert (tmp_path / "site" / "t-02.html").is_file()
    assert (tmp_path / "site" / "t-01.html").is_file() or run.stderr.startswith("procs/long.yaml:")
