"""The one error a command ends with when the user can fix the cause, and the exit codes.

Bad settings, a bad option, an output folder that may not be replaced, a
missing Graphviz: each is a `UserError` with a message (what is wrong) and a
hint (what to do). The command line catches it in one place and exits 2;
nothing below the command line prints or exits.
"""

from __future__ import annotations

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130


class UserError(Exception):
    """Something the user can fix: `message` says what is wrong, `hint` how to fix it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
