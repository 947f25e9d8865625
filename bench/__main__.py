"""`make bench`: procdoc's speed as ratios to references measured in the same run.

On a shared, noisy machine absolute seconds mean little; each figure is
printed next to its reference (the libyaml parse floor, the Graphviz runs'
CPU time per core, a bare `import typer`) and as a ratio, with the issue's
target. Every figure is the median of several runs of the real command line.
The serve row is the median of ten saves (--serve-saves) of qm-07.yaml under a running
`procdoc serve`, each timed until the updated page can be fetched; its
reference is the issue's budget of 500 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import process_id, write_corpus
from bench.dense import dense_id, write_dense_corpus
from bench.lsp import SAMPLE, median_latency

PROCDOC = [sys.executable, "-m", "procdoc"]
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
FLOOR_SCRIPT = """
import sys, yaml
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        yaml.load(handle.read().decode("utf-8"), Loader=yaml.CSafeLoader)
"""


@dataclass
class Measure:
    seconds: float
    rss_mb: float


@dataclass
class Row:
    figure: str
    value: Measure
    reference: str
    reference_seconds: float
    target: float | None

    @property
    def ratio(self) -> float:
        return self.value.seconds / self.reference_seconds if self.reference_seconds else float("nan")


def timed(command: list[str], cwd: Path | None = None) -> Measure:
    """Wall time and peak RSS (of the process and the children it waited for).

    A child started with vfork counts this process's memory as its own until
    it execs, so the benchmark keeps its own process small: it never imports procdoc.
    """
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode() if child.stderr else ""
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{errors}")
    return Measure(elapsed, usage.ru_maxrss / 1024)


def median(command: list[str], runs: int, before: object = None, cwd: Path | None = None) -> Measure:
    results = []
    for _ in range(runs):
        if callable(before):
            before()
        results.append(timed(command, cwd))
    return Measure(statistics.median(r.seconds for r in results), max(r.rss_mb for r in results))


def edit_one(path: Path) -> None:
    """Change one file's text (a description) so its content hash changes."""
    text = path.read_text(encoding="utf-8")
    marker = "# bench edit "
    count = text.count(marker)
    path.write_text(text + f"{marker}{count}\n", encoding="utf-8")


