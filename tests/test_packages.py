"""The Taxonomy Package and the Report Packages as zips: layout, metadata, catalog, determinism."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from lxml import etree

from generator.build import build
from generator.packages import CATALOG_NS, SCHEMA_URL, TAXONOMY_PACKAGE, TAXONOMY_PACKAGE_NS, Deflated, zip_bytes
from generator.resources import bundled_sources
from generator.taxonomy.model import Taxonomy
from tests.conftest import Built


def _names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def test_taxonomy_package_layout(built: Built) -> None:
    names = _names(built.folder / TAXONOMY_PACKAGE)
    top = {name.split("/")[0] for name in names}
    assert top == {"iij-2004-05-14-taxonomy"}
    assert names[:2] == [
        "iij-2004-05-14-taxonomy/META-INF/taxonomyPackage.xml",
        "iij-2004-05-14-taxonomy/META-INF/catalog.xml",
    ]
    taxonomy = sorted(n.rsplit("/", 1)[1] for n in names if "/www.iij.ad.jp/xbrl/2004-05-14/" in n)
    assert taxonomy == sorted(p.name for p in built.folder.glob("iij-2004-05-14*.x*"))


def test_taxonomy_package_metadata_and_catalog(built: Built) -> None:
    with zipfile.ZipFile(built.folder / TAXONOMY_PACKAGE) as archive:
        metadata = etree.fromstring(archive.read("iij-2004-05-14-taxonomy/META-INF/taxonomyPackage.xml"))
        catalog = etree.fromstring(archive.read("iij-2004-05-14-taxonomy/META-INF/catalog.xml"))
    entry = metadata.find(f".//{{{TAXONOMY_PACKAGE_NS}}}entryPointDocument")
    assert entry is not None and entry.get("href") == SCHEMA_URL
    rewrite = catalog.find(f"{{{CATALOG_NS}}}rewriteURI")
    assert rewrite is not None
    assert (rewrite.get("uriStartString"), rewrite.get("rewritePrefix")) == (
        "http://www.iij.ad.jp/xbrl/2004-05-14/",
        "../www.iij.ad.jp/xbrl/2004-05-14/",
    )


def test_report_package_carries_the_inline_report_and_the_taxonomy(built: Built) -> None:
    path = built.folder / "iij-20021231.xbri"
    names = _names(path)
    assert names[0] == "iij-20021231/META-INF/reportPackage.json"
    assert [n for n in names if "/reports/" in n] == ["iij-20021231/reports/iij-20021231.html"]
    with zipfile.ZipFile(path) as archive:
        document = json.loads(archive.read(names[0]))
        report = archive.read("iij-20021231/reports/iij-20021231.html")
    assert document == {"documentInfo": {"documentType": "https://xbrl.org/report-package/2023/xbri"}}
    assert f'xlink:href="{SCHEMA_URL}"'.encode() in report
    loose = (built.folder / "iij-20021231.html").read_bytes()
    assert loose.replace(b'xlink:href="iij-2004-05-14.xsd"', f'xlink:href="{SCHEMA_URL}"'.encode()) == report


def test_zip_entries_carry_no_build_date(built: Built) -> None:
    for path in [built.folder / TAXONOMY_PACKAGE, *built.folder.glob("*.xbri")]:
        with zipfile.ZipFile(path) as archive:
            assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_building_twice_gives_the_same_bytes(built: Built, tmp_path: Path, taxonomy: Taxonomy) -> None:
    build(bundled_sources(), tmp_path, taxonomy=taxonomy)
    first = {p.name: p.read_bytes() for p in built.folder.iterdir() if p.is_file() and not p.name.startswith("mutant")}
    second = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert sorted(second) == sorted(first)
    assert [name for name in first if first[name] != second[name]] == []
    assert {"timeseries.parquet", "iij-20021231.xbri", "iij-20021231-metadata.json", "iij-20021231.html"} <= set(first)


def test_zip_bytes_writes_what_zipfile_writes_and_reads_back() -> None:
    entries = {
        "top/META-INF/a.json": b"{}\n",
        "top/taxonomy/b.xsd": b"<schema/>" * 500,
        "top/reports/\u65e5\u672c.html": b"",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type, info.external_attr, info.create_system = zipfile.ZIP_DEFLATED, 0o644 << 16, 3
            archive.writestr(info, data, compresslevel=1)
    precompressed = {name: Deflated.of(data) if name.endswith(".xsd") else data for name, data in entries.items()}
    written = zip_bytes(precompressed)
    assert written == buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(written)) as archive:
        assert archive.testzip() is None
        assert {name: archive.read(name) for name in archive.namelist()} == entries
