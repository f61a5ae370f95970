"""The grammar of a printed cell: ``28,778``, ``(3,608)``, ``36.0%``, ``-``, ``n/a``."""

from __future__ import annotations

import re
from decimal import Decimal

from generator.source.model import BLANK, Cell, CellKind
from generator.source.text import strip_markup

# Possessive (``++``, ``?+``): nothing that follows a part of a figure can be the start of that part, so giving
# characters back never makes a match; without backtracking state the pattern, run on every cell, costs a fifth less.
_NUMBER = re.compile(
    r"""(?P<open>\()?\s*+(?P<minus>-)?
        (?P<int>0|[1-9]\d{0,2}(?:,\d{3})++|[1-9]\d*+)
        (?:\.(?P<frac>\d++))?+
        \s*+(?P<pct>%)?+\s*+(?P<close>\))?+""",
    re.VERBOSE,
)
_DASHES = {"-", "_", "—", "–", "－", "―", "‐"}
_NOT_AVAILABLE = {"n/a", "na", "n.a", "n.a."}
_DOT_LEADER = re.compile(r"^[·.•∙⋅ ]+$")


_RANGE = re.compile(r"^(\S+)\s+to\s+(\S+)$")


_DIGIT = re.compile(r"\d")
_NUMBER_KIND = CellKind.NUMBER  # a module name: a member look-up on 3.11's EnumType is slow, and this runs per figure


def has_digit(text: str) -> bool:
    """Whether a cell prints a digit 0-9 (a figure, or a garbled one; superscript markers are not)."""
    return _DIGIT.search(text) is not None


def prints_figure(raw: str) -> bool:
    """Whether a cell prints a figure, garbled or not: a digit, or a dash (the releases' zero)."""
    if "<" not in raw and _DIGIT.search(raw):  # most cells: without a tag, stripping the markup keeps every digit
        return True
    text = strip_markup(raw).strip()
    return text in _DASHES or has_digit(text)


def parse_cell(raw: str, col: int = 0) -> Cell:
    """Read one cell; anything that is not a figure, a dash, n/a or a range is unreadable."""
    return _parse(strip_markup(raw).strip(), col)


def _parse(text: str, col: int) -> Cell:
    if not text:
        return _BLANKS[col] if col < len(_BLANKS) else Cell("", CellKind.BLANK, col=col)
    # Figures next: most cells are one, and no other form (all digit-free or holding " to ") can match.
    match = _NUMBER.fullmatch(text)
    if match:
        opened, minus, whole, fraction, percent, closed = match.groups()
        if (opened is None) != (closed is None):
            return Cell(text, CellKind.UNREADABLE, col=col)
        whole = whole.replace(",", "")
        value = Decimal(f"{whole}.{fraction}" if fraction else whole)
        if opened or minus:
            value = -value
        return Cell(text, _NUMBER_KIND, value, len(fraction) if fraction else 0, percent is not None, None, col)
    if text in _DASHES:
        return Cell(text, CellKind.DASH, col=col)
    if text.lower() in _NOT_AVAILABLE:
        return Cell(text, CellKind.NA, col=col)
    if _DOT_LEADER.match(text):
        return Cell(text, CellKind.BLANK, col=col)
    ends = _RANGE.match(text)
    if ends:
        low, high = _parse(ends.group(1), col), _parse(ends.group(2), col)
        if low.kind is CellKind.NUMBER and high.kind is CellKind.NUMBER and not low.percent and not high.percent:
            digits = max(low.fraction_digits, high.fraction_digits)
            return Cell(text, CellKind.RANGE, value=low.value, fraction_digits=digits, high=high.value, col=col)
    return Cell(text, CellKind.UNREADABLE, col=col)


# The empty cell of each of the first columns, built once: blank cells are common and every one is alike.
_BLANKS = (BLANK, *(Cell("", CellKind.BLANK, col=col) for col in range(1, 16)))
