"""Reading one release file into a :class:`Document`."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from generator.findings import Finding
from generator.source.errata import Erratum
from generator.source.model import Document, Language, Note, Rate, Table, UnreadableTable
from generator.source.periods import parse_english_date
from generator.source.tables import find_titles, read_table
from generator.source.text import SourceReadError, read_lines

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


def read_document(path: Path, errata: dict[int, Erratum] | None = None) -> Document:
    """Read a release; problems are findings on the document or its tables."""
    name = path.name
    errata = errata or {}
    try:
        lines = read_lines(path)
    except SourceReadError as error:
        return Document(path, (), (), (), (Finding("source.unreadable-file", str(error), name, error.line),))
    titles = find_titles(lines)
    findings: list[Finding] = []
    if not titles:
        findings.append(
            Finding("source.no-statements", "no statement of operations, balance sheet or cash flows found", name)
        )
    tables: list[Table] = []
    unreadable: list[UnreadableTable] = []
    used: set[int] = set()
    for position, title in enumerate(titles):
        stop = titles[position + 1].index if position + 1 < len(titles) else len(lines)
        result = read_table(name, lines, title, stop, errata, used)
        (tables if isinstance(result, Table) else unreadable).append(result)  # type: ignore[arg-type]
    for line in sorted(set(errata) - used):
        findings.append(
            Finding(
                "source.erratum-mismatch", "erratum names a line that is not part of any statement table", name, line
            )
        )
    for line in sorted(used):
        erratum = errata[line]
        findings.append(Finding("source.erratum-applied", f"{erratum.action}: {erratum.reason}", name, line))
    rates = tuple(rate for table in tables for note in table.notes if (rate := note_rate(note)) is not None)
    return Document(
        path=path,
        tables=tuple(tables),
        unreadable=tuple(unreadable),
        rates=rates,
        findings=tuple(findings),
        form_6k=any("FORM 6-K" in line for line in lines[:40]),
        line_count=len(lines),
        lines=tuple(lines),
    )
