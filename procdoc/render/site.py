"""`procdoc render` as a function: paths and options in, a published site out.

Open the workspace, give every process a page name, then for each process
(in parallel) either take its outputs from the previous site, when nothing
they are made from changed, or draw and render them; add the index and the
assets; swap the new site in. The renderers return strings; this module is
the one that decides file names and writes files.

Layout of OUT::

    index.html  <stem>.html  <stem>.svg  <stem>.png  assets/procdoc.css  assets/procdoc.js  assets/print.css
    <stem>.pdf  <stem>.docx                       (documents to print, sign and file)
    md/index.md  md/<stem>.md  md/<stem>.svg      (md/ works on its own: GitHub, mkdocs)
    .procdoc-render-cache.json                    (what the next run may reuse)
"""

from __future__ import annotations

import gc
import resource
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from importlib import resources
from pathlib import Path

from procdoc.config import RenderConfig
from procdoc.diagnostics import Diagnostic, Severity
from procdoc.errors import UserError
from procdoc.i18n import LANG_CHOICES, choose_lang, majority_lang
from procdoc.model import Process
from procdoc.render import cache, diagram, html, landscape, markdown, searchindex
from procdoc.render.context import (
    Figure,
    PageRef,
    build_index_page,
    build_process_page,
    figure_texts,
    linked_processes,
)
from procdoc.render.lock import output_lock
from procdoc.render.names import page_stem, step_anchor
from procdoc.render.output import MANIFEST, publish, refuse_to_replace, site_target, staging_folder
from procdoc.render.printed import PRINTED, print_documents
from procdoc.render.sitepaths import ensure_folders, safe_name
from procdoc.render.sketches import EarlySketches
from procdoc.render.svgtext import replace_value_start
from procdoc.workspace import Workspace, open_workspace

__all__ = ["FORMATS", "RenderRequest", "RenderSummary", "render_site"]

FORMATS = ("html", "md", "svg", "png", "pdf", "docx")
#: names the site itself uses at its top level; a process called `index` gets another
RESERVED_STEMS = frozenset({"index", "assets", "md"})
MD_DIR = "md"
#: the files of a site that are not a process's own: always procdoc's to replace
_SITE_FILES = frozenset({"index.html", f"{MD_DIR}/index.md", MANIFEST, f"{html.ASSETS_DIR}/{searchindex.FILE}",
                         *(f"{html.ASSETS_DIR}/{name}" for name in (*html.STATIC_FILES, html.DARK_STYLES))})

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RenderRequest:
    paths: tuple[str, ...]
    out: Path
    formats: frozenset[str]
    lang: str = "auto"
    jobs: int = 1
    config: str | None = None
    use_cache: bool = True
    timestamp: bool = False
    clean: bool = False

    @classmethod
    def build(cls, *, paths: Sequence[str], out: Path | str, formats: str = "html,md,svg", lang: str = "auto",
              jobs: int = 1, config: str | None = None, use_cache: bool = True,
              timestamp: bool = False, clean: bool = False) -> RenderRequest:
        """A request from command-line values, or a UserError that says which value to fix."""
        chosen = [part.strip().lower() for part in formats.split(",") if part.strip()]
        unknown = [part for part in chosen if part not in FORMATS]
        if unknown or not chosen:
            problem = f"unknown format {unknown[0]!r}" if unknown else "no output format given"
            raise UserError(problem, f"use a comma-separated list of: {', '.join(FORMATS)}")
        if lang not in LANG_CHOICES:
            raise UserError(f"unknown language {lang!r}", "use --lang auto, zh or en")
        if jobs < 1:
            raise UserError(f"--jobs must be at least 1, not {jobs}", "leave it out to keep every core busy")
        return cls(tuple(paths), Path(out), frozenset(chosen), lang, jobs, config, use_cache, timestamp, clean)


@dataclass
class RenderSummary:
    """What a run did; `failed` decides the exit code (2 when a file could not be loaded)."""

    out: Path
    processes: int = 0
    rendered: int = 0
    reused: int = 0
    failures: int = 0
    graphviz_seconds: float = 0.0
    graphviz_cpu_seconds: float = 0.0
    seconds: float = 0.0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: what --clean removed from OUT: paths relative to OUT, a folder ending in "/"
    removed: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.failures > 0

    def figures(self) -> dict[str, float | int]:
        """The run's numbers, for `procdoc render --stats` and the benchmark."""
        return {
            "processes": self.processes, "rendered": self.rendered, "reused": self.reused,
            "failures": self.failures, "graphviz_seconds": round(self.graphviz_seconds, 4),
            "graphviz_cpu_seconds": round(self.graphviz_cpu_seconds, 4), "seconds": round(self.seconds, 4),
        }

    def describe(self) -> str:
        unloaded = f"; {self.failures} file(s) could not be loaded" if self.failures else ""
        return (
            f"rendered {self.processes} process(es) into {self.out}: {self.rendered} drawn, {self.reused} unchanged"
            f"{unloaded} ({self.seconds:.1f} s; Graphviz used {self.graphviz_cpu_seconds:.1f} s of CPU)"
        )


