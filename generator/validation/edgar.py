"""Filing hygiene as EDGAR's rules have it, where Arelle's bundled plugins do not check it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator import names
from generator.findings import Finding
from generator.validation.instance import Unit
from generator.validation.rules import Subject, rule

_CIK = re.compile(r"^\d{10}$")
_PURE = ((names.XBRLI, "pure"),)
_PURE_TYPE = {"pureItemType"}
# The cover facts a filing cannot do without (dei, or this taxonomy's cover group: by local name).
REQUIRED_COVER = (
    "DocumentType",
    "DocumentPeriodEndDate",
    "AmendmentFlag",
    "EntityRegistrantName",
    "EntityCentralIndexKey",
)


@rule("edgar.pure-unit")
def pure_unit(subject: Subject) -> Iterator[Finding]:
    """A pure fact's unit is xbrli:pure (XBRL 2.1 leaves it to the taxonomy; EDGAR does not)."""
    others = subject.units_not(_pure)
    for fact, concept in subject.items_where(others, _PURE_TYPE):
        message = f"pure {concept.name[1]} has unit {fact.unit!r}, not xbrli:pure"
        yield subject.finding("edgar.pure-unit", message, fact)


def _pure(unit: Unit) -> bool:
    return unit.numerator == _PURE and not unit.denominator


@rule("edgar.unused-context")
def unused_context(subject: Subject) -> Iterator[Finding]:
    """Every context is used by a fact."""
    used = subject.context_refs
    for context in subject.instance.contexts.values():
        if context.id not in used:
            yield subject.finding("edgar.unused-context", f"no fact uses context {context.id}", context=context)


@rule("edgar.unused-unit")
def unused_unit(subject: Subject) -> Iterator[Finding]:
    """Every unit is used by a fact."""
    used = subject.unit_refs
    for unit in subject.instance.units.values():
        if unit.id not in used:
            yield Finding("edgar.unused-unit", f"no fact uses unit {unit.id}", subject.file, unit.line)


@rule("edgar.equivalent-contexts")
def equivalent_contexts(subject: Subject) -> Iterator[Finding]:
    """No two contexts say the same thing (entity, period and dimensions)."""
    seen: dict[tuple[object, ...], str] = {}
    for context in subject.instance.contexts.values():
        key = (context.scheme, context.identifier, context.period_key, context.segment, context.scenario)
        if key in seen and not context.other:
            message = f"context {context.id} is equivalent to {seen[key]}"
            yield subject.finding("edgar.equivalent-contexts", message, context=context)
        seen.setdefault(key, context.id)


@rule("edgar.entity-scheme")
def entity_scheme(subject: Subject) -> Iterator[Finding]:
    """Every context names one entity, by a ten-digit CIK in the SEC's scheme."""
    entities = {(c.scheme, c.identifier) for c in subject.instance.contexts.values()}
    for context in subject.instance.contexts.values():
        if context.scheme != names.CIK_SCHEME or not _CIK.match(context.identifier):
            message = f"entity {context.identifier!r} in scheme {context.scheme!r} is not a CIK in {names.CIK_SCHEME}"
            yield subject.finding("edgar.entity-scheme", message, context=context)
        elif len(entities) > 1:
            message = f"the contexts name {len(entities)} entities; a filing has one"
            yield subject.finding("edgar.entity-scheme", message, context=context)
            entities = {(context.scheme, context.identifier)}  # say it once


@rule("edgar.scenario-used")
def scenario_used(subject: Subject) -> Iterator[Finding]:
    """Dimensions go in the segment: EDGAR forbids the scenario."""
    for context in subject.instance.contexts.values():
        if context.scenario:
            yield subject.finding("edgar.scenario-used", "the context has a scenario", context=context)


@rule("edgar.cover-missing")
def cover_missing(subject: Subject) -> Iterator[Finding]:
    """The cover facts a filing needs are present."""
    unseen = set(REQUIRED_COVER)
    for fact in subject.instance.facts:  # cover facts come first: the search stops when all are seen
        if not fact.nil:
            unseen.discard(fact.concept[1])
            if not unseen:
                return
    missing = [name for name in REQUIRED_COVER if name in unseen]
    yield Finding("edgar.cover-missing", f"no cover fact {', '.join(missing)}", subject.file)


@rule("edgar.footnote-unlinked")
def footnote_unlinked(subject: Subject) -> Iterator[Finding]:
    """Every footnote is linked from a fact."""
    linked = {(arc.link, arc.to_label) for arc in subject.instance.footnote_arcs if arc.sources}
    for footnote in subject.instance.footnotes:
        if (footnote.link, footnote.label) not in linked:
            message = f"footnote {footnote.label!r} is linked from no fact"
            yield Finding("edgar.footnote-unlinked", message, subject.file, footnote.line)
