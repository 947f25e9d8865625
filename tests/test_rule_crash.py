"""A rule that raises is one internal error (M002) for that rule and file; everything else still runs.

Each test registers a deliberately broken rule for its own duration (the
`register` fixture of tests/conftest.py) and
checks real files through the command line: the crash is reported where it
happened, with the rule's code and the exception, and every other rule and
every other file is checked as if nothing had happened.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procdoc.checks.context import Context
from procdoc.checks.lint import PARALLEL_THRESHOLD
from procdoc.checks.registry import Finding
from procdoc.cli import app
from procdoc.diagnostics import Pos
from procdoc.model import Process
from tests.base_process import BASE

NO_LANE = BASE.replace("    type: start\n    lane: customer\n", "    type: start\n")
Register = Callable[..., None]


@pytest.fixture(autouse=True)
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two processes in an empty folder: a.yaml is clean (T-01), b.yaml has a step without a lane (T-02)."""
    monkeypatch.chdir(tmp_path)
    Path("a.yaml").write_text(BASE, encoding="utf-8")
    Path("b.yaml").write_text(NO_LANE.replace("id: T-01", "id: T-02"), encoding="utf-8")
    return tmp_path


def check(*args: str) -> tuple[int, list[tuple[str, int, int, str, str]]]:
    """Exit code and (path, line, column, code, message) of every diagnostic, from the JSON report."""
    result = CliRunner().invoke(app, ["check", "--no-cache", "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    found = [(d["path"], d["line"], d["column"], d["code"], d["message"]) for d in json.loads(result.stdout)]
    return result.exit_code, found


def divide_by_zero(process: Process, ctx: Context) -> Iterator[Finding]:
    yield Finding(Pos(2, 5), f"looked at {process.id}")
    if process.id == "T-02":
        raise ZeroDivisionError("division by zero")


def divide_by_zero_in_a_worker(process: Process, ctx: Context) -> Iterator[Finding]:
    yield Finding(Pos(2, 5), f"looked at {process.id} in process {os.getpid()}")
    if process.id == "T-02":
        raise ZeroDivisionError("division by zero")


def always_fails(process: Process, ctx: Context) -> Iterator[Finding]:
    raise KeyError("no such lane")


def internal_errors(found: list[tuple[str, int, int, str, str]]) -> list[tuple[str, int, int, str]]:
    return [(path, line, column, message.split(") at ")[0]) for path, line, column, code, message in found
            if code == "M002"]


def test_the_crash_is_reported_for_that_rule_and_file_only(register: Register) -> None:
    register("Z901", divide_by_zero)
    code, found = check("a.yaml", "b.yaml")
    assert code == 1
    assert internal_errors(found) == [
        ("b.yaml", 1, 1, "internal error in rule Z901 (ZeroDivisionError: division by zero"),
    ]
    assert ("a.yaml", 2, 5, "Z901", "looked at T-01") in found
    assert not any(path == "b.yaml" and rule == "Z901" for path, _, _, rule, _ in found)


def test_the_other_rules_still_run_on_the_file(register: Register) -> None:
    register("Z901", always_fails)
    _, with_crash = check("b.yaml")
    _, alone = check("b.yaml", "--ignore", "Z901")
    assert [d for d in with_crash if d[3] != "M002"] == alone
    assert ("b.yaml", 33, 9, "P002", "step 1 '客户投诉' has no lane: nobody is responsible for it") in alone


def test_every_file_gets_its_own_internal_error(register: Register) -> None:
    register("Z901", always_fails)
    code, found = check(".")
    assert code == 1
    assert internal_errors(found) == [
        ("a.yaml", 1, 1, "internal error in rule Z901 (KeyError: 'no such lane'"),
        ("b.yaml", 1, 1, "internal error in rule Z901 (KeyError: 'no such lane'"),
    ]


def test_a_crash_in_a_cross_file_rule_is_reported_the_same_way(register: Register) -> None:
    register("Z902", always_fails, cross_file=True)
    code, found = check(".")
    assert code == 1
    assert [error[:3] for error in internal_errors(found)] == [("a.yaml", 1, 1), ("b.yaml", 1, 1)]
    assert all("rule Z902 (KeyError" in message for *_, message in internal_errors(found))


def test_ignoring_the_broken_rule_is_the_workaround(register: Register) -> None:
    register("Z901", always_fails)
    code, found = check(".", "--ignore", "Z901")
    assert code == 1 and internal_errors(found) == []
    assert [(path, rule) for path, _, _, rule, _ in found if rule == "P002"] == [("b.yaml", "P002")]


def test_the_crash_is_reported_from_parallel_workers_too(register: Register) -> None:
    register("Z901", divide_by_zero_in_a_worker)
    for n in range(3, PARALLEL_THRESHOLD + 1):
        Path(f"c{n:03}.yaml").write_text(BASE.replace("id: T-01", f"id: T-{n:03}"), encoding="utf-8")
    code, found = check(".")
    assert code == 1
    assert [error[0] for error in internal_errors(found)] == ["b.yaml"]
    workers = {message.rsplit(" ", 1)[1] for *_, rule, message in found if rule == "Z901"}
    assert len([rule for *_, rule, _ in found if rule == "Z901"]) == PARALLEL_THRESHOLD - 1  # all but b.yaml
    assert str(os.getpid()) not in workers, "the files were not checked in worker processes"
