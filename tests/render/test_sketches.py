"""Charts begun while loading: started only when useful, never more than the workers can take, used once.

Real Graphviz and a real thread pool; one pool worker is held by a task
that waits for an event, so which offers start is decided, not raced.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from procdoc.loader import Loaded, load_text
from procdoc.render import cache, diagram
from procdoc.render.sketches import EarlySketches
from tests.base_process import BASE


def loaded(pid: str, text: str = BASE) -> Loaded:
    item = load_text(text.replace("id: T-01", f"id: {pid}"), f"{pid.lower()}.yaml")
    assert item.process is not None
    return item


@pytest.fixture
def held_pool() -> Iterator[tuple[ThreadPoolExecutor, threading.Event]]:
    """A one-worker pool whose worker is busy until the event is set."""
    release = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(release.wait)
        yield pool, release
        release.set()


def test_only_as_many_sketches_wait_as_there_are_workers(held_pool: tuple[ThreadPoolExecutor, threading.Event]) -> None:
    pool, release = held_pool
    early = EarlySketches(pool, 1, lambda _: "zh", frozenset())
    first, second, third = loaded("A-01"), loaded("B-01"), loaded("C-01")
    for item in (first, second, third):
        early.offer(item)
    release.set()
    assert first.process is not None and second.process is not None and third.process is not None
    sketch = early.take(first.process, "zh")
    assert sketch is not None and sketch.process is first.process and sketch.lang == "zh"
    assert sketch.placed.boxes and sketch.dot_seconds > 0
    assert (early.take(second.process, "zh"), early.take(third.process, "zh")) == (None, None)
    assert early.take(first.process, "zh") is None  # handed out once


def test_a_sketch_in_another_language_is_not_used() -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        early = EarlySketches(pool, 1, lambda _: "zh", frozenset())
        item = loaded("A-01")
        early.offer(item)
        assert item.process is not None and early.take(item.process, "en") is None


def test_files_the_previous_site_was_made_from_are_left_for_reuse() -> None:
    same, edited = loaded("A-01"), loaded("B-01")
    previous = frozenset({cache.digest(same.text.encode("utf-8"))})
    with ThreadPoolExecutor(max_workers=2) as pool:
        early = EarlySketches(pool, 2, lambda _: "zh", previous)
        early.offer(same)
        early.offer(edited)
        assert same.process is not None and edited.process is not None
        assert early.take(same.process, "zh") is None
        assert early.take(edited.process, "zh") is not None


def test_processes_that_will_not_be_drawn_are_not_sketched() -> None:
    duplicate = '  - id: "1"\n    name: 重复编号\n    lane: service\n'
    refused = load_text(BASE.replace("\nsteps:\n", "\nsteps:\n" + duplicate, 1), "dup.yaml")
    assert refused.process is not None and [d.code for d in refused.diagnostics] == ["F008"]
    steps = "".join(f'  - id: "x{i}"\n    name: 步骤{i}\n    lane: service\n' for i in range(diagram.MAX_STEPS))
    too_large = loaded("L-01", BASE.replace("\nsteps:\n", "\nsteps:\n" + steps, 1))
    assert too_large.process is not None and len(too_large.process.steps) > diagram.MAX_STEPS
    with ThreadPoolExecutor(max_workers=2) as pool:
        early = EarlySketches(pool, 2, lambda _: "zh", frozenset())
        early.offer(refused)
        early.offer(too_large)
        assert (early.take(refused.process, "zh"), early.take(too_large.process, "zh")) == (None, None)
