"""Checking written instances: XML Schema, calculations, financial integrity."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from lxml import etree

from generator import names
from generator.findings import Finding
from generator.taxonomy.model import Taxonomy
from generator.validation.calculations import SummationRule, check_calculations
from generator.validation.integrity import check_integrity
from generator.validation.reader import parse_instance
from generator.validation.schema import validate_schema

# No DTDs, no external entities, no network: instances are data, not programs.
SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=False
)


def summation_rules(taxonomy: Taxonomy) -> list[SummationRule]:
    """The taxonomy's calculations as rules over (namespace, name) pairs."""
    return [
        SummationRule(
            statement.role_uri,
            (names.IIJ, summation.total),
            tuple(((names.IIJ, item), Decimal(weight)) for item, weight in summation.items),
        )
        for statement in taxonomy.statements
        for summation in statement.summations
    ]


def validate_written(data: bytes, entry: Path, taxonomy: Taxonomy, file: str) -> list[Finding]:
    """Validate instance bytes as written: schema, calculations, integrity."""
    tree = etree.ElementTree(etree.fromstring(data, parser=SAFE_PARSER))
    findings = validate_schema(tree, entry, file)
    parsed = parse_instance(tree)
    findings += check_calculations(parsed.facts, summation_rules(taxonomy), file)
    findings += check_integrity(parsed.facts, parsed.contexts, file)
    return findings
