"""What the render reference stands for, measured: a cold render's Graphviz runs without procdoc.

The render target compares procdoc with the CPU time of its Graphviz
subprocesses divided by the cores. This replays the very same runs — each
chart's measuring `dot -Tjson0` and drawing `neato -n2 -Tsvg`, on the same
DOT text — `cores` at a time with nothing else to do, so the printed figure
shows how near procdoc could come if its own Python cost nothing.

Run as `python -m bench.graphviz_alone CORPUS CORES REPEATS`, it prints the
median replay as JSON: in a process of its own, so that the benchmark's
process stays small (a child started with vfork reports its parent's
memory as its own peak RSS).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from procdoc.chart import layout
from procdoc.i18n import choose_lang
from procdoc.render import diagram
from procdoc.render.names import step_anchor
from procdoc.workspace import open_workspace

Run = tuple[str, str, bytes]  # engine, output format, DOT text


def graphviz_runs(corpus: Path) -> list[Run]:
    """The two Graphviz runs of each chart a cold `procdoc render corpus` draws, in order."""
    runs: list[Run] = []
    for item in open_workspace([str(corpus)]).loaded:
        process = item.usable
        if process is None or not diagram.drawable(process):
            continue
        lang = choose_lang("auto", process)
        chart, style = layout.plan(process), diagram.Style(process, lang)
        attrs = {shape.name: style.shape(shape) for shape in chart.shapes}

        def record(engine: str, fmt: str, source: str) -> bytes:
            runs.append((engine, fmt, source.encode("utf-8")))
            return subprocess.run(_command(engine, fmt), input=runs[-1][2], capture_output=True, check=True).stdout

        layout.place(chart, attrs, record)
        drawing = diagram.draw(process, lang=lang, process_href=lambda other: f"{other}.html",
                               step_href=lambda step: f"#{step_anchor(step)}")
        runs.append(("neato", "svg", drawing.source.encode("utf-8")))
    return runs


def replay(runs: list[Run], cores: int) -> tuple[float, float]:
    """Wall seconds and Graphviz CPU seconds of `runs`, `cores` at a time."""

    def one(run: Run) -> None:
        engine, fmt, source = run
        subprocess.run(_command(engine, fmt), input=source, stdout=subprocess.DEVNULL, check=True)

    before = _children_cpu()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=cores) as pool:
        list(pool.map(one, runs))
    return time.perf_counter() - started, _children_cpu() - before


def _command(engine: str, fmt: str) -> list[str]:
    """The command line procdoc's Graphviz runs have (the `graphviz` package's), neato pinned as in `diagram`."""
    return ["dot", f"-K{engine}", f"-T{fmt}", *(["-n2"] if engine == "neato" else [])]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    corpus, cores, repeats = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    runs = graphviz_runs(corpus)
    wall, cpu = sorted(replay(runs, cores) for _ in range(repeats))[repeats // 2]
    print(json.dumps({"runs": len(runs), "seconds": wall, "cpu_seconds": cpu}))


if __name__ == "__main__":
    main()
