"""Coverage: every figure a source prints is a fact or a reasoned exclusion.

The census does not trust the table reader: it takes every tab-separated
cell printing a figure (a digit, or a dash: the releases' zero), on every line of every source (the releases' tables
are tab-separated throughout), plus each figure of the lines OCR scrambled
out of a statement (003's statements of operations).  Each is then
accounted for: the fact(s) it became, or why it became none (a heading, a
derived percentage, the Japanese duplicate of an English table, ...).  A
cell nobody accounts for is an error naming its file and line.
"""

from __future__ import annotations

import csv
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from generator.csvtext import csv_field, csv_lines
from generator.findings import Finding
from generator.instance.model import Fact
from generator.mapping.figures import Figure
from generator.mapping.release import MappedRelease
from generator.source.cells import has_digit, prints_figure
from generator.source.model import CellKind, ColumnRole, Document, Language, Table

COVERAGE_FILE = "coverage.csv"


class Status(StrEnum):
    """What became of a printed figure."""

    FACT = "fact"
    EXCLUDED = "excluded"
    UNBUILT = "unbuilt"  # its release has errors and no instance
    UNEXPLAINED = "unexplained"


class Reason(StrEnum):
    """Why a printed figure is no fact (the report groups by these)."""

    HEADING = "table heading"
    LABEL = "part of a row label"
    DERIVED = "derived percentage"
    JAPANESE = "Japanese table: duplicate of the English one, cross-checked"
    COPY = "corroborating copy of another source, cross-checked"
    PRINTED_TWICE = "printed twice: the other printing is the fact"
    ERRATUM = "OCR defect set aside by the errata"
    SUPPLIED = "blank cell the errata fill"  # a fact's reason: its figure is printed elsewhere
    DECLARED = "table excluded in exclusions.yaml"
    SCRAMBLED = "statement scrambled by OCR: unreadable, reported"
    RELEASE_FAILED = "the release has errors; no instance was written"


# A figure as printed: file, line, cell (tab cell ``cell``, 0 being the label; or a scrambled line's word), text.
Printed = tuple[str, int, int, str]
# What became of it: status, reason, detail, and the fact's id, concept, context and unit ids.
Outcome = tuple[Status, str, str, str, str, str, str]


class Entry(NamedTuple):
    """One printed figure and what became of it (one entry per fact it became): a row of ``coverage.csv``.

    Plain strings for the fact (its id, concept, context and unit ids), so
    an entry is a printed figure followed by its outcome: a release has ~700
    entries, and a tuple is cheap to make.
    """

    file: str
    line: int
    cell: int
    printed: str
    status: Status
    reason: str = ""
    detail: str = ""
    fact: str = ""
    concept: str = ""
    context: str = ""
    unit: str = ""


# An entry from a printed figure and its outcome, (*printed, *outcome): ``Entry._make`` without its Python frame.
_entry = partial(tuple.__new__, Entry)


# Module names: a member look-up on 3.11's EnumType is slow, and these run per cell, row or fact.
_FACT, _EXCLUDED = Status.FACT, Status.EXCLUDED
_LABEL, _BLANK = Reason.LABEL, CellKind.BLANK


def _excluded(reason: str, detail: str = "") -> Outcome:
    return (_EXCLUDED, reason, detail, "", "", "", "")


def _became(fact: Fact, reason: str = "", detail: str = "") -> Outcome:
    """The outcome of a figure that became ``fact``."""
    unit = fact.unit.id if fact.unit else ""
    return (_FACT, reason, detail, fact.id, fact.concept, fact.context.id, unit)


_UNBUILT: Outcome = (Status.UNBUILT, Reason.RELEASE_FAILED, "", "", "", "", "")
_UNEXPLAINED: Outcome = (Status.UNEXPLAINED, "", "", "", "", "", "")


