"""Reading any XBRL 2.1 instance back: contexts, units, facts, footnote links.

What the rules need and no more, read in one pass over the root's children
(tuples recursed into), so a 60,000-fact instance reads in a fraction of a
second.  QNames are (namespace, local) pairs resolved in each element's own
scope.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from lxml import etree

from generator import names
from generator.names import clark
from generator.validation.document import resolve_qname

QName = tuple[str, str]

_XBRLI = names.XBRLI
_CONTEXT = clark(_XBRLI, "context")
_UNIT = clark(_XBRLI, "unit")
_SCHEMA_REF = clark(names.LINK, "schemaRef")
_LINKBASE_REF = clark(names.LINK, "linkbaseRef")
_FOOTNOTE_LINK = clark(names.LINK, "footnoteLink")
_ROLE_REF = clark(names.LINK, "roleRef")
_ARCROLE_REF = clark(names.LINK, "arcroleRef")
_HREF = clark(names.XLINK, "href")
_LABEL = clark(names.XLINK, "label")
_TYPE = clark(names.XLINK, "type")
_NIL = clark("http://www.w3.org/2001/XMLSchema-instance", "nil")
_LANG = clark(names.XML, "lang")
_EXPLICIT = clark(names.XBRLDI, "explicitMember")
_TYPED = clark(names.XBRLDI, "typedMember")


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


@dataclass(frozen=True, slots=True)
class Context:
    """A context: entity, period (``start`` None for an instant, both None for forever), dimensions."""

    id: str
    scheme: str
    identifier: str
    start: date | None
    end: date | None
    segment: tuple[tuple[QName, QName | str], ...]  # (dimension, explicit member QName or typed content)
    scenario: tuple[tuple[QName, QName | str], ...]
    other: bool  # segment or scenario content that is not a dimension member
    line: int | None
    period_key: tuple[str, str, str]  # the period as written, for equality between contexts
    instant: bool
    forever: bool = False


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit: sorted numerator and denominator measures."""

    id: str
    numerator: tuple[QName, ...]
    denominator: tuple[QName, ...]
    line: int | None


class Fact(NamedTuple):
    """An item fact as written (tuples are containers, not facts).

    A named tuple, not a dataclass: a 60,000-fact instance makes 60,000 of
    them, and a tuple is several times cheaper to make.
    """

    concept: QName
    context: str
    unit: str | None
    text: str
    decimals: str | None
    precision: str | None
    nil: bool
    lang: str | None
    id: str | None
    line: int | None
    value: Decimal | None  # numeric facts with a readable value
    decimals_value: int | None  # ``decimals`` as an integer; None for INF, absent or unreadable


@dataclass(frozen=True, slots=True)
class FootnoteArc:
    """A footnote link's arc, with the link's locators and resources resolved."""

    link: int  # which footnote link of the instance
    sources: tuple[str, ...]  # fact ids the arc's "from" locators point at (fragments)
    from_label: str
    to_label: str
    arcrole: str
    dangling: tuple[str, ...]  # what does not resolve: labels, or hrefs outside this instance
    line: int | None


@dataclass(frozen=True, slots=True)
class FootnoteResource:
    """A footnote: its label, language, text and line."""

    link: int
    label: str
    lang: str | None
    line: int | None
    text: str = ""


@dataclass
class Instance:
    """An instance as the rules read it."""

    schema_refs: list[str] = field(default_factory=list)
    linkbase_refs: list[str] = field(default_factory=list)
    contexts: dict[str, Context] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    footnote_arcs: list[FootnoteArc] = field(default_factory=list)
    footnotes: list[FootnoteResource] = field(default_factory=list)


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "").strip()[:10])
    except ValueError:
        return None


def _members(holder: etree._Element | None) -> tuple[tuple[tuple[QName, QName | str], ...], bool]:
    if holder is None:
        return (), False
    members: list[tuple[QName, QName | str]] = []
    other = False
    for child in holder:
        if not isinstance(child.tag, str):
            continue
        dimension = resolve_qname(child, child.get("dimension"))
        if child.tag == _EXPLICIT and dimension:
            members.append((dimension, resolve_qname(child, child.text) or ("", (child.text or "").strip())))
        elif child.tag == _TYPED and dimension:
            members.append((dimension, etree.tostring(child, method="c14n").decode()))
        else:
            other = True
    return tuple(sorted(members, key=lambda m: m[0])), other


def _context(element: etree._Element) -> Context:
    entity = element.find(clark(_XBRLI, "entity"))
    identifier = entity.find(clark(_XBRLI, "identifier")) if entity is not None else None
    period = element.find(clark(_XBRLI, "period"))
    start = end = None
    instant = forever = False
    key = ("", "", "")
    if period is not None:
        instant_text = period.findtext(clark(_XBRLI, "instant"))
        start_text = period.findtext(clark(_XBRLI, "startDate"))
        end_text = period.findtext(clark(_XBRLI, "endDate"))
        forever = period.find(clark(_XBRLI, "forever")) is not None
        if instant_text is not None:
            instant, end, key = True, _end_day(instant_text), ("instant", "", _normal(instant_text))
        elif start_text is not None or end_text is not None:
            start, end = _day(start_text), _end_day(end_text)
            key = ("duration", _normal(start_text), _normal(end_text))
        else:
            key = ("forever", "", "")
    segment, other_segment = _members(entity.find(clark(_XBRLI, "segment")) if entity is not None else None)
    scenario, other_scenario = _members(element.find(clark(_XBRLI, "scenario")))
    return Context(
        id=element.get("id", ""),
        scheme=identifier.get("scheme", "") if identifier is not None else "",
        identifier=(identifier.text or "").strip() if identifier is not None else "",
        start=start,
        end=end,
        segment=segment,
        scenario=scenario,
        other=other_segment or other_scenario,
        line=_line(element),
        period_key=key,
        instant=instant,
        forever=forever,
    )


