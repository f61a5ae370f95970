"""Periods as headings and notes print them."""

from __future__ import annotations

from datetime import date

import pytest

from generator.source.model import Period
from generator.source.periods import english_dates, fiscal_quarter_end, japanese_dates, restated_period_end


def test_english_dates_in_order_including_house_abbreviations_and_typos() -> None:
    # 001:234 and 004:792 ("Marach").
    assert english_dates("For the Three Months Ended Sept 30, 2001, Sept 30, 2000 and Jun 30, 2001") == [
        date(2001, 9, 30),
        date(2000, 9, 30),
        date(2001, 6, 30),
    ]
    assert english_dates("For the Year Ended Marach 31, 2004, March 31, 2003") == [date(2004, 3, 31), date(2003, 3, 31)]


def test_japanese_period_months_end_on_the_last_day() -> None:
    # 000:106
    assert japanese_dates("2002年3月期、2001年3月期、2001年12月期") == [
        date(2002, 3, 31),
        date(2001, 3, 31),
        date(2001, 12, 31),
    ]


@pytest.mark.parametrize(
    ("period", "start"),
    [
        (Period(date(2001, 9, 30), 3), date(2001, 7, 1)),
        (Period(date(2002, 12, 31), 9), date(2002, 4, 1)),
        (Period(date(2002, 3, 31), 12), date(2001, 4, 1)),
        (Period(date(2004, 3, 31), 3), date(2004, 1, 1)),
    ],
)
def test_period_start(period: Period, start: date) -> None:
    assert period.start == start


@pytest.mark.parametrize(
    ("quarter", "year", "end"),
    [
        (1, 2002, date(2002, 6, 30)),
        (2, 2001, date(2001, 9, 30)),
        (3, 2001, date(2001, 12, 31)),
        (4, 2003, date(2004, 3, 31)),
    ],
)
def test_fiscal_quarters_run_from_april(quarter: int, year: int, end: date) -> None:
    assert fiscal_quarter_end(quarter, year) == end


def test_restated_period_is_read_from_the_note() -> None:
    # 002:610
    note = "The 3rd quarter of FY2001 presented has been reclassified to conform to the current presentation"
    assert restated_period_end(note) == date(2001, 12, 31)
    assert restated_period_end("At the end of May, 2002, IJ deposited ¥5 billion") is None
