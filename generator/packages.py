"""Packages: the taxonomy as an XBRL Taxonomy Package, each release as an XBRL Report Package.

Both are zips with one top-level folder holding ``META-INF``.  The taxonomy
sits under the folder its URL names (``www.iij.ad.jp/xbrl/2004-05-14/``) and
``META-INF/catalog.xml`` maps that URL there, so a processor resolves it
offline.  A report package (``.xbri``, Report Packages 1.0) carries the
release's inline XBRL report in ``reports/``, referencing the taxonomy by
URL, and the taxonomy with its catalog, as an ESEF filing carries its
extension taxonomy.  Entries are written in a fixed order with a fixed
timestamp: building twice gives the same bytes.  The taxonomy's entries are
compressed once per build (``Deflated``), not once per release's package.
"""

from __future__ import annotations

import json
import struct
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from lxml import etree

from generator import names
from generator.names import clark
from generator.taxonomy.dts import serialize
from generator.taxonomy.schema import SCHEMA

TAXONOMY_PACKAGE_NS = "http://xbrl.org/2016/taxonomy-package"
CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
REPORT_PACKAGE_TYPE = "https://xbrl.org/report-package/2023/xbri"
TAXONOMY_URL = f"{names.IIJ}/"  # where the schema's namespace says the taxonomy lives
SCHEMA_URL = TAXONOMY_URL + SCHEMA
TAXONOMY_FOLDER = "www.iij.ad.jp/xbrl/2004-05-14/"
TAXONOMY_PACKAGE = "iij-2004-05-14-taxonomy.zip"
PUBLICATION_DATE = "2004-05-14"  # the taxonomy's own date, as its file names say


@dataclass(frozen=True)
class Deflated:
    """A zip entry's data, compressed (raw deflate, level 1, as ``zipfile`` writes it) with its CRC and size."""

    data: bytes
    crc: int
    size: int

    @staticmethod
    def of(data: bytes) -> Deflated:
        """``data`` compressed."""
        compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
        return Deflated(compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data))


# Zip records (APPNOTE 4.3.7, 4.3.12, 4.3.16), as zipfile packs them; entries written
# "version 2.0" (deflate), by Unix (3), rw-r--r--, dated the zip epoch (1980-01-01 00:00).
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION, _UNIX, _DEFLATED, _MODE = 20, 3, 8, 0o644 << 16
_EPOCH_DATE = (1 << 5) | 1  # 1980-01-01, the zip epoch: no date of the build leaks into a package
_UTF8_NAME = 0x800


def zip_bytes(entries: dict[str, bytes | Deflated]) -> bytes:
    """A deterministic zip: entries in the order given, fixed timestamp and permissions.

    Written here rather than by ``zipfile``, which cannot take data already
    compressed: every release's package carries the same taxonomy.  The bytes
    are those ``zipfile`` writes for the same entries (tested).
    """
    parts: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for name, content in entries.items():
        entry = content if isinstance(content, Deflated) else Deflated.of(content)
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else _UTF8_NAME
        fields = (flags, _DEFLATED, 0, _EPOCH_DATE, entry.crc, len(entry.data), entry.size, len(encoded))
        parts += [_LOCAL.pack(b"PK\x03\x04", _VERSION, 0, *fields, 0), encoded, entry.data]
        directory += [
            _CENTRAL.pack(b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, *fields, 0, 0, 0, 0, _MODE, offset),
            encoded,
        ]
        offset += _LOCAL.size + len(encoded) + len(entry.data)
    size = sum(map(len, directory))
    end = _END.pack(b"PK\x05\x06", 0, 0, len(entries), len(entries), size, offset, 0)
    return b"".join([*parts, *directory, end])


def _sub(parent: etree._Element, local: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, clark(TAXONOMY_PACKAGE_NS, local), attributes)
    element.text = text
    return element


def taxonomy_package_xml() -> bytes:
    """``META-INF/taxonomyPackage.xml``: what the taxonomy is and its entry point, by URL."""
    root = etree.Element(clark(TAXONOMY_PACKAGE_NS, "taxonomyPackage"), nsmap={None: TAXONOMY_PACKAGE_NS})  # type: ignore[dict-item]
    root.set(clark(names.XML, "lang"), "en")
    _sub(root, "identifier", names.IIJ)
    _sub(root, "name", "IIJ earnings releases 2001-2004 (xbrlgen)")
    _sub(
        root,
        "description",
        "Concepts, labels (English, Japanese), presentation, calculations and dimensions for the "
        "quarterly earnings releases of Internet Initiative Japan Inc., fiscal 2001 to 2003.",
    )
    _sub(root, "version", PUBLICATION_DATE)
    _sub(root, "publisher", "xbrlgen")
    _sub(root, "publicationDate", PUBLICATION_DATE)
    entry_points = _sub(root, "entryPoints")
    entry_point = _sub(entry_points, "entryPoint")
    _sub(entry_point, "name", "IIJ earnings release")
    _sub(entry_point, "entryPointDocument", href=SCHEMA_URL)
    return serialize(root)


def catalog_xml() -> bytes:
    """``META-INF/catalog.xml``: the taxonomy's URL rewritten to its folder in the package."""
    root = etree.Element(clark(CATALOG_NS, "catalog"), nsmap={None: CATALOG_NS})  # type: ignore[dict-item]
    etree.SubElement(
        root, clark(CATALOG_NS, "rewriteURI"), uriStartString=TAXONOMY_URL, rewritePrefix=f"../{TAXONOMY_FOLDER}"
    )
    return serialize(root)


def taxonomy_entries(taxonomy: dict[str, bytes]) -> dict[str, Deflated]:
    """The taxonomy files (name -> bytes) and the package metadata, compressed, by path below the top folder."""
    entries = {"META-INF/taxonomyPackage.xml": taxonomy_package_xml(), "META-INF/catalog.xml": catalog_xml()}
    entries.update({f"{TAXONOMY_FOLDER}{name}": data for name, data in taxonomy.items()})
    return {name: Deflated.of(data) for name, data in entries.items()}


def taxonomy_package(taxonomy: dict[str, Deflated]) -> bytes:
    """The taxonomy (``taxonomy_entries``) as a Taxonomy Package."""
    top = PurePosixPath(TAXONOMY_PACKAGE).stem
    return zip_bytes({f"{top}/{name}": data for name, data in taxonomy.items()})


def report_package_name(report: str) -> str:
    """``iij-20021231.xbri`` for ``iij-20021231.html``."""
    return f"{PurePosixPath(report).stem}.xbri"


def report_package(report: str, data: bytes, taxonomy: dict[str, Deflated]) -> bytes:
    """An inline report (its ``schemaRef`` the taxonomy's URL) packaged with the taxonomy (``taxonomy_entries``)."""
    top = PurePosixPath(report).stem
    document = {"documentInfo": {"documentType": REPORT_PACKAGE_TYPE}}
    entries: dict[str, bytes | Deflated] = {
        f"{top}/META-INF/reportPackage.json": (json.dumps(document, indent=1) + "\n").encode("utf-8")
    }
    entries.update({f"{top}/{name}": deflated for name, deflated in taxonomy.items()})
    entries[f"{top}/reports/{report}"] = data
    return zip_bytes(entries)
