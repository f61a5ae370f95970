"""Finding a release's statements and reading their columns, rows and notes.

A statement is a title line (``CONSOLIDATED BALANCE SHEETS``, ``連結貸借対照表``)
followed, before the next title, by a heading block (periods, scale) and a
run of tab-separated lines: header rows, the column-role row (``USD JPY %``),
then one line per row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.findings import Finding
from generator.source.cells import parse_cell
from generator.source.errata import Erratum, apply_erratum
from generator.source.model import (
    BLANK,
    Cell,
    CellKind,
    Column,
    ColumnRole,
    Excluded,
    Language,
    Note,
    Period,
    Row,
    StatementKind,
    Table,
    UnreadableTable,
)
from generator.source.periods import english_dates, is_month_end, japanese_dates
from generator.source.text import clean_label, fold, split_markers, strip_markup

_TITLES: tuple[tuple[StatementKind, Language, re.Pattern[str]], ...] = (
    (StatementKind.INCOME, Language.EN, re.compile(r"CONSOLIDATED\s+STATEMENTS?\s+OF\s+OPERATIONS")),
    (StatementKind.BALANCE, Language.EN, re.compile(r"CONSOLIDATED\s+BALANCE\s+SHEETS?")),
    (StatementKind.CASH_FLOW, Language.EN, re.compile(r"STATEMENTS?\s+OF\s+CASH\s+FLOWS")),
    (StatementKind.INCOME, Language.JA, re.compile(r"連結損益計算書")),
    (StatementKind.BALANCE, Language.JA, re.compile(r"連結貸借対照表")),
    (StatementKind.CASH_FLOW, Language.JA, re.compile(r"連結キャッシュ・?フロー計算書")),
)
_MAX_TITLE_LENGTH = 300
_ROLE_SEARCH_ROWS = 8
_NOTE_EN = re.compile(r"^\s*Note\s*\(\s*(\d+)\s*\)\s*:?\s*(.*)$")
_NOTE_JA = re.compile(r"^\s*注記\s*[(（]\s*(\d+)\s*[)）]\s*[:：]?\s*(.*)$")
_APPENDIX = re.compile(r"\s*Appendix\s+\d+\s*$")
_STOP = re.compile(r"^\s*(Appendix\s+\d+|INTERNET INITIATIVE JAPAN|株式会社)")
_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Title:
    """A statement title line (0-based index into the lines)."""

    index: int
    kind: StatementKind
    language: Language


@dataclass
class _Reading:
    """Mutable state while reading one table; frozen into a Table at the end."""

    file: str
    title: Title
    problems: list[Finding] = field(default_factory=list)

    def problem(self, code: str, message: str, line: int) -> None:
        self.problems.append(Finding(code, message, self.file, line))


def find_titles(lines: list[str]) -> list[Title]:
    """Every statement title line, in order."""
    titles = []
    for index, raw in enumerate(lines):
        if "\t" in raw:
            continue
        text = strip_markup(raw)
        if len(text) > _MAX_TITLE_LENGTH or not _holds_title_word(text):
            continue
        for kind, language, pattern in _TITLES:
            if pattern.search(text):
                titles.append(Title(index, kind, language))
                break
    return titles


def _holds_title_word(text: str) -> bool:
    """A cheap first test: every title pattern holds one of these words."""
    return "CONSOLIDATED" in text or "STATEMENT" in text or "連結" in text


def _tab_run(lines: list[str], start: int) -> int:
    end = start
    while end < len(lines) and "\t" in lines[end]:
        end += 1
    return end


def _months(kind: StatementKind, language: Language, block: str, ends: list[Period] | None) -> int | None:
    if kind is StatementKind.BALANCE:
        return 0
    if language is Language.EN:
        if re.search(r"Three\s+Months", block, re.IGNORECASE):
            return 3
        if re.search(r"Nine\s+Months", block, re.IGNORECASE):
            return 9
        if re.search(r"\bYears?\s+End", block, re.IGNORECASE):
            return 12
        return None
    if "累計" in block:
        return -1  # months from the fiscal year's start; resolved from the dates
    if "通期" in block:
        return 12
    if "四半期" in block:
        return 3
    return None


def _period_line(lines: list[str], start: int, stop: int) -> int:
    """The heading line that states (or should state) the periods."""
    for index in range(start, stop):
        if re.search(r"\b(For\s+the|As\s+of)\b|月期", lines[index], re.IGNORECASE):
            return index + 1
    return start + 1


def _role(text: str) -> ColumnRole | None:
    token, _ = split_markers(fold(strip_markup(text)).upper())
    token = token.strip()
    if token in ("", "-", "_"):
        return ColumnRole.SPACER
    if token.startswith("USD"):
        return ColumnRole.USD
    if token == "JPY":
        return ColumnRole.JPY
    if "%" in token or "REVENUE" in token or "CHG" in token or token.startswith("対"):
        return ColumnRole.PERCENT
    return None


def _may_name_currency(text: str) -> bool:
    """Whether a cell may read as USD or JPY: an ASCII cell without a letter (a figure, a dash) cannot."""
    return not text.isascii() or _LETTER.search(text) is not None


def _role_row(rows: list[list[str]]) -> int | None:
    best, best_count = None, 0
    for index, cells in enumerate(rows[:_ROLE_SEARCH_ROWS]):
        # Only USD and JPY columns count, and most cells of the first rows are figures: reading a role is costly.
        roles = [_role(c) for c in cells[1:] if _may_name_currency(c)]
        count = sum(1 for r in roles if r in (ColumnRole.USD, ColumnRole.JPY))
        if ColumnRole.JPY in roles and count > best_count:
            best, best_count = index, count
    return best


def _dates(language: Language, text: str) -> list[Period]:
    found = english_dates(text) if language is Language.EN else japanese_dates(text)
    return [Period(day) for day in found]


def _columns(
    reading: _Reading, header: list[str], dates: list[Period], months: int, line: int
) -> tuple[Column, ...] | None:
    cells = header[1:]
    while cells and not cells[-1].strip():
        cells.pop()
    roles = [_role(c) for c in cells]
    if not cells or None in roles:
        bad = [c for c, r in zip(cells, roles, strict=True) if r is None]
        reading.problem(
            "source.columns-unreadable", f"column header has cells that are not USD, JPY or %: {bad!r}", line
        )
        return None
    jpy = roles.count(ColumnRole.JPY)
    if jpy != len(dates):
        reading.problem(
            "source.period-unparsed",
            f"heading dates {[p.end.isoformat() for p in dates]} do not match the {jpy} JPY columns",
            reading.title.index + 1,
        )
        return None
    if any(not is_month_end(p.end) for p in dates):
        reading.problem("source.period-unparsed", "a heading date is not a month end", reading.title.index + 1)
        return None
    periods = iter([Period(p.end, months) for p in dates])
    first = Period(dates[0].end, months)
    columns = []
    for text, role in zip(cells, roles, strict=True):
        assert role is not None
        _, markers = split_markers(strip_markup(text))
        period = next(periods) if role is ColumnRole.JPY else first if role is ColumnRole.USD else None
        columns.append(Column(role, " ".join(strip_markup(text).split()), period, markers))
    return tuple(columns)


def rows_of(
    reading: _Reading,
    lines: list[str],
    first: int,
    end: int,
    errata: dict[int, Erratum],
    used: set[int],
) -> tuple[list[tuple[int, str, list[str], str | None]], list[Excluded]]:
    """Lines ``first..end`` as (line, label text, cell texts, erratum reason), errata applied."""
    rows: list[tuple[int, str, list[str], str | None]] = []
    excluded: list[Excluded] = []
    for index in range(first, end):
        number = index + 1
        raw = lines[index]
        erratum = errata.get(number)
        if erratum is not None and erratum.action == "replace":
            erratum = None  # applied to the line's text when the document was read
        if erratum is not None:
            used.add(number)
            if erratum.expect not in raw:
                reading.problem("source.erratum-mismatch", f"erratum expects {erratum.expect!r}", number)
                erratum = None
        if erratum is None:  # most lines: the label and cells as printed
            label, *cells = raw.split("\t")
            rows.append((number, label, cells, None))
            continue
        try:
            applied = apply_erratum(erratum, raw)
        except ValueError as error:
            reading.problem("source.erratum-mismatch", str(error), number)
            continue
        reason = erratum.reason
        excluded += [Excluded(number, column, text, f"erratum: {reason}") for column, text in applied.dropped]
        rows += [(number, label, list(cells), reason) for label, cells in applied.rows]
    return rows, excluded


def _check_columns_filled(reading: _Reading, columns: tuple[Column, ...], rows: list[Row], line: int) -> None:
    """A column the header declares but no row fills: the table lost it (a truncated or damaged copy)."""
    blank = CellKind.BLANK  # a local name: a member look-up on 3.11's EnumType is slow, and this runs per cell
    for position, column in enumerate(columns):
        if (
            column.role in (ColumnRole.USD, ColumnRole.JPY)
            and rows
            and all(row.cells[position].kind is blank for row in rows)
        ):
            reading.problem("source.column-empty", f"no row prints a figure in the {column.header} column", line)


def _row(reading: _Reading, number: int, label_text: str, cell_texts: list[str], width: int, reason: str | None) -> Row:
    extra = [c for c in cell_texts[width:] if c.strip()]
    if extra:
        reading.problem("source.row-misfit", f"figures beyond the table's {width} columns: {extra!r}", number)
    cells: list[Cell] = [parse_cell(text, column) for column, text in enumerate(cell_texts[:width], start=1)]
    cells += [BLANK] * (width - len(cells))
    label, markers = clean_label(label_text)
    return Row(number, label, tuple(cells), markers, reason)


def _notes(lines: list[str], start: int, stop: int, language: Language) -> tuple[Note, ...]:
    notes: list[Note] = []
    pattern = _NOTE_EN if language is Language.EN else _NOTE_JA
    index = start
    while index < stop and "\t" not in lines[index]:
        text = strip_markup(lines[index]).strip()
        match = pattern.match(text)
        if not match:
            index += 1
            continue
        body = _APPENDIX.sub("", match.group(2)).strip()
        line = index + 1
        index += 1
        # An English note may run on into a following paragraph (002's Note (2)).
        while language is Language.EN and index < stop:
            nxt = strip_markup(lines[index]).strip()
            if not nxt:
                index += 1
                continue
            if pattern.match(nxt) or _STOP.match(nxt) or not nxt[:1].isupper() or not nxt.endswith("."):
                break
            body = f"{body} {_APPENDIX.sub('', nxt).strip()}"
            index += 1
        notes.append(Note(match.group(1), " ".join(body.split()), line, language))
    return tuple(notes)


def read_table(
    file: str,
    lines: list[str],
    title: Title,
    next_title: int,
    errata: dict[int, Erratum],
    used: set[int],
    headings_only: bool = False,
) -> Table | UnreadableTable:
    """Read the statement under ``title`` (lines up to ``next_title``), or only its heading and columns.

    Whether a statement is readable, and its periods, are decided before its rows: grouping releases needs no more.
    """
    reading = _Reading(file, title)
    start = title.index
    first = next((i for i in range(start + 1, next_title) if "\t" in lines[i]), None)
    block_end = first if first is not None else min(next_title, start + 8)
    block = " ".join(strip_markup(lines[i]) for i in range(start, block_end))
    months = _months(title.kind, title.language, block, None)
    if first is None:
        return UnreadableTable(
            title.kind, months or 0, title.language, start + 1, "no tab-separated table before the next statement"
        )
    end = _tab_run(lines, first)
    # The header: the role row is among the first lines (the body is split again, row by row).
    raw_rows = [lines[i].split("\t") for i in range(first, min(end, first + _ROLE_SEARCH_ROWS))]
    role_index = _role_row(raw_rows)
    if role_index is None:
        return UnreadableTable(title.kind, months or 0, title.language, first + 1, "no USD/JPY column header")
    dates = _dates(title.language, block)
    if months is None:
        # Without the span no column has a period: one clear error, no cascade.
        reading.problem(
            "source.period-unparsed",
            "the heading states no three-month, nine-month, year or balance-sheet span",
            _period_line(lines, start, first),
        )
        return Table(
            file,
            title.kind,
            0,
            title.language,
            start + 1,
            first + 1,
            end,
            (),
            (),
            None,
            False,
            problems=tuple(reading.problems),
        )
    if months == -1:
        months = (dates[0].end.month - 4) % 12 + 1 if dates else 0
    role_line = first + role_index + 1
    columns = _columns(reading, raw_rows[role_index], dates, months, role_line) or ()
    if headings_only:  # the periods are known; the header's dates, the scale and the rows wait for a full read
        return Table(
            file,
            title.kind,
            months,
            title.language,
            start + 1,
            first + 1,
            end,
            columns,
            rows=(),
            scale=None,
            per_unit_exempt=False,
            problems=tuple(reading.problems),
        )
    if columns and title.language is Language.EN:
        header_dates = _dates(title.language, " ".join(" ".join(r) for r in raw_rows[:role_index]))
        if len(header_dates) == len(dates) and header_dates != dates:
            reading.problem(
                "source.period-mismatch",
                f"column headings {[p.end.isoformat() for p in header_dates]} differ from the title's "
                f"{[p.end.isoformat() for p in dates]}",
                first + 1,
            )
    scale = None
    if re.search(r"Thousands\s+of\s+Japanese\s+Yen|千円", block, re.IGNORECASE):
        scale = 1000
    elif re.search(r"Millions\s+of\s+Japanese\s+Yen|百万円", block, re.IGNORECASE):
        scale = 1_000_000
    if scale is None and title.language is Language.EN:
        reading.problem(
            "source.scale-missing", "the heading does not say the amounts are in thousands or millions", start + 1
        )
    exempt = bool(re.search(r"Except\s+for\s+Per\s+Share", block, re.IGNORECASE))
    rows: list[Row] = []
    excluded: list[Excluded] = []
    if columns:
        # The role row may carry the first heading in its label cell ("Revenues:").
        label, markers = clean_label(raw_rows[role_index][0])
        if label:
            rows.append(Row(role_line, label, (BLANK,) * len(columns), markers))
        body, excluded = rows_of(reading, lines, first + role_index + 1, end, errata, used)
        rows += [_row(reading, number, label, cells, len(columns), reason) for number, label, cells, reason in body]
        _check_columns_filled(reading, columns, rows, role_line)
    return Table(
        file=file,
        kind=title.kind,
        months=months,
        language=title.language,
        title_line=start + 1,
        first_line=first + 1,
        last_line=end,
        columns=columns,
        rows=tuple(rows),
        scale=scale,
        per_unit_exempt=exempt,
        notes=_notes(lines, end, next_title, title.language),
        problems=tuple(reading.problems),
        excluded=tuple(excluded),
    )
