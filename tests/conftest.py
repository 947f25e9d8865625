"""Fixtures shared by every test folder: one headless Chromium for the whole session, rules added for one test.

Playwright's sync API allows one running instance per thread, so the browser
tests of the manual, the exports and the injection corpus share this one.
Debian's chromium is used as installed; nothing is downloaded.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.register_assert_rewrite("tests.markers")  # its assertions show the marked texts side by side


def _let_children_be_interrupted() -> None:
    """The Ctrl-C tests send SIGINT to a procdoc they started; it must not inherit SIGINT ignored.

    A shell ignores SIGINT in the jobs it starts in the background (`make test &`,
    `nohup`, some CI runners), and children inherit that: Python then never
    raises KeyboardInterrupt, and a render or `procdoc serve` runs on. A
    handler, unlike "ignored", is reset to the default when a child starts.
    """
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


_let_children_be_interrupted()

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def unavailable(reason: str) -> None:
    """Skip on a developer machine that lacks a part; in CI a missing part is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must install it: make setup)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        unavailable("Debian's chromium is not installed (make setup installs it)")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def register() -> Iterator[Callable[..., None]]:
    """Add rules for one test (`register(code, check, cross_file=False)`); they are taken out afterwards, whatever
    happens. The crash tests and the M002 cases use it to add rules that fail on purpose."""
    from procdoc.checks import registry
    from procdoc.checks.registry import Check, Rule
    from procdoc.diagnostics import Severity

    registry.all_rules()
    added: list[str] = []

    def add(code: str, check: Check, *, cross_file: bool = False) -> None:
        local, across = (None, check) if cross_file else (check, None)
        registry.register(Rule(code, f"broken-{code.lower()}", "meta", "A rule that fails on purpose.", "Tests.",
                               "", Severity.WARNING, local, repo_check=across))
        added.append(code)

    yield add
    for code in added:
        registry._RULES.pop(code, None)
