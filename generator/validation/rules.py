"""Validation rules: small functions named after their code, each yielding findings.

A rule reads a :class:`Subject` (the instance, its DTS and indexes shared
by all rules) and yields findings of its one code.  ``@rule(code)`` registers
it; a test checks that every registered code is documented and raised by a
fixture of the seeded-error corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, cached_property, lru_cache

from generator.findings import CODES, Finding
from generator.validation.dts import DTS, Concept, QName
from generator.validation.instance import Context, Fact, Instance, Unit

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


@cache
def half_unit(decimals: int) -> Decimal:
    """Half a unit of the last place ``decimals`` states (there are few: each is made once)."""
    return Decimal(5).scaleb(-decimals - 1)


@lru_cache(maxsize=256)
def unit_of(decimals: int) -> Decimal:
    """A unit of the last place ``decimals`` states (there are few: each is made once)."""
    return Decimal(1).scaleb(-decimals)


def interval(fact: Fact) -> tuple[Decimal, Decimal]:
    """The values a numeric fact may stand for, given its ``decimals`` (Calculations 1.1)."""
    value, decimals = fact.value, fact.decimals_value
    assert value is not None
    if decimals is None:
        return value, value
    half = half_unit(decimals)
    return value - half, value + half


def _most_precise(fact: Fact) -> int:
    return fact.decimals_value if fact.decimals_value is not None else 10**6


def consistent(facts: list[Fact]) -> bool:
    """Whether numeric duplicates agree: each, rounded to the least precise ``decimals``, is its value."""
    least = min(facts, key=_most_precise)
    decimals = least.decimals_value
    values = {f.value for f in facts}
    if decimals is None or len(values) == 1:
        return len(values) == 1
    quantum = Decimal(1).scaleb(-decimals)
    return all(f.value is not None and f.value.quantize(quantum, ROUND_HALF_UP) == least.value for f in facts)


def _items(dts: DTS) -> dict[QName, Concept]:
    """The DTS's item declarations by name."""
    return {name: concept for name, concept in dts.concepts.items() if concept.is_item}


@dataclass
class Subject:
    """What the rules read: an instance, its DTS, its file name, and indexes built when a rule first asks."""

    file: str
    instance: Instance
    dts: DTS

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

    def units_not(self, kind: Callable[[Unit], bool]) -> set[str]:
        """The ids of the instance's units not of a kind (the few a unit rule looks for among the facts)."""
        return {unit_id for unit_id, unit in self.instance.units.items() if not kind(unit)}

    def items_where(self, units: Collection[str | None], item_types: Collection[str]) -> Iterator[tuple[Fact, Concept]]:
        """The items of some item types whose unitRef is among ``units``, in document order.

        The unitRefs each item type is used with are looked at first: the facts are walked only if
        one of those is among ``units``, as they seldom are.
        """
        used = self.item_type_units
        if any(unit in units for item_type in item_types for unit in used.get(item_type, ())):
            yield from (
                (fact, concept)
                for fact, concept in self.items
                if fact.unit in units and concept.item_type in item_types
            )

    @cached_property
    def context_refs(self) -> set[str]:
        """Every contextRef the facts make."""
        return {fact.context for fact in self.instance.facts}

    @cached_property
    def unit_refs(self) -> set[str | None]:
        """Every unitRef the facts make (None: a fact without one)."""
        return {fact.unit for fact in self.instance.facts}

    @cached_property
    def item_type_units(self) -> dict[str, set[str | None]]:
        """Every unitRef the items of each item type make."""
        found: defaultdict[str, set[str | None]] = defaultdict(set)
        for item_type, unit in {(concept.item_type, fact.unit) for fact, concept in self.items}:
            found[item_type].add(unit)
        return dict(found)

    @cached_property
    def items(self) -> list[tuple[Fact, Concept]]:
        """Facts whose element the DTS declares as an item."""
        items = self.dts.derived("items", _items)
        return [(f, c) for f in self.instance.facts if (c := items.get(f.concept)) is not None]

    @cached_property
    def _numbers(self) -> tuple[dict[FactKey, Fact], dict[FactKey, list[Fact]]]:
        """Numeric, non-nil facts with a readable value, a known context and a unit, by concept, context and unit.

        The first fact of each key, and the keys written more than once (both in document order).
        """
        contexts, units = self.instance.contexts, self.instance.units
        first: dict[FactKey, Fact] = {}
        again: dict[FactKey, list[Fact]] = {}
        for fact, declared in self.items:
            context, unit = fact.context, fact.unit
            if fact.value is None or not declared.numeric or context not in contexts or unit not in units:
                continue
            key = (fact.concept, context, unit or "")
            earlier = first.setdefault(key, fact)
            if earlier is not fact:
                again.setdefault(key, [earlier]).append(fact)
        if len(again) > 1:  # in the order of each key's first fact, as the rules report them
            again = {key: again[key] for key in first if key in again}
        return first, again

    @cached_property
    def duplicates(self) -> dict[FactKey, list[Fact]]:
        """Numeric facts that share concept, context and unit (groups of two or more, in document order)."""
        return self._numbers[1]

    @cached_property
    def index(self) -> dict[FactKey, Fact]:
        """One numeric fact per key: the most precise of consistent duplicates (inconsistent ones: none)."""
        first, again = self._numbers
        if not again:
            return first
        index = dict(first)
        for key, group in again.items():
            if consistent(group):
                index[key] = max(group, key=_most_precise)
            else:
                del index[key]
        return index

    @cached_property
    def by_local_name(self) -> dict[str, list[Fact]]:
        """Indexed numeric facts by the concept's local name (integrity rules work across namespaces)."""
        found: defaultdict[str, list[Fact]] = defaultdict(list)
        for (concept, _, _), fact in self.index.items():
            found[concept[1]].append(fact)
        return dict(found)
