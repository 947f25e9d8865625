"""Charts begun while the workspace still loads, so that Graphviz is not idle meanwhile.

Loading is Python and keeps one core busy while the others wait. Measuring
and routing a chart needs only its own process (`diagram.sketch`), so a
render starts on the first files while the later ones load. Only as many
sketches as there are workers ever wait to start, so loading is never held
up, and a process whose file the previous site was made from is left
alone: it will most likely be reused, not drawn.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, Future

from procdoc.loader import Loaded
from procdoc.model import Process
from procdoc.render import cache, diagram


class EarlySketches:
    """Sketches started on the render pool as files load, handed out once each when drawing.

    `offer` is called by the loading thread only, and every offer comes
    before any `take`; that is why `_started` needs no lock.
    """

    def __init__(self, pool: Executor, workers: int, lang_of: Callable[[Process], str],
                 previous_site: Mapping[str, cache.Entry]) -> None:
        self._pool = pool
        self._workers = workers
        self._lang_of = lang_of
        self._previous = frozenset(entry.source for entry in previous_site.values())
        self._waiting = 0
        self._lock = threading.Lock()
        self._started: dict[str, Future[diagram.Sketch]] = {}

    def offer(self, item: Loaded) -> None:
        """Start sketching a just-loaded process, if a worker will soon be free and it will be drawn."""
        process = item.usable
        if process is None or not diagram.drawable(process) or self._likely_reused(item):
            return
        with self._lock:
            if self._waiting >= self._workers:
                return
            self._waiting += 1
        self._started[process.path] = self._pool.submit(self._sketch, process)

    def take(self, process: Process, lang: str) -> diagram.Sketch | None:
        """The sketch begun for `process` in `lang` (waiting for it to finish), or None.

        A sketch not started yet is cancelled rather than waited for: the
        caller lays the chart out itself, and a pool worker never waits for
        a task queued behind it.
        """
        future = self._started.pop(process.path, None)
        if future is None or future.cancel():
            return None
        sketch = future.result()
        return sketch if sketch.process is process and sketch.lang == lang else None

    def _likely_reused(self, item: Loaded) -> bool:
        return bool(self._previous) and cache.digest(item.text.encode("utf-8")) in self._previous

    def _sketch(self, process: Process) -> diagram.Sketch:
        with self._lock:
            self._waiting -= 1
        return diagram.sketch(process, lang=self._lang_of(process))
