"""Figures become facts: one per (concept, context, unit), conflicts reported."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from generator.findings import Finding
from generator.instance.model import Fact, round_to
from generator.mapping.figures import Figure
from generator.source.model import ColumnRole, Period, Rate
from generator.taxonomy.model import Taxonomy


class Draft(NamedTuple):
    """A fact and every figure that prints its value (a named tuple, as :class:`Figure`: one per fact)."""

    fact: Fact
    figures: tuple[Figure, ...]


def _consistent(group: list[Figure]) -> bool:
    """Whether duplicates print one figure, rounded to the coarsest precision.

    726,278 thousand is 726 million; 2,198,668 thousand is not 2,198 million,
    nor is $19,083 $19,082.
    """
    if len(group) == 1:
        return True
    coarsest = min(group, key=lambda f: f.decimals)
    return all(round_to(f.value, coarsest.decimals) == coarsest.value for f in group)


def _decimals(figure: Figure) -> int:
    return figure.decimals


def _settle(group: list[Figure], taxonomy: Taxonomy) -> tuple[list[Figure], Finding | None]:
    """The figures of one fact that agree, and why the others were dropped (none kept: a conflict)."""
    if _consistent(group):
        return group, None
    first = group[0]
    home = taxonomy.home_statement[first.concept]
    from_home = [f for f in group if f.network == home]
    lines = ", ".join(f"{f.where()} prints {f.cell.text} ({f.network})" for f in group)
    where = (first.table.file, first.resolved.row.line, first.concept, first.context.id)
    if not from_home or not _consistent(from_home):
        message = f"{first.concept} {first.context.id} {first.unit.id}: {lines}"
        return [], Finding("source.figure-conflict", message, *where)
    kept = [f for f in group if _consistent([*from_home, f])]
    message = f"{first.concept} {first.context.id} {first.unit.id}: {lines}; the {home} value is used"
    return kept, Finding("source.printed-twice", message, *where)


def _draft(group: list[Figure]) -> Draft:
    """The fact of figures that agree: the finest one's value, every one's source."""
    if len(group) == 1:  # most figures are printed once
        only = group[0]
        return Draft(Fact(only.concept, only.context, only.unit, only.value, only.decimals, (only.source,)), (only,))
    finest = max(group, key=_decimals)
    sources = tuple([f.source for f in group])
    fact = Fact(finest.concept, finest.context, finest.unit, finest.value, finest.decimals, sources)
    return Draft(fact, tuple(group))


def assemble(figures: list[Figure], taxonomy: Taxonomy) -> tuple[list[Draft], list[Finding]]:
    """Merge duplicate figures into facts.

    Consistent duplicates (the same figure, perhaps printed in millions in
    one table and thousands in another) become one fact at the finest
    precision.  Where a fact is printed twice with different values, the
    value of the concept's home statement is kept and both lines are reported.
    """
    groups: dict[tuple[str, str, str], list[Figure]] = {}
    for figure in figures:
        groups.setdefault(figure.key, []).append(figure)
    drafts: list[Draft] = []
    findings: list[Finding] = []
    for group in groups.values():
        if len(group) > 1:
            group, finding = _settle(group, taxonomy)
            if finding is not None:
                findings.append(finding)
            if not group:
                continue
        drafts.append(_draft(group))
    return drafts, findings


def _pair_key(figure: Figure) -> tuple[int, int, str, Period | None]:
    """What pairs a USD figure with its JPY partner: table, row, concept and period.

    A row's USD and JPY figures share its concept; a matrix (one concept per cell) has no such columns.
    """
    return (figure.table.title_line, figure.resolved.row.line, figure.concept, figure.column.period)


def check_translation(figures: list[Figure], rate: Rate) -> list[Finding]:
    """Compare each USD figure with its row's JPY figure divided by the rate."""
    findings: list[Finding] = []
    jpy: dict[tuple[int, int, str, Period | None], Figure] = {}
    usds: list[Figure] = []
    yen, dollar = ColumnRole.JPY, ColumnRole.USD  # local names: a member look-up on 3.11's EnumType is slow
    for figure in figures:
        role = figure.column.role
        if role is yen:
            jpy[_pair_key(figure)] = figure
        elif role is dollar:
            usds.append(figure)
    for usd in usds:
        partner = jpy.get(_pair_key(usd))
        if partner is None or usd.cell.value is None or partner.cell.value is None:
            continue
        expected = partner.cell.value / rate.value
        rounded = expected.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        gap = abs(usd.cell.value - rounded)
        if gap == 0:
            continue
        code = "usd.rounding-plug" if gap == 1 else "usd.mismatch"
        findings.append(
            Finding(
                code,
                f"{usd.concept}: USD {usd.cell.text} where JPY {partner.cell.text} / {rate.value} = {expected:.2f}",
                usd.table.file,
                usd.resolved.row.line,
                usd.concept,
                usd.context.id,
            )
        )
    return findings
