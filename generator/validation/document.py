"""Reading XML safely: instances and DTS files are data, never programs.

No DTD is loaded, no entity expanded (so neither XXE nor billion laughs can
act), nothing is fetched, and libxml2's size limits stay on (``huge_tree``
off) so a hostile file cannot take unbounded memory.  A document that is
not well-formed, or declares a DTD at all, is an input error naming its
line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from generator.findings import Finding


def safe_parser() -> etree.XMLParser:
    """A parser that loads no DTD, expands no entity and fetches nothing."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=False
    )


SAFE_PARSER = safe_parser()


def resolve_qname(element: etree._Element, text: str | None) -> tuple[str, str] | None:
    """A prefixed name (``iij:Revenues``) in an element's scope, as (namespace, local); None if unbound."""
    return resolve_name(element.nsmap, text) if text else None


def resolve_name(nsmap: Mapping[str | None, str], text: str | None) -> tuple[str, str] | None:
    """A prefixed name resolved with an element's namespace map (lxml builds it anew on each access)."""
    if not text:
        return None
    prefix, _, local = text.strip().rpartition(":")
    namespace = nsmap.get(prefix or None)
    return None if namespace is None and prefix else (namespace or "", local)


@dataclass(frozen=True)
class Parsed:
    """A parsed document, or why it could not be read."""

    tree: etree._ElementTree | None
    problem: Finding | None = None


def parse_xml(data: bytes, file: str, base_url: str | None = None) -> Parsed:
    """Parse bytes; a DTD (even an internal one) or a syntax error is ``xml.malformed``."""
    try:
        root = etree.fromstring(data, parser=SAFE_PARSER, base_url=base_url or "")
    except etree.XMLSyntaxError as error:
        line = error.lineno if isinstance(error.lineno, int) and error.lineno > 0 else None
        message = " ".join(str(error.msg or error).split())
        return Parsed(None, Finding("xml.malformed", f"not well-formed XML: {message}", file, line))
    except ValueError as error:  # e.g. a unicode string with an encoding declaration
        return Parsed(None, Finding("xml.malformed", f"not well-formed XML: {error}", file))
    tree = root.getroottree()
    if tree.docinfo.doctype:  # type: ignore[union-attr]
        message = "the document declares a DTD; XBRL needs none and a DTD can expand entities or fetch files"
        return Parsed(None, Finding("xml.malformed", message, file, 1))
    return Parsed(tree)


def read_bytes(path: Path) -> bytes | Finding:
    """A file's bytes; an unreadable file is ``xml.malformed`` too."""
    try:
        return path.read_bytes()
    except OSError as error:
        return Finding("xml.malformed", f"cannot read the file: {error.strerror or error}", path.name)
