"""Reading the releases' other tables: "Table N." statistics, guidance, matrices.

Three shapes share one reader:

* a quarter table: a header of quarter codes (``2Q01 1Q01 2Q00``), perhaps
  with ``% change`` columns, one row per line; values are right-aligned
  (Japanese labels spill over two cells), and a block with no header that
  follows one, with no new title in between, continues it (tables split by
  footnotes or a page break);
* a guidance table: a header naming a fiscal quarter in words ("The 3 rd
  Quarter of the Fiscal 2001") and cells such as ``10,000 to 10,500``;
* a matrix: a header of categories (the cross-selling rates), the period
  named in the title (``in 3Q02``, ``2002年度第3四半期``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.source.cells import parse_cell
from generator.source.errata import Erratum
from generator.source.model import (
    BLANK,
    Column,
    ColumnRole,
    Language,
    Period,
    Row,
    StatementKind,
    Table,
)
from generator.source.periods import fiscal_quarter_end
from generator.source.tables import Title, _Reading, rows_of
from generator.source.text import clean_label, strip_markup

_QUARTER = re.compile(r"\b([1-4])Q(\d{2})\b")
_QUARTER_WORDS = re.compile(r"(\d)\s*(?:st|nd|rd|th)\s+Quarter\s+of\s+the\s+Fiscal\s+(\d{4})", re.IGNORECASE)
_QUARTER_JA = re.compile(r"(\d{4})\s*年度\s*第\s*(\d)\s*四半期")
_CHANGE = re.compile(r"%\s*change|\bYoY\b|\bQoQ\b|Chg|前年同期比|前期比", re.IGNORECASE)
_TITLE = re.compile(r"^\s*(?:#+\s*)?(?:Table\s+\d+\s*\.|表\s*\d+\s*[.．])\s*", re.IGNORECASE)
_TITLE_STARTS = frozenset("#Tt表")  # what a title starts with after spaces
_MARKUP_STARTS = frozenset("<*\\")  # what markup strip_markup removes starts with: it may hide a title's start
_UNITS = (
    ("millions", re.compile(r"JPY\s*i\s*n\s*millions|百万円", re.IGNORECASE)),
    ("gbps", re.compile(r"Gbps|Giga\s+bits\s+per\s+second", re.IGNORECASE)),
    ("percent", re.compile(r"(?:Unit|単位)\s*[:：]\s*%", re.IGNORECASE)),
    ("thousand", re.compile(r"Unit\s*:\s*Thousand", re.IGNORECASE)),
)
_UNIT_LINE = re.compile(r"^\s*\((?:JPY\s*in\s*millions|百万円|(?:Unit|単位)\s*[:：][^)]*)\)\s*$", re.IGNORECASE)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def is_table_title(text: str) -> bool:
    """``Table 3. Contracted Bandwidth`` or ``表 3. 契約帯域数の総和``."""
    # Asked of every tab-separated line: markup is stripped, and the pattern run, only where a title may start.
    start = text.lstrip()[:1]
    if start not in _TITLE_STARTS and start not in _MARKUP_STARTS:
        return False
    text = strip_markup(text)
    return text.lstrip()[:1] in _TITLE_STARTS and _TITLE.match(text) is not None


def quarter_period(text: str) -> Period | None:
    """The three months a quarter code or phrase names (``2Q01``: to 2001-09-30)."""
    match = _QUARTER.search(text)
    if match:
        return Period(fiscal_quarter_end(int(match.group(1)), 2000 + int(match.group(2))), 3)
    match = _QUARTER_WORDS.search(text)
    if match:
        return Period(fiscal_quarter_end(int(match.group(1)), int(match.group(2))), 3)
    match = _QUARTER_JA.search(text)
    if match:
        return Period(fiscal_quarter_end(int(match.group(2)), int(match.group(1))), 3)
    return None


def table_name(title: str) -> str:
    """The name a title gives, without "Table N.", markup or the unit in parentheses."""
    text = _TITLE.sub("", " ".join(strip_markup(title).replace("#", " ").split()))
    text = re.sub(
        r"\s*\((?:JPY\s*i\s*n\s*millions|百万円|(?:Unit|単位)\s*[:：][^)]*)\)\s*$", "", text, flags=re.IGNORECASE
    )
    text = re.sub(r"\s+in\s+[1-4]Q\d{2}\s*$", "", text)
    return text.strip(" *")


def table_unit(text: str) -> str | None:
    """The unit a title or unit line states."""
    for unit, pattern in _UNITS:
        if pattern.search(text):
            return unit
    return None


def is_unit_line(text: str) -> bool:
    """``(JPY in millions)``, ``(百万円)``, ``(Unit: Gbps)``."""
    return bool(_UNIT_LINE.match(strip_markup(text)))


def _header(cells: list[str]) -> tuple[list[Column], int | None] | None:
    """Columns of a header row, and the matrix period's source; None if not a header."""
    texts = [" ".join(strip_markup(c).split()) for c in cells[1:]]
    columns: list[Column] = []
    for text in texts:
        if not text:
            continue
        quarters = _QUARTER.findall(text)
        if quarters:  # "4Q01 3Q01" in one cell is two columns
            for quarter, year in quarters:
                period = Period(fiscal_quarter_end(int(quarter), 2000 + int(year)), 3)
                columns.append(Column(ColumnRole.QUARTER, f"{quarter}Q{year}", period))
        elif _CHANGE.search(text):
            columns.append(Column(ColumnRole.PERCENT, text))
        elif _QUARTER_WORDS.search(text):
            columns.append(Column(ColumnRole.FORECAST, text, quarter_period(text)))
        else:
            columns.append(Column(ColumnRole.CATEGORY, text))
    if any(c.role in (ColumnRole.QUARTER, ColumnRole.FORECAST) for c in columns):
        if any(c.role is ColumnRole.CATEGORY for c in columns):
            return None
        return columns, None
    categories = [c for c in columns if c.role is ColumnRole.CATEGORY]
    if not cells[0].strip() and len(categories) >= 2 and len(categories) == len(columns):
        if all(re.search(r"[^\W\d_]", c.header) for c in categories):
            return columns, 1
    return None


