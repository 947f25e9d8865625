"""What a cached result was made with: procdoc's own code on the path that made it.

A cache entry is valid only while the code that made it is unchanged.
Hashing all of procdoc would throw the render cache away whenever a rule
changes; hashing a hand-kept list of modules forgets the next module added.
So the modules are found the way Python finds them: from an entry module,
every `procdoc` module it imports (statically, at any depth, including
imports inside functions), with the package data they read (templates,
stylesheets, scripts) for packages that have some.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from procdoc import __version__

ROOT = Path(__file__).resolve().parent
DATA_SUFFIXES = (".j2", ".css", ".js", ".json", ".yaml")


@cache
def code_fingerprint(*entries: str) -> str:
    """Hash of procdoc's version and the source of every module reachable from `entries`."""
    hasher = hashlib.sha256(__version__.encode())
    for path in sorted(modules_reached(entries)):
        hasher.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


def modules_reached(entries: Iterable[str]) -> set[Path]:
    """Source files of the procdoc modules `entries` import, transitively, and their packages' data files."""
    seen: set[Path] = set()
    todo = [path for name in entries if (path := module_file(name)) is not None]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo += [found for name in imported(path) if (found := module_file(name)) is not None and found not in seen]
    data = {item for path in seen if path.name == "__init__.py" for item in _data_files(path.parent)}
    return seen | data


def module_file(name: str) -> Path | None:
    """The source file of procdoc module `name` (a package's __init__.py), or None outside procdoc."""
    parts = name.split(".")
    if parts[0] != "procdoc":
        return None
    base = ROOT.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


#: an import statement at any indentation; `names` runs to the closing parenthesis or the line's end
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(?P<base>\.*[\w.]*)[ \t]+import[ \t]+(?P<names>\([^)]*\)|(?:[^\n]*\\\n)*[^\n]*)"
    r"|import[ \t]+(?P<modules>(?:[^\n]*\\\n)*[^\n]*))",
    re.MULTILINE,
)


def imported(path: Path) -> Iterator[str]:
    """Names of the modules a source file imports, anywhere in it; `from a import b` also names `a.b`.

    Read with a pattern rather than `ast`: parsing every module on the path
    cost more than the rest of a warm `procdoc check`. A line of a string that
    looks like an import only adds a module to the hash, which is harmless.
    """
    package = _package_of(path)
    for match in _IMPORT.finditer(path.read_text(encoding="utf-8")):
        if match["modules"] is not None:
            yield from _names(match["modules"])
            continue
        base = _absolute(match["base"], package)
        yield base
        yield from (f"{base}.{name}" for name in _names(match["names"]))


def _names(listed: str) -> Iterator[str]:
    """The dotted names of an import list (`a as b, c` → a, c), comments and line breaks removed."""
    for part in re.sub(r"#[^\n]*|[()\\]", " ", listed).split(","):
        words = part.split()
        if words:
            yield words[0]


def _package_of(path: Path) -> str:
    """The package a module's relative imports start from (for __init__.py, its own package)."""
    return ".".join(path.relative_to(ROOT.parent).parts[:-1])


def _absolute(module: str, package: str) -> str:
    level = len(module) - len(module.lstrip("."))
    if not level:
        return module
    base = package.split(".")[: len(package.split(".")) - level + 1]
    return ".".join([*base, *([module[level:]] if module[level:] else [])])


def _data_files(folder: Path) -> Iterator[Path]:
    """A package's data: its templates and assets, down to (not into) its subpackages."""
    for item in sorted(folder.iterdir()):
        if item.is_dir() and not (item / "__init__.py").is_file() and item.name != "__pycache__":
            yield from _data_files(item)
        elif item.suffix in DATA_SUFFIXES:
            yield item
