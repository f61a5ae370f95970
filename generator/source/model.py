"""What a release holds, as read: tables of printed cells, notes, the rate.

Nothing here knows the taxonomy; rows carry the label as printed.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from generator.findings import Finding


class Language(StrEnum):
    """The language a table or note is printed in."""

    EN = "en"
    JA = "ja"


class StatementKind(StrEnum):
    """The three statements a release prints, and its other tables."""

    INCOME = "IncomeStatement"
    BALANCE = "BalanceSheet"
    CASH_FLOW = "CashFlowStatement"
    OPERATING = "Operating"  # "Table N." statistics, guidance, cross-selling


class ColumnRole(StrEnum):
    """What a value column holds."""

    USD = "USD"
    JPY = "JPY"
    PERCENT = "%"
    SPACER = ""  # an empty header cell some layouts leave between column groups
    QUARTER = "quarter"  # an operating table's quarter column ("2Q01"): units follow the concept
    FORECAST = "forecast"  # a guidance table's forecast period
    CATEGORY = "category"  # a matrix table's column ("SI" in the cross-selling rates)


class CellKind(StrEnum):
    """How a cell reads."""

    NUMBER = "number"
    BLANK = "blank"
    DASH = "dash"  # printed "-": nothing to report
    NA = "n/a"
    RANGE = "range"  # "10,000 to 10,500": value is the low end, high the high end
    UNREADABLE = "unreadable"


def add_months(day: date, months: int) -> date:
    """The same day-of-month ``months`` later (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


class Period(NamedTuple):
    """A reporting period: ``months`` up to ``end`` (0 months: the instant ``end``).

    A named tuple: figures are grouped and paired by period, and a tuple hashes in C.
    """

    end: date
    months: int = 0

    @property
    def is_instant(self) -> bool:
        """Whether this is a point in time (a balance sheet date)."""
        return self.months == 0

    @property
    def start(self) -> date:
        """First day of a duration (the day after the previous period's end)."""
        return add_months(self.end + timedelta(days=1), -self.months)

    def describe(self) -> str:
        """``3M to 2001-09-30`` or ``at 2001-09-30``."""
        return f"at {self.end}" if self.is_instant else f"{self.months}M to {self.end}"


class Cell(NamedTuple):
    """One printed cell; ``col`` is its position on the line (0 is the label).

    A named tuple, not a frozen dataclass: a release prints some 650 cells, and a tuple
    is built in C where a frozen dataclass sets each of its seven fields through ``object.__setattr__``.
    """

    text: str
    kind: CellKind
    value: Decimal | None = None
    fraction_digits: int = 0
    percent: bool = False
    high: Decimal | None = None
    col: int = 0


BLANK = Cell("", CellKind.BLANK)


# Module names for enum members tested in loops: with a metaclass defining __getattr__ (3.11's EnumType),
# every ``CellKind.BLANK`` is a slow attribute look-up.
_BLANK_KIND = CellKind.BLANK
_PERIOD_ROLES = (ColumnRole.JPY, ColumnRole.QUARTER, ColumnRole.FORECAST)


@dataclass(frozen=True, slots=True)
class Column:
    """A value column: its role, and for USD/JPY columns its period."""

    role: ColumnRole
    header: str
    period: Period | None = None
    markers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Excluded:
    """Printed figures a table deliberately does not turn into facts, and why."""

    line: int
    col: int
    text: str
    reason: str


class Row(NamedTuple):
    """A table row: label as printed (markers removed) and one cell per column (a named tuple, as :class:`Cell`)."""

    line: int
    label: str
    cells: tuple[Cell, ...]
    markers: tuple[str, ...] = ()
    erratum: str | None = None
    misfit: bool = False  # the line does not fit the columns (reported); no concept is sought

    @property
    def has_figures(self) -> bool:
        """Whether any cell prints something (a figure, a dash, n/a, garbage)."""
        return any(cell.kind is not _BLANK_KIND for cell in self.cells)


class Note(NamedTuple):
    """A numbered note printed under a table (a named tuple: footnotes key their links on notes, and it hashes in C)."""

    number: str
    text: str
    line: int
    language: Language


@dataclass(frozen=True, slots=True)
class Rate:
    """The convenience-translation rate of a note: ``value`` yen per dollar."""

    value: Decimal
    fraction_digits: int
    day: date
    line: int


@dataclass(frozen=True)
class Table:
    """A statement table as printed."""

    file: str
    kind: StatementKind
    months: int
    language: Language
    title_line: int
    first_line: int
    last_line: int
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    scale: int | None
    per_unit_exempt: bool
    notes: tuple[Note, ...] = ()
    problems: tuple[Finding, ...] = ()
    name: str = ""  # an operating table's title after "Table N." / "表 N."
    unit: str | None = None  # "gbps", "percent", "thousand" where a table states it
    excluded: tuple[Excluded, ...] = ()

    @property
    def periods(self) -> tuple[Period, ...]:
        """The periods of the JPY (or quarter) columns, in column order."""
        return tuple(c.period for c in self.columns if c.role in _PERIOD_ROLES and c.period)

    @property
    def key(self) -> tuple[StatementKind, int, tuple[Period, ...]]:
        """What makes two tables print the same statement."""
        return (self.kind, self.months, self.periods)

    def describe(self) -> str:
        """Human name, e.g. ``IncomeStatement (3 months) at 001.txt:232``."""
        if self.kind is StatementKind.OPERATING:
            return f"table {self.name!r} ({self.language}) at {self.file}:{self.title_line}"
        span = "instant" if self.months == 0 else f"{self.months} months"
        return f"{self.kind} ({span}, {self.language}) at {self.file}:{self.title_line}"


@dataclass(frozen=True, slots=True)
class UnreadableTable:
    """A statement title with no readable table beneath it."""

    kind: StatementKind
    months: int
    language: Language
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Run:
    """A block of tab-separated lines no table claims (first and last line)."""

    first_line: int
    last_line: int
    reason: str | None = None  # set when the block is excluded on purpose


@dataclass(frozen=True)
class Summary:
    """What grouping documents into releases needs of one, small enough to send between processes."""

    path: Path
    name: str
    current_period_end: date | None
    unreadable: tuple[UnreadableTable, ...]
    form_6k: bool
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Document:
    """One source file as read."""

    path: Path
    tables: tuple[Table, ...]
    unreadable: tuple[UnreadableTable, ...]
    rates: tuple[Rate, ...]  # the rates its statements' notes state, in document order
    findings: tuple[Finding, ...] = ()
    form_6k: bool = False
    line_count: int = 0
    lines: tuple[str, ...] = field(default=(), repr=False)  # as read: "replace" errata applied
    printed: tuple[str, ...] = field(default=(), repr=False)  # as printed, for the coverage census
    notes: tuple[Note, ...] = ()  # marker notes ("^(*1) ...") of the operating tables
    runs: tuple[Run, ...] = ()  # tab-separated blocks outside every table
    excluded: tuple[Excluded, ...] = ()  # figures on lines the errata ignore

    @property
    def name(self) -> str:
        """The file name, used in every message."""
        return self.path.name

    @property
    def statements(self) -> tuple[Table, ...]:
        """The statements of operations, balance sheets and cash flows, every language."""
        return tuple(t for t in self.tables if t.kind is not StatementKind.OPERATING)

    @property
    def english_tables(self) -> tuple[Table, ...]:
        """The English tables, the figures' primary source."""
        return tuple(t for t in self.tables if t.language is Language.EN)

    @property
    def english_statements(self) -> tuple[Table, ...]:
        """The English statements of operations, balance sheets and cash flows."""
        return tuple(t for t in self.english_tables if t.kind is not StatementKind.OPERATING)

    @property
    def current_period_end(self) -> date | None:
        """The latest current-period end among the English statements."""
        ends = [t.periods[0].end for t in self.english_statements if t.periods]
        return max(ends) if ends else None

    def summary(self) -> Summary:
        """The document as grouping sees it."""
        return Summary(self.path, self.name, self.current_period_end, self.unreadable, self.form_6k, self.findings)
