"""The one error a render run can end with: what went wrong and what to do."""

from __future__ import annotations


class RenderError(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
