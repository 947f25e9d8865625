"""Inline suppressions beyond where their findings are: M001's severity, hint and settings.

Where suppressions silence findings and where M001 reports a comment that
silences nothing are the marker cases of tests/rules/test_meta.py. Here a
comment on the name line of step 2 of BASE suppresses S005, which has
nothing to silence there.
"""

from __future__ import annotations

from procdoc.config import CheckConfig
from tests.base_process import BASE
from tests.ruletester import lint

NAME_LINE = "    name: 登记投诉\n"
UNUSED = BASE.replace(NAME_LINE, NAME_LINE.rstrip("\n") + "  # procdoc: ignore[S005]\n", 1)
assert UNUSED != BASE


def codes(text: str, select: tuple[str, ...], **kwargs: object) -> list[str]:
    return [d.code for d in lint(text, select, **kwargs)]  # type: ignore[arg-type]


def test_unused_suppression_is_a_warning_that_says_what_to_remove() -> None:
    (unused,) = lint(UNUSED, ("S005", "M001"))
    assert (unused.code, unused.severity.label) == ("M001", "warning")
    assert unused.hint == "remove S005 from the comment"


def test_of_several_codes_the_hint_names_the_one_that_silences_nothing() -> None:
    sales = BASE.replace("    lane: service\n", "    lane: sales  # procdoc: ignore[P002, S005]\n", 1)
    (unused,) = lint(sales, ("S005", "P002", "M001"))
    assert unused.hint == "remove P002 from the comment"


def test_unused_suppression_is_not_reported_when_m001_is_ignored() -> None:
    assert codes(UNUSED, ("ALL",), config=CheckConfig(ignore=("M001",))) == []
    assert codes(UNUSED, ("S005",)) == []


def test_unused_suppression_can_be_made_an_error() -> None:
    (unused,) = lint(UNUSED, ("S005", "M001"), config=CheckConfig(severity={"M001": "error"}))
    assert unused.severity.label == "error"
