"""Charts begun while loading: started only when useful, never more than the workers can take, used once.

Real Graphviz and a real thread pool; one pool worker is held by a task
that waits for an event, so which offers start is decided, not raced, and
the pool is shut down (every started sketch finished) before sketches are taken.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from procdoc.loader import Loaded, load_text
from procdoc.model import Process
from procdoc.render import cache, diagram
from procdoc.render.sketches import EarlySketches
from tests.base_process import BASE


def loaded(pid: str, text: str = BASE) -> Loaded:
    item = load_text(text.replace("id: T-01", f"id: {pid}"), f"{pid.lower()}.yaml")
    assert item.process is not None
    return item


def process_of(item: Loaded) -> Process:
    assert item.process is not None
    return item.process


@pytest.fixture
def sketched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Ids of the processes the real `diagram.sketch` laid out during the test."""
    made: list[str] = []
    real: Callable[..., diagram.Sketch] = diagram.sketch

    def counting(process: Process, **options: object) -> diagram.Sketch:
        made.append(process.id)
        return real(process, **options)

    monkeypatch.setattr(diagram, "sketch", counting)
    return made


@pytest.fixture
def held_pool() -> Iterator[tuple[ThreadPoolExecutor, threading.Event]]:
    """A one-worker pool whose worker is busy until the event is set."""
    release = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(release.wait)
        yield pool, release
        release.set()


def test_only_as_many_sketches_wait_as_there_are_workers(
    held_pool: tuple[ThreadPoolExecutor, threading.Event], sketched: list[str]
) -> None:
    pool, release = held_pool
    early = EarlySketches(pool, 1, lambda _: "zh", {})
    first, second, third = loaded("A-01"), loaded("B-01"), loaded("C-01")
    for item in (first, second, third):
        early.offer(item)
    release.set()
    pool.shutdown(wait=True)
    assert sketched == ["A-01"]
    sketch = early.take(process_of(first), "zh")
    assert sketch is not None and sketch.process is first.process and sketch.lang == "zh"
    assert sketch.placed.boxes and sketch.dot_seconds > 0
    assert (early.take(process_of(second), "zh"), early.take(process_of(third), "zh")) == (None, None)
    assert early.take(process_of(first), "zh") is None  # handed out once


def test_a_sketch_not_started_is_cancelled_not_waited_for(
    held_pool: tuple[ThreadPoolExecutor, threading.Event], sketched: list[str]
) -> None:
    pool, release = held_pool
    early = EarlySketches(pool, 1, lambda _: "zh", {})
    item = loaded("A-01")
    early.offer(item)
    assert early.take(process_of(item), "zh") is None
    release.set()
    pool.shutdown(wait=True)
    assert sketched == []


def test_a_sketch_in_another_language_is_not_used(sketched: list[str]) -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        early = EarlySketches(pool, 1, lambda _: "zh", {})
        item = loaded("A-01")
        early.offer(item)
        pool.shutdown(wait=True)
        assert sketched == ["A-01"] and early.take(process_of(item), "en") is None


def test_files_the_previous_site_was_made_from_are_left_for_reuse(sketched: list[str]) -> None:
    same, edited = loaded("A-01"), loaded("B-01")
    previous = {"a-01": cache.Entry("key", {}, cache.digest(same.text.encode("utf-8")))}
    with ThreadPoolExecutor(max_workers=2) as pool:
        early = EarlySketches(pool, 2, lambda _: "zh", previous)
        early.offer(same)
        early.offer(edited)
        pool.shutdown(wait=True)
        assert sketched == ["B-01"]
        assert early.take(process_of(same), "zh") is None and early.take(process_of(edited), "zh") is not None


def test_processes_that_will_not_be_drawn_are_not_sketched(sketched: list[str]) -> None:
    duplicate = '  - id: "1"\n    name: 重复编号\n    lane: service\n'
    refused = load_text(BASE.replace("\nsteps:\n", "\nsteps:\n" + duplicate, 1), "dup.yaml")
    assert refused.process is not None and [d.code for d in refused.diagnostics] == ["F008"]
    steps = "".join(f'  - id: "x{i}"\n    name: 步骤{i}\n    lane: service\n' for i in range(diagram.MAX_STEPS))
    too_large = loaded("L-01", BASE.replace("\nsteps:\n", "\nsteps:\n" + steps, 1))
    assert not diagram.drawable(process_of(too_large))
    with ThreadPoolExecutor(max_workers=2) as pool:
        early = EarlySketches(pool, 2, lambda _: "zh", {})
        early.offer(refused)
        early.offer(too_large)
        early.offer(loaded("A-01"))
        pool.shutdown(wait=True)
    assert sketched == ["A-01"]
