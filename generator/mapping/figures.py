"""Printed cells of resolved rows become figures: concept, context, unit, value.

A figure carries the concept's own sign (a payment printed ``(393,770)`` on a
``[negated]`` line is 393,770), the full value (thousands times 1,000), and
``decimals`` from the printed precision (``-3`` for whole thousands, ``-6``
for millions, ``2`` for ``68.61`` yen per ADS).  A ``-`` is the release's
zero.  Percentages are fractions (``67`` % is 0.67), counts of contracts and
bandwidth are in the taxonomy's own measures.
"""

from __future__ import annotations

import math
from datetime import timedelta
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from generator.findings import Finding
from generator.instance import units
from generator.instance.contexts import Context, Duration, Instant
from generator.instance.model import SourceRef
from generator.instance.units import Unit
from generator.mapping.dimensions import FORECAST, LOWER, UPPER, Members
from generator.mapping.labels import LabelIndex
from generator.mapping.rows import Resolved
from generator.source.model import Cell, CellKind, Column, ColumnRole, Period, Row, Table
from generator.taxonomy.model import Concept, ItemKind, Taxonomy

_UNREAD = (CellKind.BLANK, CellKind.UNREADABLE)
# Module names: a member look-up on 3.11's EnumType is slow, and these are tested per cell.
_NA, _RANGE = CellKind.NA, CellKind.RANGE
_ZERO = Decimal(0)  # what a dash prints


class Figure(NamedTuple):
    """A printed value read as a candidate fact.

    A named tuple, not a frozen dataclass: a release reads some 400 figures, and a tuple is
    built in C where a frozen dataclass sets each of its eleven fields through ``object.__setattr__``.
    """

    concept: str
    context: Context
    unit: Unit
    value: Decimal
    decimals: int
    cell: Cell
    column: Column
    resolved: Resolved
    table: Table
    network: str  # the network the row was read through: a conflict keeps its home's value
    source: SourceRef  # where the figure is printed: one per row, shared by the row's figures

    @property
    def key(self) -> tuple[str, str, str]:
        """Duplicate key: concept, context, unit."""
        return (self.concept, self.context.id, self.unit.id)

    def where(self) -> str:
        """``file:line``."""
        return f"{self.table.file}:{self.resolved.row.line}"


@lru_cache(maxsize=64)  # a handful of kinds
def _units_of(kind: ItemKind) -> tuple[Unit, Unit]:
    """The units of a kind of concept's figures in a JPY column and in a USD column."""
    return _unit(kind, units.JPY), _unit(kind, units.USD)


def _unit(kind: ItemKind, currency: Unit) -> Unit:
    match kind:
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
        case ItemKind.CONTRACTS:
            return units.CONTRACTS
        case ItemKind.GBPS:
            return units.GBPS
        case _:
            return units.PURE


def _units(scale: int) -> str:
    """How a table's scale reads in a message."""
    return {1000: "whole thousands", 1_000_000: "whole millions"}.get(scale, "whole units")


@lru_cache(maxsize=4096)  # a release's 400 figures share a dozen contexts
def _context(
    period_type: str, period: Period, edge: str | None, quarter: bool, members: tuple[tuple[str, str], ...]
) -> Context | None:
    if period_type == "instant":
        if period.is_instant or quarter or edge == "end":
            return Context(Instant(period.end), members)  # a quarter's statistics are as of its end
        if edge == "start":
            return Context(Instant(period.start - timedelta(days=1)), members)
        return None
    if period.is_instant:
        return None
    return Context(Duration(period.start, period.end), members)


_PER_UNIT = (ItemKind.PER_SHARE, ItemKind.PER_ADS, ItemKind.SHARES, ItemKind.ADS)
_WHOLE = (ItemKind.MONETARY, ItemKind.SHARES, ItemKind.ADS, ItemKind.CONTRACTS)
_MONETARY, _PERCENT = ItemKind.MONETARY, ItemKind.PERCENT  # tested per row


def _refusal(table: Table, concept: Concept) -> str | None:
    """Why no cell of the concept's row reads at the table's scale (None: they read)."""
    if concept.kind in _PER_UNIT and not table.per_unit_exempt:
        return f"{concept.name} is not money and the heading does not exempt per-share data from its scale"
    if concept.kind is _MONETARY and table.scale is None:
        return f"the table states no scale for {concept.name} (thousands or millions of yen)"
    return None


class _Slot:
    """What a column's cells read as: worked out once per table, not per cell (enum look-ups are slow)."""

    __slots__ = ("column", "spacer", "facts", "usd", "members", "quarter", "_contexts")

    def __init__(self, column: Column) -> None:
        role = column.role
        self.column = column
        self.spacer = role is ColumnRole.SPACER  # an empty header between column groups: what prints is a misfit
        self.facts = role not in (ColumnRole.SPACER, ColumnRole.PERCENT)  # False for derived percentages
        self.usd = role is ColumnRole.USD
        self.members: Members = FORECAST if role is ColumnRole.FORECAST else ()  # a forecast column's
        self.quarter = role is ColumnRole.QUARTER  # a quarter's statistics are as of its end
        self._contexts: dict[tuple[str, str | None, Members], Context | None] = {}

    def context(self, period_type: str, edge: str | None, members: Members) -> Context | None:
        """The context of the column's figures of a kind of concept (a few kinds per table: looked up once)."""
        key = (period_type, edge, members)
        if key not in self._contexts:
            assert self.column.period is not None
            self._contexts[key] = _context(period_type, self.column.period, edge, self.quarter, members)
        return self._contexts[key]


