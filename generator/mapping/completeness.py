"""Is the release complete?  Damage that leaves no unreadable cell behind.

A release prints its three statements, each through its closing line (a
table without it was cut short), and a total prints a figure in every
column where its items do (a total left blank is a lost cell, not a zero).
"""

from __future__ import annotations

from generator.findings import Finding
from generator.mapping.figures import Figure
from generator.mapping.rows import Resolved
from generator.source.model import Document, StatementKind, Table
from generator.taxonomy.model import Taxonomy

_STATEMENTS = (StatementKind.INCOME, StatementKind.BALANCE, StatementKind.CASH_FLOW)


def check_completeness(
    primary: Document, tables: list[tuple[Table, list[Resolved]]], figures: list[Figure], taxonomy: Taxonomy
) -> list[Finding]:
    """Missing statements, statements cut short, totals left blank."""
    findings = _missing_statements(primary)
    for table, rows in tables:
        if table.kind is StatementKind.OPERATING:
            continue
        closing = taxonomy.statement(table.kind.value).closing
        if closing and not any(r.placement.concept == closing for r in rows):
            message = f"{table.describe()} ends before its {closing} line: the table is cut short"
            findings.append(Finding("source.table-incomplete", message, table.file, table.last_line))
        findings += _blank_totals(table, rows, [f for f in figures if f.table is table], taxonomy)
    return findings


def _missing_statements(primary: Document) -> list[Finding]:
    printed = {t.kind for t in primary.english_statements} | {u.kind for u in primary.unreadable}
    return [
        Finding(
            "source.statement-missing",
            f"no English {kind} in the release: is the text complete?",
            primary.name,
            primary.line_count or None,
        )
        for kind in _STATEMENTS
        if kind not in printed
    ]


def _blank_totals(table: Table, rows: list[Resolved], figures: list[Figure], taxonomy: Taxonomy) -> list[Finding]:
    """Totals whose row prints nothing in a column where every one of their items prints a figure."""
    printed = {(f.concept, f.column.header, f.column.period) for f in figures}
    row_of = {r.placement.concept: r for r in rows}
    findings = []
    for summation in taxonomy.statement(table.kind.value).summations:
        total = row_of.get(summation.total)
        if total is None or not all(item in row_of for item, _ in summation.items):
            continue
        for column in table.columns:
            key = (column.header, column.period)
            if column.period is None or (summation.total, *key) in printed:
                continue
            if all((item, *key) in printed for item, _ in summation.items):
                where = f"{column.header} {column.period.describe()}"
                message = f"{total.label} prints no figure in the {where} column though each of its items does"
                findings.append(Finding("source.total-missing", message, table.file, total.row.line, summation.total))
    return findings
