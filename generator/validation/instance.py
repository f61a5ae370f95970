"""Reading any XBRL 2.1 instance back: contexts, units, facts, footnote links.

What the rules need and no more, read in one pass over the root's children
(tuples recursed into), so a 60,000-fact instance reads in a fraction of a
second.  QNames are (namespace, local) pairs resolved in each element's own
scope.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from lxml import etree

from generator import names
from generator.names import clark
from generator.validation.document import resolve_name, resolve_qname

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
_FROM = clark(names.XLINK, "from")
_TO = clark(names.XLINK, "to")
_NIL = clark("http://www.w3.org/2001/XMLSchema-instance", "nil")
_LANG = clark(names.XML, "lang")
_EXPLICIT = clark(names.XBRLDI, "explicitMember")
_TYPED = clark(names.XBRLDI, "typedMember")
_ENTITY = clark(_XBRLI, "entity")
_IDENTIFIER = clark(_XBRLI, "identifier")
_SEGMENT = clark(_XBRLI, "segment")
_SCENARIO = clark(_XBRLI, "scenario")
_PERIOD = clark(_XBRLI, "period")
_INSTANT = clark(_XBRLI, "instant")
_START = clark(_XBRLI, "startDate")
_END = clark(_XBRLI, "endDate")
_FOREVER = clark(_XBRLI, "forever")
_MEASURE = clark(_XBRLI, "measure")
_DIVIDE = clark(_XBRLI, "divide")
_NUMERATOR = clark(_XBRLI, "unitNumerator")
_DENOMINATOR = clark(_XBRLI, "unitDenominator")
_DAY = timedelta(days=1)


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


class Context(NamedTuple):
    """A context: entity, period (``start`` None for an instant, both None for forever), dimensions.

    A named tuple, like ``Fact``: several times cheaper to make than a frozen dataclass.
    """

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


class Unit(NamedTuple):
    """A unit: sorted numerator and denominator measures (a named tuple, like ``Context``)."""

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


class FootnoteArc(NamedTuple):
    """A footnote link's arc, with the link's locators and resources resolved.

    A named tuple, like ``Fact``: a link has an arc for each fact it annotates.
    """

    link: int  # which footnote link of the instance
    sources: tuple[str, ...]  # fact ids the arc's "from" locators point at (fragments)
    from_label: str
    to_label: str
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
        tag = child.tag  # a new string on each access: read once
        if not isinstance(tag, str):
            continue
        nsmap = child.nsmap  # built on each access: once per member
        dimension = resolve_name(nsmap, child.get("dimension"))
        if tag == _EXPLICIT and dimension:
            members.append((dimension, resolve_name(nsmap, child.text) or ("", (child.text or "").strip())))
        elif tag == _TYPED and dimension:
            members.append((dimension, etree.tostring(child, method="c14n").decode()))
        else:
            other = True
    return tuple(sorted(members, key=lambda m: m[0])), other


def _first_children(element: etree._Element | None) -> dict[str, etree._Element]:
    """Each tag's first element child: one pass instead of a ``find`` per tag."""
    first: dict[str, etree._Element] = {}
    if element is not None:
        for child in element:
            tag = child.tag
            if isinstance(tag, str) and tag not in first:
                first[tag] = child
    return first


def _text(element: etree._Element | None) -> str | None:
    """What ``findtext`` gives: None without the element, "" for an empty one."""
    return None if element is None else element.text or ""


def _period(period: etree._Element | None) -> tuple[date | None, date | None, tuple[str, str, str], bool, bool]:
    """Start, end, the key written, whether an instant, whether forever."""
    if period is None:
        return None, None, ("", "", ""), False, False
    parts = _first_children(period)
    instant_text = _text(parts.get(_INSTANT))
    start_text, end_text = _text(parts.get(_START)), _text(parts.get(_END))
    forever = _FOREVER in parts
    if instant_text is not None:
        end, normal = _end(instant_text)
        return None, end, ("instant", "", normal), True, forever
    if start_text is not None or end_text is not None:
        start, start_normal = _start(start_text)
        end, end_normal = _end(end_text)
        return start, end, ("duration", start_normal, end_normal), False, forever
    return None, None, ("forever", "", ""), False, forever


def _context(element: etree._Element) -> Context:
    parts = _first_children(element)
    entity = _first_children(parts.get(_ENTITY))
    identifier = entity.get(_IDENTIFIER)
    start, end, key, instant, forever = _period(parts.get(_PERIOD))
    segment, other_segment = _members(entity.get(_SEGMENT))
    scenario, other_scenario = _members(parts.get(_SCENARIO))
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


