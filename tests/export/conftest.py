"""What the export tests share: the sample repository, and bpmn-js and mermaid in headless Chromium.

Debian's chromium (never `playwright install`: it downloads a browser) opens
pages from tests/export/js over a local http.server; the npm packages there
come from `make setup`. Without them the browser tests skip, except in CI
(`CI` set), where a missing install is a failure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from procdoc.loader import load_file
from procdoc.model import Process
from tests.conftest import unavailable
from tests.httpserve import serving

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
JS = Path(__file__).resolve().parent / "js"
SAMPLE_IDS = sorted(path.stem for path in SAMPLES.glob("*.yaml"))
FIXTURES = ROOT / "tests" / "processes"
FIXTURE_IDS = sorted(path.stem for path in FIXTURES.glob("*.yaml"))
"""Format 1.1 processes beside the samples: joins, a decision exit starting parallel paths, two starts."""
ALL_IDS = SAMPLE_IDS + FIXTURE_IDS


@dataclass(frozen=True)
class Repository:
    processes: dict[str, Process]  # by file stem, e.g. qm-07; the samples, then the fixtures

    @property
    def known(self) -> set[str]:
        return {process.id for process in self.processes.values()}


@pytest.fixture(scope="session")
def repository() -> Repository:
    processes = {}
    for stem in ALL_IDS:
        loaded = load_file(str((SAMPLES if stem in SAMPLE_IDS else FIXTURES) / f"{stem}.yaml"))
        assert loaded.process is not None, loaded.diagnostics
        processes[stem] = loaded.process
    return Repository(processes)


@pytest.fixture(scope="session")
def js_server() -> Iterator[str]:
    """tests/export/js on 127.0.0.1: the pages and the npm bundles they load."""
    if not (JS / "node_modules").is_dir():
        unavailable("tests/export/js/node_modules is missing: `make setup` installs bpmn-js and mermaid")
    with serving(JS) as url:
        yield url


Show = Callable[[str], dict[str, Any]]


@pytest.fixture(scope="module")
def page_factory(chromium: Any, js_server: str) -> Iterator[Callable[[str], tuple[Any, Show, list[str]]]]:
    """Opens one of the js/ pages; returns the page, its `show(text)` and the console and script errors."""
    opened = []

    def open_page(name: str) -> tuple[Any, Show, list[str]]:
        page = chromium.new_page(viewport={"width": 1600, "height": 1200})
        opened.append(page)
        problems: list[str] = []
        page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda err: problems.append(f"script error: {err}"))
        page.on("requestfailed", lambda request: problems.append(f"failed request: {request.url}"))
        page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.goto(js_server + name)
        return page, lambda text: page.evaluate("(text) => window.show(text)", text), problems

    yield open_page
    for page in opened:
        page.close()
