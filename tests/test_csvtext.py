"""CSV text is exactly what Python's csv.writer writes, hostile fields included."""

from __future__ import annotations

import csv
import io
import random

import pytest

from generator.csvtext import csv_field, csv_lines, csv_text

ROWS = [
    ["001.txt", "255", "1", "9,528,307"],  # a figure with thousands separators
    ["a", "", "b"],
    ["", ""],
    [""],  # a lone empty field: csv writes "" (an empty line would be no row)
    ["x"],
    ['He said "no"', "b"],
    ['"', ",", '""', ",,"],
    ["line\nbreak", "carriage\rreturn", "both\r\n"],
    ["a, b", 'c "d", e'],
    [" leading", "trailing ", "\ttab"],
    ["#1 provider", "日本語, テキスト", "—"],
]


@pytest.mark.parametrize("lineterminator", ["\n", "\r\n"])
@pytest.mark.parametrize("row", ROWS)
def test_row_as_csv_writes_it(row: list[str], lineterminator: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=lineterminator).writerow(row)
    assert csv_text([row], lineterminator) == buffer.getvalue()


def test_rows_in_order() -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(ROWS)
    assert csv_text(ROWS, "\r\n") == buffer.getvalue()
    assert csv_text([], "\n") == ""


def test_other_line_terminators_refused() -> None:
    with pytest.raises(ValueError, match="line terminator"):
        csv_text([["a;b"]], ";")


@pytest.mark.parametrize("lineterminator", ["\n", "\r\n"])
def test_random_rows_as_csv_writes_them(lineterminator: str) -> None:
    pieces = ["a", ",", '"', "\n", "\r", " ", "#", "é", "9,528"]
    draw = random.Random(2001)
    rows = [
        ["".join(draw.choices(pieces, k=draw.randint(0, 4))) for _ in range(draw.randint(1, 5))] for _ in range(2000)
    ]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=lineterminator).writerows(rows)
    assert csv_text(rows, lineterminator) == buffer.getvalue()


@pytest.mark.parametrize("lineterminator", ["\n", "\r\n"])
@pytest.mark.parametrize("field", sorted({field for row in ROWS for field in row}))
def test_field_as_csv_writes_it_in_a_row(field: str, lineterminator: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=lineterminator).writerow([field, "next"])
    assert csv_field(field, lineterminator) + ",next" + lineterminator == buffer.getvalue()


def test_lines_are_the_rows_without_their_ends() -> None:
    for row in ROWS:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerow(row)
        assert csv_lines([row], "\r\n") == [buffer.getvalue().removesuffix("\r\n")]