@dataclass(frozen=True)
class _Plan:
    """What one run publishes: each process with its page, what links may point at, where to write,
    and the charts begun while loading."""

    request: RenderRequest
    entries: tuple[tuple[Process, PageRef], ...]
    pages: Mapping[str, PageRef]
    texts: Mapping[str, str]
    settings_text: str  # procdoc.toml as written: the front page reads its catalogue of processes
    stamp: str
    previous: Path
    staged: Path
    manifest: Mapping[str, cache.Entry]
    sketches: EarlySketches
    printing: RenderConfig

    def process_href(self, process_id: str) -> str | None:
        """Where a sub-process box in a chart links: the other page, if it is in this run."""
        page = self.pages.get(process_id)
        if page is None:
            return None
        return f"{page.stem}.html" if "html" in self.request.formats else f"{page.stem}.svg"


@dataclass(frozen=True)
class _Outcome:
    stem: str
    entry: cache.Entry
    reused: bool
    graphviz_seconds: float
    notes: tuple[Diagnostic, ...] = ()


def render_site(request: RenderRequest, progress: Progress | None = None) -> RenderSummary:
    """Publish every loadable process under `request.paths` into `request.out`, keeping the user's own files there.

    OUT's lock is held from before the previous site is read until the new
    one is published; the staging folder goes when the run fails or is
    interrupted, after the pool's threads have stopped writing into it.
    """
    started, children_started = time.perf_counter(), _children_cpu()
    target = site_target(request.out)
    with output_lock(target), staging_folder(target) as staged, \
            ThreadPoolExecutor(max_workers=request.jobs) as pool, _collector_spared() as loaded:
        try:
            previous = cache.read_manifest(target)
            reusable = previous.entries if request.use_cache else {}
            sketches = EarlySketches(pool, request.jobs, partial(choose_lang, request.lang), reusable)
            workspace = open_workspace(list(request.paths), request.config, sketches.offer)
            loaded()
            if workspace.missing:
                raise UserError(f"no such file or folder: {', '.join(workspace.missing)}", "check the path")
            processes, diagnostics = _loadable(workspace)
            refuse_to_replace(request.out, target, _inputs(request, workspace))
            plan = _plan(request, workspace, processes, (target, staged), reusable, sketches)
            outcomes, removed = _publish_site(plan, pool, progress, previous)
        except BaseException:
            pool.shutdown(cancel_futures=True)  # a failed or interrupted run does not wait for queued work
            raise
    return RenderSummary(
        out=request.out,
        processes=len(outcomes),
        rendered=sum(not o.reused for o in outcomes),
        reused=sum(o.reused for o in outcomes),
        failures=len({d.path for d in diagnostics}),
        graphviz_seconds=sum(o.graphviz_seconds for o in outcomes),
        graphviz_cpu_seconds=_children_cpu() - children_started,
        seconds=time.perf_counter() - started,
        diagnostics=diagnostics + [note for o in outcomes for note in o.notes],
        removed=removed,
    )


def _children_cpu() -> float:
    """CPU seconds of the finished child processes: a render's only children are its Graphviz runs.

    Unlike their wall time, this does not grow while a run waits for
    Python's lock to read their output, nor with more threads than cores.
    """
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _publish_site(plan: _Plan, pool: Executor, progress: Progress | None,
                  previous: cache.Manifest) -> tuple[list[_Outcome], list[str]]:
    """Render into the staging folder, then swap it in with the user's files; what --clean removed.

    Procdoc's own in the old site: what its manifest lists, and the site's
    index, assets and manifest; with a damaged manifest, also whatever the
    new site writes (a damaged manifest means "render everything").
    """
    site_files = pool.submit(_write_site_files, plan)  # they need no chart: made while the charts are drawn
    outcomes = _render_all(plan, pool, progress)
    site_files.result()
    _write(plan.staged, MANIFEST, cache.manifest_text({o.stem: o.entry for o in outcomes}).encode("utf-8"))
    owned = previous.owned | _SITE_FILES
    if not previous.trusted:
        owned |= {name for outcome in outcomes for name in outcome.entry.files}
    removed = publish(plan.staged, plan.previous, owned, clean=plan.request.clean)
    return outcomes, removed


