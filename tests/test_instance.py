"""The written instances: contexts, units, footnotes, determinism."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from generator import names
from generator.build import build
from generator.instance import units
from generator.instance.contexts import Context, Duration, Instant
from generator.instance.model import Fact, Footnote, Instance, format_decimal
from generator.instance.write import instance_bytes
from generator.resources import bundled_sources
from generator.taxonomy.dts import LINKBASES, SCHEMA
from generator.taxonomy.model import Taxonomy
from tests.conftest import HOSTILE, INSTANCES, Built

NS = {"xbrli": names.XBRLI, "link": names.LINK, "xlink": names.XLINK, "iij": names.IIJ}


def _links(tree: etree._ElementTree) -> dict[str, set[str]]:
    """Footnote label -> ids of the facts linked to it."""
    locs = {
        loc.get(f"{{{names.XLINK}}}label"): loc.get(f"{{{names.XLINK}}}href", "")[1:]
        for loc in tree.iterfind(".//link:loc", NS)
    }
    out: dict[str, set[str]] = {}
    for arc in tree.iterfind(".//link:footnoteArc", NS):
        out.setdefault(arc.get(f"{{{names.XLINK}}}to", ""), set()).add(locs[arc.get(f"{{{names.XLINK}}}from")])
    return out


def _texts(tree: etree._ElementTree) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for note in tree.iterfind(".//link:footnote", NS):
        out.setdefault(note.get(f"{{{names.XLINK}}}label", ""), {})[note.get(f"{{{names.XML}}}lang", "")] = (
            note.text or ""
        )
    return out


def test_entity_and_periods(built: Built) -> None:
    tree = built.tree("001")
    identifiers = {(i.get("scheme"), i.text) for i in tree.iterfind(".//xbrli:identifier", NS)}
    assert identifiers == {("http://www.sec.gov/CIK", "0001090633")}
    context = tree.find(".//xbrli:context[@id='D2001-07-01_2001-09-30']", NS)
    assert context is not None
    assert [e.text for e in context.iterfind(".//xbrli:startDate", NS)] == ["2001-07-01"]


def test_units(built: Built) -> None:
    tree = built.tree("001")
    units = {u.get("id"): [m.text for m in u.iterfind(".//xbrli:measure", NS)] for u in tree.iterfind("xbrli:unit", NS)}
    assert units == {
        "ADS": ["iij:ADS"],
        "Contracts": ["iij:Contracts"],
        "Gbps": ["iij:Gbps"],
        "JPY": ["iso4217:JPY"],
        "JPYPerADS": ["iso4217:JPY", "iij:ADS"],
        "JPYPerShare": ["iso4217:JPY", "xbrli:shares"],
        "USD": ["iso4217:USD"],
        "pure": ["xbrli:pure"],
        "shares": ["xbrli:shares"],
    }


def test_every_usd_fact_carries_the_translation_note(built: Built) -> None:
    for release in INSTANCES:
        tree = built.tree(release)
        usd = {f.get("id") for f in tree.getroot() if f.get("unitRef") == "USD"}
        texts = _texts(tree)
        translation = {label for label, text in texts.items() if "solely for the convenience" in text.get("en", "")}
        linked = set().union(*(ids for label, ids in _links(tree).items() if label in translation))
        assert usd and usd <= linked, release
        # Japanese text wherever the release prints the Japanese summary (001 has none).
        assert all(("ja" in texts[label]) == (release != "001") for label in translation), release


def test_reclassification_note_qualifies_the_restated_facts_only(built: Built) -> None:
    tree = built.tree("002")
    texts = _texts(tree)
    links = _links(tree)
    # 002:610 (Y201,554, three months) and 002:654 (Y503,763, nine months).
    three = next(label for label, text in texts.items() if "Y201,554" in text.get("en", ""))
    nine = next(label for label, text in texts.items() if "Y503,763" in text.get("en", ""))
    assert "201,554千円" in texts[three]["ja"]  # 002:146
    assert links[three] == {
        "DedicatedAccessServicesRevenue_D2001-10-01_2001-12-31_JPY",
        "ValueAddedServicesRevenue_D2001-10-01_2001-12-31_JPY",
    }
    assert links[nine] == {
        "DedicatedAccessServicesRevenue_D2001-04-01_2001-12-31_JPY",
        "ValueAddedServicesRevenue_D2001-04-01_2001-12-31_JPY",
    }


def test_restricted_cash_note(built: Built) -> None:
    tree = built.tree("002")
    label = next(label for label, text in _texts(tree).items() if "restricted account" in text.get("en", ""))  # 002:706
    assert _links(tree)[label] == {
        "RestrictedCashNoncurrent_I2002-12-31_USD",
        "RestrictedCashNoncurrent_I2002-12-31_JPY",
        "RestrictedCashNoncurrent_I2001-12-31_JPY",
        "RestrictedCashNoncurrent_I2002-09-30_JPY",
    }


def _note(built: Built, release: str, words: str, lang: str = "en") -> tuple[dict[str, str], set[str]]:
    """The footnote whose text in ``lang`` holds ``words``: its texts and the facts it qualifies."""
    tree = built.tree(release)
    texts = _texts(tree)
    label = next(label for label, text in texts.items() if words in text.get(lang, ""))
    return texts[label], _links(tree)[label]


def test_new_service_notes_on_contract_counts(built: Built) -> None:
    # 000:425 "IIJ DSL/F Maximum 1.5Mbps (3)" cites 000:430; the Japanese 000:51 cites (*2), the
    # Ethernet note, by misprint: the errata correct it so the Japanese text is 000:56's.
    texts, facts = _note(built, "000", "IIJ DSL/F is a new service launched in May 2001.")
    assert texts["ja"] == "IIJ DSL/F は、2001年5月サービス開始"
    assert facts == {"IIJDSLFContracts_I2002-03-31_Contracts", "IIJDSLFContracts_I2001-12-31_Contracts"}


def test_data_center_connectivity_note(built: Built) -> None:
    # 002:463 marks (2) -> 002:467; the Japanese table marks the same row (3) -> 002:59.
    texts, facts = _note(built, "002", "do not include contracts for data center housing")
    assert texts["ja"] == "インターネットデータセンター接続サービスに、ホスティングサービスは含まれていない。"
    assert {f.split("_")[0] for f in facts} == {"DataCenterConnectivityServicesContracts"} and len(facts) == 3
    # 004 prints the note under its Japanese table only (004:86): a Japanese-only footnote.
    texts, facts = _note(built, "004", "ホスティングサービスは含まれていない", "ja")
    assert set(texts) == {"ja"} and len(facts) == 3


def test_prose_notes_qualify_facts_by_concept(built: Built) -> None:
    # 001:30 "(*) EBITDA represents operating income (loss) plus depreciation and amortization."
    _, facts = _note(built, "001", "EBITDA represents operating income (loss) plus")
    assert {f.split("_")[0] for f in facts} == {"EBITDA", "OutlookEBITDA"}
    # 000:349 the SI seasonality note, on the 1Q FY2002 revenue guidance it explains; Japanese 000:27.
    texts, facts = _note(built, "000", "The SI business is seasonally stronger")
    assert texts["ja"].startswith("システム・インテグレーション事業は")
    assert facts == {
        "OutlookRevenues_D2002-04-01_2002-06-30_ForecastMember_LowerMember_JPY",
        "OutlookRevenues_D2002-04-01_2002-06-30_ForecastMember_UpperMember_JPY",
    }
    # 004:542 "Depreciation and amortization includes amortization of issuance cost of convertible notes".
    texts, facts = _note(built, "004", "includes amortization of issuance cost of convertible notes")
    assert texts["ja"] == "減価償却費は転換社債発行費用の償却額を含む。"  # 004:133
    assert {f.split("_")[0] for f in facts} == {"DepreciationAndAmortization"}


def test_output_folder_is_self_contained(built: Built) -> None:
    for name in (SCHEMA, *LINKBASES.values()):
        assert (built.folder / name).is_file()
    for release in INSTANCES:
        href = built.tree(release).find("link:schemaRef", NS).get(f"{{{names.XLINK}}}href")  # type: ignore[union-attr]
        assert href == SCHEMA


def test_building_twice_gives_identical_bytes(built: Built, tmp_path: Path, taxonomy: Taxonomy) -> None:
    build(bundled_sources(), tmp_path, taxonomy=taxonomy)
    names_ = sorted(p.name for p in built.folder.iterdir())
    assert names_ == sorted(p.name for p in tmp_path.iterdir())
    for name in names_:
        assert (tmp_path / name).read_bytes() == (built.folder / name).read_bytes(), name


def test_a_parallel_build_gives_identical_bytes(built: Built, tmp_path: Path, taxonomy: Taxonomy) -> None:
    build(bundled_sources(), tmp_path, taxonomy=taxonomy, jobs=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in built.folder.iterdir())
    for path in tmp_path.iterdir():
        assert path.read_bytes() == (built.folder / path.name).read_bytes(), path.name


def test_an_interrupted_build_then_a_full_one_gives_identical_bytes(
    built: Built, tmp_path: Path, taxonomy: Taxonomy, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.build as build_module

    written: list[str] = []
    original = build_module.instance_bytes

    def interrupted(instance: Instance) -> bytes:
        written.append(instance.name)
        if len(written) == 2:  # Ctrl-C while the second release is being written
            raise KeyboardInterrupt
        return original(instance)

    monkeypatch.setattr(build_module, "instance_bytes", interrupted)
    (tmp_path / ".iij-20010930.xml.999.tmp").write_bytes(b"<half")  # what a kill -9 leaves behind
    with pytest.raises(KeyboardInterrupt):
        build(bundled_sources(), tmp_path, taxonomy=taxonomy)
    assert (tmp_path / "iij-20010930.xml").read_bytes() == built.path("001").read_bytes()  # whole, or absent
    assert not (tmp_path / "iij-20020331.xml").exists()
    assert not list(tmp_path.glob(".*.tmp"))
    monkeypatch.undo()
    build(bundled_sources(), tmp_path, taxonomy=taxonomy)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in built.folder.iterdir())
    for path in tmp_path.iterdir():
        assert path.read_bytes() == (built.folder / path.name).read_bytes(), path.name


def test_the_grouping_pass_reads_what_a_full_read_does() -> None:
    # A pool build groups documents from their statements alone; the grouping must not differ.
    from generator.build import _Sources

    sources = _Sources.load()
    summaries = {path.name[:3]: sources.summarize(path) for path in bundled_sources()}
    for path in bundled_sources():
        full = sources.read(path).summary()
        quick = summaries[path.name[:3]]
        assert (quick.current_period_end, quick.unreadable, quick.form_6k) == (
            full.current_period_end,
            full.unreadable,
            full.form_6k,
        ), path.name
    # 000 (the release) and 003 (its SEC 6-K copy) carry the year ended 2002-03-31.
    assert str(summaries["000"].current_period_end) == str(summaries["003"].current_period_end) == "2002-03-31"
    assert (summaries["000"].form_6k, summaries["003"].form_6k) == (False, True)


def test_a_file_written_in_parts_is_left_alone_when_unchanged(tmp_path: Path) -> None:
    from generator.files import write_atomic_parts

    path = tmp_path / "coverage.csv"
    write_atomic_parts(path, [b"a,b\n", b"1,2\n"])
    assert path.read_bytes() == b"a,b\n1,2\n"
    os.utime(path, (0, 0))
    write_atomic_parts(path, [b"a,b\n1,", b"2\n"])
    assert path.stat().st_mtime == 0  # same bytes: untouched
    write_atomic_parts(path, [b"a,b\n", b"1,3\n"])
    assert path.read_bytes() == b"a,b\n1,3\n" and not list(tmp_path.glob(".*.tmp"))


def test_arrow_bytes_leave_an_unchanged_file_alone(tmp_path: Path) -> None:
    # The time series is written from Arrow's buffer, viewed as bytes without a copy.
    import pyarrow as pa

    from generator.files import write_atomic
    from generator.timeseries import _view

    text = "期末,726278\r\n".encode()
    path = tmp_path / "timeseries.csv"
    write_atomic(path, _view(pa.py_buffer(text)))
    assert path.read_bytes() == text
    os.utime(path, (0, 0))
    write_atomic(path, _view(pa.py_buffer(text)))  # non-ASCII bytes compare equal: untouched
    assert path.stat().st_mtime == 0


def test_hostile_text_reads_back_from_the_instance_unchanged() -> None:
    context = Context(
        Duration(date(2001, 7, 1), date(2001, 9, 30)),
        (("ResultForecastAxis", "ForecastMember"),),
        scheme=f"http://example.com/?q={HOSTILE}",
        identifier=HOSTILE,
    )
    stated = Fact("DocumentType", context, None, HOSTILE, None, lang="en")
    revenues = Fact("Revenues", context, units.JPY, Decimal("-9528307000"), -3)
    note = Footnote("fn1", (("en", HOSTILE), ("ja", "注 & <注記>")), (stated.id, revenues.id))
    root = etree.fromstring(instance_bytes(Instance("x.xml", "a&b.xsd", (stated, revenues), (note,))))
    fact = root.find("iij:DocumentType", NS)
    assert fact is not None
    assert (fact.text, fact.get(f"{{{names.XML}}}lang"), fact.get("id")) == (HOSTILE, "en", stated.id)
    assert root.findtext("iij:Revenues", namespaces=NS) == "-9528307000"
    identifier = root.find("xbrli:context/xbrli:entity/xbrli:identifier", NS)
    assert identifier is not None
    assert (identifier.get("scheme"), identifier.text) == (context.scheme, HOSTILE)
    assert root.xpath("link:schemaRef/@xlink:href", namespaces=NS) == ["a&b.xsd"]
    assert _texts(etree.ElementTree(root)) == {"fn1": dict(note.texts)}
    assert _links(etree.ElementTree(root)) == {"fn1": {stated.id, revenues.id}}


@pytest.mark.parametrize("character", ["\x00", "\x0c", "\x1b", "\ufffe", "\ud800"])
def test_a_character_xml_forbids_stops_the_instance(character: str) -> None:
    # A form feed left in a release's note must stop the build, not become an unreadable instance.
    stated = Fact("DocumentType", Context(Instant(date(2001, 9, 30))), None, f"page{character}break", None)
    with pytest.raises(ValueError):
        instance_bytes(Instance("x.xml", "", (stated,)))


@pytest.mark.parametrize(
    ("value", "lexical"),
    [
        ("9528307000", "9528307000"),
        ("-9528307000", "-9528307000"),
        ("9528307E+3", "9528307000"),  # a value scaled from thousands keeps a positive exponent
        ("1E-7", "0.0000001"),  # str() would print an exponent
        ("-0.000001", "-0.000001"),
        ("123.450", "123.450"),  # trailing zeros are the stated precision
        ("0", "0"),
        ("-0.00", "0"),
        ("-0E+3", "0"),
    ],
)
def test_decimals_are_written_without_exponent_or_negative_zero(value: str, lexical: str) -> None:
    assert format_decimal(Decimal(value)) == lexical


def test_ids_that_need_escaping_read_back_unchanged() -> None:
    # Ids are escaped one by one only when one of them needs it: a member name can make every id of a context need it.
    context = Context(Duration(date(2001, 7, 1), date(2001, 9, 30)), (("ResultForecastAxis", 'A&"B"<C>'),))
    plain = Fact("Revenues", Context(Instant(date(2001, 9, 30))), units.JPY, Decimal("1000"), -3)
    revenues = Fact("Revenues", context, units.JPY, Decimal("9528307000"), -3)
    root = etree.fromstring(instance_bytes(Instance("x.xml", "", (plain, revenues))))
    assert [(f.get("id"), f.get("contextRef")) for f in root.iterfind("iij:Revenues", NS)] == [
        (plain.id, plain.context.id),
        (revenues.id, context.id),
    ]