def _normal(text: str | None) -> str:
    """A date as a dateTime at the end of its day, so ``2001-09-30`` equals ``2001-10-01T00:00:00``."""
    text = (text or "").strip()
    if "T" in text:
        return text
    day = _day(text)
    return (day + timedelta(days=1)).isoformat() + "T00:00:00" if day else text


def _end_day(text: str | None) -> date | None:
    """The last day an end date or instant covers (a dateTime at midnight ends the day before)."""
    text = (text or "").strip()
    day = _day(text)
    if day is not None and "T" in text and text[11:19] in ("00:00:00", "24:00:00"):
        return day - timedelta(days=1) if text[11:19] == "00:00:00" else day
    return day


def _measures(holder: etree._Element | None) -> tuple[QName, ...]:
    if holder is None:
        return ()
    found = (resolve_qname(m, m.text) for m in holder.iter(clark(_XBRLI, "measure")))
    return tuple(sorted(m for m in found if m is not None))


def _unit(element: etree._Element) -> Unit:
    divide = element.find(clark(_XBRLI, "divide"))
    if divide is None:
        return Unit(element.get("id", ""), _measures(element), (), _line(element))
    numerator = _measures(divide.find(clark(_XBRLI, "unitNumerator")))
    denominator = _measures(divide.find(clark(_XBRLI, "unitDenominator")))
    return Unit(element.get("id", ""), numerator, denominator, _line(element))


def _decimals(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        return None  # INF, or a lexical error the schema reports


_TAGS: dict[str, QName] = {}


def _fact(element: etree._Element, lang: str | None) -> Fact:
    """A fact, read with as few lxml calls as possible (this runs once per fact)."""
    tag = element.tag
    concept = _TAGS.get(tag)
    if concept is None:
        namespace, _, local = tag[1:].partition("}")
        concept = _TAGS[tag] = (namespace, local)
    get = element.attrib.get
    text = element.text or ""
    unit = get("unitRef")
    nil = get(_NIL) in ("true", "1")
    value = None
    if unit is not None and not nil:
        try:
            value = Decimal(text.strip())
        except InvalidOperation:
            value = None
        if value is not None and not value.is_finite():
            value = None
    decimals = get("decimals")
    return Fact(
        concept,
        get("contextRef", ""),
        unit,
        text,
        decimals,
        get("precision"),
        nil,
        get(_LANG) or lang,
        get("id"),
        element.sourceline,  # type: ignore[arg-type]  # lxml-stubs type it as Ellipsis
        value,
        _decimals(decimals),
    )


def _footnote_link(link: etree._Element, index: int, instance: Instance) -> None:
    locators: dict[str, list[str]] = {}
    resources: dict[str, int] = {}
    for child in link:
        kind = child.get(_TYPE)
        label = child.get(_LABEL, "")
        if kind == "locator":
            locators.setdefault(label, []).append(child.get(_HREF, ""))
        elif kind == "resource":
            resources[label] = resources.get(label, 0) + 1
            text = " ".join("".join(str(t) for t in child.itertext()).split())
            instance.footnotes.append(FootnoteResource(index, label, child.get(_LANG), _line(child), text))
    for child in link:
        if child.get(_TYPE) != "arc":
            continue
        source, target = child.get(clark(names.XLINK, "from"), ""), child.get(clark(names.XLINK, "to"), "")
        hrefs = locators.get(source, [])
        dangling = [label for label in (source, target) if label not in locators and label not in resources]
        dangling += [href for href in hrefs if not href.startswith("#") and "#" not in href]
        instance.footnote_arcs.append(
            FootnoteArc(
                link=index,
                sources=tuple(href.rpartition("#")[2] for href in hrefs),
                from_label=source,
                to_label=target,
                arcrole=child.get(clark(names.XLINK, "arcrole"), ""),
                dangling=tuple(dangling),
                line=_line(child),
            )
        )


def read_instance(tree: etree._ElementTree) -> Instance:
    """An instance's parts, in one pass."""
    instance = Instance()
    footnote_links = 0
    root = tree.getroot()
    lang = root.get(_LANG)
    pending = list(reversed(root))  # a stack: popped in document order
    while pending:
        element = pending.pop()
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag == _CONTEXT:
            instance.contexts[element.get("id", "")] = _context(element)
        elif tag == _UNIT:
            instance.units[element.get("id", "")] = _unit(element)
        elif tag == _SCHEMA_REF:
            instance.schema_refs.append(element.get(_HREF, ""))
        elif tag == _LINKBASE_REF:
            instance.linkbase_refs.append(element.get(_HREF, ""))
        elif tag == _FOOTNOTE_LINK:
            _footnote_link(element, footnote_links, instance)
            footnote_links += 1
        elif tag in (_ROLE_REF, _ARCROLE_REF):
            continue
        elif element.get("contextRef") is not None:
            instance.facts.append(_fact(element, lang))
        else:
            pending.extend(reversed(element))  # a tuple: its children are facts or tuples
    return instance
