"""Writing the taxonomy as deterministic bytes: the schema and its linkbases."""

from __future__ import annotations

from lxml import etree

from generator.taxonomy.linkbases import (
    calculation_linkbase,
    definition_linkbase,
    label_linkbase,
    label_resources,
    presentation_linkbase,
    reference_linkbase,
)
from generator.taxonomy.model import Taxonomy
from generator.taxonomy.schema import LINKBASES, SCHEMA, schema_element

__all__ = ["LINKBASES", "SCHEMA", "dts_files", "label_resources", "serialize"]


def serialize(root: etree._Element) -> bytes:
    """Pretty, deterministic UTF-8 with an XML declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def dts_files(taxonomy: Taxonomy) -> dict[str, bytes]:
    """Every taxonomy file, by file name."""
    return {
        SCHEMA: serialize(schema_element(taxonomy)),
        LINKBASES["label-en"]: serialize(label_linkbase(taxonomy, "en")),
        LINKBASES["label-ja"]: serialize(label_linkbase(taxonomy, "ja")),
        LINKBASES["presentation"]: serialize(presentation_linkbase(taxonomy)),
        LINKBASES["calculation"]: serialize(calculation_linkbase(taxonomy)),
        LINKBASES["definition"]: serialize(definition_linkbase(taxonomy)),
        LINKBASES["reference"]: serialize(reference_linkbase(taxonomy)),
    }
