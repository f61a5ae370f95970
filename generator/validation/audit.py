"""Source audit: every printed percentage recomputed from the figures of its row.

A ``%`` column beside an amount column is that amount's share of the
column's total revenues (statements of operations) or total assets (balance
sheets); a ``Chg %`` / ``% change`` column is the change of the current
period's amount against the amount column just before it, as
``(current - earlier) / earlier`` (a loss that narrows from (394,052) to
186,096 prints ``(147.2)``).  Bounds come from the amounts' printed
precision, so rounding never reads as a disagreement.  One unit off in the
last printed digit is an info (releases nudge shares so that they foot);
more is a warning naming the file and line.  (Figures printed in millions are checked
against the thousands when the two become one fact: ``source.printed-twice``.)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from generator.findings import Finding
from generator.mapping.figures import Figure
from generator.source.model import Cell, CellKind, Column, ColumnRole, StatementKind, Table

_AMOUNTS = (ColumnRole.JPY, ColumnRole.QUARTER)
_TOTALS = {StatementKind.INCOME: "Revenues", StatementKind.BALANCE: "Assets"}

Bounds = tuple[Decimal, Decimal]


@lru_cache(maxsize=32)  # a few printed precisions
def _half(fraction_digits: int) -> Decimal:
    """Half a unit of the last printed digit."""
    return Decimal(5).scaleb(-fraction_digits - 1)


def _bounds(cell: Cell) -> Bounds:
    """The amounts a printed cell may stand for."""
    assert cell.value is not None
    half = _half(cell.fraction_digits)
    return cell.value - half, cell.value + half


def _ratio(numerator: Bounds, denominator: Bounds) -> Bounds | None:
    """The least and greatest quotient of the bounds, in percent (None: the base may be zero).

    On a base of one sign a quotient is monotonic in each operand, so the
    extremes are corners the signs pick; rounded division keeps that order,
    so these are the least and greatest of the four corner quotients.
    """
    (low, high), (base_low, base_high) = numerator, denominator
    if base_low <= 0 <= base_high:
        return None  # a base that may be zero bounds nothing
    if base_low > 0:
        least = low / (base_high if low >= 0 else base_low)
        greatest = high / (base_low if high >= 0 else base_high)
    else:
        least = high / (base_high if high >= 0 else base_low)
        greatest = low / (base_low if low >= 0 else base_high)
    return least * 100, greatest * 100


def _is_change(column: Column) -> bool:
    header = column.header.lower()
    return "chg" in header or "change" in header


@dataclass(frozen=True, slots=True)
class _Percent:
    """A percentage column and the amount columns before it that it is recomputed from."""

    position: int
    column: Column
    first: int  # the first amount column: a change's current period
    earlier: int  # the amount column just before: a share's amount, a change's base
    change: bool


def _percent_columns(table: Table) -> list[_Percent]:
    """The table's percentage columns that follow an amount column, in order."""
    found = []
    amounts: list[int] = []
    for position, column in enumerate(table.columns):
        if column.role is ColumnRole.PERCENT and amounts:
            found.append(_Percent(position, column, amounts[0], amounts[-1], _is_change(column)))
        elif column.role in _AMOUNTS:
            amounts.append(position)
    return found


def _expected(percent: _Percent, cells: tuple[Cell, ...], totals: dict[int, Bounds | None]) -> Bounds | None:
    """What the percentage should be, from the row's amounts (None: nothing to compare)."""
    earlier = percent.earlier
    if percent.change:
        current, base = cells[percent.first], cells[earlier]
        if current.kind is not CellKind.NUMBER or base.kind is not CellKind.NUMBER or earlier == percent.first:
            return None
        now, before = _bounds(current), _bounds(base)
        return _ratio((now[0] - before[1], now[1] - before[0]), before)
    total = totals.get(earlier)
    amount = cells[earlier]
    if total is None or amount.kind is not CellKind.NUMBER:
        return None
    return _ratio(_bounds(amount), total)


def _totals(table: Table, figures: list[Figure]) -> dict[int, Bounds | None]:
    """The bounds of the total row's cells by position (None where it prints no number)."""
    total_name = _TOTALS.get(table.kind)
    total_row = next((f.resolved.row for f in figures if f.table is table and f.concept == total_name), None)
    if total_row is None:
        return {}
    return {i: _bounds(c) if c.kind is CellKind.NUMBER else None for i, c in enumerate(total_row.cells)}


def audit_percentages(table: Table, figures: list[Figure]) -> list[Finding]:
    """Warnings for the printed percentages of an English table that its amounts do not bear out."""
    percents = _percent_columns(table)
    if not percents:
        return []
    rows = {f.resolved.row.line: f.resolved.row for f in figures if f.table is table}
    totals = _totals(table, figures)
    findings = []
    for line, row in sorted(rows.items()):
        for percent in percents:
            cell = row.cells[percent.position]
            if cell.kind is not CellKind.NUMBER:
                continue
            expected = _expected(percent, row.cells, totals)
            if expected is None:
                continue
            low, high = _bounds(cell)
            if max(low, expected[0]) <= min(high, expected[1]):
                continue
            step = Decimal(1).scaleb(-cell.fraction_digits)  # one unit of the last printed digit
            near = max(low - step, expected[0]) <= min(high + step, expected[1])
            middle = (expected[0] + expected[1]) / 2
            message = f"{row.label}: {percent.column.header} prints {cell.text}; the row's amounts give {middle:.2f}"
            code = "audit.percentage-rounding" if near else "audit.percentage"
            findings.append(Finding(code, message, table.file, line))
    return findings
