"""The DTS an instance names: its concepts and the relationships validation needs.

Discovery follows XBRL 2.1 section 3: the instance's ``schemaRef`` and
``linkbaseRef``, each schema's ``xs:import``/``xs:include`` and the
``linkbaseRef`` in its appinfo, and locators into further schemas.  Official
URLs resolve to the copies in ``schemas/``; a file that cannot be had
offline is a ``dts.unavailable`` finding, never a fetch.

A DTS is loaded once per set of entry points and reused (``load_dts`` is
cached): the second validation of an instance of the same taxonomy costs
nothing here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from stat import S_ISREG
from typing import TypeVar, cast
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from generator import names
from generator.findings import Finding
from generator.names import clark
from generator.resources import schemas_dir
from generator.validation.document import resolve_qname, safe_parser

QName = tuple[str, str]
T = TypeVar("T")

_XS = names.XSD
_XLINK_HREF = clark(names.XLINK, "href")
_XLINK_TYPE = clark(names.XLINK, "type")
_XLINK_LABEL = clark(names.XLINK, "label")
_XLINK_FROM = clark(names.XLINK, "from")
_XLINK_TO = clark(names.XLINK, "to")
_XLINK_ARCROLE = clark(names.XLINK, "arcrole")
_XLINK_ROLE = clark(names.XLINK, "role")
_XBRLI_PERIOD = clark(names.XBRLI, "periodType")
_XBRLI_BALANCE = clark(names.XBRLI, "balance")

# A parser of its own: lxml lets one parser parse one document at a time, and the DTS is read
# while the instance is being parsed.
_PARSER = safe_parser()

ITEM = (names.XBRLI, "item")
TUPLE = (names.XBRLI, "tuple")

# XBRL 2.1 section 5.1.1.3: the numeric item types.
NUMERIC_TYPES = frozenset(
    {
        "decimalItemType", "floatItemType", "doubleItemType", "integerItemType", "nonPositiveIntegerItemType",
        "negativeIntegerItemType", "longItemType", "intItemType", "shortItemType", "byteItemType",
        "nonNegativeIntegerItemType", "unsignedLongItemType", "unsignedIntItemType", "unsignedShortItemType",
        "unsignedByteItemType", "positiveIntegerItemType", "monetaryItemType", "sharesItemType", "pureItemType",
        "fractionItemType",
    }
)  # fmt: skip

SUMMATION_ITEM = frozenset({names.ARCROLE_SUMMATION_ITEM, "http://www.xbrl.org/2003/arcrole/summation-item"})
DIMENSION_ARCROLES = frozenset(
    {
        names.ARCROLE_ALL,
        "http://xbrl.org/int/dim/arcrole/notAll",
        names.ARCROLE_HYPERCUBE_DIMENSION,
        names.ARCROLE_DIMENSION_DOMAIN,
        names.ARCROLE_DOMAIN_MEMBER,
        names.ARCROLE_DIMENSION_DEFAULT,
    }
)


@dataclass(frozen=True, slots=True)
class Concept:
    """An element declaration as validation sees it."""

    name: QName
    head: QName  # xbrli:item or xbrli:tuple (or the declaration's own head if neither)
    item_type: str  # the xbrli item type it derives from ("monetaryItemType"); "" if none
    period_type: str | None
    balance: str | None
    abstract: bool
    dimension: bool = False  # substitutes for xbrldt:dimensionItem
    # Derived once, read per fact by several rules (a property would run each time).
    is_item: bool = field(init=False)  # facts of it are items (dimension and hypercube declarations are too)
    numeric: bool = field(init=False)  # its facts are numbers with units

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_item", self.head == ITEM)
        object.__setattr__(self, "numeric", self.item_type in NUMERIC_TYPES)


@dataclass(frozen=True, slots=True)
class Arc:
    """A relationship of an extended link, with what the rules read off it."""

    arcrole: str
    role: str  # the extended link role
    source: QName
    target: QName
    order: float
    weight: Decimal | None = None
    attributes: tuple[tuple[str, str], ...] = ()  # xbrldt:* attributes, by local name

    def attribute(self, name: str, default: str = "") -> str:
        """An ``xbrldt:`` attribute's value."""
        return next((value for key, value in self.attributes if key == name), default)


@dataclass
class DTS:
    """Concepts by QName, calculation and definition relationships, the files read."""

    entries: tuple[str, ...]
    concepts: dict[QName, Concept] = field(default_factory=dict)
    arcs: list[Arc] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    schemas: list[tuple[str, str]] = field(default_factory=list)  # (target namespace, URL) of each schema
    cache: dict[str, object] = field(default_factory=dict)  # schema objects and models built once per DTS

    def relationships(self, arcroles: frozenset[str]) -> list[Arc]:
        """The arcs of some arcroles."""
        return [arc for arc in self.arcs if arc.arcrole in arcroles]

    def derived(self, key: str, build: Callable[[DTS], T]) -> T:
        """What ``build`` makes of this DTS, made once: a DTS is cached, so once per taxonomy, not per instance."""
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = build(self)
        return cast(T, found)


