"""Publishing OUT: nothing escapes it, nothing of the user's in it is lost, one render at a time.

Each test reproduces a failure of issue 13 as the issue writes it, with real
`procdoc render` runs (in-process through the CLI, or as real processes
where two runs, a signal or dropped privileges are part of the story).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procdoc.cli import app
from procdoc.render.cache import digest
from procdoc.render.lock import lock_path
from procdoc.render.output import MANIFEST
from tests.render.conftest import SAMPLES
from tests.render.pages import broken_html_links, broken_markdown_links
from tests.render.test_site import site_pages, variant, write

RENDER = [sys.executable, "-m", "procdoc", "render"]
SAMPLE_COUNT = len(list(SAMPLES.glob("*.yaml")))


def cli_render(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["render", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def samples_site(tmp_path: Path) -> Path:
    out = tmp_path / "site"
    code, output = cli_render(SAMPLES, "-o", out)
    assert code == 0, output
    return out


def add_to_manifest(site: Path, stem: str, name: str, sha: str) -> None:
    manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    manifest["pages"][stem]["files"][name] = sha
    (site / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def complete(site: Path) -> bool:
    """Every file the manifest lists is there, and no link of the site is broken."""
    manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    listed = [name for page in manifest["pages"].values() for name in page["files"]]
    return all((site / name).is_file() for name in listed) and not broken_html_links(site) \
        and not broken_markdown_links(site / "md")


def leftovers(folder: Path) -> list[str]:
    """Staging folders and lock files beside a site."""
    return sorted(p.name for p in folder.iterdir() if ".procdoc-" in p.name)


# ── 1. a tampered render cache ──────────────────────────────────────────────


def test_a_manifest_name_with_dot_dot_through_a_symlink_writes_nothing_outside(tmp_path: Path) -> None:
    site = samples_site(tmp_path)
    (site / "a" / "b").mkdir(parents=True)
    (site / "d").symlink_to("a/b")
    (site / "victim.txt").write_text("planted", encoding="utf-8")
    (tmp_path / "victim.txt").write_text("the user's", encoding="utf-8")
    add_to_manifest(site, "cs-01", "d/../../victim.txt", digest(b"planted"))
    code, output = cli_render(SAMPLES, "-o", site)
    assert code == 0, output
    assert f"{SAMPLE_COUNT} drawn, 0 unchanged" in output  # a bad manifest means rendering everything
    assert (tmp_path / "victim.txt").read_text(encoding="utf-8") == "the user's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "victim.txt"]


def test_a_manifest_name_through_a_symlink_links_nothing_from_outside(tmp_path: Path) -> None:
    site = samples_site(tmp_path)
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "secret.txt").write_text("password", encoding="utf-8")
    (site / "evil").symlink_to(secrets)
    add_to_manifest(site, "cs-01", "evil/secret.txt", digest(b"password"))
    code, output = cli_render(SAMPLES, "-o", site)
    assert code == 0, output
    assert f"{SAMPLE_COUNT} drawn, 0 unchanged" in output
    assert (secrets / "secret.txt").stat().st_nlink == 1
    assert (site / "evil").is_symlink() and os.readlink(site / "evil") == str(secrets)  # the user's link, kept
    assert [p for p in site.rglob("*") if p.is_file() and not p.is_symlink() and p.read_bytes() == b"password"] == []


def test_an_absolute_manifest_name_is_no_traceback(tmp_path: Path) -> None:
    site = samples_site(tmp_path)
    add_to_manifest(site, "cs-01", str(site / "cs-01.html"), digest((site / "cs-01.html").read_bytes()))
    code, output = cli_render(SAMPLES, "-o", site)
    assert code == 0, output
    assert f"{SAMPLE_COUNT} drawn, 0 unchanged" in output


def test_a_symlinked_folder_in_the_old_site_is_never_read_through(tmp_path: Path) -> None:
    """`md` replaced by a link to a copy: its files match the manifest's hashes, yet are never taken."""
    site = samples_site(tmp_path)
    shutil.move(site / "md", tmp_path / "elsewhere")
    (site / "md").symlink_to(tmp_path / "elsewhere")
    before = sorted(p.name for p in (tmp_path / "elsewhere").iterdir())
    code, output = cli_render(SAMPLES, "-o", site)
    assert code == 2 and f"{site / 'md'} is not a file procdoc rendered" in output
    code, output = cli_render(SAMPLES, "-o", site, "--clean")
    assert code == 0, output
    assert f"removed {site / 'md'} (not written by procdoc render)" in output
    assert f"{SAMPLE_COUNT} drawn, 0 unchanged" in output
    assert not (site / "md").is_symlink() and complete(site)
    assert sorted(p.name for p in (tmp_path / "elsewhere").iterdir()) == before


