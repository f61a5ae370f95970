"""Calculations 1.1 (round-to-nearest) consistency, per context and unit.

A fact with ``decimals`` d stands for any value within half a unit of the
10^-d place; a summation is consistent when the total's interval meets the
weighted sum of its items' intervals.  Items not reported do not contribute;
a total with no item reported is not checked, nor a binding that holds
inconsistent duplicates (they are reported as such).  XBRL 2.1's
summation-item arcrole is checked the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from generator.findings import Finding
from generator.validation.dts import DTS, SUMMATION_ITEM, QName
from generator.validation.instance import Fact
from generator.validation.rules import FactKey, Subject, half_unit, interval, rule

_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Summation:
    """``total = sum(weight * item)`` in one extended link role."""

    role: str
    total: QName
    items: tuple[tuple[QName, Decimal], ...]
    signs: tuple[int, ...] = field(init=False)  # per item: 1 or -1 for those weights (most), else 0

    def __post_init__(self) -> None:
        signs = tuple(1 if weight == 1 else -1 if weight == -1 else 0 for _, weight in self.items)
        object.__setattr__(self, "signs", signs)


def summations(dts: DTS) -> list[Summation]:
    """The DTS's summation-item relationships, one summation per (role, total)."""
    grouped: dict[tuple[str, QName], list[tuple[float, QName, Decimal]]] = {}
    for arc in dts.relationships(SUMMATION_ITEM):
        grouped.setdefault((arc.role, arc.source), []).append((arc.order, arc.target, arc.weight or Decimal(1)))
    return [
        Summation(role, total, tuple((item, weight) for _, item, weight in sorted(items)))
        for (role, total), items in sorted(grouped.items())
    ]


def _by_total(dts: DTS) -> dict[QName, list[Summation]]:
    """The summations of each total concept, in role order."""
    found: dict[QName, list[Summation]] = {}
    for summation in summations(dts):
        found.setdefault(summation.total, []).append(summation)
    return found


@rule("calc.inconsistent")
def inconsistent(subject: Subject) -> Iterator[Finding]:
    """One finding per inconsistent (summation, context, unit): by context and unit, then as the totals are written."""
    by_total = subject.dts.derived("summations by total", _by_total)
    index = subject.index
    skipped = {key for key in subject.duplicates if key not in index}  # inconsistent duplicates
    found = []
    for (concept, context, unit), total in index.items():
        for summation in by_total.get(concept, ()):
            message = _check(summation, total, index, skipped, context, unit)
            if message is not None:
                found.append(((context, unit), message, total))
    found.sort(key=lambda entry: entry[0])  # stable: within a context and unit, in document order
    for _, message, total in found:
        yield subject.finding("calc.inconsistent", message, total)


def _check(
    summation: Summation,
    total: Fact,
    index: dict[FactKey, Fact],
    skipped: set[FactKey],
    context: str,
    unit: str,
) -> str | None:
    """The message if the summation is inconsistent for this context and unit, else None."""
    if skipped and any((name, context, unit) in skipped for name, _ in summation.items):
        return None
    low, high, present = _bounds(summation, index, context, unit)
    if not present:
        return None
    total_low, total_high = interval(total)
    if max(low, total_low) <= min(high, total_high):
        return None
    computed = _ZERO
    for name, weight in summation.items:
        fact = index.get((name, context, unit))
        if fact is not None:
            computed += weight * (fact.value or 0)
    role = summation.role.rsplit("/", 1)[-1]
    return f"{summation.total[1]} = {total.value} but its items sum to {computed} ({role}, unit {unit})"


def _bounds(summation: Summation, index: dict[FactKey, Fact], context: str, unit: str) -> tuple[Decimal, Decimal, bool]:
    """The least and greatest weighted sum of the items present (Calculations 1.1), and whether any is.

    This runs for every item of every summation bound, so it is written out: a weight of 1 or -1
    adds or subtracts the bounds, the same numbers as multiplying them (a bound is a rounded
    result already, so it is exact; a fact without ``decimals`` is multiplied as before).
    """
    low = high = _ZERO
    present = False
    for (name, weight), sign in zip(summation.items, summation.signs, strict=True):
        fact = index.get((name, context, unit))
        if fact is None:
            continue
        present = True
        value, places = fact.value, fact.decimals_value
        assert value is not None
        if places is not None and sign:
            half = half_unit(places)
            if sign > 0:
                low += value - half
                high += value + half
            else:
                low -= value + half
                high -= value - half
            continue
        a, b = (weight * bound for bound in interval(fact))
        if b < a:
            a, b = b, a
        low += a
        high += b
    return low, high, present
