"""Contexts: entity and period, equal when XBRL says they are equal."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    """An entity over a period, with explicit dimension members in the segment.

    ``members`` are (axis, member) local names in the taxonomy's namespace,
    in a fixed order per use (forecasts: the result/forecast axis, then the
    range axis), so that equal contexts have equal ids.  The id is worked
    out once, when the context is made: a build asks for it tens of
    thousands of times.
    """

    period: Period
    members: tuple[tuple[str, str], ...] = ()
    scheme: str = names.CIK_SCHEME
    identifier: str = names.IIJ_CIK

    # Deterministic: ``I2001-09-30``, ``D2001-10-01_2001-12-31_ForecastMember_UpperMember``.
    id: str = field(init=False, repr=False, compare=False, default="")

    def __post_init__(self) -> None:
        if isinstance(self.period, Instant):
            base = f"I{self.period.day.isoformat()}"
        else:
            base = f"D{self.period.start.isoformat()}_{self.period.end.isoformat()}"
        object.__setattr__(self, "id", "_".join([base, *(member for _, member in self.members)]))

    def sort_key(self) -> tuple[int, int, int, tuple[tuple[str, str], ...]]:
        """Durations before instants, latest end first, longest first, undimensioned first."""
        if isinstance(self.period, Instant):
            return (1, -self.period.day.toordinal(), 0, self.members)
        return (0, -self.period.end.toordinal(), self.period.start.toordinal(), self.members)
