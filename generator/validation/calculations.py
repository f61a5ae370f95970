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
from dataclasses import dataclass
from decimal import Decimal

from generator.findings import Finding
from generator.validation.dts import DTS, SUMMATION_ITEM, QName
from generator.validation.instance import Fact
from generator.validation.rules import Subject, interval, rule


@dataclass(frozen=True, slots=True)
class Summation:
    """``total = sum(weight * item)`` in one extended link role."""

    role: str
    total: QName
    items: tuple[tuple[QName, Decimal], ...]


def summations(dts: DTS) -> list[Summation]:
    """The DTS's summation-item relationships, one summation per (role, total)."""
    grouped: dict[tuple[str, QName], list[tuple[float, QName, Decimal]]] = {}
    for arc in dts.relationships(SUMMATION_ITEM):
        grouped.setdefault((arc.role, arc.source), []).append((arc.order, arc.target, arc.weight or Decimal(1)))
    return [
        Summation(role, total, tuple((item, weight) for _, item, weight in sorted(items)))
        for (role, total), items in sorted(grouped.items())
    ]


def _summations(subject: Subject) -> list[Summation]:
    return subject.dts.derived("summations", summations)


@rule("calc.inconsistent")
def inconsistent(subject: Subject) -> Iterator[Finding]:
    """One finding per inconsistent (summation, context, unit)."""
    by_total: dict[QName, list[Summation]] = {}
    for summation in _summations(subject):
        by_total.setdefault(summation.total, []).append(summation)
    bindings: dict[tuple[str, str], dict[QName, Fact]] = {}
    for (concept, context, unit), fact in subject.index.items():
        bindings.setdefault((context, unit), {})[concept] = fact
    skipped = {key for key in subject.duplicates if key not in subject.index}  # inconsistent duplicates
    for (context, unit), facts in sorted(bindings.items()):
        for concept in facts.keys() & by_total.keys():
            for summation in by_total[concept]:
                found = _check(summation, facts, skipped, context, unit)
                if found is not None:
                    yield subject.finding("calc.inconsistent", found, facts[concept])


def _check(
    summation: Summation, facts: dict[QName, Fact], skipped: set[tuple[QName, str, str]], context: str, unit: str
) -> str | None:
    """The message if the summation is inconsistent in this binding, else None."""
    present = [(facts[name], weight) for name, weight in summation.items if name in facts]
    if not present or any((name, context, unit) in skipped for name, _ in summation.items):
        return None
    low = high = Decimal(0)
    for fact, weight in present:
        a, b = (weight * bound for bound in interval(fact))
        low, high = low + min(a, b), high + max(a, b)
    total = facts[summation.total]
    total_low, total_high = interval(total)
    if max(low, total_low) <= min(high, total_high):
        return None
    computed = sum((weight * (fact.value or 0) for fact, weight in present), Decimal(0))
    role = summation.role.rsplit("/", 1)[-1]
    return f"{summation.total[1]} = {total.value} but its items sum to {computed} ({role}, unit {unit})"
