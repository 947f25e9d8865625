"""`procdoc serve` end to end: the real command line, a real browser, real file edits.

The server runs in a subprocess on a copy of the samples; the page is opened
in headless Chromium and never reloaded by the test: the page's own script
must bring in each change.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
#: a cold render of the samples on a busy 2-core machine takes seconds; 3× margin and more
START_SECONDS = 120
#: from a save to the page showing it: well under a second here; the bound keeps a wide margin
UPDATE_MS = 30_000
STEP_NAME = "name: 记录投诉信息\n"

pytestmark = pytest.mark.browser


@dataclass
class Served:
    url: str
    port: int
    folder: Path
    site: Path
    process: subprocess.Popen[str]
    output: list[str]


def start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "procdoc", "serve", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def read_until(process: subprocess.Popen[str], pattern: str, seconds: float) -> list[str]:
    """Lines of standard output up to the one matching `pattern`."""
    lines: list[str] = []
    deadline = time.monotonic() + seconds
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            pytest.fail(f"serve ended: {''.join(lines)}{process.stderr.read() if process.stderr else ''}")
        lines.append(line)
        if re.search(pattern, line):
            return lines
    pytest.fail(f"serve did not print {pattern!r} in {seconds} s: {''.join(lines)}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    folder = tmp_path / "samples"
    shutil.copytree(SAMPLES, folder)
    process = start([str(folder), "--port", "0"], tmp_path)
    try:
        lines = read_until(process, r"rendered into ", START_SECONDS)
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", "".join(lines))
        site = re.search(r"rendered into (\S+) ", "".join(lines))
        assert found and site, lines
        yield Served(found.group(0), int(found.group(1)), folder, Path(site.group(1)), process, lines)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)


def wait_for_text(page: Any, text: str) -> None:
    """Until the page holds `text` (in the panel too, folded or not)."""
    page.wait_for_function("text => document.body.textContent.includes(text)", arg=text, timeout=UPDATE_MS)


def test_edits_appear_in_the_open_page_and_errors_show_until_fixed(chromium: Any, served: Served) -> None:
    qm07 = served.folder / "qm-07.yaml"
    original = qm07.read_text(encoding="utf-8")
    page = chromium.new_page()
    try:
        page.goto(served.url + "qm-07.html")
        assert "记录投诉信息" in page.inner_text("body")
        assert "procdoc check: 0 findings in" in page.text_content("#procdoc-serve-panel")
        qm07.write_text(original.replace(STEP_NAME, "name: 登记客户投诉\n", 1), encoding="utf-8")
        wait_for_text(page, "登记客户投诉")

        qm07.write_text(original.replace(STEP_NAME, "name: [登记客户投诉\n", 1), encoding="utf-8")
        wait_for_text(page, "does not load")
        message = page.text_content("body")
        assert re.search(r"qm-07\.yaml:\d+:\d+: F001 YAML syntax error", message), message

        qm07.write_text(original, encoding="utf-8")
        wait_for_text(page, "客户质量投诉管理流程")
        page.wait_for_function("() => !document.body.textContent.includes('does not load')", timeout=UPDATE_MS)
        assert "记录投诉信息" in page.inner_text("body")
        assert "登记客户投诉" not in page.inner_text("body")
    finally:
        page.close()


def test_findings_of_the_page_are_in_its_panel(chromium: Any, served: Served) -> None:
    qm07 = served.folder / "qm-07.yaml"
    qm07.write_text(qm07.read_text(encoding="utf-8").replace("    lane: marketing\n", "    lane: 营销部\n", 1),
                    encoding="utf-8")
    page = chromium.new_page()
    try:
        page.goto(served.url + "qm-07.html")
        wait_for_text(page, "S005")
        assert re.search(r"qm-07\.yaml:\d+:\d+: S005 error: step \S+ .* is in lane '营销部'",
                         page.text_content("#procdoc-serve-panel"))
    finally:
        page.close()


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on `port`, from the kernel's table."""
    addresses = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if int(hex_port, 16) == port and state == "0A":  # 0A: LISTEN
                addresses.add(address)
    return addresses


def test_listens_on_loopback_only_and_ctrl_c_cleans_up(served: Served) -> None:
    assert listening_addresses(served.port) == {"0100007F"}  # 127.0.0.1, nothing else
    assert served.site.is_dir()
    published = (served.site / "qm-07.html").read_text(encoding="utf-8")
    assert "__procdoc" not in published, "only served pages get the script"
    served.process.send_signal(signal.SIGINT)
    served.process.communicate(timeout=30)
    assert served.process.returncode == 130
    assert not served.site.parent.exists()


def test_a_port_in_use_is_exit_2_with_a_message(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = start([str(SAMPLES), "--port", str(port)], tmp_path)
        _, errors = process.communicate(timeout=60)
    assert process.returncode == 2
    assert f"port {port} on 127.0.0.1 is already in use" in errors


def test_another_host_is_warned_about(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = start([str(SAMPLES), "--host", "0.0.0.0", "--port", str(port)], tmp_path)
        output, _ = process.communicate(timeout=60)
    assert "warning: listening on 0.0.0.0: anyone who can reach this machine can read the preview" in output
    assert process.returncode == 2
