"""The linkbases: labels (en, ja), presentation, calculation, definition, references."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from generator import names
from generator.names import clark
from generator.taxonomy.model import Concept, Node, Statement, Taxonomy
from generator.taxonomy.schema import CUSTOM_ROLES, SCHEMA

_LINK = names.LINK
_XLINK = names.XLINK
_TYPE = clark(_XLINK, "type")
_HREF = clark(_XLINK, "href")
_ROLE = clark(_XLINK, "role")
_ARCROLE = clark(_XLINK, "arcrole")
_LABEL = clark(_XLINK, "label")
_FROM = clark(_XLINK, "from")
_TO = clark(_XLINK, "to")
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_LINKBASE_NSMAP = {"link": _LINK, "xlink": _XLINK, "xsi": _XSI}

# Roles our linkbases use that need a roleRef, and where they are defined.
_LRR_ROLE_HREF = {
    names.ROLE_NEGATED: f"{names.NEGATED_XSD}#negatedLabel",
    names.ROLE_NEGATED_TOTAL: f"{names.NEGATED_XSD}#negatedTotalLabel",
}
_XBRLDT_ARCROLES = {
    names.ARCROLE_ALL: "all",
    names.ARCROLE_HYPERCUBE_DIMENSION: "hypercube-dimension",
    names.ARCROLE_DIMENSION_DOMAIN: "dimension-domain",
    names.ARCROLE_DOMAIN_MEMBER: "domain-member",
    names.ARCROLE_DIMENSION_DEFAULT: "dimension-default",
}


def _preferred_role(node: Node, concept: Concept) -> str | None:
    role = node.preferred_label_role()
    if role == names.ROLE_TERSE and (role, "en") not in concept.labels:
        return None
    return role


def _fallback(concept: Concept, role: str, lang: str) -> str:
    order = {
        names.ROLE_NEGATED: (names.ROLE_TERSE, names.ROLE_LABEL),
        names.ROLE_NEGATED_TOTAL: (names.ROLE_TOTAL, names.ROLE_LABEL),
    }.get(role, (names.ROLE_LABEL,))
    for candidate in order:
        text = concept.label(candidate, lang)
        if text:
            return text
    raise KeyError(f"{concept.name} has no {lang} label")


def label_resources(taxonomy: Taxonomy, concept: Concept, lang: str) -> list[tuple[str, str]]:
    """(role, text) labels of a concept in one language.

    Roles the presentation asks for are included; printed variants come last.
    """
    roles = {role for role, label_lang in concept.labels if label_lang == lang}
    for node in taxonomy.nodes_of.get(concept.name, ()):
        preferred = _preferred_role(node, concept)
        if preferred:
            roles.add(preferred)
    order = [
        names.ROLE_LABEL,
        names.ROLE_TERSE,
        names.ROLE_TOTAL,
        names.ROLE_NEGATED,
        names.ROLE_NEGATED_TOTAL,
        names.ROLE_PERIOD_START,
        names.ROLE_PERIOD_END,
    ]
    out = [(role, concept.label(role, lang) or _fallback(concept, role, lang)) for role in order if role in roles]
    if lang in concept.documentation:
        out.append((names.ROLE_DOCUMENTATION, concept.documentation[lang]))
    seen = {text for _, text in out}
    for text in concept.printed.get(lang, ()):
        if text not in seen:
            out.append((names.ROLE_AS_PRINTED, text))
            seen.add(text)
    return out


def _linkbase(role_refs: Iterable[tuple[str, str]], arcrole_refs: Iterable[tuple[str, str]] = ()) -> etree._Element:
    root = etree.Element(clark(_LINK, "linkbase"), nsmap=_LINKBASE_NSMAP)
    root.set(clark(_XSI, "schemaLocation"), f"{_LINK} {names.XBRL_LINKBASE_XSD}")
    for uri, href in sorted(role_refs):
        etree.SubElement(root, clark(_LINK, "roleRef"), {"roleURI": uri, _TYPE: "simple", _HREF: href})
    for uri, href in sorted(arcrole_refs):
        etree.SubElement(root, clark(_LINK, "arcroleRef"), {"arcroleURI": uri, _TYPE: "simple", _HREF: href})
    return root


def _loc(parent: etree._Element, concept: Concept, label: str | None = None) -> None:
    etree.SubElement(
        parent,
        clark(_LINK, "loc"),
        {_TYPE: "locator", _HREF: f"{SCHEMA}#{concept.element_id}", _LABEL: label or f"loc_{concept.name}"},
    )


def _role_href(uri: str) -> str:
    if uri in _LRR_ROLE_HREF:
        return _LRR_ROLE_HREF[uri]
    if uri in CUSTOM_ROLES:
        return f"{SCHEMA}#{CUSTOM_ROLES[uri][0]}"
    return f"{SCHEMA}#{uri.rsplit('/', 1)[-1]}"


def label_linkbase(taxonomy: Taxonomy, lang: str) -> etree._Element:
    """Every concept's labels in one language."""
    resources = {c.name: label_resources(taxonomy, c, lang) for c in taxonomy.concepts.values()}
    used = {role for labels in resources.values() for role, _ in labels}
    refs = [(uri, _role_href(uri)) for uri in used if uri in _LRR_ROLE_HREF or uri in CUSTOM_ROLES]
    root = _linkbase(refs)
    link = etree.SubElement(root, clark(_LINK, "labelLink"), {_TYPE: "extended", _ROLE: names.ROLE_LINK})
    for concept in taxonomy.concepts.values():
        _loc(link, concept)
        for index, (role, text) in enumerate(resources[concept.name]):
            label = etree.SubElement(
                link,
                clark(_LINK, "label"),
                {
                    _TYPE: "resource",
                    _LABEL: f"lab_{concept.name}",
                    _ROLE: role,
                    clark(names.XML, "lang"): lang,
                    "id": f"lab_{concept.name}_{lang}_{index}",
                },
            )
            label.text = text
        etree.SubElement(
            link,
            clark(_LINK, "labelArc"),
            {
                _TYPE: "arc",
                _ARCROLE: names.ARCROLE_CONCEPT_LABEL,
                _FROM: f"loc_{concept.name}",
                _TO: f"lab_{concept.name}",
            },
        )
    return root


