"""Resolving a table's rows to placements in its statement's tree.

Headings (rows without figures, or labels ending in a colon) set the section
that disambiguates repeated wordings such as "Other".  A figure-less row that
names nothing is tried joined with the next row: OCR and page layout split
"Total liabilities and / shareholders' equity" over two lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from generator.findings import Finding
from generator.mapping.labels import LabelIndex, Placement
from generator.source.model import Row, Table


class Resolved(NamedTuple):
    """A row with figures and the placement its label names (a named tuple, as :class:`Row`)."""

    row: Row
    label: str
    placement: Placement


@dataclass
class Resolution:
    """What resolving a table's rows produced."""

    rows: list[Resolved]
    problems: list[Finding]


def _is_heading(row: Row, printed: bool) -> bool:
    """Whether a row is a heading; ``printed``: whether it has figures (asked once per row)."""
    return row.label.rstrip().endswith((":", "：")) or not printed


def _is_description(row: Row, printed: bool) -> bool:
    """``(IP Service, IIJ T1 Standard, and IIJ FiberAccess/F)`` under a row: it says what the row holds."""
    return row.label.startswith("(") and row.label.endswith(")") and not printed


def _choose(candidates: list[Placement], section: Placement | None, previous: Placement | None) -> list[Placement]:
    if len(candidates) > 1 and section is not None:
        inside = [c for c in candidates if section.node in c.ancestors]
        candidates = inside or candidates
    if len(candidates) > 1 and previous is not None and previous.ancestors:
        # Tables without section headings: "Others" belongs with the rows around it.
        siblings = [c for c in candidates if c.ancestors and c.ancestors[-1] is previous.ancestors[-1]]
        candidates = siblings or candidates
    return candidates


def resolve_rows(table: Table, index: LabelIndex) -> Resolution:
    """Map every row of ``table`` to a placement, collecting problems."""
    resolved: list[Resolved] = []
    problems: list[Finding] = []
    section: Placement | None = None
    previous: Placement | None = None
    pending: Row | None = None

    def problem(code: str, message: str, line: int) -> None:
        problems.append(Finding(code, message, table.file, line))

    for row in table.rows:
        printed = row.has_figures
        if (not row.label and not printed) or _is_description(row, printed) or row.misfit:
            continue
        heading = _is_heading(row, printed)
        label = row.label
        if pending is not None:
            joined = f"{pending.label} {row.label}"
            lookup = index.heading if heading else index.item
            if lookup(joined):
                label = joined
            else:
                problem(
                    "source.unknown-label",
                    f"{pending.label!r} names no heading or line item of the {index.name}",
                    pending.line,
                )
            pending = None
        if heading:
            headings = _choose(index.heading(label), section, None)
            if printed:
                problem(
                    "source.heading-with-figures",
                    f"heading {label!r} carries figures: {[c.text for c in row.cells if c.text]!r}",
                    row.line,
                )
            if len(headings) == 1:
                section = headings[0]
                continue
            if len(headings) > 1:
                problem("source.ambiguous-label", f"heading {label!r} names {len(headings)} headings", row.line)
                continue
            if not printed:
                if index.item(label):
                    problem("source.unknown-label", f"{label!r} is a line item but the row prints no figures", row.line)
                else:
                    pending = row
                continue
            problem("source.unknown-label", f"{label!r} names no heading of the {index.name}", row.line)
            continue
        candidates = _choose(index.item(label), section, previous)
        if not candidates:
            problem("source.unknown-label", f"{label!r} names no line item of the {index.name}", row.line)
        elif len(candidates) > 1:
            names_ = ", ".join(c.concept for c in candidates)
            problem("source.ambiguous-label", f"{label!r} names {names_}", row.line)
        else:
            resolved.append(Resolved(row, label, candidates[0]))
            previous = candidates[0]
    if pending is not None:
        problem(
            "source.unknown-label",
            f"{pending.label!r} names no heading or line item of the {index.name}",
            pending.line,
        )
    return Resolution(resolved, problems)
