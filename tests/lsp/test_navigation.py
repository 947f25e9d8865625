"""Which key a value under the cursor belongs to, in the shapes YAML allows."""

import pytest

from procdoc.lsp.navigation import reference_at

TEXT = """\
steps:
  - id: "1.1"
    lane: customer   # a comment: lane: other
    next: ["1.2", "1.3"]
    documents:
      - fb_form
      - report_tpl
    raci:
      r: [marketing]
      c:
      - vp_tech
    branches:
      - when: 是
        next: "2.1"
    name: 客户 lane
""".splitlines()


def at(line: int, word: str, offset: int = 1) -> tuple[str, str] | None:
    ref = reference_at(TEXT, line, TEXT[line].index(word) + offset)
    return (ref.kind, ref.word) if ref is not None else None


@pytest.mark.parametrize(("line", "word", "expected"), [
    (2, "customer", ("lane", "customer")),
    (3, '1.3"', ("step", "1.3")),
    (5, "fb_form", ("document", "fb_form")),
    (6, "report_tpl", ("document", "report_tpl")),
    (8, "marketing", ("lane", "marketing")),
    (10, "vp_tech", ("lane", "vp_tech")),
    (13, "2.1", ("step", "2.1")),
])
def test_a_reference_is_found_by_its_key(line: int, word: str, expected: tuple[str, str]) -> None:
    assert at(line, word) == expected


@pytest.mark.parametrize(("line", "word"), [(1, "1.1"), (2, "other"), (14, "lane"), (12, "是")])
def test_ids_comments_and_free_text_are_not_references(line: int, word: str) -> None:
    assert at(line, word) is None


def test_an_empty_value_being_typed_is_a_reference_with_no_word() -> None:
    ref = reference_at(["    lane: "], 0, 10)
    assert ref is not None and (ref.kind, ref.word, ref.start) == ("lane", "", 10)
