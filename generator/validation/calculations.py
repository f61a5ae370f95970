"""Calculations 1.1 (round-to-nearest) consistency, per context and unit.

A fact with ``decimals`` d stands for any value within half a unit of the
10^-d place; a summation is consistent when the total's interval meets the
weighted sum of its items' intervals.  Items not reported do not contribute;
a total with no item reported is not checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from generator.findings import Finding
from generator.validation.reader import ParsedFact

QName = tuple[str, str]


@dataclass(frozen=True, slots=True)
class SummationRule:
    """``total = sum(weight * item)`` in one extended link role."""

    role: str
    total: QName
    items: tuple[tuple[QName, Decimal], ...]


def interval(fact: ParsedFact) -> tuple[Decimal, Decimal]:
    """The values a fact may stand for, given its ``decimals``."""
    assert fact.value is not None
    if fact.decimals is None:
        return fact.value, fact.value
    half = Decimal(5) * Decimal(10) ** (-fact.decimals - 1)
    return fact.value - half, fact.value + half


def index_facts(facts: Iterable[ParsedFact]) -> dict[tuple[QName, str, str], ParsedFact]:
    """Numeric facts by (concept, context, unit); of duplicates, the most precise."""
    out: dict[tuple[QName, str, str], ParsedFact] = {}
    for fact in facts:
        if fact.value is None or fact.unit is None:
            continue
        key = (fact.concept, fact.context, fact.unit)
        kept = out.get(key)
        # Of consistent duplicates, the most precise stands for all.
        if kept is None or (fact.decimals is None) or (kept.decimals is not None and fact.decimals > kept.decimals):
            out[key] = fact
    return out


def check_calculations(facts: Iterable[ParsedFact], rules: Iterable[SummationRule], file: str) -> list[Finding]:
    """One finding per inconsistent (summation, context, unit)."""
    index = index_facts(facts)
    bindings: dict[QName, set[tuple[str, str]]] = {}
    for concept, context, unit in index:
        bindings.setdefault(concept, set()).add((context, unit))
    findings = []
    for rule in rules:
        for context, unit in sorted(bindings.get(rule.total, ())):
            items = [(index.get((name, context, unit)), weight) for name, weight in rule.items]
            present = [(fact, weight) for fact, weight in items if fact is not None]
            if not present:
                continue
            total = index[(rule.total, context, unit)]
            low = high = Decimal(0)
            for fact, weight in present:
                a, b = (weight * bound for bound in interval(fact))
                low, high = low + min(a, b), high + max(a, b)
            total_low, total_high = interval(total)
            if max(low, total_low) > min(high, total_high):
                computed = sum((weight * fact.value for fact, weight in present if fact.value is not None), Decimal(0))
                findings.append(
                    Finding(
                        "calc.inconsistent",
                        f"{rule.total[1]} = {total.value} but its items sum to {computed} "
                        f"({rule.role.rsplit('/', 1)[-1]}, unit {unit})",
                        file,
                        total.line,
                        rule.total[1],
                        context,
                    )
                )
    return findings
