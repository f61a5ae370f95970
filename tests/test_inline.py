"""The inline XBRL document as written: each fact tagged once, with the scale, sign and format its printing needs."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from generator import names
from generator.inline.layout import Grid, GridCell, GridRow, Layout, Shown
from generator.inline.write import inline_document
from generator.instance import units
from generator.instance.contexts import Context, Duration
from generator.instance.model import Fact, Footnote, Instance
from generator.taxonomy.model import Taxonomy
from generator.taxonomy.schema import SCHEMA
from tests.conftest import HOSTILE, INSTANCES, Built

IX = {"ix": names.IX, "h": names.XHTML}


def _document(built: Built, release: str) -> etree._ElementTree:
    return etree.parse(str(built.folder / INSTANCES[release].replace(".xml", ".html")))


def _tag(built: Built, release: str, fact_id: str) -> etree._Element:
    found = _document(built, release).xpath(f"//ix:*[@id='{fact_id}']", namespaces=IX)
    assert len(found) == 1, fact_id
    element: etree._Element = found[0]
    return element


@pytest.mark.parametrize(
    ("release", "fact_id", "shown", "scale", "sign", "fmt", "printed"),
    [
        # 001:255 total revenues, thousands of yen.
        ("001", "Revenues_D2001-07-01_2001-09-30_JPY", "9,528,307", "3", None, "ixt:num-dot-decimal", "9,528,307"),
        # 001:271 net loss (3,084,761): a negative fact, printed in parentheses.
        (
            "001",
            "NetIncomeLoss_D2001-07-01_2001-09-30_JPY",
            "3,084,761",
            "3",
            "-",
            "ixt:num-dot-decimal",
            "(3,084,761)",
        ),
        # 001:345 purchase of property (393,770): a positive payment on a [negated] line.
        (
            "001",
            "PaymentsToAcquirePropertyPlantAndEquipment_D2001-07-01_2001-09-30_JPY",
            "393,770",
            "3",
            None,
            "ixt:num-dot-decimal",
            "(393,770)",
        ),
        # 001:347 a printed dash is the release's zero.
        (
            "001",
            "PaymentsToAcquireShortTermInvestments_D2001-07-01_2001-09-30_JPY",
            "-",
            "3",
            None,
            "ixt:fixed-zero",
            "-",
        ),
        # 001:273 basic net loss per ADS (68.61): per-unit data are not scaled.
        (
            "001",
            "EarningsPerAdsEquivalentBasic_D2001-07-01_2001-09-30_JPYPerADS",
            "68.61",
            "0",
            "-",
            "ixt:num-dot-decimal",
            "(68.61)",
        ),
        # 002:342 cross-selling rate 67 (%): a fraction, 0.67.
        (
            "002",
            "CrossSellingRateDedicatedAccessToValueAddedServices_D2002-10-01_2002-12-31_pure",
            "67",
            "-2",
            None,
            "ixt:num-dot-decimal",
            "67",
        ),
    ],
)
def test_figures_are_tagged_with_scale_sign_and_format(
    built: Built, release: str, fact_id: str, shown: str, scale: str, sign: str | None, fmt: str, printed: str
) -> None:
    tag = _tag(built, release, fact_id)
    assert etree.QName(tag).localname == "nonFraction"
    assert (tag.text, tag.get("scale"), tag.get("sign"), tag.get("format")) == (shown, scale, sign, fmt)
    cell = tag.getparent()
    assert cell is not None
    seen = (cell.text or "") + (tag.text or "") + (tag.tail or "")
    assert seen.strip() == printed


@pytest.mark.parametrize("release", list(INSTANCES))
def test_every_fact_is_tagged_exactly_once_and_none_is_hidden(built: Built, release: str) -> None:
    document = _document(built, release)
    tagged = [e.get("id") for e in document.xpath("//ix:nonFraction | //ix:nonNumeric", namespaces=IX)]
    instance = built.tree(release).getroot()
    expected = [e.get("id") for e in instance if e.get("contextRef")]
    assert sorted(tagged) == sorted(expected)
    assert document.xpath("//ix:hidden", namespaces=IX) == []


def test_repeated_printings_link_to_the_tagged_fact(built: Built) -> None:
    # Net loss is printed in the statement of operations (001:271) and again in cash flows (001:334).
    document = _document(built, "001")
    links = document.xpath("//h:a[@class='repeat'][@href='#NetIncomeLoss_D2001-07-01_2001-09-30_JPY']", namespaces=IX)
    assert [link.text for link in links] == ["3,084,761"]


def test_values_read_back_from_the_tags_equal_the_instance(built: Built) -> None:
    # The transformation's arithmetic, checked without Arelle: shown x 10^scale, signed.
    document = _document(built, "004")
    instance = {e.get("id"): Decimal(e.text or "0") for e in built.tree("004").getroot() if e.get("unitRef")}
    checked = 0
    for tag in document.xpath("//ix:nonFraction", namespaces=IX):
        shown = Decimal(0) if tag.get("format") == "ixt:fixed-zero" else Decimal((tag.text or "").replace(",", ""))
        value = shown.scaleb(int(tag.get("scale", "0"))) * (-1 if tag.get("sign") == "-" else 1)
        assert value == instance[tag.get("id")], tag.get("id")
        checked += 1
    assert checked == len(instance)


def test_japanese_labels_sit_beside_the_english_ones(built: Built) -> None:
    document = _document(built, "002")
    rows = document.xpath("//h:th[h:span[@class='en']='Total revenues']", namespaces=IX)
    assert rows
    assert {str(r.xpath("string(h:span[@class='ja'])", namespaces=IX)) for r in rows} == {"営業収益合計"}
    notes = document.xpath("//ix:footnote[@xml:lang='ja']/text()", namespaces=IX)
    assert any("組替え" in str(n) for n in notes)  # 注 of the reclassification (002's Japanese table)


def test_browsers_meet_no_self_closed_element(built: Built) -> None:
    # A browser reads the .html as HTML, where <td/> opens a cell that swallows the rest of the row.
    text = (built.folder / "iij-20021231.html").read_text(encoding="utf-8")
    self_closed = set(re.findall(r"<([A-Za-z:]+)[^<>]*/>", text))
    # HTML's void elements, and XBRL's empty ones inside the hidden header
    assert self_closed == {"meta", "input", "link:schemaRef", "ix:relationship"}


def test_a_fact_the_layout_cannot_place_is_kept_hidden(built: Built, taxonomy: Taxonomy) -> None:
    # Never expected with the bundled releases; the fallback keeps the inline facts equal to the XML's.
    fact = Fact(
        "Revenues", Context(Duration(date(2001, 7, 1), date(2001, 9, 30))), units.JPY, Decimal("9528307000"), -3
    )
    instance = Instance("iij-20010930.xml", "", (fact,))
    placed = Layout("t", "s", (), (), (), (fact,))
    root = etree.fromstring(inline_document(placed, instance, taxonomy).encode())
    hidden = root.xpath("//ix:hidden/ix:nonFraction", namespaces=IX)
    assert [(h.get("id"), h.get("unitRef"), h.get("decimals"), h.text) for h in hidden] == [
        ("Revenues_D2001-07-01_2001-09-30_JPY", "JPY", "-3", "9528307000")
    ]


XBRL = {"link": names.LINK, "xlink": names.XLINK}


def _hostile_release(label: str = HOSTILE) -> tuple[Layout, Instance, Footnote]:
    context = Context(Duration(date(2001, 7, 1), date(2001, 9, 30)))
    stated = Fact("DocumentType", context, None, HOSTILE, None)
    revenues = Fact("Revenues", context, units.JPY, Decimal("-9528307000"), -3)
    note = Footnote("fn1", (("en", HOSTILE), ("ja", "注 & <注記>")), (revenues.id,))
    row = GridRow(label, "売上 & <高>", (GridCell((Shown(revenues, True, 3, 0),)), GridCell((), HOSTILE)), 12)
    grid = Grid(HOSTILE, None, HOSTILE, (HOSTILE, "<JPY>"), (row,), 10)
    placed = Layout(HOSTILE, HOSTILE, (stated,), (), (grid,), ())
    return placed, Instance("iij-20010930.xml", "", (stated, revenues), (note,)), note


def test_hostile_text_reads_back_from_the_inline_document_unchanged(taxonomy: Taxonomy) -> None:
    placed, instance, note = _hostile_release()
    root = etree.fromstring(inline_document(placed, instance, taxonomy).encode())
    assert root.findtext("h:head/h:title", namespaces=IX) == HOSTILE
    assert root.findtext("h:body/h:h1", namespaces=IX) == HOSTILE
    assert root.xpath("string(//h:p[@class='source'])", namespaces=IX).startswith(f"Rendered from {HOSTILE}:")
    assert root.xpath("//ix:nonNumeric/text()", namespaces=IX) == [HOSTILE]
    statement = root.xpath("//h:div[@class='statement']", namespaces=IX)[0]
    assert statement.findtext("h:h2", namespaces=IX) == HOSTILE
    assert statement.findtext("h:p[@class='caption']", namespaces=IX) == HOSTILE
    headings = statement.xpath("h:table/h:thead/h:tr/h:th", namespaces=IX)
    assert [th.text or "" for th in headings] == ["", HOSTILE, "<JPY>"]
    assert statement.xpath("h:table/h:tbody/h:tr/h:th/h:span/text()", namespaces=IX) == [HOSTILE, "売上 & <高>"]
    figure, printed = statement.xpath("h:table/h:tbody/h:tr/h:td", namespaces=IX)
    assert printed.text == HOSTILE
    tag = figure.find("ix:nonFraction", IX)
    assert (figure.text, tag.tail) == ("(", ")")  # the parentheses are printed outside the tag
    assert (tag.text, tag.get("sign"), tag.get("id")) == ("9,528,307", "-", note.fact_ids[0])
    assert figure.xpath("h:sup/h:a/@href", namespaces=IX) == ["#fn1"]
    footnotes = root.xpath("//ix:footnote", namespaces=IX)
    assert [(f.get(f"{{{names.XML}}}lang"), f.text) for f in footnotes] == list(note.texts)


def test_one_writing_serves_both_taxonomy_references(taxonomy: Taxonomy) -> None:
    placed, instance, _ = _hostile_release()
    document = inline_document(placed, instance, taxonomy)
    url = 'http://example.com/taxonomy.xsd?a=1&b="2"'
    local, packaged = etree.fromstring(document.encode()), etree.fromstring(document.encode(url))
    assert local.xpath("//link:schemaRef/@xlink:href", namespaces=XBRL) == [SCHEMA]
    assert packaged.xpath("//link:schemaRef/@xlink:href", namespaces=XBRL) == [url]
    packaged.find(".//link:schemaRef", XBRL).set(f"{{{names.XLINK}}}href", SCHEMA)
    assert etree.tostring(packaged) == etree.tostring(local)


@pytest.mark.parametrize("character", ["\x00", "\x0c", "\x1b", "\ufffe"])
def test_a_character_xml_forbids_stops_the_inline_document(taxonomy: Taxonomy, character: str) -> None:
    placed, instance, _ = _hostile_release(label=f"page{character}break")
    with pytest.raises(ValueError):
        inline_document(placed, instance, taxonomy)


def test_ids_that_need_escaping_read_back_unchanged(taxonomy: Taxonomy) -> None:
    # Ids are escaped one by one only when one of them needs it: a member name can make every id of a context need it.
    context = Context(Duration(date(2001, 7, 1), date(2001, 9, 30)), (("ResultForecastAxis", 'A&"B"<C>'),))
    revenues = Fact("Revenues", context, units.JPY, Decimal("9528307000"), -3)
    shown = (Shown(revenues, True, 3, 0), Shown(revenues, False, 3, 0))
    row = GridRow("Revenues", None, (GridCell(shown[:1]), GridCell(shown[1:])), 12)
    placed = Layout("t", "s", (), (), (Grid("g", None, "", ("a", "b"), (row,), 10),), ())
    root = etree.fromstring(inline_document(placed, Instance("x.xml", "", (revenues,)), taxonomy).encode())
    tag = root.find(".//ix:nonFraction", IX)
    assert (tag.get("id"), tag.get("contextRef")) == (revenues.id, context.id)
    assert root.xpath("//h:a[@class='repeat']/@href", namespaces=IX) == [f"#{revenues.id}"]


@pytest.mark.parametrize(
    ("release", "title", "heading"),
    [
        ("001", "2Q FY2001 earnings release, period ended Sep 30, 2001", "As of Sep 30, 2001 (USD)"),
        ("000", "FY2001 earnings release, period ended Mar 31, 2002", "Year ended Mar 31, 2002 (JPY)"),
    ],
)
def test_periods_are_written_with_english_month_names(built: Built, release: str, title: str, heading: str) -> None:
    document = _document(built, release)
    assert (document.findtext("h:head/h:title", namespaces=IX) or "").endswith(title)
    assert heading in document.xpath("//h:div[@class='statement']//h:thead//h:th/text()", namespaces=IX)
