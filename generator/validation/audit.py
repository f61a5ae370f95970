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

from decimal import Decimal

from generator.findings import Finding
from generator.mapping.figures import Figure
from generator.source.model import Cell, CellKind, Column, ColumnRole, StatementKind, Table

_AMOUNTS = (ColumnRole.JPY, ColumnRole.QUARTER)
_TOTALS = {StatementKind.INCOME: "Revenues", StatementKind.BALANCE: "Assets"}

Bounds = tuple[Decimal, Decimal]


def _bounds(cell: Cell) -> Bounds:
    """The amounts a printed cell may stand for."""
    assert cell.value is not None
    half = Decimal(5).scaleb(-cell.fraction_digits - 1)
    return cell.value - half, cell.value + half


def _ratio(numerator: Bounds, denominator: Bounds) -> Bounds | None:
    if denominator[0] <= 0 <= denominator[1]:
        return None  # a base that may be zero bounds nothing
    quotients = [n / d for n in numerator for d in denominator]
    return min(quotients) * 100, max(quotients) * 100


def _is_change(column: Column) -> bool:
    header = column.header.lower()
    return "chg" in header or "change" in header


def _expected(table: Table, cells: list[Cell], position: int, totals: dict[int, Cell]) -> Bounds | None:
    """What the percentage at ``position`` should be, from the row's amounts (None: nothing to compare)."""
    amounts = [i for i in range(position) if table.columns[i].role in _AMOUNTS]
    if not amounts:
        return None
    earlier = amounts[-1]
    if _is_change(table.columns[position]):
        current, base = cells[amounts[0]], cells[earlier]
        if current.kind is not CellKind.NUMBER or base.kind is not CellKind.NUMBER or earlier == amounts[0]:
            return None
        now, before = _bounds(current), _bounds(base)
        return _ratio((now[0] - before[1], now[1] - before[0]), before)
    total = totals.get(earlier)
    amount = cells[earlier]
    if total is None or amount.kind is not CellKind.NUMBER or total.kind is not CellKind.NUMBER:
        return None
    return _ratio(_bounds(amount), _bounds(total))


def audit_percentages(table: Table, figures: list[Figure]) -> list[Finding]:
    """Warnings for the printed percentages of an English table that its amounts do not bear out."""
    if not any(c.role is ColumnRole.PERCENT for c in table.columns):
        return []
    rows = {f.resolved.row.line: f.resolved.row for f in figures if f.table is table}
    total_name = _TOTALS.get(table.kind)
    total_row = next((f.resolved.row for f in figures if f.table is table and f.concept == total_name), None)
    totals = dict(enumerate(total_row.cells)) if total_row else {}
    findings = []
    for line, row in sorted(rows.items()):
        cells = list(row.cells)
        for position, (column, cell) in enumerate(zip(table.columns, cells, strict=True)):
            if column.role is not ColumnRole.PERCENT or cell.kind is not CellKind.NUMBER:
                continue
            expected = _expected(table, cells, position, totals)
            if expected is None:
                continue
            low, high = _bounds(cell)
            if max(low, expected[0]) <= min(high, expected[1]):
                continue
            step = Decimal(1).scaleb(-cell.fraction_digits)  # one unit of the last printed digit
            near = max(low - step, expected[0]) <= min(high + step, expected[1])
            middle = (expected[0] + expected[1]) / 2
            message = f"{row.label}: {column.header} prints {cell.text}; the row's amounts give {middle:.2f}"
            code = "audit.percentage-rounding" if near else "audit.percentage"
            findings.append(Finding(code, message, table.file, line))
    return findings
