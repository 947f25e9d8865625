"""The samples rendered once per test session: the site tests and the browser test share it."""

from __future__ import annotations

from pathlib import Path

import pytest

from procdoc.render.site import RenderRequest, RenderSummary, render_site

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="session")
def samples_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RenderSummary]:
    out = tmp_path_factory.mktemp("samples") / "site"
    request = RenderRequest.build(paths=[str(SAMPLES)], out=out, formats="html,md,svg,png", jobs=4)
    return out, render_site(request)
