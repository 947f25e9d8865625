"""The habits people expect of a command line: -h, -q, -v, colour switches, completion, examples in --help.

Run as a user runs procdoc (the installed `procdoc` script in a subprocess),
because colour and completion depend on the environment and on whether
output is a terminal.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.base_process import BASE

PROCDOC = str(Path(sys.executable).with_name("procdoc"))
NO_LANE = BASE.replace("    type: start\n    lane: customer\n", "    type: start\n")
COMMANDS = ("check", "rules", "schema", "new", "export", "render", "doctor", "completion")
ANSI = "\x1b["


def procdoc(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "CI")}
    return subprocess.run([PROCDOC, *args], capture_output=True, text=True, timeout=60, cwd=cwd,
                          env={**clean, **env})


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    (tmp_path / "p.yaml").write_text(NO_LANE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", COMMANDS)
def test_dash_h_is_help_and_ends_with_examples(command: str) -> None:
    short, long = procdoc(command, "-h"), procdoc(command, "--help")
    assert (short.returncode, short.stdout) == (0, long.stdout)
    tail = short.stdout.rstrip("\n").split("\n\n")[-1].splitlines()
    assert tail[0].strip() == "Examples:"
    assert 2 <= len(tail) - 1 <= 3
    assert all(line.startswith("    procdoc ") for line in tail[1:]), tail


def test_dash_h_on_the_program_lists_the_commands() -> None:
    result = procdoc("-h")
    assert result.returncode == 0
    assert all(f"  {command} " in result.stdout for command in COMMANDS)


def test_quiet_prints_only_the_findings(broken: Path) -> None:
    loud = procdoc("check", "p.yaml", "--select", "P002", "--no-cache", cwd=broken)
    quiet = procdoc("check", "p.yaml", "--select", "P002", "--no-cache", "-q", cwd=broken)
    assert loud.returncode == quiet.returncode == 1
    assert loud.stdout.endswith("Found 1 error in 1 file (1 file checked).\n")
    assert quiet.stdout == loud.stdout.removesuffix("Found 1 error in 1 file (1 file checked).\n")
    assert quiet.stdout.startswith("p.yaml:33:9: P002 [error]")


def test_quiet_prints_nothing_when_clean(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(BASE, encoding="utf-8")
    result = procdoc("check", "--quiet", "--format", "concise", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_quiet_render_prints_no_summary(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(BASE, encoding="utf-8")
    loud = procdoc("render", "p.yaml", "-o", "site", "--format", "md", cwd=tmp_path)
    quiet = procdoc("render", "p.yaml", "-o", "site2", "--format", "md", "-q", cwd=tmp_path)
    assert (loud.returncode, quiet.returncode) == (0, 0)
    assert loud.stdout and (quiet.stdout, quiet.stderr) == ("", "")
    assert (tmp_path / "site2" / "md").is_dir()


def test_verbose_lists_skipped_files(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "ci.yaml").write_text("jobs: {}\n", encoding="utf-8")
    result = procdoc("check", ".", "-v", cwd=tmp_path)
    assert "skipped ci.yaml: no top-level `procdoc:` key" in result.stderr
    assert "skipped" not in procdoc("check", ".", cwd=tmp_path).stderr


@pytest.mark.parametrize(
    ("env", "coloured"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"NO_COLOR": "1"}, False),
     ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False), ({"FORCE_COLOR": ""}, False)],
    ids=["pipe", "force", "no-color", "no-color-wins", "empty-force"],
)
def test_colour_switches_on_a_pipe(broken: Path, env: dict[str, str], coloured: bool) -> None:
    report = procdoc("check", "p.yaml", "--select", "P002", cwd=broken, **env)
    error = procdoc("check", "nowhere.yaml", cwd=broken, **env)
    assert (ANSI in report.stdout, ANSI in error.stderr) == (coloured, coloured)
    assert "P002" in report.stdout and "no such file or folder" in error.stderr


def test_no_color_wins_on_a_terminal(broken: Path) -> None:
    """On a pseudo-terminal procdoc colours by default; NO_COLOR turns it off."""
    import pty

    def on_terminal(**env: str) -> str:
        main, child = pty.openpty()
        clean = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        with subprocess.Popen([PROCDOC, "check", "p.yaml", "--select", "P002"], cwd=broken, stdout=child,
                              stderr=subprocess.DEVNULL, env={**clean, **env}) as run:
            os.close(child)
            chunks = []
            while True:
                try:
                    chunk = os.read(main, 65536)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            run.wait(timeout=60)
        os.close(main)
        return b"".join(chunks).decode("utf-8", "replace")

    assert ANSI in on_terminal()
    assert ANSI not in on_terminal(NO_COLOR="1")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_script(shell: str) -> None:
    result = procdoc("completion", shell)
    assert result.returncode == 0
    assert "_PROCDOC_COMPLETE=complete_" + shell in result.stdout
    assert "procdoc" in result.stdout


def test_completion_of_an_unknown_shell_is_a_usage_error() -> None:
    result = procdoc("completion", "tcsh")
    assert result.returncode == 2
    assert "use one of: bash, zsh, fish" in result.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"_PROCDOC_COMPLETE": "complete_bash", "COMP_WORDS": "procdoc ch", "COMP_CWORD": "1"}, "check"),
        ({"_PROCDOC_COMPLETE": "complete_bash", "COMP_WORDS": "procdoc check --form", "COMP_CWORD": "2"}, "--format"),
        ({"_PROCDOC_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "procdoc ren"}, '"render"'),
        ({"_PROCDOC_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args",
          "_TYPER_COMPLETE_ARGS": "procdoc doc"}, "doctor\t"),
    ],
    ids=["bash-command", "bash-option", "zsh", "fish"],
)
def test_the_shell_gets_completions(env: dict[str, str], expected: str) -> None:
    result = procdoc(**env)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_bash_completes_through_the_script(tmp_path: Path) -> None:
    """bash sources the printed script and its completion function fills COMPREPLY."""
    script = tmp_path / "procdoc.bash"
    script.write_text(procdoc("completion", "bash").stdout, encoding="utf-8")
    driver = (f'source {script}; COMP_WORDS=(procdoc exp); COMP_CWORD=1; _procdoc_completion procdoc exp procdoc; '
              'printf "%s\\n" "${COMPREPLY[@]}"')
    bin_dir = str(Path(PROCDOC).parent)
    result = subprocess.run(["bash", "--norc", "-c", driver], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"})
    assert result.stdout.split() == ["export"], result.stderr
