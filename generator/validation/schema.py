"""XML Schema validation with xmlschema, standard schemas resolved locally.

The schema object is built once per process and reused; no URL is ever
fetched: the official schemas' addresses map to the copies in ``schemas/``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import xmlschema
from lxml import etree

from generator.findings import Finding
from generator.resources import schemas_dir

_MAX_REPORTED = 20


def local_uri(uri: str) -> str:
    """Map an official schema URL to its local copy (other URIs unchanged)."""
    for prefix in ("http://", "https://"):
        if uri.startswith(prefix):
            local = schemas_dir() / uri[len(prefix) :]
            if local.is_file():
                return local.as_uri()
    return uri


@lru_cache(maxsize=8)
def schema_for(entry: Path) -> xmlschema.XMLSchema:
    """The (cached) schema of a DTS entry point."""
    return xmlschema.XMLSchema(str(entry), uri_mapper=local_uri, allow="local")


def validate_schema(tree: etree._ElementTree, entry: Path, file: str) -> list[Finding]:
    """Schema-validity findings for an instance tree."""
    findings = []
    for error in schema_for(entry.resolve()).iter_errors(tree):
        line = getattr(error.elem, "sourceline", None) if error.elem is not None else None
        findings.append(Finding("schema.invalid", error.reason or str(error.message), file, line))
        if len(findings) >= _MAX_REPORTED:
            break
    return findings
