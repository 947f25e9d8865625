"""The command line: the only module that knows typer and rich.

Heavy modules (jinja2, graphviz, jsonschema, the rules) are imported inside
the commands, so `procdoc --version` and `--help` start as fast as typer.
Exit codes (procdoc.errors): 0 clean, 1 findings, 2 usage, configuration,
input or environment errors, 130 interrupted. Errors are caught in one
place, `_Commands.invoke`: a `UserError` or an `OSError` (a full disk, a
read-only folder, a closed output) is one line and a hint, never a traceback.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import click
import typer
from typer.core import TyperGroup

from procdoc import __version__
from procdoc.errors import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, UserError

if TYPE_CHECKING:
    from rich.console import Console

    from procdoc.commands.check import CheckRequest, CheckResult


class _Commands(TyperGroup):
    """The commands, run so that every way they can fail on the user's side ends the same way."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except UserError as err:
            raise _fail(err.message, err.hint) from None
        except KeyboardInterrupt:
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except OSError as err:
            if isinstance(err, BrokenPipeError):
                _discard_stdout()
            raise _fail(*environment_problem(err)) from None


app = typer.Typer(
    cls=_Commands,
    name="procdoc",
    help="Process documentation as code: check and publish business processes (流程) written in YAML.",
    no_args_is_help=True,
    add_completion=False,  # `procdoc completion SHELL` instead: typer's options cost start-up time on every run
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"procdoc {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Process documentation as code."""


def colour(stream: TextIO) -> bool:
    """Whether to colour `stream`: NO_COLOR never, FORCE_COLOR always (even into a pipe), else on a terminal.

    https://no-color.org and https://force-color.org: a set, non-empty variable counts.
    """
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def _console(stderr: bool = False, **options: Any) -> Console:
    """A rich console that colours exactly when `colour()` says so."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    wanted = colour(stream)
    return Console(stderr=stderr, force_terminal=wanted, no_color=not wanted, **options)


def _fail(message: str, hint: str = "") -> typer.Exit:
    """Print an error the way every command does; exit 2. User text is never read as markup."""
    from rich.text import Text

    console = _console(stderr=True, highlight=False)
    console.print(Text.assemble(("error:", "bold red"), " ", message), soft_wrap=True)
    if hint:
        console.print(Text.assemble("  ", ("help:", "cyan"), " ", hint), soft_wrap=True)
    return typer.Exit(EXIT_USAGE)


_ENVIRONMENT_HINTS = {
    errno.ENOSPC: "free some space on the disk, or write somewhere else",
    errno.EDQUOT: "free some space in your quota, or write somewhere else",
    errno.EROFS: "the file system is read-only: choose a writable place with -o",
    errno.EACCES: "check the permissions, or choose another place with -o",
    errno.EPERM: "check the permissions, or choose another place with -o",
    errno.EISDIR: "give the name of a file, not of a folder",
    errno.ENOTDIR: "a part of the path is a file, not a folder: check the path",
    errno.EBUSY: "it is in use or a mount point: choose a folder inside it with -o",
    errno.EXDEV: "choose an output folder on the same file system as its parent",
    errno.EPIPE: "the output was closed before procdoc finished writing",
    errno.ENOENT: "check the path",
}


def environment_problem(err: OSError) -> tuple[str, str]:
    """An operating-system error in words: what failed, where, and what to do."""
    where = f": {err.filename}" if err.filename else ""
    reason = err.strerror or type(err).__name__
    return f"{reason.lower()}{where}", _ENVIRONMENT_HINTS.get(err.errno or 0, "check the path and try again")


def _examples(*lines: str) -> str:
    """A `--help` epilog of example command lines (\\b keeps click from re-wrapping them)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


def _split(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


@app.command(epilog=_examples(
    "procdoc check                                  # the `paths` of procdoc.toml, else .",
    "procdoc check processes/qm-07.yaml -q          # only the findings",
    "procdoc check --format sarif -o procdoc.sarif  # for GitHub code scanning",
))
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files or folders (default: `paths` from procdoc.toml, else .); - reads standard input."),
    ] = None,
    config: Annotated[
        str | None, typer.Option("--config", help="Settings file (default: nearest procdoc.toml).")
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Rules to run: codes, prefixes, families (replaces `select`).")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Rules to skip (added to `ignore`).")] = None,
    extend_select: Annotated[
        list[str] | None, typer.Option("--extend-select", help="Rules to add to the selection.")
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format", help="text, concise, json, sarif, github, junit (github is the default under GitHub Actions)."
        ),
    ] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the report to this file.")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Count findings per rule.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Always exit 0 unless procdoc itself cannot run.")
    ] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write .procdoc_cache.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List skipped files.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the findings: no summary line, nothing when clean.")
    ] = False,
    stdin_filename: Annotated[
        str | None,
        typer.Option("--stdin-filename", help="With `-` as the path: the file name the text on standard input has."),
    ] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Repair what the rules can repair, then report the rest.")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="With --fix or --diff: also apply fixes that change the meaning.")
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print the fixes as a diff; change nothing.")] = False,
) -> None:
    """Check processes against the self-inspection rules (like a linter)."""
    from procdoc.commands.check import CheckRequest, run_check

    chosen = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    request = CheckRequest(
        paths=list(paths or []),
        config=config,
        select=_split(select),
        ignore=_split(ignore),
        extend_select=_split(extend_select),
        format=chosen,
        statistics=statistics,
        strict=strict,
        use_cache=not no_cache,
        quiet=quiet,
        stdin_filename=stdin_filename,
    )
    if unsafe_fixes and not (fix or diff):
        raise UserError("--unsafe-fixes applies fixes, so it needs --fix or --diff", "add --fix (or --diff to preview)")
    if (fix or diff) and stdin_filename is not None:
        raise UserError("--fix and --diff change files, not standard input", "name the files to fix")
    result = _check_and_fix(request, unsafe_fixes, diff) if fix or diff else run_check(request)
    if verbose:
        for path, why in result.skipped:
            print(f"skipped {path}: {why}", file=sys.stderr)
        for note in result.notes:
            print(note, file=sys.stderr)
    _emit(result.report, output, chosen)
    raise typer.Exit(EXIT_OK if exit_zero and result.exit_code == EXIT_FINDINGS else result.exit_code)