class _Reading:
    """A resolved row read through its concept: what every cell of the row shares, worked out once."""

    def __init__(self, table: Table, resolved: Resolved, concept: Concept, network: str) -> None:
        self.table, self.resolved, self.concept, self.network = table, resolved, concept, network
        self.source = SourceRef(table.file, resolved.row.line, table.title_line)
        self.refusal = _refusal(table, concept)
        kind = concept.kind
        self.scale = (table.scale or 1) if kind is _MONETARY else 1  # no scale: refused above
        self.factor = Decimal(self.scale)  # a Decimal operand: an int one is converted on every multiplication
        self.shift = -round(math.log10(self.scale))  # decimals of a whole printed number: -3 in thousands
        self.whole = kind in _WHOLE  # printed decimals do not read
        self.percent = kind is _PERCENT
        self.jpy, self.usd = _units_of(kind)
        self.negated = resolved.placement.negated
        self.edge = resolved.placement.period_edge

    def problem(self, code: str, message: str) -> Finding:
        return Finding(code, message, self.table.file, self.resolved.row.line, concept=self.concept.name)

    def add(
        self,
        slot: _Slot,
        cell: Cell,
        printed: Decimal,
        members: Members,
        figures: list[Figure],
        problems: list[Finding],
    ) -> None:
        """Add the figure ``printed`` (a value cell's, or one end of a range) reads as, or why it does not read."""
        concept, column = self.concept, slot.column
        if self.refusal is not None:
            problems.append(self.problem("source.scale-missing", self.refusal))
            return
        if cell.fraction_digits and self.whole:
            message = f"{cell.text!r} has decimals in a column of {_units(self.scale)}"
            problems.append(self.problem("source.cell-unreadable", message))
            return
        context = slot.context(concept.period_type, self.edge, members)
        if context is None:
            assert column.period is not None
            message = f"{concept.name} is {concept.period_type} but the column is {column.period.describe()}"
            problems.append(self.problem("source.period-mismatch", message))
            return
        value = printed * self.factor
        decimals = cell.fraction_digits + self.shift
        if self.percent:
            value, decimals = value / 100, decimals + 2
        if self.negated:
            value = -value
        figures.append(
            Figure(
                concept.name,
                context,
                self.usd if slot.usd else self.jpy,
                value + _ZERO,  # a zero negated (a dash on a negated row, "(0)") is 0, not -0
                decimals,
                cell,
                column,
                self.resolved,
                self.table,
                self.network,
                self.source,
            )
        )


def _blank_or_problem(table: Table, row: Row, column: Column, cell: Cell, concept: Concept) -> Finding | None:
    if cell.kind is CellKind.BLANK:
        if cell.text:
            return Finding(
                "source.dot-leader", f"{concept.name}: {cell.text[:12]!r} read as blank", table.file, row.line
            )
        return None
    if column.role is ColumnRole.SPACER:
        return Finding("source.row-misfit", f"{cell.text!r} printed between column groups", table.file, row.line)
    if cell.kind is CellKind.UNREADABLE:
        return Finding(
            "source.cell-unreadable", f"{cell.text!r} is not a figure ({column.header} column)", table.file, row.line
        )
    return None


def figures_of(table: Table, rows: list[Resolved], taxonomy: Taxonomy) -> tuple[list[Figure], list[Finding]]:
    """Every value cell of the resolved rows as a figure, and the problems met."""
    figures: list[Figure] = []
    problems: list[Finding] = []
    slots = [_Slot(column) for column in table.columns]
    for resolved in rows:
        reading = _Reading(table, resolved, taxonomy.concept(resolved.placement.concept), resolved.placement.statement)
        for slot, cell in zip(slots, resolved.row.cells, strict=True):
            if cell.kind in _UNREAD or slot.spacer:
                problem = _blank_or_problem(table, resolved.row, slot.column, cell, reading.concept)
                if problem:
                    problems.append(problem)
                continue
            if not slot.facts or cell.kind is _NA:
                continue  # derived percentages; "n/a" prints nothing to report
            if cell.kind is _RANGE:  # a figure for each end
                assert cell.value is not None and cell.high is not None
                reading.add(slot, cell, cell.value, LOWER, figures, problems)
                reading.add(slot, cell, cell.high, UPPER, figures, problems)
            else:
                printed = cell.value if cell.value is not None else _ZERO  # a dash
                reading.add(slot, cell, printed, slot.members, figures, problems)
    return figures, problems


def matrix_rows(table: Table, index: LabelIndex) -> tuple[list[Resolved], list[Finding]]:
    """A matrix's cells as rows of their own, each named "row | column"."""
    resolved: list[Resolved] = []
    problems: list[Finding] = []
    for row in table.rows:
        for position, (column, cell) in enumerate(zip(table.columns, row.cells, strict=True)):
            if cell.kind is CellKind.BLANK:
                continue
            label = f"{row.label} | {column.header}"
            candidates = index.item(label)
            if len(candidates) != 1:
                problems.append(
                    Finding(
                        "source.unknown-label",
                        f"{label!r} names no line item of the {index.name}",
                        table.file,
                        row.line,
                    )
                )
                continue
            cells = tuple(
                cell if i == position else Cell("", CellKind.BLANK, col=c.col) for i, c in enumerate(row.cells)
            )
            resolved.append(Resolved(Row(row.line, label, cells, row.markers, row.erratum), label, candidates[0]))
    return resolved, problems


__all__ = ["Figure", "figures_of", "matrix_rows"]
