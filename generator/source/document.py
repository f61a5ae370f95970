"""Reading one release file into a :class:`Document`."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from generator.findings import Finding
from generator.source.cells import has_digit
from generator.source.errata import Erratum, Exclusion
from generator.source.model import (
    Document,
    Excluded,
    Language,
    Note,
    Rate,
    Run,
    StatementKind,
    Summary,
    Table,
    UnreadableTable,
)
from generator.source.operating import continue_table, is_table_title, is_unit_line, read_operating
from generator.source.periods import parse_english_date
from generator.source.tables import Title, find_titles, read_table
from generator.source.text import SourceReadError, leading_marker, read_lines

_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

_RATE_EN = re.compile(
    r"rate\s+of\s*JPY\s*(\d+(?:\.\d+)?)\s*=\s*(?:US)?\s*\$\s*1(?:\.00)?\s*,?\s*"
    r"the\s+approximate\s+(?:rate\s+of\s+exchange|exchange\s+rate)\s+on\s+"
    r"([A-Z][a-z]+\.?\s+\d{1,2}\s*,\s*\d{4})"
)
_RATE_JA = re.compile(
    r"米ドル換算レート\s*(\d+(?:\.\d+)?)\s*円\s*=\s*1\s*米ドル\s*[(（]\s*(\d{4})/(\d{1,2})/(\d{1,2})\s*[)）]"
)


def note_rate(note: Note) -> Rate | None:
    """The convenience-translation rate a note states, if it states one."""
    if note.language is Language.EN:
        match = _RATE_EN.search(note.text)
        day = parse_english_date(match.group(2)) if match else None
    else:
        match = _RATE_JA.search(note.text)
        day = date(int(match.group(2)), int(match.group(3)), int(match.group(4))) if match else None
    if not match or day is None:
        return None
    digits = match.group(1)
    return Rate(Decimal(digits), len(digits.partition(".")[2]), day, note.line)


def is_translation_note(note: Note) -> bool:
    """Whether a note is the convenience-translation note (it states a rate)."""
    return note_rate(note) is not None


def _tab_runs(lines: list[str]) -> list[tuple[int, int]]:
    """Every block of consecutive tab-separated lines, as (first, end) indexes.

    A "Table N." title that OCR spread over tabs is a title, not a block.
    """
    runs = []
    first = None  # the open block's first line
    for index, line in enumerate(lines):
        if "\t" in line and not is_table_title(line):
            if first is None:
                first = index
        elif first is not None:
            runs.append((first, index))
            first = None
    if first is not None:
        runs.append((first, len(lines)))
    return runs


def _heading_before(lines: list[str], first: int, stop: int) -> int | None:
    """The heading line a titleless table sits under (guidance, matrices)."""
    for index in range(first - 1, max(stop, first - 6) - 1, -1):
        text = lines[index].strip()
        if not text or is_unit_line(text) or leading_marker(text):
            continue
        return index if "\t" not in lines[index] else None
    return None


def _apply_replacements(
    lines: list[str], errata: dict[int, Erratum], used: set[int], findings: list[Finding], name: str
) -> None:
    for number, erratum in errata.items():
        if erratum.action != "replace" or number > len(lines):
            continue
        used.add(number)
        if erratum.expect not in lines[number - 1]:
            findings.append(Finding("source.erratum-mismatch", f"erratum expects {erratum.expect!r}", name, number))
            continue
        lines[number - 1] = erratum.text or ""


def _marker_notes(lines: list[str]) -> tuple[Note, ...]:
    notes = []
    for index, raw in enumerate(lines):
        if "\t" in raw:
            continue
        found = leading_marker(raw)
        if found:
            language = Language.JA if _JAPANESE.search(found[1]) else Language.EN
            notes.append(Note(found[0], found[1], index + 1, language))
    return tuple(notes)


def read_document(
    path: Path,
    errata: dict[int, Erratum] | None = None,
    exclusions: dict[int, Exclusion] | None = None,
) -> Document:
    """Read a release; problems are findings on the document or its tables."""
    name = path.name
    errata = errata or {}
    exclusions = exclusions or {}
    try:
        lines = read_lines(path)
    except SourceReadError as error:
        return Document(path, (), (), (), (Finding("source.unreadable-file", str(error), name, error.line),))
    findings: list[Finding] = []
    used: set[int] = set()
    printed = tuple(lines)
    tables, unreadable = _read_statements(name, lines, errata, used, findings)
    claimed = {line for t in tables for line in range(t.first_line, t.last_line + 1)}
    operating, runs, excluded = _read_blocks(name, lines, claimed, errata, exclusions, used, findings)
    for line in sorted(set(errata) - used):
        findings.append(
            Finding("source.erratum-mismatch", "erratum names a line that is not part of any table", name, line)
        )
    for line in sorted(used):
        erratum = errata[line]
        findings.append(Finding("source.erratum-applied", f"{erratum.action}: {erratum.reason}", name, line))
    rates = tuple(rate for table in tables for note in table.notes if (rate := note_rate(note)) is not None)
    return Document(
        path=path,
        tables=tuple(sorted([*tables, *operating], key=lambda t: t.title_line)),
        unreadable=tuple(unreadable),
        rates=rates,
        findings=tuple(findings),
        form_6k=_is_form_6k(lines),
        line_count=len(lines),
        lines=tuple(lines),
        printed=printed,
        notes=_marker_notes(lines),
        runs=tuple(runs),
        excluded=tuple(excluded),
    )


def read_summary(
    path: Path, errata: dict[int, Erratum] | None = None, exclusions: dict[int, Exclusion] | None = None
) -> Summary:
    """What grouping needs of a release, from its statements' headings alone (a first pass over many files).

    A document whose statements give no period carries no release: it is
    read whole, for all its findings.
    """
    try:
        lines = read_lines(path)
    except SourceReadError:
        return read_document(path, errata, exclusions).summary()
    findings: list[Finding] = []
    tables, unreadable = _read_statements(path.name, lines, errata or {}, set(), findings, headings_only=True)
    summary = Document(path, tuple(tables), tuple(unreadable), (), tuple(findings), _is_form_6k(lines)).summary()
    if summary.current_period_end is None:
        return read_document(path, errata, exclusions).summary()
    return summary


def _read_statements(
    name: str,
    lines: list[str],
    errata: dict[int, Erratum],
    used: set[int],
    findings: list[Finding],
    headings_only: bool = False,
) -> tuple[list[Table], list[UnreadableTable]]:
    """The statements (or their headings and columns only), after the errata that replace lines.

    ``lines`` is changed in place.
    """
    _apply_replacements(lines, errata, used, findings, name)
    titles = find_titles(lines)
    if not titles:
        findings.append(
            Finding("source.no-statements", "no statement of operations, balance sheet or cash flows found", name)
        )
    tables: list[Table] = []
    unreadable: list[UnreadableTable] = []
    for position, title in enumerate(titles):
        stop = titles[position + 1].index if position + 1 < len(titles) else len(lines)
        result = read_table(name, lines, title, stop, errata, used, headings_only)
        (tables if isinstance(result, Table) else unreadable).append(result)  # type: ignore[arg-type]
    return tables, unreadable


def _is_form_6k(lines: list[str]) -> bool:
    return any("FORM 6-K" in line for line in lines[:40])


def _read_blocks(
    name: str,
    lines: list[str],
    claimed: set[int],
    errata: dict[int, Erratum],
    exclusions: dict[int, Exclusion],
    used: set[int],
    findings: list[Finding],
) -> tuple[list[Table], list[Run], list[Excluded]]:
    """Operating tables, and the blocks no table takes, in document order."""
    operating: list[Table] = []
    runs: list[Run] = []
    excluded: list[Excluded] = []
    open_table: int | None = None  # the table a headerless block may continue
    pending: int | None = None  # a "Table N." title not yet used
    previous_end = 0
    exclusion_lines = sorted(exclusions)
    for first, end in _tab_runs(lines):
        gap = range(previous_end, first)
        previous_end = end
        titles = [i for i in gap if is_table_title(lines[i]) or i + 1 in exclusions or (i + 1) in claimed]
        if titles:
            open_table, pending = None, titles[-1]
        if first + 1 in claimed:
            open_table = pending = None
            continue
        declared = next((n for n in exclusion_lines if first - 6 <= n - 1 < first and n - 1 in gap), None)
        if declared is not None:
            exclusion = exclusions[declared]
            used_exclusion = exclusion.expect in lines[declared - 1]
            if not used_exclusion:
                findings.append(
                    Finding("source.erratum-mismatch", f"exclusion expects {exclusion.expect!r}", name, declared)
                )
            runs.append(Run(first + 1, end, f"excluded table: {exclusion.reason}"))
            pending = open_table = None
            continue
        if all(errata.get(i + 1) and errata[i + 1].action == "ignore" for i in range(first, end)):
            for i in range(first, end):
                used.add(i + 1)
                excluded += [
                    Excluded(i + 1, column, text, f"erratum: {errata[i + 1].reason}")
                    for column, text in enumerate(lines[i].split("\t"))
                    if has_digit(text)
                ]
            continue
        heading = pending if pending is not None else _heading_before(lines, first, 0)
        title = Title(heading, StatementKind.OPERATING, Language.EN) if heading is not None else None
        table = read_operating(name, lines, (first, end), title, errata, used)
        if table is not None:
            operating.append(table)
            open_table, pending = len(operating) - 1, None
        elif open_table is not None:
            operating[open_table] = continue_table(operating[open_table], lines, (first, end), errata, used)
        else:
            runs.append(Run(first + 1, end))
    return operating, runs, excluded
