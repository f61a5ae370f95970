"""The one serializer of an instance model: contexts, units, facts, footnotes."""

from __future__ import annotations

from decimal import Decimal

from lxml import etree

from generator import names
from generator.instance.contexts import Context, Instant
from generator.instance.model import Instance
from generator.instance.units import Measure, Unit
from generator.names import clark
from generator.taxonomy.dts import SCHEMA, serialize

_XBRLI = names.XBRLI
_LINK = names.LINK
_XLINK = names.XLINK
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


def format_decimal(value: Decimal) -> str:
    """An xs:decimal lexical form: no exponent, no negative zero."""
    if value == 0:
        return "0"
    return format(value, "f")


def measure_qname(measure: Measure) -> str:
    """A measure as a prefixed name: ``iso4217:JPY``."""
    namespace, local = measure
    return f"{_PREFIXES[namespace]}:{local}"


def context_element(parent: etree._Element, context: Context) -> None:
    """Append ``xbrli:context`` to ``parent`` (an instance or inline ``ix:resources``)."""
    element = etree.SubElement(parent, clark(_XBRLI, "context"), id=context.id)
    entity = etree.SubElement(element, clark(_XBRLI, "entity"))
    identifier = etree.SubElement(entity, clark(_XBRLI, "identifier"), scheme=context.scheme)
    identifier.text = context.identifier
    if context.members:
        segment = etree.SubElement(entity, clark(_XBRLI, "segment"))
        for axis, member in context.members:
            explicit = etree.SubElement(
                segment, clark(names.XBRLDI, "explicitMember"), dimension=f"{names.IIJ_PREFIX}:{axis}"
            )
            explicit.text = f"{names.IIJ_PREFIX}:{member}"
    period = etree.SubElement(element, clark(_XBRLI, "period"))
    if isinstance(context.period, Instant):
        etree.SubElement(period, clark(_XBRLI, "instant")).text = context.period.day.isoformat()
    else:
        etree.SubElement(period, clark(_XBRLI, "startDate")).text = context.period.start.isoformat()
        etree.SubElement(period, clark(_XBRLI, "endDate")).text = context.period.end.isoformat()


def unit_element(parent: etree._Element, unit: Unit) -> None:
    """Append ``xbrli:unit`` to ``parent``."""
    element = etree.SubElement(parent, clark(_XBRLI, "unit"), id=unit.id)
    if not unit.denominator:
        for measure in unit.numerator:
            etree.SubElement(element, clark(_XBRLI, "measure")).text = measure_qname(measure)
        return
    divide = etree.SubElement(element, clark(_XBRLI, "divide"))
    for side, measures in (("unitNumerator", unit.numerator), ("unitDenominator", unit.denominator)):
        holder = etree.SubElement(divide, clark(_XBRLI, side))
        for measure in measures:
            etree.SubElement(holder, clark(_XBRLI, "measure")).text = measure_qname(measure)


def _footnotes(parent: etree._Element, instance: Instance) -> None:
    if not instance.footnotes:
        return
    link = etree.SubElement(
        parent,
        clark(_LINK, "footnoteLink"),
        {clark(_XLINK, "type"): "extended", clark(_XLINK, "role"): names.ROLE_LINK},
    )
    linked = [fact_id for footnote in instance.footnotes for fact_id in footnote.fact_ids]
    order = {fact.id: index for index, fact in enumerate(instance.facts)}
    for fact_id in sorted(set(linked), key=order.__getitem__):
        etree.SubElement(
            link,
            clark(_LINK, "loc"),
            {
                clark(_XLINK, "type"): "locator",
                clark(_XLINK, "href"): f"#{fact_id}",
                clark(_XLINK, "label"): f"loc_{fact_id}",
            },
        )
    for footnote in instance.footnotes:
        for lang, text in footnote.texts:
            resource = etree.SubElement(
                link,
                clark(_LINK, "footnote"),
                {
                    clark(_XLINK, "type"): "resource",
                    clark(_XLINK, "label"): footnote.id,
                    clark(_XLINK, "role"): names.ROLE_FOOTNOTE,
                    clark(names.XML, "lang"): lang,
                    "id": footnote.resource_id(lang),
                },
            )
            resource.text = text
    for footnote in instance.footnotes:
        for fact_id in footnote.fact_ids:
            etree.SubElement(
                link,
                clark(_LINK, "footnoteArc"),
                {
                    clark(_XLINK, "type"): "arc",
                    clark(_XLINK, "arcrole"): names.ARCROLE_FACT_FOOTNOTE,
                    clark(_XLINK, "from"): f"loc_{fact_id}",
                    clark(_XLINK, "to"): footnote.id,
                },
            )


def instance_element(instance: Instance) -> etree._Element:
    """The instance as an lxml tree."""
    root = etree.Element(clark(_XBRLI, "xbrl"), nsmap=NSMAP)
    etree.SubElement(
        root,
        clark(_LINK, "schemaRef"),
        {clark(_XLINK, "type"): "simple", clark(_XLINK, "href"): instance.schema_ref or SCHEMA},
    )
    for context in instance.contexts:
        context_element(root, context)
    for unit in instance.units:
        unit_element(root, unit)
    for fact in instance.facts:
        attributes = {"contextRef": fact.context.id}
        if fact.unit is not None:
            attributes["unitRef"] = fact.unit.id
            attributes["decimals"] = str(fact.decimals)
        attributes["id"] = fact.id
        if fact.lang:
            attributes[clark(names.XML, "lang")] = fact.lang
        element = etree.SubElement(root, clark(names.IIJ, fact.concept), attributes)
        element.text = format_decimal(fact.value) if isinstance(fact.value, Decimal) else fact.value
    _footnotes(root, instance)
    return root


def instance_bytes(instance: Instance) -> bytes:
    """The instance document as deterministic UTF-8 bytes."""
    return serialize(instance_element(instance))