def local_path(url: str) -> Path | None:
    """Where a URL is on disk: ``file:`` URLs as they are, official URLs under ``schemas/``."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if parts.scheme in ("http", "https"):
        candidate = schemas_dir() / (parts.netloc + unquote(parts.path))
        return candidate if candidate.is_file() else None
    if not parts.scheme:
        return Path(unquote(parts.path))
    return None


@dataclass
class _Loader:
    """One discovery pass: files read, declarations and relationships found."""

    dts: DTS
    seen: set[str] = field(default_factory=set)
    ids: dict[str, dict[str, QName]] = field(default_factory=dict)  # schema URL -> element id -> QName
    declared: dict[QName, tuple[etree._Element, str]] = field(default_factory=dict)
    types: dict[QName, etree._Element] = field(default_factory=dict)
    linkbases: list[tuple[str, etree._ElementTree]] = field(default_factory=list)

    def read(self, url: str, referrer: str | None) -> etree._ElementTree | None:
        url = url.split("#", 1)[0]
        if url in self.seen:
            return None
        self.seen.add(url)
        path = local_path(url)
        if path is None or not path.is_file():
            where = f" (referenced by {Path(urlsplit(referrer).path).name})" if referrer else ""
            message = f"{url} cannot be had offline{where}"
            self.dts.problems.append(Finding("dts.unavailable", message))
            return None
        try:
            tree = etree.parse(str(path), _PARSER)
        except (etree.XMLSyntaxError, OSError) as error:
            self.dts.problems.append(Finding("dts.unavailable", f"{url} is not readable XML: {error}"))
            return None
        self.dts.files.append(url)
        return tree

    def schema(self, url: str, referrer: str | None = None) -> None:
        tree = self.read(url, referrer)
        if tree is None:
            return
        root = tree.getroot()
        namespace = root.get("targetNamespace", "")
        self.dts.schemas.append((namespace, url.split("#", 1)[0]))
        ids = self.ids.setdefault(url.split("#", 1)[0], {})
        for child in root:
            if child.tag == clark(_XS, "element") and child.get("name"):
                name = (namespace, child.get("name", ""))
                self.declared[name] = (child, url)
                if child.get("id"):
                    ids[child.get("id", "")] = name
            elif child.tag in (clark(_XS, "complexType"), clark(_XS, "simpleType")) and child.get("name"):
                self.types[(namespace, child.get("name", ""))] = child
        for child in root.iter(clark(_XS, "import"), clark(_XS, "include")):
            location = child.get("schemaLocation")
            if location:
                self.schema(urljoin(url, location), url)
        for ref in root.iter(clark(names.LINK, "linkbaseRef")):
            self.linkbase(urljoin(url, ref.get(_XLINK_HREF, "")), url)

    def linkbase(self, url: str, referrer: str | None = None) -> None:
        tree = self.read(url, referrer)
        if tree is not None:
            self.linkbases.append((url, tree))

    def locate(self, url: str, href: str) -> QName | None:
        target = urljoin(url, href)
        document, _, fragment = target.partition("#")
        if document not in self.ids:
            self.schema(document, url)
        return self.ids.get(document, {}).get(fragment)


_DIMENSION_ITEM = (names.XBRLDT, "dimensionItem")


def _resolve_concepts(loader: _Loader) -> dict[QName, Concept]:
    concepts = {}
    for name, (element, _url) in loader.declared.items():
        groups = _groups(loader, element)
        concepts[name] = Concept(
            name=name,
            head=groups[-1] if groups else ("", ""),
            item_type=_item_type(loader, element),
            period_type=element.get(_XBRLI_PERIOD),
            balance=element.get(_XBRLI_BALANCE),
            abstract=element.get("abstract") == "true",
            dimension=_DIMENSION_ITEM in groups,
        )
    return concepts


def _groups(loader: _Loader, element: etree._Element) -> list[QName]:
    """The substitution groups a declaration is in, up to xbrli:item or xbrli:tuple."""
    chain: list[QName] = []
    current = element
    while True:
        group = resolve_qname(current, current.get("substitutionGroup"))
        if group is None or group in chain:
            return chain
        chain.append(group)
        declared = loader.declared.get(group)
        if group in (ITEM, TUPLE) or declared is None:
            return chain
        current = declared[0]


def _item_type(loader: _Loader, element: etree._Element) -> str:
    """The xbrli item type a declaration's type derives from, by restriction or extension."""
    type_name = resolve_qname(element, element.get("type"))
    definition = None if type_name else element.find(clark(_XS, "complexType"))
    for _ in range(32):  # derivation chains are short; a cycle must not hang validation
        if type_name is not None:
            if type_name[0] == names.XBRLI:
                return type_name[1]
            definition = loader.types.get(type_name)
        if definition is None:
            return ""
        base = next(
            (
                child
                for child in definition.iter(clark(_XS, "restriction"), clark(_XS, "extension"))
                if child.get("base")
            ),
            None,
        )
        if base is None:
            return ""
        type_name, definition = resolve_qname(base, base.get("base")), None
    return ""


