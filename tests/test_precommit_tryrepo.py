"""The pre-commit hook as a user gets it: pre-commit installs procdoc from this repository and runs the hook.

The repository is published to a scratch folder first (its tracked and new
files, committed), so what is tested is what a commit of the working tree
would give. pre-commit builds the hook's virtualenv with pip, from the
package index pip is configured with. `pre-commit run` keeps it in
PRE_COMMIT_HOME (once per session); `try-repo` builds it afresh in a
temporary store on every call, which is why this module is slow (~25 s a call).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.base_process import BASE

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
NO_LANE = BASE.replace("    type: start\n    lane: customer\n", "    type: start\n")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=_git_env()).stdout


def _git_env() -> dict[str, str]:
    return {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_GLOBAL": os.devnull}


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository's working tree as one commit in a scratch repository (what `rev:` would point at)."""
    target = tmp_path_factory.mktemp("procdoc-published")
    listed = git(ROOT, "ls-files", "-co", "--exclude-standard", "-z").split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "procdoc")
    return target


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def process_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "processes"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    return repo


def pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**_git_env(), "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([*PRE_COMMIT, *args], cwd=repo, capture_output=True, text=True, timeout=600, env=env)


def try_repo(repo: Path, published: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return pre_commit(repo, home, "try-repo", str(published), "procdoc-check", *args)


def stage(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")


def test_try_repo_passes_fails_and_reruns_on_a_settings_change(
    process_repo: Path, published: Path, pre_commit_home: Path
) -> None:
    stage(process_repo, {"p.yaml": BASE, "procdoc.toml": "[check]\n"})
    clean = try_repo(process_repo, published, pre_commit_home, "--all-files")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert re.search(r"^procdoc check\.+Passed$", clean.stdout, re.M), clean.stdout

    stage(process_repo, {"p.yaml": NO_LANE})
    broken = try_repo(process_repo, published, pre_commit_home)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert re.search(r"^procdoc check\.+Failed$", broken.stdout, re.M)
    assert "p.yaml:33:9: P002 [error] step 1 '客户投诉' has no lane" in broken.stdout
    git(process_repo, "-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", "broken, committed without the hook")

    stage(process_repo, {"procdoc.toml": '[check]\nignore = ["P002"]\n'})
    settings_only = try_repo(process_repo, published, pre_commit_home)
    assert git(process_repo, "diff", "--cached", "--name-only").split() == ["procdoc.toml"]
    assert settings_only.returncode == 0, settings_only.stdout + settings_only.stderr
    assert re.search(r"^procdoc check\.+Passed$", settings_only.stdout, re.M), settings_only.stdout


def test_the_documented_recipe_runs_after_autoupdate(process_repo: Path, published: Path,
                                                    pre_commit_home: Path) -> None:
    """docs/integrations.md's recipe, pointed at the published repository: `autoupdate` writes its commit SHA."""
    recipe = documented_recipe()
    recipe["repos"][0]["repo"] = str(published)
    (process_repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(recipe), encoding="utf-8")
    stage(process_repo, {"p.yaml": BASE})
    updated = pre_commit(process_repo, pre_commit_home, "autoupdate")
    assert updated.returncode == 0, updated.stdout + updated.stderr
    rev = yaml.safe_load((process_repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["rev"]
    assert rev == git(published, "rev-parse", "HEAD").strip()
    ran = pre_commit(process_repo, pre_commit_home, "run", "--all-files")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert re.search(r"^procdoc check\.+Passed$", ran.stdout, re.M)
    git(process_repo, "add", "-A")  # the configuration autoupdate rewrote
    git(process_repo, "-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", "processes")
    stage(process_repo, {"README.md": "# processes\n"})
    other = pre_commit(process_repo, pre_commit_home, "run")
    assert other.returncode == 0
    assert re.search(r"^procdoc check\.+\(no files to check\)Skipped$", other.stdout, re.M), other.stdout


def documented_recipe() -> dict[str, list[dict[str, object]]]:
    """The one `.pre-commit-config.yaml` in the docs (docs/integrations.md; docs/check.md links to it)."""
    blocks = re.findall(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", read_docs(), re.S)
    assert len(blocks) == 1, "exactly one pre-commit recipe in the docs"
    recipe = yaml.safe_load(blocks[0])
    (entry,) = recipe["repos"]
    assert re.fullmatch(r"[0-9a-f]{40}|v\d+\.\d+\.\d+", entry["rev"]), "rev: a commit SHA until a release tag exists"
    assert entry["hooks"] == [{"id": "procdoc-check"}]
    return dict(recipe)


def read_docs() -> str:
    return "".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").glob("*.md")))
