"""What a user installs, per operating system, for procdoc to draw its charts.

procdoc itself is a Python package; rendering also needs Graphviz (`dot`
lays out and draws the charts) and the Noto CJK fonts (Graphviz measures
Chinese labels with them). Those come from the operating system's package
manager, so a message about a missing one names the command for this system.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class System:
    """An operating system family and the command that installs what rendering needs there."""

    key: str
    name: str
    command: str


SYSTEMS = (
    System("debian", "Debian/Ubuntu", "sudo apt-get install graphviz fonts-noto-cjk"),
    System("fedora", "Fedora", "sudo dnf install graphviz google-noto-sans-cjk-fonts"),
    System("macos", "macOS (Homebrew)", "brew install graphviz && brew install --cask font-noto-sans-cjk"),
    System("windows", "Windows", "winget install -e --id Graphviz.Graphviz (or: choco install graphviz); "
           "fonts: Noto Sans CJK SC from https://github.com/notofonts/noto-cjk/releases"),
)
_LINUX_FAMILIES = {"debian": "debian", "ubuntu": "debian", "fedora": "fedora", "rhel": "fedora", "centos": "fedora"}


def detect(platform: str = sys.platform, os_release: Path = Path("/etc/os-release")) -> System | None:
    """This machine's system family, or None when procdoc knows no install command for it."""
    if platform == "darwin":
        return _by_key("macos")
    if platform in ("win32", "cygwin"):
        return _by_key("windows")
    if platform.startswith("linux"):
        for word in _os_release_ids(os_release):
            if word in _LINUX_FAMILIES:
                return _by_key(_LINUX_FAMILIES[word])
    return None


def _os_release_ids(os_release: Path) -> list[str]:
    """ID then ID_LIKE words of /etc/os-release (a derivative names its parents in ID_LIKE)."""
    try:
        text = os_release.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    fields = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    return [word for key in ("ID", "ID_LIKE") for word in fields.get(key, "").strip("\"'").split()]


def _by_key(key: str) -> System:
    return next(system for system in SYSTEMS if system.key == key)


def install_line(system: System | None) -> str:
    """`install them: <command>` for this system, or every system's command when it is unknown."""
    if system is not None:
        return f"{system.name}: {system.command}"
    return "; ".join(f"{s.name}: {s.command}" for s in SYSTEMS)
