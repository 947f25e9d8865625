"""A user's install: the wheel `make dist` builds, installed into a fresh virtualenv, runs the three first commands.

The wheel is built with the same command as `make dist` (an isolated build,
so setuptools comes from the package index like on a user's machine); the
virtualenv has no access to the project's own, and procdoc's dependencies
come from the index pip is configured with (its cache makes reruns quick).
"""

from __future__ import annotations

import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(cwd), "NO_COLOR": "1", "LANG": "C.UTF-8"})


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh virtualenv where only the built wheel (and its dependencies) is installed."""
    work = tmp_path_factory.mktemp("install")
    built = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", work / "dist", ROOT],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (work / "dist").glob("procdoc-*-py3-none-any.whl")
    venv.create(work / "venv", with_pip=True)
    pip = subprocess.run([work / "venv" / "bin" / "python", "-m", "pip", "install", "--quiet", wheel],
                         capture_output=True, text=True, timeout=600)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    return work / "venv" / "bin"


@pytest.mark.slow
def test_doctor_check_and_render_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    """One test, so that parallel workers never build the wheel twice at once (setuptools writes build/)."""
    where = run(installed / "python", "-c", "import procdoc; print(procdoc.__file__)", cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(installed.parent)
    assert run(installed / "procdoc", "--version", cwd=tmp_path).stdout.startswith("procdoc ")
    doctor = run(installed / "procdoc", "doctor", cwd=tmp_path)
    assert doctor.returncode == 0, doctor.stdout
    assert doctor.stdout.endswith("procdoc can check and render on this machine.\n")
    check = run(installed / "procdoc", "check", ROOT / "samples", "--no-cache", cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("All checks passed (")
    render = run(installed / "procdoc", "render", ROOT / "samples", "-o", tmp_path / "site", "--no-cache",
                 cwd=tmp_path)
    assert render.returncode == 0, render.stdout + render.stderr
    site = tmp_path / "site"
    assert (site / "index.html").is_file() and (site / "assets" / "procdoc.css").is_file()
    charts = list(site.glob("*.svg"))
    assert charts and all(chart.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg")) for chart in charts)


def test_the_readme_opens_with_setup_and_test_then_the_users_install() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    assert [line.split("#")[0].strip() for line in blocks[0].splitlines()] == ["make setup", "make test"]
    assert blocks[1].split("#")[0].strip() == 'pipx install "git+https://github.com/your-org/procdoc"'
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    setup = re.search(r"^setup:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert setup is not None and "samples" in setup.group(1)
    dist = re.search(r"^dist:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert dist is not None and "-m build --wheel --outdir dist" in dist.group(1)