def _start(text: str | None) -> tuple[date | None, str]:
    """A start date's day, and the date as a dateTime at the end of its day (see ``_normal``)."""
    text = (text or "").strip()
    day = _day(text)
    return day, _normal(text, day)


def _end(text: str | None) -> tuple[date | None, str]:
    """The last day an end date or instant covers (a dateTime at midnight ends the day before), and its normal form."""
    text = (text or "").strip()
    day = _day(text)
    normal = _normal(text, day)
    if day is not None and "T" in text and text[11:19] in ("00:00:00", "24:00:00"):
        if text[11:19] == "24:00:00":
            return day, normal
        return (day - _DAY if day > date.min else None), normal  # before 0001-01-01: no day we can hold
    return day, normal


def _normal(text: str, day: date | None) -> str:
    """A date (``day`` read) as a dateTime at the end of its day: ``2001-09-30`` is ``2001-10-01T00:00:00``."""
    if "T" in text:
        return text
    if day == date.max:  # 9999-12-31 ends where date arithmetic cannot go
        return "10000-01-01T00:00:00"
    return (day + _DAY).isoformat() + "T00:00:00" if day else text


def _measures(holder: etree._Element | None) -> tuple[QName, ...]:
    if holder is None:
        return ()
    found = (resolve_qname(m, m.text) for m in holder.iter(_MEASURE))
    return tuple(sorted(m for m in found if m is not None))


def _unit(element: etree._Element) -> Unit:
    divide = element.find(_DIVIDE)
    if divide is None:
        return Unit(element.get("id", ""), _measures(element), (), _line(element))
    numerator = _measures(divide.find(_NUMERATOR))
    denominator = _measures(divide.find(_DENOMINATOR))
    return Unit(element.get("id", ""), numerator, denominator, _line(element))


