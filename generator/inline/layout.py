"""Where each fact appears in the rendered release: its printed tables, rows and columns.

The layout is decided from the mapped release before anything is written:
every printed English table becomes a grid with the release's rows and
value columns (derived percentages are left out: they are no facts), every
cell knows the figure(s) it prints.  A fact printed more than once is tagged
once, where it is printed at its own precision, preferring the concept's home
statement; its other printings are shown untagged, linked to the tagged one.
Facts no table prints (cover, exchange rate, guidance stated in prose) are
listed in sections of their own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from generator.instance.model import Fact, Instance
from generator.mapping.figures import Figure
from generator.mapping.release import MappedRelease
from generator.source.model import CellKind, Column, ColumnRole, Table
from generator.source.periods import fiscal_quarter, fiscal_year
from generator.taxonomy.model import Taxonomy

# Columns that print figures; percentages of total and changes are derived, spacers empty.
_VALUE_ROLES = (ColumnRole.USD, ColumnRole.JPY, ColumnRole.QUARTER, ColumnRole.FORECAST, ColumnRole.CATEGORY)
# Module names for the enum members tested per figure and cell: a member look-up on 3.11's EnumType is slow.
_CATEGORY, _DASH, _BLANK = ColumnRole.CATEGORY, CellKind.DASH, CellKind.BLANK
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


class Shown(NamedTuple):
    """One figure as the document shows it.

    ``scale`` is the power of ten between the printed number and the fact
    (3 for thousands, -2 for a percentage); ``negated`` says the statement
    prints the fact's negation (a payment shown in parentheses).  A named
    tuple, as are cells and rows: a release shows some 400 figures, and a
    tuple is built three times faster than a frozen dataclass.
    """

    fact: Fact
    tagged: bool
    scale: int
    fraction_digits: int
    negated: bool = False
    dash: bool = False
    percent: bool = False


class GridCell(NamedTuple):
    """A cell: the figures it prints (two for a range), or printed text that is no figure (``n/a``)."""

    shown: tuple[Shown, ...] = ()
    text: str = ""


class GridRow(NamedTuple):
    """A printed row: its label as printed, the concept's Japanese label, its cells."""

    label: str
    label_ja: str | None
    cells: tuple[GridCell, ...]
    line: int

    @property
    def heading(self) -> bool:
        """A row that prints no figure (a section heading)."""
        return not any(map(any, self.cells))  # a cell prints nothing: no figure, no text


_EMPTY = GridCell()  # a blank cell (most of a heading's)


@dataclass(frozen=True, slots=True)
class Grid:
    """A printed table: title, unit caption, column headings, rows."""

    title: str
    title_ja: str | None
    caption: str
    columns: tuple[str, ...]
    rows: tuple[GridRow, ...]
    line: int


@dataclass(frozen=True)
class Layout:
    """The rendered release: heading, cover facts, prose facts, printed tables, facts placed nowhere."""

    title: str
    source: str
    cover: tuple[Fact, ...]
    prose: tuple[Fact, ...]
    grids: tuple[Grid, ...]
    hidden: tuple[Fact, ...]