# ── 3. the user's own files ─────────────────────────────────────────────────

USER_FILES = {"CNAME": "docs.example.com\n", "NOTES.txt": "remember\n", ".nojekyll": "",
              ".git/HEAD": "ref: refs/heads/gh-pages\n", ".git/objects/ab/cdef": "blob",
              "assets/logo.svg": "<svg/>", "md/README.md": "# notes\n", "extra/deep/page.html": "<p>mine</p>"}


def add_user_files(site: Path) -> None:
    for name, text in USER_FILES.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")


def user_files(site: Path) -> dict[str, str]:
    return {name: (site / name).read_text(encoding="utf-8") for name in USER_FILES if (site / name).is_file()}


def test_the_users_files_survive_a_render(tmp_path: Path) -> None:
    site = samples_site(tmp_path)
    add_user_files(site)
    (site / "latest").symlink_to("cs-01.html")
    code, output = cli_render(SAMPLES, "-o", site, "--no-cache")
    assert code == 0, output
    assert user_files(site) == USER_FILES
    assert os.readlink(site / "latest") == "cs-01.html"
    assert complete(site) and leftovers(tmp_path) == []


def test_clean_removes_what_procdoc_did_not_write_and_lists_it(tmp_path: Path) -> None:
    site = samples_site(tmp_path)
    add_user_files(site)
    pages = site_pages(site)
    code, output = cli_render(SAMPLES, "-o", site, "--clean")
    assert code == 0, output
    removed = [line for line in output.splitlines() if line.startswith("removed ")]
    assert removed == [f"removed {site}/{name} (not written by procdoc render)"
                       for name in (".git/", ".nojekyll", "CNAME", "NOTES.txt", "assets/logo.svg", "extra/",
                                    "md/README.md")]
    assert user_files(site) == {} and site_pages(site) == {n: d for n, d in pages.items() if n not in USER_FILES}


def test_a_users_file_where_a_new_page_goes_is_never_overwritten(tmp_path: Path) -> None:
    procs = write(tmp_path / "procs", {"a.yaml": variant("A-01")})
    site = tmp_path / "site"
    assert cli_render(procs, "-o", site)[0] == 0
    (site / "b-01.html").write_text("the user's page", encoding="utf-8")
    write(procs, {"b.yaml": variant("B-01")})
    code, output = cli_render(procs, "-o", site)
    assert code == 2 and "b-01.html is not a file procdoc rendered" in output and "--clean" in output
    assert (site / "b-01.html").read_text(encoding="utf-8") == "the user's page"
    assert not (site / "b-01.svg").exists() and leftovers(tmp_path) == []


def test_a_new_site_may_go_into_a_folder_holding_only_hidden_entries(tmp_path: Path) -> None:
    """A fresh gh-pages worktree: only `.git` (a file there) and `.nojekyll`."""
    procs = write(tmp_path / "procs", {"a.yaml": variant("A-01")})
    site = write(tmp_path / "site", {".git": "gitdir: ../.git/worktrees/site\n", ".nojekyll": ""})
    code, output = cli_render(procs, "-o", site)
    assert code == 0, output
    assert (site / ".git").read_text(encoding="utf-8") == "gitdir: ../.git/worktrees/site\n"
    assert (site / "a-01.html").is_file()


DROP_OVERRIDE = ["capsh", "--drop=cap_dac_override,cap_dac_read_search", "--"]


@pytest.mark.parametrize("who", ["root", "override-dropped"])
def test_an_unreadable_folder_of_the_users_is_kept_or_the_run_refuses(who: str, tmp_path: Path) -> None:
    """As root the folder is carried like any other; without root's override the run stops, losing nothing."""
    if who == "override-dropped" and (os.geteuid() != 0 or shutil.which("capsh") is None):
        pytest.skip("needs root and capsh (libcap2-bin)")
    procs = write(tmp_path / "procs", {"a.yaml": variant("A-01")})
    site = tmp_path / "site"
    assert cli_render(procs, "-o", site)[0] == 0
    write(site / "private", {"diary.txt": "mine"})
    (site / "private").chmod(0)
    command = [*RENDER, str(procs), "-o", str(site), "--no-cache"]
    if who == "override-dropped":
        command = [*DROP_OVERRIDE, "-c", " ".join(f"'{part}'" for part in command)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120)
    (site / "private").chmod(0o755)
    assert "Traceback" not in run.stderr
    if who == "root":
        assert run.returncode == 0, run.stderr
    else:
        assert run.returncode == 2 and f"permission denied: {site / 'private'}" in run.stderr
    assert (site / "private" / "diary.txt").read_text(encoding="utf-8") == "mine"
    assert complete(site) and leftovers(tmp_path) == []