@contextmanager
def _collector_spared() -> Iterator[Callable[[], None]]:
    """Keep the cyclic garbage collector off everything loaded; call what it gives once loading is done.

    The collector stays off while the files load. The workspace's models and
    texts then live through the whole run: every full collection that walked
    them again would cost about a tenth of the Python time of rendering 200
    processes, and the first would come right after loading.
    """
    enabled = gc.isenabled()
    gc.disable()

    def loaded() -> None:
        gc.freeze()
        if enabled:
            gc.enable()

    try:
        yield loaded
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


def _loadable(workspace: Workspace) -> tuple[list[Process], list[Diagnostic]]:
    """Processes that loaded without errors; the errors of the files that did not (they are skipped)."""
    processes = [item.usable for item in workspace.loaded if item.usable is not None]
    return processes, [d for item in workspace.loaded for d in item.errors]


def _inputs(request: RenderRequest, workspace: Workspace) -> list[str]:
    """Everything the run reads, which OUT must not contain."""
    roots = list(request.paths) or list(workspace.settings.paths)
    config = [workspace.settings.source] if workspace.settings.source else []
    return [*roots, *config, *(item.path for item in workspace.loaded)]


def assign_pages(processes: Iterable[Process]) -> dict[str, PageRef]:
    """A page per process file (keyed by path), with stems unique even for ids that differ only in case."""
    taken = set(RESERVED_STEMS)
    pages = {}
    for process in sorted(processes, key=lambda p: (p.id, p.path)):
        base = stem = page_stem(process.id)
        suffix = 0
        while stem in taken:
            suffix += 1
            stem = f"{base}-{cache.digest(f'{process.id}/{suffix}'.encode())[:8]}"
        taken.add(stem)
        pages[process.path] = PageRef(process.id, process.name, stem, process.status)
    return pages


def _plan(request: RenderRequest, workspace: Workspace, processes: list[Process], folders: tuple[Path, Path],
          manifest: Mapping[str, cache.Entry], sketches: EarlySketches) -> _Plan:
    """The run's plan; `folders` are OUT and the staging folder."""
    by_path = assign_pages(processes)
    by_id: dict[str, PageRef] = {}
    for process in processes:  # workspace order (sorted paths): the first file with an id owns its links
        by_id.setdefault(process.id, by_path[process.path])
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC") if request.timestamp else ""
    return _Plan(
        request=request,
        entries=tuple((p, by_path[p.path]) for p in processes),
        pages=by_id,
        texts={item.path: item.text for item in workspace.loaded},
        settings_text=workspace.settings.raw_text,
        stamp=stamp,
        previous=folders[0],
        staged=folders[1],
        manifest=manifest,
        sketches=sketches,
        printing=workspace.settings.render,
    )


def _render_all(plan: _Plan, pool: Executor, progress: Progress | None) -> list[_Outcome]:
    """Every process on the pool's `jobs` threads: the heavy part runs in Graphviz subprocesses, outside the GIL."""
    total = len(plan.entries)
    if progress:
        progress(0, total)
    futures = [pool.submit(_publish_process, plan, process, page) for process, page in plan.entries]
    for done, future in enumerate(as_completed(futures), 1):
        future.result()
        if progress:
            progress(done, total)
    return [future.result() for future in futures]


def _publish_process(plan: _Plan, process: Process, page: PageRef) -> _Outcome:
    """Reuse the previous outputs when the key matches and they are intact; else draw and render."""
    lang = choose_lang(plan.request.lang, process)
    key = _page_key(plan, process, page, lang)
    source = cache.digest(plan.texts.get(process.path, "").encode("utf-8"))
    previous = plan.manifest.get(page.stem)
    if previous is not None and previous.key == key and cache.reuse(previous, plan.previous, plan.staged):
        return _Outcome(page.stem, cache.Entry(key, previous.files, source), True, 0.0)
    files, seconds = _render_process(plan, process, page, lang)
    for name, data in files.items():
        _write(plan.staged, name, data)
    entry = cache.Entry(key, {name: cache.digest(data) for name, data in files.items()}, source)
    return _Outcome(page.stem, entry, False, seconds, _too_large(process))


def _too_large(process: Process) -> tuple[Diagnostic, ...]:
    """A warning for a process whose chart is left out."""
    if diagram.drawable(process):
        return ()
    message = f"{len(process.steps)} steps are too many to draw (at most {diagram.MAX_STEPS}): the chart is left out"
    return (Diagnostic(process.path, 1, 1, "X001", Severity.WARNING, message, "split the process into sub-processes"),)


def _page_key(plan: _Plan, process: Process, page: PageRef, lang: str) -> str:
    """Everything the outputs of `process` are made from, including the names its page shows of others."""
    links = []
    for process_id in linked_processes(process):
        other = plan.pages.get(process_id)
        links.append([process_id, other.name, other.status, other.stem] if other else [process_id])
    return cache.page_key(
        text=plan.texts.get(process.path, ""), stem=page.stem, lang=lang, formats=sorted(plan.request.formats),
        stamp=plan.stamp, links=links, printing=_printing_key(plan), theme=plan.printing.theme,
    )