def _row(reading: _Reading, number: int, label_text: str, cell_texts: list[str], width: int, reason: str | None) -> Row:
    """A row with its values right-aligned: Japanese labels spill over two cells."""
    parts = [label_text, *cell_texts]
    if not any(p.strip() for p in parts[1:]):
        label, markers = clean_label(" ".join(parts))
        return Row(number, label, (BLANK,) * width, markers, reason)
    while len(parts) > width + 1 and not parts[-1].strip():
        parts.pop()  # layout tabs; a cell an erratum blanked keeps its column
    if len(parts) == 1:
        label, markers = clean_label(parts[0])
        return Row(number, label, (BLANK,) * width, markers, reason)
    if len(parts) - 1 < width:
        reading.problem("source.row-misfit", f"no label, or fewer cells than the {width} columns: {parts!r}", number)
        label, markers = clean_label(parts[0])
        short = tuple(parse_cell(text, column) for column, text in enumerate(parts[1:], start=1))
        return Row(number, label, short + (BLANK,) * (width - len(short)), markers, reason, misfit=True)
    first_value = len(parts) - width
    label, markers = clean_label(" ".join(parts[:first_value]))
    cells = tuple(parse_cell(parts[column], column) for column in range(first_value, len(parts)))
    return Row(number, label, cells, markers, reason)


def read_operating(
    file: str,
    lines: list[str],
    run: tuple[int, int],
    title: Title | None,
    errata: dict[int, Erratum],
    used: set[int],
) -> Table | None:
    """An operating table from a tab-separated block, or None if it has no header."""
    first, end = run
    raw = [lines[i].split("\t") for i in range(first, end)]
    found = next(((i, h) for i, cells in enumerate(raw[:4]) if (h := _header(cells))), None)
    if found is None:
        return None
    header_index, (columns, matrix) = found
    title_texts = [
        " ".join(lines[i].split("\t")) for i in range(first, first + header_index) if is_table_title(lines[i])
    ]
    title_line = first + 1 if title_texts else (title.index + 1 if title else first + 1)
    title_text = title_texts[0] if title_texts else (strip_markup(lines[title.index]) if title else "")
    unit_text = (
        title_text
        + " "
        + " ".join(lines[i] for i in range((title.index if title else first), first) if is_unit_line(lines[i]))
    )
    language = (
        Language.JA if _JAPANESE.search(title_text + " ".join(c for row in raw for c in row[:1])) else Language.EN
    )
    if matrix is not None:
        period = quarter_period(title_text)
        columns = [replace(c, period=period) for c in columns]
    reading = _Reading(file, Title(title_line - 1, StatementKind.OPERATING, language))
    body, excluded = rows_of(reading, lines, first + header_index + 1, end, errata, used)
    rows = [_row(reading, number, label, cells, len(columns), reason) for number, label, cells, reason in body]
    return Table(
        file=file,
        kind=StatementKind.OPERATING,
        months=3,
        language=language,
        title_line=title_line,
        first_line=first + 1,
        last_line=end,
        columns=tuple(columns),
        rows=tuple(rows),
        scale=1_000_000 if table_unit(unit_text) == "millions" else None,
        per_unit_exempt=True,
        problems=tuple(reading.problems),
        name=table_name(title_text),
        unit=table_unit(unit_text),
        excluded=tuple(excluded),
    )


def continue_table(
    table: Table, lines: list[str], run: tuple[int, int], errata: dict[int, Erratum], used: set[int]
) -> Table:
    """``table`` with the rows of a headerless block that continues it."""
    first, end = run
    reading = _Reading(table.file, Title(table.title_line - 1, table.kind, table.language))
    body, excluded = rows_of(reading, lines, first, end, errata, used)
    rows = [_row(reading, number, label, cells, len(table.columns), reason) for number, label, cells, reason in body]
    return replace(
        table,
        last_line=end,
        rows=table.rows + tuple(rows),
        problems=table.problems + tuple(reading.problems),
        excluded=table.excluded + tuple(excluded),
    )
