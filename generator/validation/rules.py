"""Validation rules: small functions named after their code, each yielding findings.

A rule reads a :class:`Subject` (the instance, its DTS and indexes shared
by all rules) and yields findings of its one code.  ``@rule(code)`` registers
it; a test checks that every registered code is documented and raised by a
fixture of the seeded-error corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from generator.findings import CODES, Finding
from generator.validation.dts import DTS, Concept, QName
from generator.validation.instance import Context, Fact, Instance

Rule = Callable[["Subject"], Iterator[Finding]]
RULES: dict[str, Rule] = {}


def rule(code: str) -> Callable[[Rule], Rule]:
    """Register a rule under its finding code."""
    if code not in CODES:
        raise KeyError(f"rule for unregistered code {code!r}")

    def register(function: Rule) -> Rule:
        RULES[code] = function
        return function

    return register


FactKey = tuple[QName, str, str]  # concept, context, unit (or language)


_HALVES: dict[int, Decimal] = {}


def interval(fact: Fact) -> tuple[Decimal, Decimal]:
    """The values a numeric fact may stand for, given its ``decimals`` (Calculations 1.1)."""
    value, decimals = fact.value, fact.decimals_value
    assert value is not None
    if decimals is None:
        return value, value
    half = _HALVES.get(decimals)
    if half is None:
        half = _HALVES[decimals] = Decimal(5).scaleb(-decimals - 1)
    return value - half, value + half


def consistent(facts: list[Fact]) -> bool:
    """Whether numeric duplicates agree: each, rounded to the least precise ``decimals``, is its value."""
    least = min(facts, key=lambda f: f.decimals_value if f.decimals_value is not None else 10**6)
    decimals = least.decimals_value
    values = {f.value for f in facts}
    if decimals is None or len(values) == 1:
        return len(values) == 1
    quantum = Decimal(1).scaleb(-decimals)
    return all(f.value is not None and f.value.quantize(quantum, ROUND_HALF_UP) == least.value for f in facts)


@dataclass
class Subject:
    """What the rules read: an instance, its DTS, its file name, and shared indexes."""

    file: str
    instance: Instance
    dts: DTS
    cache: dict[str, object] = field(default_factory=dict)  # models a rule module builds once

    def finding(self, code: str, message: str, fact: Fact | None = None, context: Context | None = None) -> Finding:
        """A finding about a fact or a context, located in this file."""
        if fact is not None:
            return Finding(code, message, self.file, fact.line, fact.concept[1], fact.context, fact.id)
        if context is not None:
            return Finding(code, message, self.file, context.line, context=context.id)
        return Finding(code, message, self.file)

    def concept(self, fact: Fact) -> Concept | None:
        """The declaration of a fact's element."""
        return self.dts.concepts.get(fact.concept)

    @cached_property
    def items(self) -> list[tuple[Fact, Concept]]:
        """Facts whose element the DTS declares as an item."""
        concepts = self.dts.concepts
        return [(f, c) for f in self.instance.facts if (c := concepts.get(f.concept)) is not None and c.is_item]

    @cached_property
    def numbers(self) -> list[Fact]:
        """Numeric, non-nil facts with a readable value, a known context and a unit."""
        contexts, units = self.instance.contexts, self.instance.units
        return [
            f for f, c in self.items if c.numeric and f.value is not None and f.context in contexts and f.unit in units
        ]

    @cached_property
    def duplicates(self) -> dict[FactKey, list[Fact]]:
        """Numeric facts grouped by concept, context and unit."""
        groups: dict[FactKey, list[Fact]] = {}
        for fact in self.numbers:
            groups.setdefault((fact.concept, fact.context, fact.unit or ""), []).append(fact)
        return groups

    @cached_property
    def index(self) -> dict[FactKey, Fact]:
        """One numeric fact per key: the most precise of consistent duplicates (inconsistent ones: none)."""
        index = {}
        for key, group in self.duplicates.items():
            if len(group) == 1:
                index[key] = group[0]
            elif consistent(group):
                index[key] = max(group, key=lambda f: f.decimals_value if f.decimals_value is not None else 10**6)
        return index

    @cached_property
    def by_local_name(self) -> dict[str, list[Fact]]:
        """Indexed numeric facts by the concept's local name (integrity rules work across namespaces)."""
        found: dict[str, list[Fact]] = {}
        for fact in self.index.values():
            found.setdefault(fact.concept[1], []).append(fact)
        return found