def _statement_refs(statements: Iterable[Statement]) -> list[tuple[str, str]]:
    return [(s.role_uri, f"{SCHEMA}#{s.id}") for s in statements]


def presentation_linkbase(taxonomy: Taxonomy) -> etree._Element:
    """Each network's tree, with the label role each line is presented with."""
    preferred = {
        _preferred_role(node, taxonomy.concept(node.concept))
        for statement in taxonomy.statements
        for node, _ in statement.nodes()
    }
    refs = _statement_refs(taxonomy.statements)
    refs += [(uri, _role_href(uri)) for uri in preferred if uri in _LRR_ROLE_HREF]
    root = _linkbase(refs)
    for statement in taxonomy.statements:
        link = etree.SubElement(root, clark(_LINK, "presentationLink"), {_TYPE: "extended", _ROLE: statement.role_uri})
        # One locator per occurrence: XLink forbids two arcs between the same
        # pair of labels, and cash is shown at both the start and the end.
        labels: dict[int, str] = {}
        seen: dict[str, int] = {}
        for node, _ in statement.nodes():
            seen[node.concept] = seen.get(node.concept, 0) + 1
            label = f"loc_{node.concept}" if seen[node.concept] == 1 else f"loc_{node.concept}_{seen[node.concept]}"
            labels[id(node)] = label
            _loc(link, taxonomy.concept(node.concept), label)
        for node, _ in statement.nodes():
            for order, child in enumerate(node.children, start=1):
                attributes = {
                    _TYPE: "arc",
                    _ARCROLE: names.ARCROLE_PARENT_CHILD,
                    _FROM: labels[id(node)],
                    _TO: labels[id(child)],
                    "order": f"{order}.0",
                }
                role = _preferred_role(child, taxonomy.concept(child.concept))
                if role:
                    attributes["preferredLabel"] = role
                etree.SubElement(link, clark(_LINK, "presentationArc"), attributes)
    return root


def calculation_linkbase(taxonomy: Taxonomy) -> etree._Element:
    """Each network's summations, with the Calculations 1.1 arcrole."""
    statements = [s for s in taxonomy.statements if s.summations]
    root = _linkbase(
        _statement_refs(statements),
        [(names.ARCROLE_SUMMATION_ITEM, f"{names.CALC11_XSD}#summation-item")],
    )
    for statement in statements:
        link = etree.SubElement(root, clark(_LINK, "calculationLink"), {_TYPE: "extended", _ROLE: statement.role_uri})
        concepts = sorted(
            {s.total for s in statement.summations} | {n for s in statement.summations for n, _ in s.items}
        )
        for name in concepts:
            _loc(link, taxonomy.concept(name))
        for summation in statement.summations:
            for order, (item, weight) in enumerate(summation.items, start=1):
                etree.SubElement(
                    link,
                    clark(_LINK, "calculationArc"),
                    {
                        _TYPE: "arc",
                        _ARCROLE: names.ARCROLE_SUMMATION_ITEM,
                        _FROM: f"loc_{summation.total}",
                        _TO: f"loc_{item}",
                        "order": f"{order}.0",
                        "weight": f"{weight}.0",
                    },
                )
    return root


