"""`[render] theme`: a light site (the default) as before, a dark one, or the reader's own setting."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from procdoc.config import load_settings
from procdoc.errors import UserError
from procdoc.render.site import RenderRequest, render_site

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "qa-01.yaml"


def site(tmp_path: Path, theme: str | None) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copy(SAMPLE, repo / "qa-01.yaml")
    (repo / "procdoc.toml").write_text(f'[render]\ntheme = "{theme}"\n' if theme else "", encoding="utf-8")
    render_site(RenderRequest.build(paths=[str(repo)], out=tmp_path / "site", formats="html", jobs=1))
    return tmp_path / "site"


def test_a_light_site_has_no_dark_stylesheet(tmp_path: Path) -> None:
    out = site(tmp_path, None)
    assert not (out / "assets" / "dark.css").exists()
    assert "dark.css" not in (out / "qa-01.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("theme", "link"), [
    ("dark", '<link rel="stylesheet" href="assets/dark.css">'),
    ("auto", '<link rel="stylesheet" href="assets/dark.css" media="(prefers-color-scheme: dark)">'),
])
def test_dark_and_auto_link_the_dark_stylesheet(tmp_path: Path, theme: str, link: str) -> None:
    out = site(tmp_path, theme)
    assert (out / "assets" / "dark.css").is_file()
    for page in ("index.html", "qa-01.html"):
        assert link in (out / page).read_text(encoding="utf-8")


def test_a_misspelt_theme_key_says_did_you_mean(tmp_path: Path) -> None:
    (tmp_path / "procdoc.toml").write_text('[render]\nthemme = "dark"\n', encoding="utf-8")
    with pytest.raises(UserError, match=r"unknown setting `render\.themme`; did you mean `render\.theme`\?"):
        load_settings(None, str(tmp_path))


def test_an_unknown_theme_is_refused(tmp_path: Path) -> None:
    (tmp_path / "procdoc.toml").write_text('[render]\ntheme = "sepia"\n', encoding="utf-8")
    with pytest.raises(UserError, match=r"`render\.theme` is 'sepia'; use one of: light, dark, auto"):
        load_settings(None, str(tmp_path))


@pytest.mark.browser
def test_auto_follows_the_readers_setting(tmp_path: Path, chromium: Any) -> None:
    out = site(tmp_path, "auto")
    backgrounds = {}
    for scheme in ("light", "dark"):
        page = chromium.new_page()
        page.emulate_media(color_scheme=scheme)
        page.goto((out / "qa-01.html").as_uri())
        backgrounds[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
        page.close()
    assert backgrounds == {"light": "rgb(255, 255, 255)", "dark": "rgb(13, 17, 23)"}
