"""XBRL 2.1 rules the schema cannot state (sections 4.6 to 4.11), and decimals over precision."""

from __future__ import annotations

from collections.abc import Iterator

from generator import names
from generator.findings import Finding
from generator.validation.dts import NUMERIC_TYPES
from generator.validation.instance import Context, Fact, Unit
from generator.validation.rules import Subject, consistent, rule

_SHARES = ((names.XBRLI, "shares"),)
_MONETARY = {"monetaryItemType"}
_SHARE = {"sharesItemType"}


@rule("xbrl.context-missing")
def context_missing(subject: Subject) -> Iterator[Finding]:
    """Every fact's contextRef names a context of the instance (4.6.1)."""
    contexts = subject.instance.contexts
    if subject.context_refs <= contexts.keys():
        return
    for fact, _ in subject.items:
        if fact.context not in contexts:
            yield subject.finding("xbrl.context-missing", f"contextRef {fact.context!r} names no context", fact)


@rule("xbrl.unit-missing")
def unit_missing(subject: Subject) -> Iterator[Finding]:
    """Every numeric fact's unitRef names a unit of the instance (4.6.2)."""
    missing = subject.unit_refs - subject.instance.units.keys()
    for fact, _ in subject.items_where(missing, NUMERIC_TYPES):
        said = f"unitRef {fact.unit!r} names no unit" if fact.unit else "a numeric fact has no unitRef"
        yield subject.finding("xbrl.unit-missing", said, fact)


@rule("xbrl.period-type")
def period_type(subject: Subject) -> Iterator[Finding]:
    """An instant concept's context is an instant; a duration concept's a duration or forever (4.7.2)."""
    contexts = subject.instance.contexts
    # Each period type is written with a few contexts: the facts are walked only if one is wrong.
    written = {(concept.period_type, fact.context) for fact, concept in subject.items}
    if not any(_wrong_period(period_type, contexts.get(context)) for period_type, context in written):
        return
    for fact, concept in subject.items:
        context = contexts.get(fact.context)
        if context is None or not _wrong_period(concept.period_type, context):
            continue
        kind = "an instant" if context.instant else "a duration"
        message = f"{concept.name[1]} is an {concept.period_type} concept but context {context.id} is {kind}"
        yield subject.finding("xbrl.period-type", message, fact)


def _wrong_period(period_type: str | None, context: Context | None) -> bool:
    """Whether a concept of a period type may not have this context (an unknown one is another rule's)."""
    return context is not None and period_type is not None and (period_type == "instant") != context.instant


@rule("xbrl.period-invalid")
def period_invalid(subject: Subject) -> Iterator[Finding]:
    """A duration ends after it starts, and its dates are dates (4.7.2)."""
    for context in subject.instance.contexts.values():
        if context.instant or context.forever:
            continue
        if context.start is None or context.end is None:
            yield subject.finding("xbrl.period-invalid", "the period has an unreadable date", context=context)
        elif context.end < context.start:
            message = f"the period ends ({context.end}) before it starts ({context.start})"
            yield subject.finding("xbrl.period-invalid", message, context=context)


def _currency(unit: Unit) -> bool:
    return not unit.denominator and len(unit.numerator) == 1 and unit.numerator[0][0] == names.ISO4217


@rule("xbrl.monetary-unit")
def monetary_unit(subject: Subject) -> Iterator[Finding]:
    """A monetary fact's unit is one ISO 4217 currency (4.8.2)."""
    others = subject.units_not(_currency)
    for fact, concept in subject.items_where(others, _MONETARY):
        message = f"monetary {concept.name[1]} has unit {fact.unit!r}, not an ISO 4217 currency"
        yield subject.finding("xbrl.monetary-unit", message, fact)


def _shares(unit: Unit) -> bool:
    return (unit.numerator, unit.denominator) == (_SHARES, ())


@rule("xbrl.shares-unit")
def shares_unit(subject: Subject) -> Iterator[Finding]:
    """A shares fact's unit is xbrli:shares (4.8.2)."""
    others = subject.units_not(_shares)
    for fact, concept in subject.items_where(others, _SHARE):
        message = f"shares {concept.name[1]} has unit {fact.unit!r}, not xbrli:shares"
        yield subject.finding("xbrl.shares-unit", message, fact)


@rule("xbrl.decimals-missing")
def decimals_missing(subject: Subject) -> Iterator[Finding]:
    """A numeric, non-nil fact states its accuracy (4.6.3)."""
    for fact, concept in subject.items:
        if fact.decimals is None and fact.precision is None and not fact.nil and concept.numeric:
            yield subject.finding("xbrl.decimals-missing", "a numeric fact has neither decimals nor precision", fact)


@rule("xbrl.precision-used")
def precision_used(subject: Subject) -> Iterator[Finding]:
    """Accuracy is stated with ``decimals`` (as EDGAR requires), never ``precision``."""
    for fact, _ in subject.items:
        if fact.precision is not None:
            message = f"precision={fact.precision!r}: state the accuracy with decimals"
            yield subject.finding("xbrl.precision-used", message, fact)


@rule("xbrl.duplicate-inconsistent")
def duplicate_inconsistent(subject: Subject) -> Iterator[Finding]:
    """Duplicate facts agree: numbers at the least precise decimals, text exactly (XBRL duplicates)."""
    for group in subject.duplicates.values():
        if len(group) > 1 and not consistent(group):
            values = ", ".join(f"{f.text.strip()} (line {f.line})" for f in group)
            yield subject.finding("xbrl.duplicate-inconsistent", f"duplicates disagree: {values}", group[-1])
    texts: dict[tuple[object, ...], list[Fact]] = {}
    for fact, concept in subject.items:
        if not concept.numeric and not fact.nil:
            texts.setdefault((fact.concept, fact.context, fact.lang or ""), []).append(fact)
    for group in texts.values():
        if len({f.text.strip() for f in group}) > 1:
            lines = ", ".join(str(f.line) for f in group)
            yield subject.finding("xbrl.duplicate-inconsistent", f"duplicates disagree (lines {lines})", group[-1])


@rule("xbrl.footnote-dangling")
def footnote_dangling(subject: Subject) -> Iterator[Finding]:
    """Footnote arcs join labels of their link, from locators of facts in this instance (4.11)."""
    arcs = subject.instance.footnote_arcs
    wanted = {target for arc in arcs for target in arc.sources}
    ids = wanted.intersection([fact.id for fact in subject.instance.facts]) - {""} if wanted else set()
    for arc in arcs:
        if arc.dangling or not ids.issuperset(arc.sources):
            missing = list(arc.dangling) + [f"#{target}" for target in arc.sources if target not in ids]
            message = f"footnote arc {arc.from_label} -> {arc.to_label} does not resolve: {', '.join(missing)}"
            yield Finding("xbrl.footnote-dangling", message, subject.file, arc.line)
