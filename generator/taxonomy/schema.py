"""The taxonomy schema: element declarations, role types, custom item types."""

from __future__ import annotations

from lxml import etree

from generator import names
from generator.names import clark
from generator.taxonomy.model import ItemKind, Taxonomy

SCHEMA = "iij-2004-05-14.xsd"
LINKBASES = {
    "label-en": "iij-2004-05-14_lab-en.xml",
    "label-ja": "iij-2004-05-14_lab-ja.xml",
    "presentation": "iij-2004-05-14_pre.xml",
    "calculation": "iij-2004-05-14_cal.xml",
    "definition": "iij-2004-05-14_def.xml",
    "reference": "iij-2004-05-14_ref.xml",
}
_LINKBASE_KINDS = {
    "label-en": "label",
    "label-ja": "label",
    "presentation": "presentation",
    "calculation": "calculation",
    "definition": "definition",
    "reference": "reference",
}

ITEM_TYPES = {
    ItemKind.MONETARY: "xbrli:monetaryItemType",
    ItemKind.PER_SHARE: "num:perShareItemType",
    ItemKind.PER_ADS: "num:perShareItemType",
    ItemKind.SHARES: "xbrli:sharesItemType",
    ItemKind.ADS: f"{names.IIJ_PREFIX}:adsItemType",
    ItemKind.CONTRACTS: f"{names.IIJ_PREFIX}:contractsItemType",
    ItemKind.GBPS: f"{names.IIJ_PREFIX}:bandwidthItemType",
    ItemKind.PERCENT: "num:percentItemType",
    ItemKind.PURE: "xbrli:pureItemType",
    ItemKind.TEXT: "xbrli:stringItemType",
    ItemKind.DATE: "xbrli:dateItemType",
    ItemKind.YEAR: "xbrli:gYearItemType",
    ItemKind.BOOLEAN: "xbrli:booleanItemType",
    ItemKind.ABSTRACT: "xbrli:stringItemType",
    ItemKind.AXIS: "xbrli:stringItemType",
    ItemKind.HYPERCUBE: "xbrli:stringItemType",
    ItemKind.MEMBER: "nonnum:domainItemType",
}
_SUBSTITUTION_GROUPS = {ItemKind.AXIS: "xbrldt:dimensionItem", ItemKind.HYPERCUBE: "xbrldt:hypercubeItem"}

# Item types for the measures no standard defines; each names its unit measure.
CUSTOM_ITEM_TYPES = {
    "adsItemType": "A number of American Depositary Share equivalents; unit measure iij:ADS.",
    "contractsItemType": "A number of service contracts; unit measure iij:Contracts.",
    "bandwidthItemType": "Contracted bandwidth in gigabits per second; unit measure iij:Gbps.",
}

# Roles of our own: the statements' link roles and these.
CUSTOM_ROLES = {
    names.ROLE_AS_PRINTED: ("asPrinted", "Wording a release prints for the line (OCR typos included)", "link:label"),
    names.ROLE_USGAAP_REFERENCE: (
        "usGaapEquivalent",
        "The US-GAAP element with the same or the nearest meaning",
        "link:reference",
    ),
}

_IMPORTS = (
    (names.XBRLI, names.XBRLI_XSD),
    (names.XBRLDT, names.XBRLDT_XSD),
    (names.XBRLDI, names.XBRLDI_XSD),
    (names.NUM, names.NUM_XSD),
    (names.NONNUM, names.NONNUM_XSD),
    (names.REF, names.REF_XSD),
)
_XSD = names.XSD
_LINK = names.LINK
_XLINK = names.XLINK


def _role_types(appinfo: etree._Element, taxonomy: Taxonomy) -> None:
    for statement in taxonomy.statements:
        role = etree.SubElement(appinfo, clark(_LINK, "roleType"), roleURI=statement.role_uri, id=statement.id)
        etree.SubElement(role, clark(_LINK, "definition")).text = statement.definition
        for used in ("link:presentationLink", "link:calculationLink", "link:definitionLink"):
            etree.SubElement(role, clark(_LINK, "usedOn")).text = used
    for uri, (role_id, definition, used) in CUSTOM_ROLES.items():
        role = etree.SubElement(appinfo, clark(_LINK, "roleType"), roleURI=uri, id=role_id)
        etree.SubElement(role, clark(_LINK, "definition")).text = definition
        etree.SubElement(role, clark(_LINK, "usedOn")).text = used


def _linkbase_refs(appinfo: etree._Element) -> None:
    for key, href in LINKBASES.items():
        etree.SubElement(
            appinfo,
            clark(_LINK, "linkbaseRef"),
            {
                clark(_XLINK, "type"): "simple",
                clark(_XLINK, "href"): href,
                clark(_XLINK, "role"): names.LINKBASE_REF_ROLES[_LINKBASE_KINDS[key]],
                clark(_XLINK, "arcrole"): names.ARCROLE_LINKBASE,
            },
        )


def _custom_types(root: etree._Element) -> None:
    for type_name, documentation in CUSTOM_ITEM_TYPES.items():
        complex_type = etree.SubElement(root, clark(_XSD, "complexType"), name=type_name)
        note = etree.SubElement(etree.SubElement(complex_type, clark(_XSD, "annotation")), clark(_XSD, "documentation"))
        note.text = documentation
        content = etree.SubElement(complex_type, clark(_XSD, "simpleContent"))
        etree.SubElement(content, clark(_XSD, "restriction"), base="xbrli:decimalItemType")


def schema_element(taxonomy: Taxonomy) -> etree._Element:
    """The taxonomy schema as an lxml tree."""
    nsmap = {
        "xs": _XSD,
        "xbrli": names.XBRLI,
        "link": _LINK,
        "xlink": _XLINK,
        "xbrldt": names.XBRLDT,
        "num": names.NUM,
        "nonnum": names.NONNUM,
        names.IIJ_PREFIX: names.IIJ,
    }
    root = etree.Element(
        clark(_XSD, "schema"),
        nsmap=nsmap,
        targetNamespace=names.IIJ,
        elementFormDefault="qualified",
        attributeFormDefault="unqualified",
    )
    appinfo = etree.SubElement(etree.SubElement(root, clark(_XSD, "annotation")), clark(_XSD, "appinfo"))
    _role_types(appinfo, taxonomy)
    _linkbase_refs(appinfo)
    for namespace, location in _IMPORTS:
        etree.SubElement(root, clark(_XSD, "import"), namespace=namespace, schemaLocation=location)
    _custom_types(root)
    for concept in taxonomy.concepts.values():
        attributes = {
            "id": concept.element_id,
            "name": concept.name,
            "type": ITEM_TYPES[concept.kind],
            "substitutionGroup": _SUBSTITUTION_GROUPS.get(concept.kind, "xbrli:item"),
            clark(names.XBRLI, "periodType"): concept.period_type,
        }
        if concept.balance:
            attributes[clark(names.XBRLI, "balance")] = concept.balance
        if concept.abstract:
            attributes["abstract"] = "true"
        attributes["nillable"] = "true"
        etree.SubElement(root, clark(_XSD, "element"), attributes)
    return root
