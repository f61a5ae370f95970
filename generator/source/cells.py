"""The grammar of a printed cell: ``28,778``, ``(3,608)``, ``36.0%``, ``-``, ``n/a``."""

from __future__ import annotations

import re
from decimal import Decimal

from generator.source.model import BLANK, Cell, CellKind
from generator.source.text import strip_markup

_NUMBER = re.compile(
    r"""^(?P<open>\()?\s*(?P<minus>-)?
        (?P<int>0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)
        (?:\.(?P<frac>\d+))?
        \s*(?P<pct>%)?\s*(?P<close>\))?$""",
    re.VERBOSE,
)
_DASHES = {"-", "_", "—", "–", "－", "―", "‐"}
_NOT_AVAILABLE = {"n/a", "na", "n.a", "n.a."}
_DOT_LEADER = re.compile(r"^[·.•∙⋅ ]+$")


def parse_cell(raw: str) -> Cell:
    """Read one cell; anything that is not a figure, a dash or n/a is unreadable."""
    text = strip_markup(raw).strip()
    if not text:
        return BLANK
    if text in _DASHES:
        return Cell(text, CellKind.DASH)
    if text.lower() in _NOT_AVAILABLE:
        return Cell(text, CellKind.NA)
    if _DOT_LEADER.match(text):
        return Cell(text, CellKind.BLANK)
    match = _NUMBER.match(text)
    if not match or bool(match["open"]) != bool(match["close"]):
        return Cell(text, CellKind.UNREADABLE)
    digits = match["int"].replace(",", "") + ("." + match["frac"] if match["frac"] else "")
    value = Decimal(digits)
    if match["open"] or match["minus"]:
        value = -value
    return Cell(
        text,
        CellKind.NUMBER,
        value=value,
        fraction_digits=len(match["frac"] or ""),
        percent=bool(match["pct"]),
    )


def is_dot_leader(raw: str) -> bool:
    """Whether a cell prints only dot leaders (read as blank, with a note)."""
    text = strip_markup(raw).strip()
    return bool(text) and bool(_DOT_LEADER.match(text)) and text not in _DASHES
