"""Contexts: entity and period, equal when XBRL says they are equal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator import names


@dataclass(frozen=True, slots=True, order=True)
class Instant:
    """A point in time: the end of ``day``."""

    day: date

    @property
    def end(self) -> date:
        """The instant's date."""
        return self.day


@dataclass(frozen=True, slots=True, order=True)
class Duration:
    """From the start of ``start`` to the end of ``end``."""

    start: date
    end: date


Period = Instant | Duration


@dataclass(frozen=True, slots=True)
class Context:
    """An entity over a period (no segment or scenario in these filings)."""

    period: Period
    scheme: str = names.CIK_SCHEME
    identifier: str = names.IIJ_CIK

    @property
    def id(self) -> str:
        """Deterministic id from the period: ``I2001-09-30``, ``D2001-07-01_2001-09-30``."""
        if isinstance(self.period, Instant):
            return f"I{self.period.day.isoformat()}"
        return f"D{self.period.start.isoformat()}_{self.period.end.isoformat()}"

    def sort_key(self) -> tuple[int, int, int]:
        """Durations before instants, latest end first, then longest first."""
        if isinstance(self.period, Instant):
            return (1, -self.period.day.toordinal(), 0)
        return (0, -self.period.end.toordinal(), self.period.start.toordinal())