def _month(day: date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"  # strftime's %b: slower, and the locale's


def _column_heading(column: Column) -> str:
    period = column.period
    role = column.role.value.upper() if column.role in (ColumnRole.USD, ColumnRole.JPY) else column.header
    if period is None:
        return role
    if period.is_instant:
        when = f"As of {_month(period.end)}"
    elif period.months == 12:
        when = f"Year ended {_month(period.end)}"
    else:
        when = f"{period.months} months ended {_month(period.end)}"
    return f"{when} ({role})" if role else when


def _caption(table: Table) -> str:
    if table.scale == 1000:
        exempt = ", except per share and per ADS data" if table.per_unit_exempt else ""
        return f"Thousands of Japanese yen (JPY) and US dollars (USD){exempt}"
    if table.scale == 1_000_000:
        return "Millions of Japanese yen"
    return {"gbps": "Gbps", "percent": "Percent"}.get(table.unit or "", "")


def _title(table: Table, taxonomy: Taxonomy) -> tuple[str, str | None]:
    if table.name:
        return table.name, None
    statement = taxonomy.statement(table.kind.value)
    title = statement.title.split(" - ", 1)[-1]
    japanese = statement.titles.get("ja", ())
    return title, japanese[0] if japanese else None


_RowKey = tuple[int, int, str]


class _Printed(NamedTuple):
    """A printed row's figures as shown: its first figure (which names the row's concept), the shown by column."""

    first: Figure
    cells: defaultdict[int, list[Shown]]


def _row_key(figure: Figure) -> _RowKey:
    """Table, line and the printed row label: an erratum may split one line into two rows."""
    label = figure.resolved.row.label
    if figure.column.role is _CATEGORY:  # a matrix cell reads as "row | column"
        label = label.removesuffix(f" | {figure.column.header}")
    return (figure.table.title_line, figure.resolved.row.line, label)


def _cell_key(figure: Figure) -> tuple[int, int, int, str]:
    """Table, line, column and the printed row label: the order of the printings of a fact."""
    table, line, label = _row_key(figure)
    return (table, line, figure.cell.col, label)


def _tagged_printing(figures: tuple[Figure, ...], fact: Fact, taxonomy: Taxonomy) -> Figure:
    """The printing that carries the fact: its own value and precision, from the home statement if printed there."""
    if len(figures) == 1:  # most facts: printed once, the fact is that figure
        return figures[0]
    exact = [f for f in figures if f.value == fact.value and f.decimals == fact.decimals]
    home = taxonomy.home_statement.get(fact.concept)
    exact.sort(key=lambda f: (f.network != home, _cell_key(f)))
    return exact[0]


def _shown(figure: Figure, fact: Fact, tagged: bool) -> Shown:
    cell = figure.cell
    return Shown(
        fact=fact,
        tagged=tagged,
        scale=cell.fraction_digits - figure.decimals,
        fraction_digits=cell.fraction_digits,
        negated=figure.resolved.placement.negated,
        dash=cell.kind is _DASH,
        percent=cell.percent,
    )


def _label_ja(figure: Figure, taxonomy: Taxonomy) -> str | None:
    concept = taxonomy.concept(figure.concept)
    role = figure.resolved.placement.node.preferred_label_role()
    return concept.label(role, "ja") or concept.label("http://www.xbrl.org/2003/role/label", "ja")


def _grid(table: Table, printed: dict[_RowKey, _Printed], taxonomy: Taxonomy) -> Grid:
    positions = [i for i, column in enumerate(table.columns) if column.role in _VALUE_ROLES]
    matrix = any(table.columns[i].role is _CATEGORY for i in positions)  # a concept per cell, not per row
    rows = []
    table_line = table.title_line
    for row in table.rows:
        figures = printed.get((table_line, row.line, row.label))
        by_column = figures.cells if figures is not None else {}
        cells = []
        for i in positions:
            cell = row.cells[i]
            shown = by_column.get(cell.col)
            if shown:
                cells.append(GridCell(tuple(shown)))
            else:  # printed text that is no figure (n/a), or nothing
                cells.append(_EMPTY if cell.kind is _BLANK else GridCell((), cell.text))
        label_ja = _label_ja(figures.first, taxonomy) if figures is not None and not matrix else None
        rows.append(GridRow(row.label, label_ja, tuple(cells), row.line))
    title, title_ja = _title(table, taxonomy)
    columns = tuple(_column_heading(table.columns[i]) for i in positions)
    return Grid(title, title_ja, _caption(table), columns, tuple(rows), table.title_line)


def release_title(mapped: MappedRelease) -> str:
    """``3Q FY2002 earnings release (three months ended 2002-12-31)``."""
    end = mapped.release.period_end
    months = min((t.months for t in mapped.release.primary.english_tables if t.months), default=3)
    period = f"FY{fiscal_year(end)}" if months == 12 else f"{fiscal_quarter(end)}Q FY{fiscal_year(end)}"
    return f"Internet Initiative Japan Inc.: {period} earnings release, period ended {_month(end)}"


def layout(mapped: MappedRelease, instance: Instance, taxonomy: Taxonomy) -> Layout:
    """Decide where every fact of the instance is shown."""
    facts = {fact.id: fact for fact in instance.facts}
    by_key = {fact.key: fact for fact in instance.facts}
    placed: set[str] = set()
    tagged: dict[tuple[_RowKey, int, str], str] = {}  # the row, column and context of each fact's tagged printing
    for draft in mapped.drafts:
        chosen = _tagged_printing(draft.figures, draft.fact, taxonomy)
        tagged[(_row_key(chosen), chosen.cell.col, draft.fact.context.id)] = draft.fact.id
    printed: dict[_RowKey, _Printed] = {}
    for figure in mapped.figures:
        key = _row_key(figure)
        row = printed.get(key)
        if row is None:
            row = printed[key] = _Printed(figure, defaultdict(list))
        col = figure.cell.col
        fact_id = tagged.get((key, col, figure.context.id))
        if fact_id is not None and fact_id not in placed:
            placed.add(fact_id)
            shown = _shown(figure, facts[fact_id], True)
        else:
            fact = facts[fact_id] if fact_id else by_key.get(figure.key)
            if fact is None:
                continue  # a figure of a fact the release does not report (none today)
            if figure.value != fact.value:  # the losing printing of a figure printed twice: show what is printed
                fact = Fact(fact.concept, fact.context, fact.unit, figure.value, figure.decimals)
            shown = _shown(figure, fact, False)
        row.cells[col].append(shown)
    tables = sorted(mapped.release.primary.english_tables, key=lambda t: t.title_line)
    grids = tuple(_grid(table, printed, taxonomy) for table in tables)
    rest = [fact for fact_id, fact in facts.items() if fact_id not in placed]
    prose_ids = {fact.id for fact in mapped.prose}
    cover = tuple(f for f in rest if f.id not in prose_ids and not f.context.members)
    prose = tuple(f for f in rest if f.id in prose_ids)
    listed = prose_ids | {f.id for f in cover}
    hidden = tuple(f for f in rest if f.id not in listed)
    return Layout(release_title(mapped), mapped.release.primary.name, cover, prose, grids, hidden)