def census(document: Document) -> list[Printed]:
    """Every digit-bearing tab cell, and every figure of a scrambled statement's lines."""
    raw_lines, name = document.printed, document.name
    found = [
        (name, number, cell, text.strip())
        for number, line in enumerate(raw_lines, start=1)
        if "\t" in line
        for cell, text in enumerate(line.split("\t"))
        if text and prints_figure(text)  # a fifth of the cells are empty
    ]
    for number in scrambled_lines(document):
        words = raw_lines[number - 1].split()
        found += [(name, number, cell, word) for cell, word in enumerate(words) if has_digit(word)]
    return found


def scrambled_lines(document: Document) -> list[int]:
    """Lines under an unreadable statement's title that print runs of figures (not its heading)."""
    raw_lines = document.printed
    lines = []
    for missing in document.unreadable:
        for number in range(missing.line + 1, len(raw_lines) + 1):
            text = raw_lines[number - 1]
            if "\t" in text or text.lstrip().startswith("Note") or "INTERNET INITIATIVE JAPAN" in text.upper():
                break
            if sum(has_digit(word) for word in text.split()) >= 10:
                lines.append(number)
    return lines


@dataclass
class _Ledger:
    """Outcomes by (line, cell) for one document, each made once and shared by the cells it explains."""

    facts: dict[tuple[int, int], dict[str, Outcome]]  # each fact a cell became, by its id, first seen first
    figures: dict[tuple[int, int], Figure]  # one figure per cell, for cells only an erratum fills
    reasons: dict[tuple[int, int], Outcome]
    lines: dict[int, Outcome]  # whole lines: headings, excluded runs, scrambled statements

    def explain(self, line: int, cell: int, outcome: Outcome) -> None:
        self.reasons.setdefault((line, cell), outcome)

    def explain_line(self, line: int, outcome: Outcome) -> None:
        self.lines.setdefault(line, outcome)


def _table_cells(table: Table, ledger: _Ledger, reason: Reason | None, detail: str) -> None:
    """Headings, labels and percentage columns of a table; every cell when it is a duplicate (``reason``)."""
    described = table.describe()
    first_row = min((row.line for row in table.rows), default=table.last_line + 1)
    heading = _excluded(Reason.HEADING, described)
    for line in range(table.title_line, first_row):  # a line skipped among the rows stays unexplained
        ledger.explain_line(line, heading)
    duplicate = _excluded(reason, detail) if reason is not None else None
    derived = [  # each percentage column's position and outcome: only their cells are explained here
        (position, _excluded(Reason.DERIVED, column.header))
        for position, column in enumerate(table.columns)
        if column.role is ColumnRole.PERCENT
    ]
    for row in table.rows:
        values = [cell.col for cell in row.cells if cell.col > 0]
        if not values:  # the column-role row, its label a heading ("Revenues:")
            ledger.explain_line(row.line, _excluded(Reason.HEADING, f"column headings of {described}"))
        label = _excluded(_LABEL, row.label)
        for position in range(min(values, default=1)):
            ledger.explain(row.line, position, label)
        if duplicate is not None:
            for cell in row.cells:
                ledger.explain(row.line, cell.col, duplicate)
            continue
        for position, percent in derived:
            cell = row.cells[position]
            if cell.kind is not _BLANK:
                ledger.explain(row.line, cell.col, percent)
    for excluded in table.excluded:
        ledger.explain(excluded.line, excluded.col, _excluded(Reason.ERRATUM, excluded.reason))


