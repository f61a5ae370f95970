"""Packages: the taxonomy as an XBRL Taxonomy Package, each release as an XBRL Report Package.

Both are zips with one top-level folder holding ``META-INF``.  The taxonomy
sits under the folder its URL names (``www.iij.ad.jp/xbrl/2004-05-14/``) and
``META-INF/catalog.xml`` maps that URL there, so a processor resolves it
offline.  A report package (``.xbri``, Report Packages 1.0) carries the
release's inline XBRL report in ``reports/``, referencing the taxonomy by
URL, and the taxonomy with its catalog, as an ESEF filing carries its
extension taxonomy.  Entries are written in a fixed order with a fixed
timestamp: building twice gives the same bytes.
"""

from __future__ import annotations

import io
import json
import zipfile
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
_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the zip epoch: no date of the build leaks into the package


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    """A deterministic zip: entries in the order given, fixed timestamp and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, _TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data, compresslevel=1)  # fast: every release's package carries the taxonomy
    return buffer.getvalue()


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


def _with_taxonomy(top: str, taxonomy: dict[str, bytes]) -> dict[str, bytes]:
    entries = {
        f"{top}/META-INF/taxonomyPackage.xml": taxonomy_package_xml(),
        f"{top}/META-INF/catalog.xml": catalog_xml(),
    }
    entries.update({f"{top}/{TAXONOMY_FOLDER}{name}": data for name, data in taxonomy.items()})
    return entries


def taxonomy_package(taxonomy: dict[str, bytes]) -> bytes:
    """The taxonomy files (name -> bytes) as a Taxonomy Package."""
    return zip_bytes(_with_taxonomy(PurePosixPath(TAXONOMY_PACKAGE).stem, taxonomy))


def report_package_name(report: str) -> str:
    """``iij-20021231.xbri`` for ``iij-20021231.html``."""
    return f"{PurePosixPath(report).stem}.xbri"


def report_package(report: str, data: bytes, taxonomy: dict[str, bytes]) -> bytes:
    """An inline report (its ``schemaRef`` the taxonomy's URL) packaged with the taxonomy."""
    top = PurePosixPath(report).stem
    document = {"documentInfo": {"documentType": REPORT_PACKAGE_TYPE}}
    entries = {f"{top}/META-INF/reportPackage.json": (json.dumps(document, indent=1) + "\n").encode("utf-8")}
    entries.update(_with_taxonomy(top, taxonomy))
    entries[f"{top}/reports/{report}"] = data
    return zip_bytes(entries)
