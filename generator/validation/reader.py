"""Reading an instance document back: contexts, units and numeric facts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from lxml import etree

from generator import names
from generator.names import clark

_XBRLI = names.XBRLI


@dataclass(frozen=True, slots=True)
class ParsedContext:
    """A context's period: ``start`` is None for an instant."""

    id: str
    start: date | None
    end: date


@dataclass(frozen=True, slots=True)
class ParsedFact:
    """A numeric fact as written."""

    concept: tuple[str, str]
    context: str
    unit: str | None
    value: Decimal | None
    decimals: int | None  # None: INF or absent
    line: int | None
    id: str | None


@dataclass(frozen=True)
class ParsedInstance:
    """What the validators need from an instance document."""

    tree: etree._ElementTree
    contexts: dict[str, ParsedContext]
    units: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    facts: tuple[ParsedFact, ...]


def _day(text: str | None) -> date:
    return date.fromisoformat((text or "").strip()[:10])


def _context(element: etree._Element) -> ParsedContext:
    period = element.find(clark(_XBRLI, "period"))
    assert period is not None
    instant = period.find(clark(_XBRLI, "instant"))
    if instant is not None:
        return ParsedContext(element.get("id", ""), None, _day(instant.text))
    start = _day(period.findtext(clark(_XBRLI, "startDate")))
    end_text = period.findtext(clark(_XBRLI, "endDate")) or ""
    end = _day(end_text)
    if "T" in end_text:  # a dateTime end is exclusive; dates are the end of the day
        end -= timedelta(days=1)
    return ParsedContext(element.get("id", ""), start, end)


def _measures(holder: etree._Element) -> tuple[str, ...]:
    return tuple(sorted((m.text or "").strip() for m in holder.iter(clark(_XBRLI, "measure"))))


def parse_instance(tree: etree._ElementTree) -> ParsedInstance:
    """Contexts, units and numeric facts of a parsed instance."""
    root = tree.getroot()
    contexts = {c.get("id", ""): _context(c) for c in root.iterchildren(clark(_XBRLI, "context"))}
    units: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for unit in root.iterchildren(clark(_XBRLI, "unit")):
        divide = unit.find(clark(_XBRLI, "divide"))
        if divide is None:
            units[unit.get("id", "")] = (_measures(unit), ())
        else:
            numerator = divide.find(clark(_XBRLI, "unitNumerator"))
            denominator = divide.find(clark(_XBRLI, "unitDenominator"))
            units[unit.get("id", "")] = (
                _measures(numerator) if numerator is not None else (),
                _measures(denominator) if denominator is not None else (),
            )
    facts = []
    for element in root.iterchildren():
        if not isinstance(element.tag, str) or element.get("contextRef") is None:
            continue
        qname = etree.QName(element)
        try:
            value = Decimal((element.text or "").strip()) if element.get("unitRef") else None
        except InvalidOperation:
            value = None
        decimals_text = element.get("decimals")
        decimals = int(decimals_text) if decimals_text not in (None, "INF") else None
        facts.append(
            ParsedFact(
                (qname.namespace or "", qname.localname),
                element.get("contextRef", ""),
                element.get("unitRef"),
                value,
                decimals,
                element.sourceline if isinstance(element.sourceline, int) else None,
                element.get("id"),
            )
        )
    return ParsedInstance(tree, contexts, units, tuple(facts))
