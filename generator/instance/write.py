"""The one serializer of an instance model: contexts, units, facts, footnotes.

Written as text (see ``generator.markup``); inline XBRL writes the same
contexts and units in its header, deeper.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import names
from generator.instance.contexts import Context, Instant
from generator.instance.model import Fact, Footnote, Instance
from generator.instance.units import Measure, Unit
from generator.markup import DECLARATION, attribute, element, leaf, namespaces, plain, text
from generator.taxonomy.dts import SCHEMA

_IIJ = names.IIJ_PREFIX
_PREFIXES = {
    names.XBRLI: "xbrli",
    names.ISO4217: "iso4217",
    names.IIJ: names.IIJ_PREFIX,
}
NSMAP = {
    "xbrli": names.XBRLI,
    "link": names.LINK,
    "xlink": names.XLINK,
    "xbrldi": names.XBRLDI,
    "iso4217": names.ISO4217,
    names.IIJ_PREFIX: names.IIJ,
}
_NAMESPACES = namespaces(NSMAP.items())
_ROLE_LINK = attribute(names.ROLE_LINK)
_ROLE_FOOTNOTE = attribute(names.ROLE_FOOTNOTE)
_ARCROLE = attribute(names.ARCROLE_FACT_FOOTNOTE)


def measure_qname(measure: Measure) -> str:
    """A measure as a prefixed name: ``iso4217:JPY``."""
    namespace, local = measure
    return f"{_PREFIXES[namespace]}:{local}"


def context_element(depth: int, context: Context) -> str:
    """``xbrli:context`` at ``depth``: an instance's child, or inside inline XBRL's ``ix:resources``."""
    inner = depth + 2
    entity = [leaf(inner, "xbrli:identifier", f' scheme="{attribute(context.scheme)}"', text(context.identifier))]
    if context.members:
        members = [
            leaf(inner + 1, "xbrldi:explicitMember", f' dimension="{_IIJ}:{attribute(axis)}"', f"{_IIJ}:{text(member)}")
            for axis, member in context.members
        ]
        entity.append(element(inner, "xbrli:segment", "", members))
    period = context.period
    if isinstance(period, Instant):
        dates = [leaf(inner, "xbrli:instant", "", period.day.isoformat())]
    else:
        dates = [
            leaf(inner, "xbrli:startDate", "", period.start.isoformat()),
            leaf(inner, "xbrli:endDate", "", period.end.isoformat()),
        ]
    children = [element(depth + 1, "xbrli:entity", "", entity), element(depth + 1, "xbrli:period", "", dates)]
    return element(depth, "xbrli:context", f' id="{attribute(context.id)}"', children)


def unit_element(depth: int, unit: Unit) -> str:
    """``xbrli:unit`` at ``depth``."""
    if not unit.denominator:
        children = _measures(unit.numerator, depth + 1)
    else:
        sides = [
            element(depth + 2, f"xbrli:{side}", "", _measures(measures, depth + 3))
            for side, measures in (("unitNumerator", unit.numerator), ("unitDenominator", unit.denominator))
        ]
        children = [element(depth + 1, "xbrli:divide", "", sides)]
    return element(depth, "xbrli:unit", f' id="{attribute(unit.id)}"', children)


def _measures(measures: tuple[Measure, ...], depth: int) -> list[str]:
    return [leaf(depth, "xbrli:measure", "", text(measure_qname(measure))) for measure in measures]


@dataclass(frozen=True, slots=True)
class References:
    """The ``contextRef`` and ``unitRef`` attributes of a document's facts, escaped once per context and unit.

    Fact ids are escaped one by one only if one of them needs it.
    """

    contexts: dict[str, str]
    units: dict[str, str]
    plain_ids: bool

    @classmethod
    def of(cls, facts: tuple[Fact, ...], contexts: tuple[Context, ...], units: tuple[Unit, ...]) -> References:
        """The references of these facts to these contexts and units."""
        return cls(
            {context.id: f' contextRef="{attribute(context.id)}"' for context in contexts},
            {unit.id: f' unitRef="{attribute(unit.id)}"' for unit in units},
            plain(" ".join([fact.id for fact in facts])),
        )

    def fact_ref(self, fact_id: str) -> str:
        """The id of one of the document's facts, escaped."""
        return fact_id if self.plain_ids else attribute(fact_id)

    def attributes(self, fact: Fact) -> str:
        """``contextRef``, then for a number ``unitRef`` and ``decimals``."""
        if fact.unit is None:
            return self.contexts[fact.context.id]
        return f'{self.contexts[fact.context.id]}{self.units[fact.unit.id]} decimals="{fact.decimals}"'


def _fact(fact: Fact, references: References) -> str:
    attributes = f'{references.attributes(fact)} id="{references.fact_ref(fact.id)}"'
    if fact.lang:
        attributes += f' xml:lang="{attribute(fact.lang)}"'
    return leaf(
        1, f"{_IIJ}:{fact.concept}", attributes, text(fact.lexical) if isinstance(fact.value, str) else fact.lexical
    )


def _footnote_link(instance: Instance, references: References) -> list[str]:
    if not instance.footnotes:
        return []
    linked = [fact_id for footnote in instance.footnotes for fact_id in footnote.fact_ids]
    order = {fact.id: index for index, fact in enumerate(instance.facts)}
    children = [_locator(references.fact_ref(fact_id)) for fact_id in sorted(set(linked), key=order.__getitem__)]
    children += [_resource(footnote, lang, note) for footnote in instance.footnotes for lang, note in footnote.texts]
    for footnote in instance.footnotes:
        note_ref = attribute(footnote.id)
        children += [_arc(references.fact_ref(fact_id), note_ref) for fact_id in footnote.fact_ids]
    return [element(1, "link:footnoteLink", f' xlink:type="extended" xlink:role="{_ROLE_LINK}"', children)]


def _locator(fact_ref: str) -> str:
    return element(2, "link:loc", f' xlink:type="locator" xlink:href="#{fact_ref}" xlink:label="loc_{fact_ref}"', [])


def _resource(footnote: Footnote, lang: str, note: str) -> str:
    attributes = (
        f' xlink:type="resource" xlink:label="{attribute(footnote.id)}" xlink:role="{_ROLE_FOOTNOTE}"'
        f' xml:lang="{attribute(lang)}" id="{attribute(footnote.resource_id(lang))}"'
    )
    return leaf(2, "link:footnote", attributes, text(note))


def _arc(fact_ref: str, note_ref: str) -> str:
    attributes = f' xlink:type="arc" xlink:arcrole="{_ARCROLE}" xlink:from="loc_{fact_ref}" xlink:to="{note_ref}"'
    return element(2, "link:footnoteArc", attributes, [])


def instance_bytes(instance: Instance) -> bytes:
    """The instance document as deterministic UTF-8 bytes."""
    href = attribute(instance.schema_ref or SCHEMA)
    children = [element(1, "link:schemaRef", f' xlink:type="simple" xlink:href="{href}"', [])]
    contexts, units = instance.contexts, instance.units
    children += [context_element(1, context) for context in contexts]
    children += [unit_element(1, unit) for unit in units]
    references = References.of(instance.facts, contexts, units)
    children += [_fact(fact, references) for fact in instance.facts]
    children += _footnote_link(instance, references)
    return (DECLARATION + element(0, "xbrli:xbrl", _NAMESPACES, children)).encode()