def reference_linkbase(taxonomy: Taxonomy) -> etree._Element:
    """For each concept, the US-GAAP element with the same or the nearest meaning."""
    root = _linkbase([(names.ROLE_USGAAP_REFERENCE, _role_href(names.ROLE_USGAAP_REFERENCE))])
    link = etree.SubElement(root, clark(_LINK, "referenceLink"), {_TYPE: "extended", _ROLE: names.ROLE_LINK})
    for concept in taxonomy.concepts.values():
        if not concept.us_gaap:
            continue
        _loc(link, concept)
        reference = etree.SubElement(
            link,
            clark(_LINK, "reference"),
            {
                _TYPE: "resource",
                _LABEL: f"ref_{concept.name}",
                _ROLE: names.ROLE_USGAAP_REFERENCE,
                "id": f"ref_{concept.name}",
            },
            nsmap={"ref": names.REF},
        )
        for part, text in (
            ("Publisher", "FASB"),
            ("Name", "US GAAP Financial Reporting Taxonomy"),
            ("Section", f"us-gaap:{concept.us_gaap}"),
            (
                "Note",
                "same meaning"
                if concept.us_gaap_exact
                else "nearest element (broader, or reached through a dimension)",
            ),
        ):
            etree.SubElement(reference, clark(names.REF, part)).text = text
        etree.SubElement(
            link,
            clark(_LINK, "referenceArc"),
            {
                _TYPE: "arc",
                _ARCROLE: names.ARCROLE_CONCEPT_REFERENCE,
                _FROM: f"loc_{concept.name}",
                _TO: f"ref_{concept.name}",
            },
        )
    return root


_DefinitionArc = tuple[str, str, str, int, dict[str, str]]


def definition_linkbase(taxonomy: Taxonomy) -> etree._Element:
    """XBRL Dimensions relationships of the networks that declare a hypercube.

    The line items have the hypercube (``all``, in the segment, closed); each
    axis has its domain, whose members are the presentation tree under it, and
    a default member; a domain is usable only where it is the default.  The
    defaults sit in an extended link of their own: an axis whose default is
    its domain would otherwise have two arcs between one pair of locators,
    which XLink forbids.
    """
    statements = [s for s in taxonomy.statements if s.hypercube]
    arcroles = [(uri, f"{names.XBRLDT_XSD}#{arcrole_id}") for uri, arcrole_id in _XBRLDT_ARCROLES.items()]
    root = _linkbase(_statement_refs(statements), arcroles)
    for statement in statements:
        cube = statement.hypercube
        assert cube is not None
        arcs: list[_DefinitionArc] = [
            (cube.line_items, cube.table, names.ARCROLE_ALL, 1, {"contextElement": "segment", "closed": "true"}),
        ]
        for order, axis in enumerate(cube.axes, start=1):
            usable = "true" if axis.default == axis.domain else "false"
            arcs.append((cube.table, axis.axis, names.ARCROLE_HYPERCUBE_DIMENSION, order, {}))
            arcs.append((axis.axis, axis.domain, names.ARCROLE_DIMENSION_DOMAIN, 1, {"usable": usable}))
        domains = {axis.domain for axis in cube.axes}
        for node, ancestors in statement.nodes():
            below_domain = any(a.concept in domains for a in ancestors)
            if node.concept in domains or node.concept == cube.line_items or below_domain:
                for order, child in enumerate(node.children, start=1):
                    arcs.append((node.concept, child.concept, names.ARCROLE_DOMAIN_MEMBER, order, {}))
        defaults: list[_DefinitionArc] = [
            (a.axis, a.default, names.ARCROLE_DIMENSION_DEFAULT, 1, {}) for a in cube.axes
        ]
        _definition_link(root, statement.role_uri, arcs, taxonomy)
        _definition_link(root, statement.role_uri, defaults, taxonomy)
    return root


def _definition_link(root: etree._Element, role: str, arcs: list[_DefinitionArc], taxonomy: Taxonomy) -> None:
    link = etree.SubElement(root, clark(_LINK, "definitionLink"), {_TYPE: "extended", _ROLE: role})
    located: set[str] = set()
    for source, target, arcrole, order, extra in arcs:
        for name in (source, target):
            if name not in located:
                _loc(link, taxonomy.concept(name))
                located.add(name)
        attributes = {
            _TYPE: "arc",
            _ARCROLE: arcrole,
            _FROM: f"loc_{source}",
            _TO: f"loc_{target}",
            "order": f"{order}.0",
        }
        attributes.update({clark(names.XBRLDT, key): value for key, value in extra.items()})
        etree.SubElement(link, clark(_LINK, "definitionArc"), attributes)
