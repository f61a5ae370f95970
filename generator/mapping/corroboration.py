"""Checking a corroborating copy of a statement against the primary one.

The Japanese summaries repeat the English statements, and 003 (the SEC 6-K)
repeats 000.  Row by row, the copy's printed cells are compared with the
primary's, in order: identical cells agree; cells that carry the same signed
digits through OCR noise (``844.279`` for ``844,279``, a stray parenthesis) are
noted; anything else is a disagreement.
"""

from __future__ import annotations

import re

from generator.findings import Finding
from generator.mapping.rows import Resolved
from generator.source.model import Cell, CellKind, ColumnRole, Language, Table


def _tokens(table: Table, resolved: Resolved) -> list[Cell]:
    return [
        cell
        for column, cell in zip(table.columns, resolved.row.cells, strict=True)
        if cell.kind is not CellKind.BLANK and (column.role is not ColumnRole.SPACER or cell.text)
    ]


def _same(a: Cell, b: Cell) -> bool:
    if a.kind is CellKind.NUMBER and b.kind is CellKind.NUMBER:
        return a.value == b.value
    return a.kind is b.kind and a.kind in (CellKind.DASH, CellKind.NA)


def _signature(cells: list[Cell]) -> tuple[str, int]:
    """Every digit in order, and how many figures are in parentheses.

    OCR moves separators and splits or merges cells, but keeps digits and signs.
    """
    text = re.sub(r"\(+", "(", " ".join(cell.text for cell in cells))
    return re.sub(r"\D", "", text), text.count("(")


def _show(cells: list[Cell]) -> str:
    return " | ".join(cell.text for cell in cells) or "(nothing)"


def compare_tables(
    primary: Table,
    primary_rows: list[Resolved],
    copy: Table,
    copy_rows: list[Resolved],
) -> list[Finding]:
    """Findings for every row of ``copy`` that does not print what ``primary`` prints."""
    japanese = copy.language is Language.JA
    disagree = "source.japanese-disagrees" if japanese else "source.corroboration-disagrees"
    unreadable = "source.japanese-unreadable" if japanese else "source.corroboration-unreadable"
    by_place = {(r.placement.concept, r.placement.node.flags): r for r in primary_rows}
    findings: list[Finding] = []
    for resolved in copy_rows:
        line = resolved.row.line
        match = by_place.get((resolved.placement.concept, resolved.placement.node.flags))
        if match is None:
            findings.append(
                Finding(
                    unreadable,
                    f"{resolved.label!r} ({resolved.placement.concept}) is not printed in {primary.describe()}",
                    copy.file,
                    line,
                )
            )
            continue
        ours, theirs = _tokens(copy, resolved), _tokens(primary, match)
        if len(ours) == len(theirs) and all(_same(a, b) for a, b in zip(ours, theirs, strict=True)):
            continue
        where = f"{primary.file}:{match.row.line}"
        if _signature(ours) == _signature(theirs):
            findings.append(
                Finding(
                    "source.ocr-noise",
                    f"{resolved.placement.concept}: reads {_show(ours)} for {where}'s {_show(theirs)}",
                    copy.file,
                    line,
                )
            )
            continue
        findings.append(
            Finding(
                disagree,
                f"{resolved.placement.concept}: prints {_show(ours)} where {where} prints {_show(theirs)}",
                copy.file,
                line,
                concept=resolved.placement.concept,
            )
        )
    return findings