def _decimals(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        return None  # INF, or a lexical error the schema reports


def _number(text: str) -> Decimal | None:
    """A numeric fact's value; None when unreadable or not finite (the schema reports it)."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


_new_tuple = tuple.__new__  # a named tuple's own __new__ is a Python function: three times slower per fact


class _Reader:
    """One pass over an instance: every distinct tag and decimals read once, each fact with few lxml calls."""

    def __init__(self, instance: Instance, lang: str | None, names: Mapping[QName, QName]) -> None:
        self.instance = instance
        self.lang = lang
        self.names = names
        self.footnote_links = 0
        self.concepts: dict[str, QName] = {}
        self.decimals: dict[str | None, tuple[str | None, int | None]] = {None: (None, None)}
        self.strings: dict[str, str] = {}

    def children(self, parent: etree._Element) -> None:
        """Read a parent's children in document order; tuples (at most libxml2's 256 levels) recursed into.

        Facts are read in this loop, with few lxml calls and the lookups cached: it runs once per
        fact, and a call of a method per fact would cost as much as reading two attributes.
        """
        facts = self.instance.facts
        concepts, strings, decimals_read, lang = self.concepts, self.strings, self.decimals, self.lang
        for element in parent:
            tag = element.tag
            if not isinstance(tag, str):
                continue
            part = _PARTS.get(tag)
            if part is not None:
                part(self, element)
                continue
            get = element.get
            context = get("contextRef")
            if context is None:
                self.children(element)  # a tuple: its children are facts or tuples
                continue
            concept = concepts.get(tag) or self.concept(tag)
            text = element.text or ""
            unit = get("unitRef")
            decimals = get("decimals")
            fact_id = get("id")
            # contextRef, unitRef, decimals and id are all most facts have: when the count says so,
            # the other three attributes are not asked for (a namespaced lookup is the dearest call).
            if len(element.attrib) == (unit is not None) + (decimals is not None) + (fact_id is not None) + 1:
                precision, nil, fact_lang = None, False, lang
            else:
                precision, nil, fact_lang = get("precision"), get(_NIL) in ("true", "1"), get(_LANG) or lang
            # One string per distinct contextRef and unitRef, the very key of the context or unit it
            # names (and one per decimals): less memory, lookups that match by identity.
            context = strings.setdefault(context, context)
            if unit is not None:
                unit = strings.setdefault(unit, unit)
            decimals, places = decimals_read.get(decimals) or self.read_decimals(decimals)
            value = _number(text) if unit is not None and not nil else None
            line = element.sourceline
            read = (concept, context, unit, text, decimals, precision, nil, fact_lang, fact_id, line, value, places)
            facts.append(_new_tuple(Fact, read))

    def concept(self, tag: str) -> QName:
        """A fact's concept: the DTS's own name when it declares one."""
        namespace, _, local = tag[1:].partition("}")
        concept = self.concepts[tag] = self.names.get((namespace, local), (namespace, local))
        return concept

    def read_decimals(self, decimals: str | None) -> tuple[str | None, int | None]:
        """A ``decimals`` attribute, and its value (read once per distinct text)."""
        read = self.decimals[decimals] = (decimals, _decimals(decimals))
        return read

    def context(self, element: etree._Element) -> None:
        context = _context(element)
        self.instance.contexts[self.strings.setdefault(context.id, context.id)] = context

    def unit(self, element: etree._Element) -> None:
        unit = _unit(element)
        self.instance.units[self.strings.setdefault(unit.id, unit.id)] = unit

    def schema_ref(self, element: etree._Element) -> None:
        self.instance.schema_refs.append(element.get(_HREF, ""))

    def linkbase_ref(self, element: etree._Element) -> None:
        self.instance.linkbase_refs.append(element.get(_HREF, ""))

    def footnote_link(self, element: etree._Element) -> None:
        _footnote_link(element, self.footnote_links, self.instance)
        self.footnote_links += 1

    def skip(self, element: etree._Element) -> None:
        """Nothing a rule reads (a roleRef or an arcroleRef)."""


_PARTS: dict[str, Callable[[_Reader, etree._Element], None]] = {
    _CONTEXT: _Reader.context,
    _UNIT: _Reader.unit,
    _SCHEMA_REF: _Reader.schema_ref,
    _LINKBASE_REF: _Reader.linkbase_ref,
    _FOOTNOTE_LINK: _Reader.footnote_link,
    _ROLE_REF: _Reader.skip,
    _ARCROLE_REF: _Reader.skip,
}


def _footnote_link(link: etree._Element, index: int, instance: Instance) -> None:
    locators: dict[str, list[str]] = {}
    outside: set[str] = set()  # labels of locators whose href has no fragment: no fact of this instance
    resources: dict[str, int] = {}
    arcs: list[tuple[str, str, int | None]] = []  # from, to, line
    for child in link:
        get = child.get
        kind = get(_TYPE)
        if kind == "locator":
            label, href = get(_LABEL, ""), get(_HREF, "")
            hrefs = locators.get(label)
            if hrefs is None:
                locators[label] = [href]
            else:
                hrefs.append(href)
            if "#" not in href:
                outside.add(label)
        elif kind == "resource":
            label = get(_LABEL, "")
            resources[label] = resources.get(label, 0) + 1
            text = " ".join("".join(str(t) for t in child.itertext()).split())
            instance.footnotes.append(FootnoteResource(index, label, get(_LANG), _line(child), text))
        elif kind == "arc":
            arcs.append((get(_FROM, ""), get(_TO, ""), _line(child)))
    # Arcs last, once every label of the link is known; each locator label's fragments read once.
    fragments = {label: tuple([href.rpartition("#")[2] for href in hrefs]) for label, hrefs in locators.items()}
    instance.footnote_arcs += [
        _new_tuple(FootnoteArc, (index, fragments.get(source, ()), source, target, dangling, line))
        for source, target, line in arcs
        for dangling in [_dangling(source, target, locators, outside, resources)]
    ]


def _dangling(
    source: str, target: str, locators: dict[str, list[str]], outside: set[str], resources: dict[str, int]
) -> tuple[str, ...]:
    """What an arc names that does not resolve: labels of nothing in its link, hrefs to no fact of this instance."""
    if source in locators and target in resources and source not in outside:
        return ()  # the usual arc, from a locator of facts to a footnote of its link
    labels = [label for label in (source, target) if label not in locators and label not in resources]
    return (*labels, *(href for href in locators.get(source, []) if "#" not in href))


def read_instance(tree: etree._ElementTree, names: Mapping[QName, QName] | None = None) -> Instance:
    """An instance's parts, in one pass.

    ``names`` are the DTS's own concept names: a fact's concept is that very tuple when declared,
    so every lookup by concept finds its key by identity, without comparing namespaces.
    """
    instance = Instance()
    root = tree.getroot()
    _Reader(instance, root.get(_LANG), names or {}).children(root)
    return instance
