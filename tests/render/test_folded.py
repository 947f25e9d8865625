"""Folded YAML text (`>-`) reads as written in every output: Chinese lines joined without a
space, Latin words kept apart by one (issue 15)."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path

import pytest

from procdoc.export import bpmn, mermaid
from procdoc.loader import load_text
from procdoc.model import Process
from procdoc.render.site import RenderRequest, render_site
from tests.base_process import BASE

FOLDED = BASE.replace(
    "purpose: 及时受理客户投诉", "purpose: >-\n  质量投诉处理全过程，\n  统一得到\n  闭环处理"
).replace(
    "    name: 登记投诉\n",
    "    name: >-\n      登记投诉，\n      得到闭环处理\n    description: >-\n      Register the\n      complaint\n",
)
JOINED = ["质量投诉处理全过程，统一得到闭环处理", "登记投诉，得到闭环处理", "Register the complaint"]
STRAY = ["全过程， 统一", "得到 闭环", "投诉， 得到", "Registerthe", "thecomplaint"]


def _process() -> Process:
    loaded = load_text(FOLDED)
    assert loaded.process is not None, [d.message for d in loaded.diagnostics]
    return loaded.process


def test_the_model_reads_folded_chinese_without_stray_spaces() -> None:
    process = _process()
    assert process.purpose == JOINED[0]
    assert process.steps[1].name == JOINED[1] and process.steps[1].description == JOINED[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("folded")
    (folder / "t-01.yaml").write_text(FOLDED, encoding="utf-8")
    out = folder / "site"
    render_site(RenderRequest.build(paths=[str(folder)], out=out, formats="html,md,svg"))
    return out


def _text(raw: str) -> str:
    """What a reader sees of markup: tags out, entities decoded, line breaks as spaces."""
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", raw)))


@pytest.mark.parametrize("name", ["t-01.html", "md/t-01.md"])
def test_pages_join_folded_chinese(site: Path, name: str) -> None:
    text = (site / name).read_text(encoding="utf-8")
    seen = _text(text)
    for joined in JOINED:
        assert joined in seen or joined in text, joined
    assert not [stray for stray in STRAY if stray in seen]


def test_the_chart_joins_folded_chinese(site: Path) -> None:
    svg = (site / "t-01.svg").read_text(encoding="utf-8")
    names = "".join(re.findall(r">([^<>]*)</text>", svg))
    assert "登记投诉，得到闭环处理" in names.replace(" ", "") and "投诉， 得到" not in names


def test_bpmn_and_mermaid_join_folded_chinese() -> None:
    process = _process()
    for exported in (bpmn.export(process, [process.id]), mermaid.export(process)):
        seen = html_module.unescape(exported)
        assert "登记投诉，得到闭环处理" in seen.replace("\n", "") or "登记投诉，<br/>得到闭环处理" in seen
        assert not [stray for stray in STRAY if stray in seen]
