"""The grammar of printed cells, one row per form the releases print."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.source.cells import parse_cell
from generator.source.model import CellKind


@pytest.mark.parametrize(
    ("text", "value", "fraction_digits", "percent"),
    [
        ("28,778", Decimal(28778), 0, False),
        ("(3,608)", Decimal(-3608), 0, False),
        ("0", Decimal(0), 0, False),
        ("36.0%", Decimal("36.0"), 1, True),
        ("(32.4%)", Decimal("-32.4"), 1, True),
        ("(68.61)", Decimal("-68.61"), 2, False),
        ("(2,209.2)", Decimal("-2209.2"), 1, False),
        ("44,960,000", Decimal(44960000), 0, False),
        ("3238", Decimal(3238), 0, False),  # 002:57, no thousands separator
        ("<b>(586,087)</b>", Decimal(-586087), 0, False),  # 002:701
    ],
)
def test_figures(text: str, value: Decimal, fraction_digits: int, percent: bool) -> None:
    cell = parse_cell(text)
    assert cell.kind is CellKind.NUMBER
    assert (cell.value, cell.fraction_digits, cell.percent) == (value, fraction_digits, percent)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", CellKind.BLANK),
        ("<u> </u>", CellKind.BLANK),  # 004:749
        ("· · · · · ·", CellKind.BLANK),  # 001:346, dot leaders
        ("-", CellKind.DASH),
        ("_", CellKind.DASH),  # 000:304
        ("n/a", CellKind.NA),
        ("N/A", CellKind.NA),
        ("05,240", CellKind.UNREADABLE),  # 003:381, leading zero in a grouped figure
        ("1.013.711", CellKind.UNREADABLE),  # 000:119, OCR dots for commas
        ("(3.2%) (2.8)", CellKind.UNREADABLE),  # 004:616, two cells merged
        ("((1,771,070)", CellKind.UNREADABLE),  # 000:209
        ("(1,058", CellKind.UNREADABLE),  # unbalanced parenthesis
        ("$\\frac{2.2}{(2.4)}$", CellKind.UNREADABLE),  # 004:619
    ],
)
def test_non_figures(text: str, kind: CellKind) -> None:
    assert parse_cell(text).kind is kind