def _check_and_fix(request: CheckRequest, unsafe: bool, diff: bool) -> CheckResult:
    """`check --fix` / `--diff`: the fixes reported (or shown) on standard error, the rest as `check` reports it."""
    from procdoc.commands.fix import FixRequest, run_fix

    outcome = run_fix(FixRequest(request, unsafe=unsafe, diff=diff))
    for line in outcome.refused:
        print(f"error: {line}", file=sys.stderr)
    verb = "would fix" if diff else "fixed"
    for finding in outcome.fixed:
        print(f"{verb} {finding.location()}: {finding.code} {finding.message}", file=sys.stderr)
    if diff:
        sys.stdout.write("".join(outcome.diffs))
        print(f"{len(outcome.fixed)} findings would be fixed (--fix applies them)", file=sys.stderr)
        return replace(outcome.check, report="", exit_code=outcome.exit_code)
    remaining = len(outcome.check.diagnostics)
    print(f"{len(outcome.fixed)} findings fixed, {remaining} remaining", file=sys.stderr)
    return outcome.check


def _emit(report: str, output: Path | None, chosen: str) -> None:
    if output is not None:
        from procdoc.writer import write_text_atomic

        write_text_atomic(output, report)
        return
    if chosen in ("text", "concise") and colour(sys.stdout):
        from procdoc.report.highlight import THEME, DiagnosticHighlighter

        console = _console(highlighter=DiagnosticHighlighter(), theme=THEME, soft_wrap=True)
        console.print(report, end="", markup=False, emoji=False)
    else:
        sys.stdout.write(report)


