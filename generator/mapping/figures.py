"""Printed cells of resolved rows become figures: concept, context, unit, value.

A figure carries the concept's own sign (a payment printed ``(393,770)`` on a
``[negated]`` line is 393,770), the full value (thousands times 1,000), and
``decimals`` from the printed precision (``-3`` for whole thousands, ``2`` for
``68.61`` yen per ADS).  A ``-`` is the release's zero.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from generator.findings import Finding
from generator.instance import units
from generator.instance.contexts import Context, Duration, Instant
from generator.instance.model import SourceRef
from generator.instance.units import Unit
from generator.mapping.rows import Resolved
from generator.source.model import Cell, CellKind, Column, ColumnRole, Period, Table
from generator.taxonomy.model import Concept, ItemKind, Taxonomy


@dataclass(frozen=True, slots=True)
class Figure:
    """A printed value read as a candidate fact."""

    concept: str
    context: Context
    unit: Unit
    value: Decimal
    decimals: int
    cell: Cell
    column: Column
    resolved: Resolved
    table: Table

    @property
    def key(self) -> tuple[str, str, str]:
        """Duplicate key: concept, context, unit."""
        return (self.concept, self.context.id, self.unit.id)

    @property
    def source(self) -> SourceRef:
        """Where the figure is printed."""
        return SourceRef(self.table.file, self.resolved.row.line, self.table.title_line)

    def where(self) -> str:
        """``file:line``."""
        return f"{self.table.file}:{self.resolved.row.line}"


def _unit(concept: Concept, role: ColumnRole) -> Unit:
    currency = units.CURRENCIES[role.value]
    match concept.kind:
        case ItemKind.MONETARY:
            return currency
        case ItemKind.PER_SHARE:
            return units.per_share(currency)
        case ItemKind.PER_ADS:
            return units.per_ads(currency)
        case ItemKind.SHARES:
            return units.SHARES
        case ItemKind.ADS:
            return units.ADS
        case _:
            return units.PURE


def _context(concept: Concept, period: Period, edge: str | None) -> Context | None:
    if concept.period_type == "instant":
        if period.is_instant:
            return Context(Instant(period.end))
        if edge == "start":
            return Context(Instant(period.start - timedelta(days=1)))
        if edge == "end":
            return Context(Instant(period.end))
        return None
    if period.is_instant:
        return None
    return Context(Duration(period.start, period.end))


def figures_of(table: Table, rows: list[Resolved], taxonomy: Taxonomy) -> tuple[list[Figure], list[Finding]]:
    """Every USD/JPY cell of the resolved rows as a figure, and the problems met."""
    figures: list[Figure] = []
    problems: list[Finding] = []
    for resolved in rows:
        row = resolved.row
        concept = taxonomy.concept(resolved.placement.concept)
        for column, cell in zip(table.columns, row.cells, strict=True):
            if cell.kind is CellKind.BLANK:
                if cell.text:
                    problems.append(
                        Finding(
                            "source.dot-leader",
                            f"{concept.name}: {cell.text[:12]!r} read as blank",
                            table.file,
                            row.line,
                        )
                    )
                continue
            if column.role is ColumnRole.SPACER:
                problems.append(
                    Finding("source.row-misfit", f"{cell.text!r} printed between column groups", table.file, row.line)
                )
                continue
            if cell.kind is CellKind.UNREADABLE:
                problems.append(
                    Finding(
                        "source.cell-unreadable",
                        f"{cell.text!r} is not a figure ({column.header} column)",
                        table.file,
                        row.line,
                    )
                )
                continue
            if column.role is ColumnRole.PERCENT or cell.kind is CellKind.NA:
                continue
            result = _figure(table, resolved, concept, column, cell)
            (figures if isinstance(result, Figure) else problems).append(result)  # type: ignore[arg-type]
    return figures, problems


def _figure(table: Table, resolved: Resolved, concept: Concept, column: Column, cell: Cell) -> Figure | Finding:
    line = resolved.row.line

    def problem(code: str, message: str) -> Finding:
        return Finding(code, message, table.file, line, concept=concept.name)

    if concept.kind is ItemKind.MONETARY:
        scale = table.scale
    elif table.per_unit_exempt:
        scale = 1
    else:
        return problem(
            "source.scale-missing",
            f"{concept.name} is not money and the heading does not exempt per-share data from its scale",
        )
    if scale is None:
        return problem("source.scale-missing", "the heading states no scale")
    if cell.fraction_digits and concept.kind not in (ItemKind.PER_SHARE, ItemKind.PER_ADS):
        return problem(
            "source.cell-unreadable",
            f"{cell.text!r} has decimals in a column of whole {'thousands' if scale == 1000 else 'units'}",
        )
    assert column.period is not None
    context = _context(concept, column.period, resolved.placement.node.period_edge)
    if context is None:
        return problem(
            "source.period-mismatch",
            f"{concept.name} is {concept.period_type} but the column is {column.period.describe()}",
        )
    value = (cell.value if cell.value is not None else Decimal(0)) * scale
    if resolved.placement.node.negated:
        value = -value
    decimals = cell.fraction_digits - round(math.log10(scale))
    return Figure(
        concept.name, context, _unit(concept, column.role), value + 0, decimals, cell, column, resolved, table
    )