def check_rows(corpus: Path, files: list[Path], runs: int, shape: str) -> tuple[list[Row], Measure]:
    """Cold, warm and one-file-changed check of a corpus, against libyaml parsing the same files."""
    floor = median([sys.executable, "-c", FLOOR_SCRIPT, *map(str, files)], runs)
    base = [*PROCDOC, "check", str(corpus), "--format", "concise", "--exit-zero"]
    cache = corpus / ".procdoc_cache"
    cold = median([*base, "--no-cache"], runs)
    timed(base)  # prime the cache
    warm = median(base, runs)
    changed = median(base, runs, before=lambda: edit_one(files[len(files) // 2]))
    shutil.rmtree(cache, ignore_errors=True)
    floor_name = f"libyaml floor ({floor.seconds:.2f} s)"
    return [
        Row(f"check {shape}, cold", cold, floor_name, floor.seconds, 0.8),
        Row(f"check {shape}, warm", warm, floor_name, floor.seconds, 0.1),
        Row(f"check {shape}, one file changed", changed, floor_name, floor.seconds, 0.15),
    ], floor


def render_rows(count: int, runs: int, workdir: Path) -> tuple[list[Row], str]:
    """The render rows, and a note on the Graphviz figures.

    The cold reference is the CPU time of the Graphviz runs: their summed
    wall time also counts the moments each waited for procdoc's Python to
    read its output, and grows with more threads than cores, so a ratio to
    it would flatter procdoc.
    """
    corpus = workdir / f"render-{count}"
    files = write_corpus(corpus, count)
    out = workdir / f"site-{count}"
    stats = workdir / "render-stats.json"
    command = [*PROCDOC, "render", str(corpus), "-o", str(out), "--format", "html,svg", "--stats", str(stats)]
    render_runs = max(3, runs // 2)  # a render takes seconds: fewer runs, but a true median
    cold_runs = []
    for _ in range(render_runs):
        cold_runs.append((timed([*command, "--no-cache"]), json.loads(stats.read_text())))
    cold_runs.sort(key=lambda run: run[0].seconds)
    middle, cold_stats = cold_runs[len(cold_runs) // 2]
    cold = Measure(middle.seconds, max(run.rss_mb for run, _ in cold_runs))
    graphviz_cold = cold_stats["graphviz_cpu_seconds"]
    changed = median(command, render_runs, before=lambda: edit_one(files[count // 2]))
    one_file = json.loads(stats.read_text())["graphviz_seconds"]  # one chart: no other work to wait for
    cores = os.cpu_count() or 1
    alone = json.loads(subprocess.run(
        [sys.executable, "-m", "bench.graphviz_alone", str(corpus), str(cores), str(render_runs)],
        capture_output=True, text=True, check=True,
    ).stdout)
    note = (
        f"render {count}, cold (median run): Graphviz CPU {graphviz_cold:.2f} s, summed wall time of its runs "
        f"{cold_stats['graphviz_seconds']:.2f} s (not the reference: it includes waits for procdoc)\n"
        f"Graphviz alone: the same {alone['runs']} runs replayed {cores} at a time without procdoc take "
        f"{alone['seconds']:.2f} s ({alone['cpu_seconds']:.2f} s of CPU); "
        f"render cold takes {middle.seconds / alone['seconds']:.2f}× that"
    )
    return [
        Row(
            f"render {count}, cold", cold, f"Graphviz CPU {graphviz_cold:.2f} s ÷ {cores} cores", graphviz_cold / cores,
            1.45,
        ),
        Row(
            f"render {count}, one file changed",
            changed,
            f"2 s + that file's Graphviz {one_file:.2f} s",
            2 + one_file,
            1.0,
        ),
    ], note


def print_rows(count: int, workdir: Path) -> list[Row]:
    """PDF and Word of `count` corpus processes, each against the HTML render of the same processes.

    Cold runs (no cache), one of each, HTML timed right before the others:
    a printed render takes minutes, and the ratio, not the seconds, is the figure.
    """
    corpus = workdir / f"print-{count}"
    write_corpus(corpus, count)
    out = workdir / "printed"

    def cold(fmt: str) -> Measure:
        return timed([*PROCDOC, "render", str(corpus), "-o", str(out), "--format", fmt, "--no-cache"])

    html = cold("html")
    reference = f"HTML render ({html.seconds:.2f} s)"
    return [Row(f"pdf {count}, cold", cold("pdf"), reference, html.seconds, None),
            Row(f"docx {count}, cold", cold("docx"), reference, html.seconds, None)]


def serve_rows(workdir: Path, saves: int) -> list[Row]:
    """From saving qm-07.yaml to `procdoc serve` offering the updated page: the reload event, then the page.

    The server is the real command line in a subprocess; the page is fetched
    after the event, as an open browser tab would, and must show the edit.
    """
    folder = workdir / "serve"
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns(".*"))
    server = subprocess.Popen([*PROCDOC, "serve", str(folder), "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        port = _served_port(server)
        seconds = [_save_to_page(port, folder / "qm-07.yaml", attempt) for attempt in range(saves)]
        rss = _peak_rss_mb(server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=60)
    return [Row("serve, QM-07 save → page", Measure(statistics.median(seconds), rss), "a 500 ms budget", 0.5, 1.0)]


def _served_port(server: subprocess.Popen[str]) -> int:
    assert server.stdout is not None
    for line in server.stdout:
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if found:
            return int(found.group(1))
    raise SystemExit("procdoc serve stopped before serving")


def _save_to_page(port: int, path: Path, attempt: int) -> float:
    """Seconds from writing a renamed step to fetching a page that shows the new name."""
    events = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    events.request("GET", "/__procdoc/events")
    stream = events.getresponse()
    stream.readline()  # the version shown now
    stream.readline()
    text = path.read_text(encoding="utf-8")
    name = f"记录投诉信息 {attempt}"
    start = time.perf_counter()
    path.write_text(re.sub(r"name: 记录投诉信息.*\n", f"name: {name}\n", text, count=1), encoding="utf-8")
    while True:
        line = stream.readline()
        if not line:
            raise SystemExit("procdoc serve closed the event stream")
        if line.startswith(b"data:") and name in _page(port, "/qm-07.html"):
            elapsed = time.perf_counter() - start
            events.close()
            return elapsed


def _page(port: int, path: str) -> str:
    page = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    page.request("GET", path)
    body = page.getresponse().read().decode("utf-8")
    page.close()
    return body


def _peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status")
    found = re.search(r"VmHWM:\s+(\d+) kB", status.read_text()) if status.exists() else None
    return int(found.group(1)) / 1024 if found else float("nan")


def startup_rows(runs: int) -> list[Row]:
    typer = median([sys.executable, "-c", "import typer"], runs * 2)
    version = median([*PROCDOC, "--version"], runs * 2)
    return [Row("procdoc --version", version, f"import typer ({typer.seconds * 1000:.0f} ms)", typer.seconds, 1.3)]


def lsp_rows(runs: int, workdir: Path) -> list[Row]:
    """Diagnostics after an edit of a sample, against the 300 ms an editor user should wait at most."""
    seconds, rss = median_latency(workdir, max(10, runs))
    return [Row("lsp diagnostics after an edit", Measure(seconds, rss), f"target 300 ms ({SAMPLE})", 0.3, 1.0)]


def scaling_rows(sizes: list[int], workdir: Path, runs: int) -> list[str]:
    lines = []
    per_file = {}
    for size in sizes:
        corpus = workdir / f"scale-{size}"
        write_corpus(corpus, size)
        measure = median([*PROCDOC, "check", str(corpus), "--no-cache", "--format", "concise", "--exit-zero"], runs)
        per_file[size] = measure.seconds / size
        lines.append(
            f"  {size:>6} processes: {measure.seconds:7.2f} s  {per_file[size] * 1000:6.2f} ms/process  "
            f"peak RSS {measure.rss_mb:6.0f} MB"
        )
    smallest = min(per_file)
    lines += [
        f"  cost per process at {size} ÷ at {smallest}: {per_file[size] / per_file[smallest]:.2f}"
        for size in sizes
        if size != smallest
    ]
    return lines


def table(rows: list[Row]) -> str:
    header = f"{'figure':<32} {'median':>9} {'peak RSS':>9}  {'reference':<34} {'ratio':>6} {'target':>7}  ok"
    lines = [header, "-" * len(header)]
    for row in rows:
        ok = "" if row.target is None else ("yes" if row.ratio <= row.target else "NO")
        target = "" if row.target is None else f"≤{row.target:g}"
        lines.append(
            f"{row.figure:<32} {row.value.seconds:8.3f}s {row.value.rss_mb:7.0f}MB  {row.reference:<34} "
            f"{row.ratio:6.2f} {target:>7}  {ok}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("-n", type=int, default=1000, help="processes in the check corpus (default 1000)")
    parser.add_argument("--render", type=int, default=200, help="processes rendered (default 200; 0 skips)")
    parser.add_argument("--print", type=int, default=200, dest="printed",
                        help="processes rendered to PDF and Word (default 200; 0 skips; minutes per 100)")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure; the median is shown")
    parser.add_argument("--no-serve", dest="serve", action="store_false", help="skip the serve latency row")
    parser.add_argument("--serve-saves", type=int, default=10, help="saves timed for the serve row (default 10)")
    parser.add_argument("--scaling", default="100,1000,5000", help="corpus sizes for the scaling check ('' skips)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="procdoc-bench-"))
    try:
        corpus, dense = workdir / "check", workdir / "dense"
        files, dense_files = write_corpus(corpus, args.n), write_dense_corpus(dense, args.n)
        print(
            f"procdoc benchmark: {args.n} processes of two shapes (sparse: {process_id(0)}, about 10 KB; dense: "
            f"{dense_id(0)}, about 27 KB, every step with documents and records, findings to report), "
            f"{os.cpu_count()} cores, median of {args.runs} runs; Python {sys.version.split()[0]}\n",
            flush=True,
        )
        rows, _ = check_rows(corpus, files, args.runs, "sparse")
        rows += check_rows(dense, dense_files, args.runs, "dense")[0]
        render, render_note = render_rows(args.render, args.runs, workdir) if args.render > 0 else ([], "")
        rows += render + (print_rows(args.printed, workdir) if args.printed > 0 else []) + startup_rows(args.runs)
        rows += serve_rows(workdir, args.serve_saves) if args.serve else []
        rows += lsp_rows(args.runs, workdir)
        print(table(rows))
        if render_note:
            print(f"\n{render_note}")
        print(f"\npeak RSS of check on {args.n} sparse processes: {rows[0].value.rss_mb:.0f} MB (target ≤ 300 MB)")
        sizes = [int(s) for s in args.scaling.split(",") if s.strip()]
        if sizes:
            print("\nscaling of check, cold:")
            print("\n".join(scaling_rows(sizes, workdir, max(1, args.runs // 2))))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