@app.command(epilog=_examples(
    "procdoc rules                # every rule",
    "procdoc rules C001           # one rule's documentation",
    "procdoc rules vague-party    # the same, by name",
))
def rules(
    code: Annotated[str | None, typer.Argument(help="A rule code or name: print its full documentation.")] = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """List every rule, or explain one."""
    from procdoc.checks import ruledocs

    if code is None:
        sys.stdout.write(ruledocs.listing(output_format))
        return
    text = ruledocs.explain(code)
    if text is None:
        raise UserError(f"no rule {code!r}", "`procdoc rules` lists every rule")
    sys.stdout.write(text)


@app.command(epilog=_examples(
    "procdoc schema > procdoc.schema.json",
    "procdoc schema -o .vscode/procdoc.schema.json",
))
def schema(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file.")] = None,
) -> None:
    """Print the JSON Schema of the process format (for editors and CI)."""
    from procdoc.schema import schema_text

    _emit(schema_text(), output, "json")


@app.command(epilog=_examples(
    'procdoc new 客户投诉处理流程 --id CS-09 --lanes "客户,客服部,质量部"',
    "procdoc new 'Purchase approval' --id PU-02 --template approval -o processes/pu-02.yaml",
))
def new(
    name: Annotated[str | None, typer.Argument(help="Process name, e.g. 客户质量投诉管理流程.")] = None,
    process_id: Annotated[str | None, typer.Option("--id", help="Process code, e.g. QM-07.")] = None,
    owner: Annotated[str | None, typer.Option("--owner", help="Owner lane (id or name).")] = None,
    lanes: Annotated[
        str | None, typer.Option("--lanes", help='Comma-separated lane names, e.g. "客户,营销部,技质科".')
    ] = None,
    template: Annotated[str, typer.Option("--template", help="basic, approval or complaint.")] = "basic",
    lang: Annotated[str | None, typer.Option("--lang", help="zh or en (default: from the name).")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: <id>.yaml).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Scaffold a new process that already passes `procdoc check`."""
    from procdoc import scaffold

    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if interactive:
        name = name or typer.prompt("Process name (流程名称)")
        process_id = process_id or typer.prompt("Process code", default=scaffold.suggest_id(name))
        lanes = lanes or typer.prompt("Lanes, comma-separated", default=scaffold.default_lanes(name, lang))
    request = scaffold.Request.build(
        name=name, process_id=process_id, owner=owner, lanes=lanes, template=template, lang=lang
    )
    target = output or Path(f"{request.process_id.lower()}.yaml")
    schema_file = scaffold.write(request, target, force=force)
    print(f"created {target}")
    if schema_file is not None:
        print(f"created {schema_file} (editors validate and complete process files with it)")
    print("next:")
    print(f"  1. edit {target}: fill in the TODO parts, the steps and the owners")
    print(f"  2. procdoc check {target}")
    print(f"  3. procdoc render {target} -o site")


@app.command(epilog=_examples(
    "procdoc export bpmn processes/qm-07.yaml -o qm-07.bpmn",
    "procdoc export mermaid processes/qm-07.yaml > qm-07.mmd",
))
def export(
    kind: Annotated[str, typer.Argument(help="bpmn or mermaid.")],
    path: Annotated[str, typer.Argument(help="The process file to export.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file (default: standard output).")
    ] = None,
    config: Annotated[
        str | None, typer.Option("--config", help="Settings file (default: nearest procdoc.toml).")
    ] = None,
) -> None:
    """Export a process as BPMN 2.0 XML (with diagram) or a Mermaid flowchart."""
    from procdoc.commands.export import export_process

    text = export_process(kind, path, config)
    _emit(text, output, kind)


@app.command(epilog=_examples(
    "procdoc render                          # the `paths` of procdoc.toml into site/",
    "procdoc render samples -o site -q       # only errors are printed",
    "procdoc render processes --format html,md,svg,png",
))
def render(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders (default: `paths` from procdoc.toml, else .).")
    ] = None,
    out: Annotated[
        Path, typer.Option("-o", "--out", help="Output folder (created; procdoc's files replaced, others kept).")
    ] = Path("site"),
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated: html, md, svg, png, pdf, docx.")
    ] = "html,md,svg",
    lang: Annotated[str, typer.Option("--lang", help="auto, zh or en: language of headings and labels.")] = "auto",
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Parallel renders (default: one more than the number of cores).")
    ] = 0,
    config: Annotated[
        str | None, typer.Option("--config", help="Settings file (default: nearest procdoc.toml).")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Re-render everything.")] = False,
    timestamp: Annotated[
        bool, typer.Option("--timestamp", help="Stamp pages with the build time (off: output is byte-identical).")
    ] = False,
    stats: Annotated[
        Path | None,
        typer.Option("--stats", help="Write the run's figures (counts, seconds, Graphviz seconds) as JSON."),
    ] = None,
    clean: Annotated[
        bool, typer.Option("--clean", help="Remove the files in OUT that procdoc did not write (each is listed).")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only errors: no summary, no progress bar.")
    ] = False,
) -> None:
    """Publish swimlane diagrams and procedure manuals (HTML site, Markdown, PDF, Word)."""
    from procdoc.render.site import RenderRequest, render_site

    request = RenderRequest.build(
        paths=list(paths or []),
        out=out,
        formats=formats,
        lang=lang,
        jobs=jobs or (os.cpu_count() or 1) + 1,  # one more: a core is not idle while a render is in Python
        config=config,
        use_cache=not no_cache,
        timestamp=timestamp,
        clean=clean,
    )
    with _progress_bar(quiet) as advance:
        summary = render_site(request, progress=advance)
    for diagnostic in summary.diagnostics:
        print(f"{diagnostic.location()}: {diagnostic.code} {diagnostic.message}", file=sys.stderr)
    for name in summary.removed:
        print(f"removed {out / name}{'/' if name.endswith('/') else ''} (not written by procdoc render)")
    if stats is not None:
        import json

        from procdoc.writer import write_text_atomic

        write_text_atomic(stats, json.dumps(summary.figures(), indent=2) + "\n")
    if not quiet:
        print(summary.describe())
    raise typer.Exit(EXIT_USAGE if summary.failed else EXIT_OK)


@app.command(epilog=_examples(
    "procdoc doctor",
    "procdoc doctor && procdoc render samples",
))
def doctor() -> None:
    """Show what procdoc finds on this machine (Python, Graphviz, fonts, optional engines) and what to install.

    Exits 0 when everything `check` and `render` need is there, 1 when something is missing.
    """
    from procdoc.commands.doctor import diagnose

    diagnosis = diagnose()
    sys.stdout.write(diagnosis.report())
    raise typer.Exit(EXIT_FINDINGS if diagnosis.missing else EXIT_OK)


@app.command(epilog=_examples(
    "procdoc completion bash > ~/.local/share/bash-completion/completions/procdoc",
    "procdoc completion zsh > ~/.zfunc/_procdoc",
    "procdoc completion fish > ~/.config/fish/completions/procdoc.fish",
))
def completion(shell: Annotated[str, typer.Argument(help="bash, zsh or fish.")]) -> None:
    """Print the shell completion script for bash, zsh or fish (install it as the examples show)."""
    if shell not in SHELLS:
        raise UserError(f"no completion for the shell {shell!r}", f"use one of: {', '.join(SHELLS)}")
    from typer.completion import completion_init, get_completion_script

    completion_init()
    script = get_completion_script(prog_name="procdoc", complete_var=COMPLETE_VAR, shell=shell)
    sys.stdout.write(script.rstrip("\n") + "\n")


@app.command(epilog=_examples(
    "procdoc lsp          # what an editor runs; see docs/integrations.md for VS Code, Neovim and Helix",
    "code --install-extension editors/vscode/procdoc.vsix   # after `make vscode`",
))
def lsp() -> None:
    """Run the language server over standard input and output: findings as you type, go to definition, completion.

    Editors start it; it answers YAML files with a top-level `procdoc:` key.
    """
    from procdoc.lsp.server import serve

    raise typer.Exit(serve())


# The completion script calls `procdoc` again with this variable set; typer then prints the candidates.
# Its completion classes are registered only then and for `procdoc completion`: other runs do not pay for them.
COMPLETE_VAR = "_PROCDOC_COMPLETE"
SHELLS = ("bash", "zsh", "fish")
@app.command()
def fmt(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders (default: `paths` from procdoc.toml, else .).")
    ] = None,
    check_only: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 and name the files that would change.")
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Change nothing; print what would change as a diff.")] = False,
    config: Annotated[
        str | None, typer.Option("--config", help="Settings file (default: nearest procdoc.toml).")
    ] = None,
) -> None:
    """Rewrite process files in one canonical layout, keeping every comment."""
    from procdoc.commands.fmt import FmtRequest, run_fmt

    result = run_fmt(FmtRequest(paths=list(paths or []), config=config, check=check_only, diff=diff))
    for line in result.errors:
        print(f"error: {line}", file=sys.stderr)
    sys.stdout.write("".join(result.diffs))
    if check_only:
        for path in result.changed:
            print(f"would reformat {path}")
    print(result.summary(), file=sys.stderr if diff else sys.stdout)
    raise typer.Exit(result.exit_code)


@app.command()
def serve(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders (default: `paths` from procdoc.toml, else .).")
    ] = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (default: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on (0: any free port).")] = 8000,
    config: Annotated[
        str | None, typer.Option("--config", help="Settings file (default: nearest procdoc.toml).")
    ] = None,
) -> None:
    """Preview the site while you edit: re-rendered and reloaded on every save."""
    from procdoc.commands.serve import ServeRequest
    from procdoc.commands.serve import serve as serve_site

    serve_site(ServeRequest(list(paths or []), config, host, port), lambda line: print(line, flush=True))


import_app = typer.Typer(
    cls=_Commands, help="Bring models from other tools in as process files.", no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(import_app, name="import")


@import_app.command("bpmn")
def import_bpmn(
    files: Annotated[list[str], typer.Argument(help="BPMN 2.0 XML files (.bpmn).")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Folder to write the process files to.")] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Replace process files that already exist.")] = False,
) -> None:
    """Import BPMN 2.0 models: one process file per pool and per embedded sub-process."""
    from procdoc.commands.importer import import_files
    from procdoc.importer.findings import describe

    result = import_files("bpmn", files, out, force)
    for finding in result.findings:
        print(describe(finding), file=sys.stderr)
    for path in result.written:
        print(f"created {path}")
    if result.written:
        print(f"next: procdoc check {out}")


@app.command()
def diff(
    files: Annotated[
        list[str] | None, typer.Argument(help="OLD NEW process files; with --rev, files or folders (default: .).")
    ] = None,
    rev: Annotated[
        str | None, typer.Option("--rev", help="Compare the working tree with this git revision, e.g. main.")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help="text, json or md (for a pull request).")] = "text",
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Also write an HTML page: the new chart coloured, manuals side by side."),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 when a process changed but its version and revisions did not.")
    ] = False,
) -> None:
    """Show what changed in processes: steps, lanes, flows, documents, records, metadata."""
    from procdoc.commands.diff import DiffRequest, run_diff

    result = run_diff(DiffRequest(list(files or []), rev, output_format, html, check))
    sys.stdout.write(result.report)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if html is not None:
        print(f"wrote {html}", file=sys.stderr)
    raise typer.Exit(result.exit_code)


@contextmanager
def _progress_bar(quiet: bool = False) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on a terminal; nothing in CI, pipes or with --quiet."""
    if quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("rendering", total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def _discard_stdout() -> None:
    """Point standard output at /dev/null: what is still buffered for a closed pipe can reach no one."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def run() -> None:
    """The `procdoc` command: the app, then standard output flushed while a closed pipe can still be reported."""
    try:
        if COMPLETE_VAR in os.environ:  # the shell asks for completions: typer answers in its own style
            from typer.completion import completion_init

            completion_init()
        app()
    finally:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _discard_stdout()
            _fail(*environment_problem(BrokenPipeError(errno.EPIPE, "Broken pipe", "standard output")))
            sys.exit(EXIT_USAGE)
