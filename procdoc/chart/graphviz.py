"""The one way procdoc runs Graphviz: an engine, an output format, DOT in, bytes out.

A missing Graphviz is the user's to fix (install it); a Graphviz that fails
on procdoc's own DOT is a procdoc bug. Both become a `UserError` that says
which. The runner adds up the wall time its runs take, for `--stats`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from functools import cache

import graphviz

from procdoc.errors import UserError

MISSING = "Graphviz is not installed: install the `graphviz` OS package (Debian/Ubuntu: apt-get install graphviz)"
MISSING_HINT = "other systems: https://graphviz.org/download/; `procdoc doctor` shows what is missing"


class Graphviz:
    """Runs Graphviz and adds up the wall time its subprocesses take.

    `neato` always runs with `-n2`: every chart procdoc hands it is pinned
    (positions fixed by the layout), so neato only draws.
    """

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, engine: str, fmt: str, source: str) -> bytes:
        started = time.perf_counter()
        try:
            no_op = 2 if engine == "neato" else None
            return graphviz.pipe(engine, fmt, source.encode("utf-8"), neato_no_op=no_op, quiet=True)
        except graphviz.ExecutableNotFound as err:
            raise UserError(MISSING, MISSING_HINT) from err
        except graphviz.CalledProcessError as err:
            detail = (err.stderr or b"").decode("utf-8", "replace").strip()
            raise UserError(f"Graphviz `{engine}` failed: {detail}", "please report this as a procdoc bug") from err
        finally:
            self.seconds += time.perf_counter() - started


@cache
def environment(fonts: str) -> str:
    """What else a chart depends on: Graphviz's version and the font files it measures and draws `fonts` with.

    A chart drawn by another Graphviz, or with another font, may differ, so
    cached charts are keyed by this. Asked once per run.
    """
    dot = shutil.which("dot")
    if dot is None:
        return "no graphviz"
    version = subprocess.run([dot, "-V"], capture_output=True, text=True, check=False).stderr.strip()
    return "\n".join([version, *(_font_file(family.strip()) for family in fonts.split(","))])


def _font_file(family: str) -> str:
    """The file fontconfig gives for `family`, with its size and modification time."""
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True, text=True, check=False)
        info = os.stat(found.stdout)
    except OSError:
        return f"{family}: unknown"
    return f"{family}: {found.stdout} {info.st_size} {info.st_mtime_ns}"
