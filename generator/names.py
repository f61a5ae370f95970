"""Namespaces, QNames, role and arcrole URIs used across the package."""

from __future__ import annotations

XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XSD = "http://www.w3.org/2001/XMLSchema"
XML = "http://www.w3.org/XML/1998/namespace"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
NUM = "http://www.xbrl.org/dtr/type/numeric"
REF = "http://www.xbrl.org/2006/ref"
NONNUM = "http://www.xbrl.org/dtr/type/non-numeric"
XBRLDT = "http://xbrl.org/2005/xbrldt"
XBRLDI = "http://xbrl.org/2006/xbrldi"

# Inline XBRL 1.1 and its Transformation Registry 4.
XHTML = "http://www.w3.org/1999/xhtml"
IX = "http://www.xbrl.org/2013/inlineXBRL"
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"

# Our taxonomy.
IIJ = "http://www.iij.ad.jp/xbrl/2004-05-14"
IIJ_PREFIX = "iij"
IIJ_ROLE_BASE = "http://www.iij.ad.jp/xbrl/role/"

# Entity identification (SEC scheme; IIJ's CIK).
CIK_SCHEME = "http://www.sec.gov/CIK"
IIJ_CIK = "0001090633"

# Standard schema locations (resolved to local copies, never fetched).
XBRLI_XSD = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
XBRL_LINKBASE_XSD = "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd"
NUM_XSD = "http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd"
NEGATED_XSD = "http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd"
REF_XSD = "http://www.xbrl.org/2006/ref-2006-02-27.xsd"
CALC11_XSD = "https://xbrl.org/2023/calculation-1.1.xsd"
XBRLDT_XSD = "http://www.xbrl.org/2005/xbrldt-2005.xsd"
XBRLDI_XSD = "http://www.xbrl.org/2006/xbrldi-2006.xsd"
NONNUM_XSD = "http://www.xbrl.org/dtr/type/nonNumeric-2009-12-16.xsd"

# XBRL Dimensions arcroles.
ARCROLE_ALL = "http://xbrl.org/int/dim/arcrole/all"
ARCROLE_HYPERCUBE_DIMENSION = "http://xbrl.org/int/dim/arcrole/hypercube-dimension"
ARCROLE_DIMENSION_DOMAIN = "http://xbrl.org/int/dim/arcrole/dimension-domain"
ARCROLE_DOMAIN_MEMBER = "http://xbrl.org/int/dim/arcrole/domain-member"
ARCROLE_DIMENSION_DEFAULT = "http://xbrl.org/int/dim/arcrole/dimension-default"

# Link roles and arcroles.
ROLE_LINK = "http://www.xbrl.org/2003/role/link"
ROLE_FOOTNOTE = "http://www.xbrl.org/2003/role/footnote"
ARCROLE_FACT_FOOTNOTE = "http://www.xbrl.org/2003/arcrole/fact-footnote"
ARCROLE_CONCEPT_LABEL = "http://www.xbrl.org/2003/arcrole/concept-label"
ARCROLE_CONCEPT_REFERENCE = "http://www.xbrl.org/2003/arcrole/concept-reference"
ARCROLE_PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
ARCROLE_SUMMATION_ITEM = "https://xbrl.org/2023/arcrole/summation-item"
ARCROLE_LINKBASE = "http://www.w3.org/1999/xlink/properties/linkbase"

# Label roles.  negatedLabel is an LRR role, not an XBRL 2.1 one.
ROLE_LABEL = "http://www.xbrl.org/2003/role/label"
ROLE_TERSE = "http://www.xbrl.org/2003/role/terseLabel"
ROLE_TOTAL = "http://www.xbrl.org/2003/role/totalLabel"
ROLE_PERIOD_START = "http://www.xbrl.org/2003/role/periodStartLabel"
ROLE_PERIOD_END = "http://www.xbrl.org/2003/role/periodEndLabel"
ROLE_DOCUMENTATION = "http://www.xbrl.org/2003/role/documentation"
ROLE_NEGATED = "http://www.xbrl.org/2009/role/negatedLabel"
ROLE_NEGATED_TOTAL = "http://www.xbrl.org/2009/role/negatedTotalLabel"
ROLE_AS_PRINTED = IIJ_ROLE_BASE + "label/asPrinted"
ROLE_USGAAP_REFERENCE = IIJ_ROLE_BASE + "reference/usGaapEquivalent"


# Linkbase reference roles (xlink:role on link:linkbaseRef).
LINKBASE_REF_ROLES = {
    "label": "http://www.xbrl.org/2003/role/labelLinkbaseRef",
    "presentation": "http://www.xbrl.org/2003/role/presentationLinkbaseRef",
    "calculation": "http://www.xbrl.org/2003/role/calculationLinkbaseRef",
    "definition": "http://www.xbrl.org/2003/role/definitionLinkbaseRef",
    "reference": "http://www.xbrl.org/2003/role/referenceLinkbaseRef",
}


def clark(namespace: str, local: str) -> str:
    """Return the Clark notation ``{namespace}local`` that lxml uses."""
    return f"{{{namespace}}}{local}"
