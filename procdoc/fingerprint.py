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

import ast
import hashlib
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


def imported(path: Path) -> Iterator[str]:
    """Names of the modules a source file imports, anywhere in it; `from a import b` also names `a.b`."""
    package = _package_of(path)
    for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, package)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def _package_of(path: Path) -> str:
    """The package a module's relative imports start from (for __init__.py, its own package)."""
    return ".".join(path.relative_to(ROOT.parent).parts[:-1])


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    base = package.split(".")[: len(package.split(".")) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def _data_files(folder: Path) -> Iterator[Path]:
    """A package's data: its templates and assets, down to (not into) its subpackages."""
    for item in sorted(folder.iterdir()):
        if item.is_dir() and not (item / "__init__.py").is_file() and item.name != "__pycache__":
            yield from _data_files(item)
        elif item.suffix in DATA_SUFFIXES:
            yield item