def _printing_key(plan: _Plan) -> list[str] | None:
    """The settings the PDF and Word files depend on, the company template's content included."""
    if not plan.request.formats & PRINTED:
        return None
    settings = plan.printing
    template = settings.docx_template
    try:
        content = cache.digest(Path(template).read_bytes()) if template and "docx" in plan.request.formats else ""
    except OSError:
        content = "unreadable"  # rendering says what is wrong with it
    return [settings.page_size, settings.orientation, template or "", content]


def _render_process(plan: _Plan, process: Process, page: PageRef, lang: str) -> tuple[dict[str, bytes], float]:
    """The files of one process, by path relative to OUT, and the seconds Graphviz took."""
    formats, stem = plan.request.formats, page.stem
    drawn = diagram.drawable(process)
    whole = (plan.sketches.take(process, lang) or diagram.sketch(process, lang=lang)) if drawn else None
    files, svg, seconds = _draw(plan, process, stem, whole) if whole else ({}, "", 0.0)
    alt, caption = figure_texts(process, lang)
    downloads = tuple(f"{stem}.{ext}" for ext in ("svg", "png", "pdf", "docx") if ext in formats and drawn)
    context = build_process_page(process, plan.pages, lang, Figure(svg, alt, caption, f"{stem}.svg", downloads),
                                 plan.stamp, plan.printing.theme)
    if formats & PRINTED:
        printed = print_documents(process, context, whole, formats, plan.printing, plan.stamp)
        files.update({f"{stem}.{ext}": data for ext, data in printed.files.items()})
        seconds += printed.graphviz_seconds
    if "html" in formats:
        files[f"{stem}.html"] = html.render_process_page(context).encode("utf-8")
    if "md" in formats:
        files[f"{MD_DIR}/{stem}.md"] = markdown.render_process_page(context).encode("utf-8")
        if drawn:
            standalone = files.get(f"{stem}.svg") or _standalone_svg(svg, stem, formats).encode("utf-8")
            files[f"{MD_DIR}/{stem}.svg"] = standalone
    return files, seconds


def _draw(plan: _Plan, process: Process, stem: str, whole: diagram.Sketch) -> tuple[dict[str, bytes], str, float]:
    """The chart files (svg, png as asked), the SVG text for inlining, and the seconds Graphviz took."""
    formats = plan.request.formats
    drawing = diagram.draw(process, lang=whole.lang, process_href=plan.process_href, step_href=_step_href,
                           sketched=whole)
    files, seconds = {}, drawing.dot_seconds
    if "svg" in formats:
        files[f"{stem}.svg"] = _standalone_svg(drawing.svg, stem, formats).encode("utf-8")
    if "png" in formats:
        files[f"{stem}.png"], png_seconds = diagram.png_of(drawing)
        seconds += png_seconds
    return files, drawing.svg, seconds


def _step_href(step_id: str) -> str:
    return f"#{step_anchor(step_id)}"


def _standalone_svg(svg: str, stem: str, formats: frozenset[str]) -> str:
    """The chart as a file of its own: step links go to the rows of the HTML page, when there is one."""
    if "html" not in formats:
        return svg
    for attribute in ("href", "xlink:href"):
        svg = replace_value_start(svg, attribute, "#", f"{stem}.html#")
    return svg


def _write_site_files(plan: _Plan) -> None:
    """The index (always rebuilt: it lists everything), the process map, the search index and the assets."""
    formats = plan.request.formats
    lang = majority_lang(plan.request.lang, [process for process, _ in plan.entries])
    index = build_index_page(plan.entries, plan.pages, lang, plan.stamp, plan.printing.theme)
    if "html" in formats:
        processes = [process for process, _ in plan.entries]
        front = landscape.front_page(processes, plan.pages, plan.settings_text, lang, index.chrome.t)
        _write(plan.staged, "index.html", html.render_index(index, front).encode("utf-8"))
        static = resources.files("procdoc.render") / "static"
        for name in html.static_files(plan.printing.theme):
            _write(plan.staged, f"{html.ASSETS_DIR}/{name}", static.joinpath(name).read_bytes())
        _write(plan.staged, f"{html.ASSETS_DIR}/{searchindex.FILE}", searchindex.script(plan.entries).encode("utf-8"))
    if "md" in formats:
        _write(plan.staged, f"{MD_DIR}/index.md", markdown.render_index(index).encode("utf-8"))


def _write(root: Path, name: str, data: bytes) -> None:
    """Write below the staging folder only; names come from `page_stem`, checked again here."""
    if not safe_name(name):
        raise UserError(f"internal error: output name {name!r} escapes the site folder", "report this as a bug")
    ensure_folders(root, name).write_bytes(data)