# ── 2. concurrent renders of one folder ─────────────────────────────────────


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Enough processes that a render with one job runs for several seconds."""
    return write(tmp_path / "procs", {f"p{i:02}.yaml": variant(f"P-{i:02}", f"流程{i}") for i in range(24)})


def wait_for(condition: object, run: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 60
    while not condition():  # type: ignore[operator]
        assert run.poll() is None and time.monotonic() < deadline, f"the run ended before {what}"
        time.sleep(0.005)


def staging(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".site.procdoc-") and p.is_dir()]


def test_a_second_render_of_the_folder_exits_2_naming_the_first(corpus: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = subprocess.Popen([*RENDER, str(corpus), "-o", str(site), "--jobs", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: staging(tmp_path), first, "it started")  # type: ignore[arg-type]
    second = subprocess.run([*RENDER, str(corpus), "-o", str(site)], capture_output=True, text=True, timeout=120)
    assert first.poll() is None, "the first run ended too soon to be concurrent"
    assert second.returncode == 2
    assert f"error: another procdoc render is writing {site} (process {first.pid} on host " in second.stderr
    assert f"its lock is {tmp_path / '.site.procdoc-lock'}" in second.stderr
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert "rendered 24 process(es)" in out and complete(site) and leftovers(tmp_path) == []


def test_a_staging_folder_is_removed_only_when_its_lock_is_free(corpus: Path, tmp_path: Path) -> None:
    """A run in another PID namespace: its PID means nothing here, its lock does."""
    site = tmp_path / "site"
    theirs = write(tmp_path / ".site.procdoc-999999-0badc0de", {"p00.html": "being written"})
    with lock_path(site).open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        code, output = cli_render(corpus, "-o", site)
        assert code == 2 and "another procdoc render is writing" in output
        assert (theirs / "p00.html").read_text(encoding="utf-8") == "being written" and not site.exists()
    code, output = cli_render(corpus, "-o", site)
    assert code == 0, output
    assert not theirs.exists() and complete(site) and leftovers(tmp_path) == []


def test_two_first_renders_into_a_new_folder_never_crash(tmp_path: Path) -> None:
    procs = write(tmp_path / "procs", {f"p{i}.yaml": variant(f"P-{i}") for i in range(3)})
    for attempt in range(4):
        site = tmp_path / f"new-{attempt}" / "site"
        runs = [subprocess.Popen([*RENDER, str(procs), "-o", str(site)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
        errors = [run.communicate(timeout=300)[1] for run in runs]
        results = [(run.returncode, err) for run, err in zip(runs, errors, strict=True)]
        for code, err in results:
            assert "Traceback" not in err
            assert code == 0 or (code == 2 and "another procdoc render is writing" in err), err
        assert 0 in [code for code, _ in results]
        assert complete(site) and leftovers(site.parent) == []


# ── 10. Ctrl-C ──────────────────────────────────────────────────────────────


@pytest.fixture
def previous_site(corpus: Path, tmp_path: Path) -> Iterator[Path]:
    site = tmp_path / "site"
    assert cli_render(corpus, "-o", site, "--format", "html")[0] == 0
    yield site


def test_ctrl_c_exits_130_and_leaves_nothing_new(corpus: Path, previous_site: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir()), site_pages(previous_site)
    run = subprocess.Popen([*RENDER, str(corpus), "-o", str(previous_site), "--jobs", "3", "--no-cache"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def mid_run() -> bool:
        return any(any(folder.glob("*.html")) for folder in staging(tmp_path))

    wait_for(mid_run, run, "it wrote its first page")
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130 and "Traceback" not in err
    time.sleep(0.5)
    assert (sorted(p.name for p in tmp_path.iterdir()), site_pages(previous_site)) == before


def test_a_killed_runs_staging_folder_goes_whatever_the_site_is_called(tmp_path: Path) -> None:
    """Names with glob characters (`site[1]`) too: the next run that holds the lock removes the leftover."""
    procs = write(tmp_path / "procs", {"a.yaml": variant("A-01")})
    site = tmp_path / "site[1]"
    write(tmp_path / ".site[1].procdoc-0badc0de", {"a-01.html": "half"})
    code, output = cli_render(procs, "-o", site)
    assert code == 0, output
    assert leftovers(tmp_path) == [] and complete(site)