def _effective(arcs: list[tuple[Arc, str, float]]) -> list[Arc]:
    """XBRL 2.1 section 3.5.3.9: of equivalent arcs the highest priority wins; prohibited ones remove."""
    best: dict[tuple[str, str, QName, QName], tuple[float, str, Arc]] = {}
    for arc, use, priority in arcs:
        key = (arc.arcrole, arc.role, arc.source, arc.target)
        kept = best.get(key)
        if kept is None or priority > kept[0] or (priority == kept[0] and use == "prohibited"):
            best[key] = (priority, use, arc)
    return [arc for _, use, arc in best.values() if use != "prohibited"]


Stamps = tuple[tuple[str, int, int], ...]
_CACHE: dict[tuple[str, ...], tuple[DTS, tuple[tuple[str, str], ...], Stamps]] = {}


def _files(urls: list[str]) -> tuple[tuple[str, str], ...]:
    """The URL and local path of each file read (worked out once per DTS: a build checks them per release)."""
    return tuple((url, str(path)) for url in urls if (path := local_path(url)) is not None)


def _stamps(files: tuple[tuple[str, str], ...]) -> Stamps:
    """Size and modification time of the files read (a taxonomy rewritten in place is reloaded)."""
    stamps = []
    for url, path in files:
        try:
            stat = os.stat(path)
        except OSError:
            continue
        if S_ISREG(stat.st_mode):
            stamps.append((url, stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


def load_dts(entries: tuple[str, ...]) -> DTS:
    """The DTS discovered from entry URLs, cached while none of its files changes."""
    cached = _CACHE.get(entries)
    if cached is not None and _stamps(cached[1]) == cached[2]:
        return cached[0]
    dts = _discover(entries)
    if not dts.problems:  # a missing file may appear; only a complete DTS is kept
        files = _files(dts.files)
        _CACHE[entries] = (dts, files, _stamps(files))
    return dts


def _discover(entries: tuple[str, ...]) -> DTS:
    """The DTS discovered from entry URLs (schemas or linkbases, absolute)."""
    loader = _Loader(DTS(entries))
    for url in entries:
        if url.split("#", 1)[0].endswith(".xsd"):
            loader.schema(url)
        else:
            loader.linkbase(url)
    raw: list[tuple[Arc, str, float]] = []
    done = 0
    while done < len(loader.linkbases):  # locating may discover further schemas, not linkbases
        url, tree = loader.linkbases[done]
        done += 1
        raw += _raw_arcs(loader, url, tree)
    loader.dts.concepts = _resolve_concepts(loader)
    loader.dts.arcs = _effective(raw)
    return loader.dts


def _raw_arcs(loader: _Loader, url: str, tree: etree._ElementTree) -> list[tuple[Arc, str, float]]:
    """Arcs with their use and priority, before prohibition and override."""
    found = []
    for link in tree.getroot():
        if link.tag not in (clark(names.LINK, "calculationLink"), clark(names.LINK, "definitionLink")):
            continue
        role = link.get(_XLINK_ROLE, "")
        labels: dict[str, list[QName]] = {}
        for loc in link.iterchildren(clark(names.LINK, "loc")):
            name = loader.locate(url, loc.get(_XLINK_HREF, ""))
            if name is not None:
                labels.setdefault(loc.get(_XLINK_LABEL, ""), []).append(name)
        for element in link:
            arcrole = element.get(_XLINK_ARCROLE, "")
            if element.get(_XLINK_TYPE) != "arc" or (
                arcrole not in SUMMATION_ITEM and arcrole not in DIMENSION_ARCROLES
            ):
                continue
            weight = element.get("weight")
            extra = tuple(
                (etree.QName(key).localname, str(value))
                for key, value in element.attrib.items()
                if str(key).startswith("{" + names.XBRLDT + "}")
            )
            use, priority = element.get("use", "optional"), float(element.get("priority", "0"))
            for source in labels.get(element.get(_XLINK_FROM, ""), []):
                for target in labels.get(element.get(_XLINK_TO, ""), []):
                    arc = Arc(
                        arcrole,
                        role,
                        source,
                        target,
                        float(element.get("order", "1")),
                        Decimal(weight) if weight is not None else None,
                        extra,
                    )
                    found.append((arc, use, priority))
    return found