def _ledger(document: Document, mapped: MappedRelease | None, primary: str) -> _Ledger:
    ledger, name = _Ledger({}, {}, {}, {}), document.name
    if mapped is not None and mapped.instance is not None:
        kept = {id(f) for d in mapped.drafts for f in d.figures}
        for draft in mapped.drafts:
            became = _became(draft.fact)
            for figure in draft.figures:
                if figure.table.file == name:
                    key = (figure.resolved.row.line, figure.cell.col)
                    ledger.facts.setdefault(key, {}).setdefault(draft.fact.id, became)
                    ledger.figures[key] = figure
        for figure in mapped.figures:
            if id(figure) not in kept and figure.table.file == name:
                twice = _excluded(Reason.PRINTED_TWICE, _twice(figure, mapped))
                ledger.explain(figure.resolved.row.line, figure.cell.col, twice)
    for table in document.tables:
        if name != primary:
            _table_cells(table, ledger, Reason.COPY, f"{table.describe()} repeats {primary}")
        elif table.language is Language.JA:
            _table_cells(table, ledger, Reason.JAPANESE, table.describe())
        else:
            _table_cells(table, ledger, None, "")
    for excluded in document.excluded:
        ledger.explain(excluded.line, excluded.col, _excluded(Reason.ERRATUM, excluded.reason))
    for run in document.runs:
        if run.reason:
            declared = _excluded(Reason.DECLARED, run.reason)
            for line in range(run.first_line, run.last_line + 1):
                ledger.explain_line(line, declared)
    for line in scrambled_lines(document):
        ledger.explain_line(line, _excluded(Reason.SCRAMBLED, f"{document.name}:{line}"))
    return ledger


def _twice(figure: Figure, mapped: MappedRelease) -> str:
    fact = next((d.fact for d in mapped.drafts if d.fact.key == figure.key), None)
    kept = f"; the fact is {fact.value} ({fact.id})" if fact else ""
    return f"{figure.concept} printed {figure.cell.text} here{kept}"


def account(documents: Iterable[Document], mapped: dict[str, MappedRelease]) -> tuple[list[Entry], list[Finding]]:
    """Every printed figure of every document, accounted for; unexplained ones are findings.

    ``mapped`` gives each document's release by file name (absent: the
    document carries no release we could group).
    """
    entries: list[Entry] = []
    findings: list[Finding] = []
    for document in documents:
        release = mapped.get(document.name)
        primary = release.release.primary.name if release else document.name
        ledger = _ledger(document, release, primary)
        unaccounted = _UNEXPLAINED if release is not None and release.instance is not None else _UNBUILT
        facts, reasons, lines = ledger.facts, ledger.reasons, ledger.lines
        printed_facts = []
        for printed in census(document):
            file, line, cell, text = printed
            key = (line, cell)
            became = facts.get(key)
            if became:
                for outcome in became.values():  # mostly one: a loop, not a comprehension's frame
                    entries.append(_entry(printed + outcome))
                printed_facts.append(key)
                continue
            outcome = reasons.get(key) or lines.get(line) or unaccounted
            entries.append(_entry(printed + outcome))
            if outcome is _UNEXPLAINED:
                message = f"cell {cell} prints {text!r}, which is neither a fact nor excluded"
                findings.append(Finding("coverage.unexplained", message, file, line))
        entries += _supplied(document, ledger, printed_facts)
    return entries, findings


def _supplied(document: Document, ledger: _Ledger, claimed: list[tuple[int, int]]) -> list[Entry]:
    """Facts of cells the source leaves blank (no census cell ``claimed``) and an erratum fills (from a ghost line)."""
    entries = []
    for key in sorted(ledger.facts.keys() - claimed):
        figure = ledger.figures[key]
        printed = (document.name, *key, figure.cell.text)
        detail = f"erratum: {figure.resolved.row.erratum}"
        supplied = (Status.FACT, Reason.SUPPLIED, detail)
        entries += [_entry(printed + supplied + outcome[3:]) for outcome in ledger.facts[key].values()]
    return entries


def prose_entries(mapped: Iterable[MappedRelease]) -> list[Entry]:
    """The facts curated prose states (``cell`` 0: a sentence, not a table cell)."""
    return [
        _entry((source.file, source.line, 0, str(fact.value)) + _became(fact, "prose"))
        for release in mapped
        for fact in release.prose
        for source in fact.sources[:1]
    ]


