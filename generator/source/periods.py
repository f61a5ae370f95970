"""Periods as headings print them: ``Sept 30, 2001``, ``2002年3月期``."""

from __future__ import annotations

import calendar
import re
from datetime import date

_MONTHS = {name.lower()[:3]: number for number, name in enumerate(calendar.month_name) if name}
# English dates; OCR and house style give "Sept", "Dec.", even "Marach".
_EN_DATE = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})\s*,\s*(\d{4})\b")
_JA_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月期")


def english_dates(text: str) -> list[date]:
    """Every ``Month day, year`` in the text, in order (unknown months are skipped)."""
    found = []
    for name, day, year in _EN_DATE.findall(text):
        month = _MONTHS.get(name.lower()[:3])
        if month is None:
            continue
        try:
            found.append(date(int(year), month, int(day)))
        except ValueError:
            continue
    return found


def japanese_dates(text: str) -> list[date]:
    """Every ``YYYY年M月期`` (a period ending that month) as the month's last day."""
    found = []
    for year, month in _JA_DATE.findall(text):
        y, m = int(year), int(month)
        if 1 <= m <= 12:
            found.append(date(y, m, calendar.monthrange(y, m)[1]))
    return found


def is_month_end(day: date) -> bool:
    """Whether a date is the last day of its month (every period end here is)."""
    return day.day == calendar.monthrange(day.year, day.month)[1]


def parse_english_date(text: str) -> date | None:
    """The single date in ``text``, if there is one."""
    dates = english_dates(text)
    return dates[0] if len(dates) == 1 else None


_RESTATED = re.compile(
    r"(1st|2nd|3rd|4th|first|second|third|fourth)\s+quarter\s+of\s+FY\s*(\d{4})\s+presented\s+has\s+been\s+(?:reclassified|restated)",
    re.IGNORECASE,
)
_ORDINALS = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4}


def fiscal_quarter_end(quarter: int, fiscal_year: int) -> date:
    """The last day of IIJ's fiscal quarter (FY2001 runs April 2001 to March 2002)."""
    month = 3 + 3 * quarter
    year = fiscal_year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def restated_period_end(note: str) -> date | None:
    """The period end a note says was reclassified or restated, if it names one."""
    match = _RESTATED.search(note)
    if not match:
        return None
    return fiscal_quarter_end(_ORDINALS[match.group(1).lower()], int(match.group(2)))


_FISCAL = re.compile(r"^(?:(?P<quarter>[1-4])Q |(?P<half>[12])H )?FY(?P<year>\d{4})$")


def fiscal_period(text: str) -> tuple[date, int] | None:
    """End and months of ``3Q FY2001``, ``1H FY2002`` or ``FY2002`` (IIJ's fiscal calendar)."""
    match = _FISCAL.match(text.strip())
    if not match:
        return None
    year = int(match["year"])
    if match["quarter"]:
        return fiscal_quarter_end(int(match["quarter"]), year), 3
    if match["half"]:
        return fiscal_quarter_end(2 * int(match["half"]), year), 6
    return fiscal_quarter_end(4, year), 12


def fiscal_year(end: date) -> int:
    """IIJ's fiscal year of a period ending ``end``: FY2001 runs April 2001 to March 2002."""
    return end.year if end.month >= 4 else end.year - 1


def fiscal_quarter(end: date) -> int:
    """IIJ's fiscal quarter ending in ``end``'s month (June ends Q1, March Q4)."""
    return (end.month - 4) % 12 // 3 + 1
