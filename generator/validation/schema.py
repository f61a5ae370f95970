"""XML Schema validity of an instance against its DTS, standard schemas resolved locally.

Two engines, one answer: libxml2 (through lxml), the default, is fast enough
for 60,000-fact instances; xmlschema, pure Python and closest to the
specification, checks the same documents (``--schema-engine xmlschema``,
and the test suite compares the two).  Either builds its schema object once
per DTS and reuses it.  Official URLs map to ``schemas/``; nothing is
fetched.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from lxml import etree

from generator.findings import Finding
from generator.resources import schemas_dir
from generator.validation.dts import DTS, local_path

if TYPE_CHECKING:
    import xmlschema

Engine = Literal["libxml2", "xmlschema"]
_MAX_REPORTED = 20
_WRAPPER_NAMESPACE = "urn:xbrlgen:dts"


def local_uri(uri: str) -> str:
    """Map an official schema URL to its local copy (other URIs unchanged)."""
    for prefix in ("http://", "https://"):
        if uri.startswith(prefix):
            local = schemas_dir() / uri[len(prefix) :]
            if local.is_file():
                return local.as_uri()
    return uri


def _wrapper(schemas: tuple[tuple[str, str], ...]) -> bytes:
    """A schema importing each entry schema, so one object validates against the whole DTS."""
    imports = "".join(
        f'<xs:import namespace="{namespace}" schemaLocation="{local_uri(url)}"/>' for namespace, url in schemas
    )
    return (
        f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{_WRAPPER_NAMESPACE}">'
        f"{imports}</xs:schema>"
    ).encode()


class _LocalResolver(etree.Resolver):
    """libxml2 asks here for every schemaLocation: official URLs become local files."""

    def resolve(self, system_url: str, public_id: str, context: object) -> object:  # type: ignore[override]
        path = local_path(local_uri(system_url))
        if path is not None and path.is_file():
            return self.resolve_filename(str(path), context)  # type: ignore[attr-defined]
        return None


def libxml2_schema(schemas: tuple[tuple[str, str], ...]) -> etree.XMLSchema:
    """The libxml2 schema of a DTS's entry schemas (namespace, URL)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(_LocalResolver())
    document = etree.fromstring(_wrapper(schemas), parser, base_url="file:///dts-wrapper.xsd")
    return etree.XMLSchema(etree.ElementTree(document))


def xmlschema_schema(schemas: tuple[tuple[str, str], ...]) -> xmlschema.XMLSchema:
    """The xmlschema schema of a DTS's entry schemas (imported here: it is slow to import)."""
    import xmlschema

    if len(schemas) == 1:
        return xmlschema.XMLSchema(local_uri(schemas[0][1]), uri_mapper=local_uri, allow="local")
    return xmlschema.XMLSchema(_wrapper(schemas).decode(), uri_mapper=local_uri, allow="local")


def _libxml2_errors(tree: etree._ElementTree, schema: etree.XMLSchema) -> Iterator[tuple[str, int | None]]:
    if schema.validate(tree):
        return
    for error in schema.error_log:  # type: ignore[attr-defined]
        yield " ".join(error.message.split()), error.line or None


def _xmlschema_errors(tree: etree._ElementTree, schema: xmlschema.XMLSchema) -> Iterator[tuple[str, int | None]]:
    for error in schema.iter_errors(tree):
        line = getattr(error.elem, "sourceline", None) if error.elem is not None else None
        yield error.reason or str(error.message), line if isinstance(line, int) else None


def schema_object(dts: DTS, engine: Engine) -> object:
    """The engine's schema object for a DTS, built once per DTS and reused by every instance of it."""
    schema = dts.cache.get(engine)
    if schema is None:
        schemas = tuple((namespace, url) for namespace, url in dts.schemas if url in dts.entries)
        schema = dts.cache[engine] = libxml2_schema(schemas) if engine == "libxml2" else xmlschema_schema(schemas)
    return schema


def validate_schema(tree: etree._ElementTree, dts: DTS, file: str, engine: Engine = "libxml2") -> list[Finding]:
    """Schema-validity findings for an instance tree (the first twenty)."""
    schema = schema_object(dts, engine)
    if isinstance(schema, etree.XMLSchema):
        errors = _libxml2_errors(tree, schema)
    else:
        errors = _xmlschema_errors(tree, schema)  # type: ignore[arg-type]
    findings = []
    for message, line in errors:
        findings.append(Finding("schema.invalid", message, file, line))
        if len(findings) >= _MAX_REPORTED:
            break
    return findings
