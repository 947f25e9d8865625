"""Shell completion for bash, zsh and fish, by typer's completion machinery.

The shell script calls `procdoc` again with `_PROCDOC_COMPLETE` set; typer
then prints the candidates instead of running a command. typer's completion
classes are registered only in that case and for `procdoc completion`, so
other runs do not pay for them.
"""

from __future__ import annotations

from procdoc.errors import UserError

PROG_NAME = "procdoc"
COMPLETE_VAR = "_PROCDOC_COMPLETE"
SHELLS = ("bash", "zsh", "fish")


def prepare() -> None:
    """Register typer's completion classes with click (for the shell's completion requests)."""
    from typer.completion import completion_init

    completion_init()


def script(shell: str) -> str:
    """The completion script the shell sources."""
    if shell not in SHELLS:
        raise UserError(f"no completion for the shell {shell!r}", f"use one of: {', '.join(SHELLS)}")
    from typer.completion import get_completion_script

    prepare()
    return get_completion_script(prog_name=PROG_NAME, complete_var=COMPLETE_VAR, shell=shell).rstrip("\n") + "\n"
