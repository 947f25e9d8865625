"""Display width: the memoised lookups agree with Unicode's tables for every character."""

import unicodedata

import pytest

from procdoc.textwidth import columns, is_wide


def unicode_columns(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def test_every_basic_plane_character_has_its_unicode_width() -> None:
    chars = [chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF]
    assert [columns(c) for c in chars] == [unicode_columns(c) for c in chars]
    assert [is_wide(c) for c in chars] == [unicodedata.east_asian_width(c) in ("W", "F") for c in chars]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("Review the complaint", 20),
        ("登记投诉", 8),
        ("质量部 QA check", 15),
        ("确认，完成。", 12),  # full-width punctuation is wide
        ("ＡＢ", 4),  # full-width Latin
        ("cafe\u0301", 4),  # a combining accent takes no column
        ("\U0001f600", 2),  # emoji outside the basic plane
    ],
)
def test_columns_of_mixed_text(text: str, expected: int) -> None:
    assert columns(text) == expected
