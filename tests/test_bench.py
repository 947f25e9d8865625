"""`make bench` on a tiny corpus: every row is measured, its ratio is median ÷ reference."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from bench.graphviz_alone import graphviz_runs, replay

ROOT = Path(__file__).resolve().parent.parent
ROW = re.compile(
    r"^(?P<figure>.+?)\s+(?P<median>[\d.]+)s\s+(?P<rss>\d+)MB\s+(?P<reference>.+?)\s+(?P<ratio>[\d.]+)(?:\s+≤|\s*$)"
)


def bench(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "bench", "--runs", "1", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)  # ~20 s alone: a wide margin for a busy machine
    assert done.returncode == 0, done.stderr
    return done.stdout


def rows(output: str) -> dict[str, re.Match[str]]:
    return {m["figure"]: m for line in output.splitlines() if (m := ROW.match(line))}


@pytest.fixture(scope="module")
def full() -> str:
    return bench("-n", "10", "--render", "2", "--print", "1", "--scaling", "10,20", "--serve-saves", "3")


def test_every_figure_is_measured(full: str) -> None:
    assert list(rows(full)) == [
        "check sparse, cold", "check sparse, warm", "check sparse, one file changed",
        "check dense, cold", "check dense, warm", "check dense, one file changed",
        "render 2, cold", "render 2, one file changed", "pdf 1, cold", "docx 1, cold", "procdoc --version",
        "serve, QM-07 save → page", "lsp diagnostics after an edit",
    ]
    assert "render 2, cold (median run): Graphviz CPU" in full
    assert re.search(r"Graphviz alone: the same 4 runs replayed \d+ at a time without procdoc take [\d.]+ s", full)
    assert re.search(r"20 processes: .* ms/process", full)
    assert "cost per process at 20 ÷ at 10" in full


def test_render_reference_is_graphviz_cpu_per_core(full: str) -> None:
    cold = rows(full)["render 2, cold"]
    cpu, cores = map(float, re.findall(r"[\d.]+", cold["reference"])[:2])
    # the reference is printed to 0.01 s, so a tiny one is rounded by up to a few percent
    assert float(cold["ratio"]) == pytest.approx(float(cold["median"]) / (cpu / cores), rel=0.1)


def test_printed_documents_are_timed_against_the_html_render_of_the_same_processes(full: str) -> None:
    for figure in ("pdf 1, cold", "docx 1, cold"):
        row = rows(full)[figure]
        html = float(re.search(r"HTML render \(([\d.]+) s\)", row["reference"])[1])
        assert float(row["ratio"]) == pytest.approx(float(row["median"]) / html, rel=0.1)


def test_render_zero_leaves_the_render_rows_out() -> None:
    output = bench("-n", "10", "--render", "0", "--print", "0", "--scaling", "", "--no-serve")
    assert [name for name in rows(output) if name.startswith("render")] == []
    assert "Graphviz" not in output and "scaling" not in output


def test_graphviz_alone_replays_each_charts_measuring_and_drawing_run(tmp_path: Path) -> None:
    write_corpus(tmp_path, 3)
    runs = graphviz_runs(tmp_path)
    assert [(engine, fmt) for engine, fmt, _ in runs] == [("dot", "json0"), ("neato", "svg")] * 3
    assert all(source.startswith(b"digraph procdoc {") for _, _, source in runs)
    wall, cpu = replay(runs, 2)
    assert wall > 0 and cpu > 0


def test_the_benchmark_process_never_loads_procdoc() -> None:
    """Its children's peak RSS would include its own memory (vfork), so it must stay small."""
    script = "import sys, bench.__main__; print(sorted(m for m in sys.modules if m.split('.')[0] == 'procdoc'))"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