def csv_chunks(entries: Iterable[Entry]) -> dict[str, bytes]:
    """Each source file's rows of ``coverage.csv``, in source order (no header), compressed.

    Built where the release is built and joined by the parent in file order,
    so a thousand-release build never holds every entry in one process; and
    compressed, as a thousand releases' rows take 300 MB.
    """
    by_file: dict[str, list[Entry]] = {}
    for entry in entries:
        by_file.setdefault(entry.file, []).append(entry)
    return {file: zlib.compress(_rows(file, found).encode("utf-8"), 1) for file, found in by_file.items()}


_figure_then_fact = itemgetter(1, 2, 3, 7)  # line, cell, printed; fact
_outcome = itemgetter(slice(4, None))  # status, reason, detail, fact, concept, context, unit
_END = "\n"  # coverage.csv's line terminator


def _rows(file: str, entries: list[Entry]) -> str:
    """One file's rows of ``coverage.csv`` as ``csv.writer`` writes them, by figure, then fact.

    Each outcome is written once: a fact's serves its printings, an
    exclusion's the dozens of cells a heading or a duplicate table holds.
    """
    entries = sorted(entries, key=_figure_then_fact)
    keys = list(map(_outcome, entries))
    outcomes = list(dict.fromkeys(keys))
    written = map(dict(zip(outcomes, csv_lines(outcomes, _END), strict=True)).__getitem__, keys)
    file = csv_field(file, _END)
    return "".join(
        [f"{file},{e.line},{e.cell},{csv_field(e.printed, _END)},{w}\n" for e, w in zip(entries, written, strict=True)]
    )


def coverage_csv(chunks: dict[str, bytes]) -> Iterator[bytes]:
    """``coverage.csv``, in parts: one row per printed figure and fact, by file and line."""
    yield (",".join(Entry._fields) + "\n").encode("utf-8")
    for file in sorted(chunks):
        yield zlib.decompress(chunks[file])


def read_coverage(path: Path) -> list[Entry]:
    """``coverage.csv`` read back as entries (for tests and for anyone auditing a build)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    return [Entry(row[0], int(row[1]), int(row[2]), row[3], Status(row[4]), *row[5:]) for row in rows]


@dataclass(frozen=True)
class Tally:
    """Figures by status, and exclusions by reason, for one source or all."""

    figures: int = 0
    facts: int = 0
    excluded: Counter[str] = field(default_factory=Counter)
    unexplained: int = 0
    unbuilt: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.figures + other.figures,
            self.facts + other.facts,
            self.excluded + other.excluded,
            self.unexplained + other.unexplained,
            self.unbuilt + other.unbuilt,
        )


def tally(entries: Iterable[Entry]) -> Tally:
    """Count printed figures (a range cell is one figure, though it is two facts)."""
    by_figure: dict[tuple[object, ...], Entry] = {}
    for entry in entries:
        by_figure.setdefault(entry[:4], entry)  # file, line, cell, printed
    statuses = Counter(e.status for e in by_figure.values())
    excluded = Counter(e.reason for e in by_figure.values() if e.status is _EXCLUDED)
    return Tally(
        len(by_figure), statuses[Status.FACT], excluded, statuses[Status.UNEXPLAINED], statuses[Status.UNBUILT]
    )


def tally_by_file(entries: Iterable[Entry]) -> dict[str, Tally]:
    """A tally per source file."""
    by_file: dict[str, list[Entry]] = {}
    for entry in entries:
        by_file.setdefault(entry.file, []).append(entry)
    return {file: tally(found) for file, found in by_file.items()}


def summary_line(total: Tally) -> str:
    """``coverage: 4,210 printed figures: 2,001 facts, 2,209 excluded with reasons, 0 unexplained``."""
    parts = [f"{total.facts:,} facts", f"{sum(total.excluded.values()):,} excluded with reasons"]
    if total.unbuilt:
        parts.append(f"{total.unbuilt:,} in releases not built")
    parts.append(f"{total.unexplained:,} unexplained")
    return f"coverage: {total.figures:,} printed figures: " + ", ".join(parts)
