"""`procdoc doctor`, and what `check` and `render` do on a machine without Graphviz.

"Without Graphviz" is a real PATH with only Python on it (a folder holding
a link to this interpreter), not a patched function; "without the CJK
font" is a fontconfig configuration that knows only the DejaVu fonts.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from procdoc.installhelp import SYSTEMS, detect, install_line
from tests.base_process import BASE

PROCDOC = str(Path(sys.executable).with_name("procdoc"))
DEBIAN = "Debian/Ubuntu: sudo apt-get install graphviz fonts-noto-cjk"


@pytest.fixture
def python_only(tmp_path: Path) -> str:
    """A PATH with Python and nothing else: no dot, no fc-match."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "python").symlink_to(sys.executable)
    return str(folder)


def procdoc(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PROCDOC, *args], capture_output=True, text=True, timeout=120, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1", **env})


def test_doctor_reports_this_machine() -> None:
    result = procdoc("doctor")
    assert result.returncode == 0, result.stdout
    dot = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=True)
    version = re.search(r"version (\S+)", dot.stderr)
    assert version is not None
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ok", "procdoc", __import__("procdoc").__version__]
    assert f"ok   Graphviz               {version.group(1)} ({shutil.which('dot')})" in lines
    cjk = subprocess.run(["fc-match", "--format=%{file}", "Noto Sans CJK SC"], capture_output=True, text=True)
    assert f"ok   font Noto Sans CJK SC  Noto Sans CJK SC ({cjk.stdout})" in lines
    assert any(re.match(r"(ok  |--  ) WeasyPrint +", line) for line in lines)
    assert lines[-1] == "procdoc can check and render on this machine."


def test_doctor_without_graphviz_says_what_to_install(python_only: str) -> None:
    result = procdoc("doctor", PATH=python_only)
    assert result.returncode == 1
    assert "MISS Graphviz     not found: `dot` is not on PATH (render and export need it)" in result.stdout
    assert "missing: Graphviz" in result.stdout
    assert result.stdout.endswith(f"install: {install_line(detect())}\n")


def test_doctor_without_the_cjk_font(tmp_path: Path) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text('<?xml version="1.0"?>\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>'
                      f"<cachedir>{tmp_path}/cache</cachedir></fontconfig>\n", encoding="utf-8")
    result = procdoc("doctor", FONTCONFIG_FILE=str(config))
    assert result.returncode == 1
    assert re.search(r"^MISS font Noto Sans CJK SC  not installed: fontconfig falls back to 'DejaVu [^']+' "
                     r"\(Chinese labels are measured with the wrong font\)$", result.stdout, re.M), result.stdout
    assert "missing: font Noto Sans CJK SC" in result.stdout


def test_doctor_finds_an_optional_engine_without_importing_it(tmp_path: Path) -> None:
    (tmp_path / "docx").mkdir()
    (tmp_path / "docx" / "__init__.py").write_text("raise SystemExit('imported')\n", encoding="utf-8")
    result = procdoc("doctor", PYTHONPATH=str(tmp_path))
    assert result.returncode == 0
    assert f"ok   python-docx            installed, for Word manuals ({tmp_path / 'docx' / '__init__.py'})" in (
        result.stdout)


def test_check_needs_no_graphviz(python_only: str, tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(BASE, encoding="utf-8")
    result = procdoc("check", "p.yaml", cwd=tmp_path, PATH=python_only)
    assert (result.returncode, result.stdout) == (0, "All checks passed (1 file checked).\n")


@pytest.mark.parametrize("args", [["render", "p.yaml", "-o", "site"], ["export", "bpmn", "p.yaml"]])
def test_drawing_without_graphviz_exits_2_with_the_install_line(python_only: str, tmp_path: Path,
                                                                args: list[str]) -> None:
    (tmp_path / "p.yaml").write_text(BASE, encoding="utf-8")
    result = procdoc(*args, cwd=tmp_path, PATH=python_only)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "error: Graphviz is not installed" in result.stderr
    assert f"help: install it with the fonts: {install_line(detect())}" in result.stderr


@pytest.mark.parametrize(
    ("os_release", "expected"),
    [
        ('ID=debian\n', "debian"),
        ('ID=ubuntu\nID_LIKE=debian\n', "debian"),
        ('ID=linuxmint\nID_LIKE="ubuntu debian"\n', "debian"),
        ('ID=fedora\n', "fedora"),
        ('ID="rocky"\nID_LIKE="rhel centos fedora"\n', "fedora"),
        ('ID=arch\n', None),
    ],
)
def test_linux_family_from_os_release(tmp_path: Path, os_release: str, expected: str | None) -> None:
    (tmp_path / "os-release").write_text(os_release, encoding="utf-8")
    system = detect("linux", tmp_path / "os-release")
    assert (system.key if system else None) == expected


def test_other_systems() -> None:
    assert [detect(p, Path("/nonexistent")) for p in ("darwin", "win32", "linux", "freebsd14")] == [
        SYSTEMS[2], SYSTEMS[3], None, None]
    assert install_line(detect("linux", Path("/nonexistent"))).split("; ")[0] == DEBIAN
    assert "brew install graphviz" in install_line(SYSTEMS[2])
    assert "winget install -e --id Graphviz.Graphviz" in install_line(SYSTEMS[3])
    assert "sudo dnf install graphviz google-noto-sans-cjk-fonts" in install_line(SYSTEMS[1])


def test_the_readme_gives_the_same_install_commands() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for system in SYSTEMS:
        first_command = re.split(r" \(|; ", system.command)[0]
        assert f"| {system.name} | `{first_command}`" in readme, system.name
