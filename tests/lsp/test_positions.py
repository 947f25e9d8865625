"""procdoc's columns (a column per character) ↔ the protocol's offsets (UTF-16 units unless agreed otherwise)."""

from procdoc.lsp.positions import Lines

LINE = "  name: 客户😀投诉 nosuchlane"  # 😀 is outside the BMP: two UTF-16 units, four UTF-8 bytes


def test_chinese_counts_one_unit_and_an_emoji_two_in_utf16() -> None:
    lines = Lines.of([LINE + "\n"])
    column = LINE.index("nosuchlane") + 1
    assert lines.to_lsp(1, column) == (0, column - 1 + 1)
    assert lines.from_lsp(0, column) == (1, column)


def test_utf8_counts_bytes_and_utf32_characters() -> None:
    column = LINE.index("nosuchlane") + 1
    before = LINE[: column - 1]
    utf8 = Lines.of([LINE], "utf-8")
    assert utf8.to_lsp(1, column) == (0, len(before.encode("utf-8")))
    assert utf8.from_lsp(0, len(before.encode("utf-8"))) == (1, column)
    assert Lines.of([LINE], "utf-32").to_lsp(1, column) == (0, column - 1)


def test_an_offset_inside_a_surrogate_pair_or_past_the_end_stays_on_the_line() -> None:
    lines = Lines.of([LINE])
    inside = LINE.index("😀") + 1  # between the two halves
    assert lines.index(0, inside) == LINE.index("😀") + 1
    assert lines.from_lsp(0, 999) == (1, len(LINE) + 1)
    assert lines.to_lsp(0, 0) == (0, 0)  # a finding about the whole file
    assert lines.to_lsp(5, 3) == (4, 0)  # a line beyond the end
