"""Operating statistics, non-GAAP measures, guidance and cover facts, pinned to the releases."""

from __future__ import annotations

from decimal import Decimal

from generator import names
from generator.resources import sources_dir
from generator.source.document import read_document
from generator.source.narrative import Figures, Forecast, Narrative, ProseNote, check_narrative, load_narrative
from tests.conftest import SOURCES, Built

Q_2001_12 = "D2001-10-01_2001-12-31"
Q_2002_03 = "D2002-01-01_2002-03-31"
Q_2002_06 = "D2002-04-01_2002-06-30"
H_2002_09 = "D2002-04-01_2002-09-30"
Q_2003_03 = "D2003-01-01_2003-03-31"
Q_2004_03 = "D2004-01-01_2004-03-31"
FORECAST = "_ForecastMember"
LOWER, UPPER = FORECAST + "_LowerMember", FORECAST + "_UpperMember"


def test_issue_examples(built: Built) -> None:
    # 001:149 Total Dial-up Access Services Contracts 180,227 (2Q01): as of 2001-09-30.
    assert built.value("001", "DialUpAccessServicesContracts", "I2001-09-30", "Contracts") == 180227
    # 004:453 Total Contract Bandwidth 80.1 (Unit: Gbps) for 4Q03.
    assert built.value("004", "ContractedBandwidth", "I2004-03-31", "Gbps") == Decimal("80.1")
    # 001:45 Revenues 10,000 to 10,500 (JPY in millions) for the 3rd quarter of fiscal 2001.
    assert built.value("001", "OutlookRevenues", Q_2001_12 + LOWER) == Decimal("10000000000")
    assert built.value("001", "OutlookRevenues", Q_2001_12 + UPPER) == Decimal("10500000000")
    # 004:530 / 004:549 Adjusted EBITDA 1,358 (JPY in millions), 4Q03.
    assert built.value("004", "EBITDA", Q_2004_03) == Decimal("1358000000")
    # 000:472 International Backbone Costs 443 (JPY in millions), 4Q01.
    assert built.value("000", "InternationalBackboneCosts", Q_2002_03) == Decimal("443000000")


def test_statistics_keep_the_printed_precision(built: Built) -> None:
    assert built.fact("004", "ContractedBandwidth", "I2004-03-31", "Gbps").get("decimals") == "1"
    assert built.fact("000", "InternationalBackboneCosts", Q_2002_03).get("decimals") == "-6"
    # 001:45 prints millions; 001:27 says "JPY10.0 billion": one fact at the finer precision.
    assert built.fact("001", "OutlookRevenues", Q_2001_12 + LOWER).get("decimals") == "-6"


def test_cross_selling_rates_are_fractions(built: Built) -> None:
    # 002:342 (Unit: %): of Dedicated Access customers, 67 use Value-added, 25 Data Center Service (3Q02).
    quarter = "D2002-10-01_2002-12-31"
    assert built.value("002", "CrossSellingRateDedicatedAccessToValueAddedServices", quarter, "pure") == Decimal("0.67")
    assert built.value("002", "CrossSellingRateDedicatedAccessToDataCenterServices", quarter, "pure") == Decimal("0.25")


def test_guidance_from_prose(built: Built) -> None:
    # 000:344 / 000:377 "between JPY9.0 billion and JPY9.5 billion" for 1Q FY2002.
    assert built.value("000", "OutlookRevenues", Q_2002_06 + LOWER) == Decimal("9000000000")
    assert built.value("000", "OutlookRevenues", Q_2002_06 + UPPER) == Decimal("9500000000")
    # 000:377 "by 8.0% to 14.0%"; 000:345 "by more than 15%" for the first half: a lower end only.
    assert built.value("000", "OutlookRevenuesGrowthRate", Q_2002_06 + UPPER, "pure") == Decimal("0.14")
    assert built.value("000", "OutlookRevenuesGrowthRate", H_2002_09 + LOWER, "pure") == Decimal("0.15")
    outlook = built.tree("000").getroot().findall(f"{{{names.IIJ}}}OutlookRevenuesGrowthRate")
    assert H_2002_09 + UPPER not in {f.get("contextRef") for f in outlook}
    # 002:309 the 4Q02 range in yen and, as printed, in dollars.
    assert built.value("002", "OutlookRevenues", Q_2003_03 + UPPER) == Decimal("13000000000")
    assert built.value("002", "OutlookRevenues", Q_2003_03 + LOWER, "USD") == Decimal("105300000")
    # 001:40 "an approximate 50% decline" of international backbone costs for fiscal 2001.
    change = built.value(
        "001", "OutlookInternationalBackboneCostsChangeRate", "D2001-04-01_2002-03-31" + FORECAST, "pure"
    )
    assert change == Decimal("-0.50")


def test_qualitative_guidance_is_text_in_both_languages(built: Built) -> None:
    root = built.tree("004").getroot()
    texts = {
        f.get("{http://www.w3.org/XML/1998/namespace}lang"): f.text
        for f in root.findall(f"{{{names.IIJ}}}OutlookNetIncomeLossDescription")
    }
    # 004:385 and its Japanese summary 004:32.
    assert "net income to turn positive in FY2004" in (texts["en"] or "")
    assert "当期利益双方での黒字を目標とする" in (texts["ja"] or "")


def test_cover_facts_read_from_the_dateline(built: Built) -> None:
    def cover(release: str) -> dict[tuple[str, str | None], str]:
        root = built.tree(release).getroot()
        names_ = ("DocumentReleaseDate", "TradingSymbol", "EntityFileNumber", "EntityRegistrantName")
        return {
            (f.tag.split("}")[1], f.get("{http://www.w3.org/XML/1998/namespace}lang")): f.text or ""
            for name in names_
            for f in root.findall(f"{{{names.IIJ}}}{name}")
        }

    # 000:337 "Tokyo and New York, May 21, 2002 - Internet Initiative Japan Inc. (Nasdaq: IIJI)";
    # 003:13 (the 6-K of the same release) "Commission File Number: 0-30204"; 000:5 the Japanese name.
    assert cover("000") == {
        ("DocumentReleaseDate", None): "2002-05-21",
        ("TradingSymbol", None): "IIJI",
        ("EntityFileNumber", None): "0-30204",
        ("EntityRegistrantName", "en"): "Internet Initiative Japan Inc.",
        ("EntityRegistrantName", "ja"): "株式会社インターネットイニシアティブ",
    }
    # 004:371 "Tokyo, May 14, 2004 / New York, May 13, 2004 ... (Nasdaq: IIJIE)": Tokyo's date.
    assert cover("004")[("DocumentReleaseDate", None)] == "2004-05-14"
    assert cover("004")[("TradingSymbol", None)] == "IIJIE"
    # 001 prints no Japanese summary and no file number.
    assert ("EntityRegistrantName", "ja") not in cover("001") and ("EntityFileNumber", None) not in cover("001")


def test_a_ticker_that_contradicts_the_dateline_is_reported(built: Built) -> None:
    # 002:302 "(Nasdaq: IIJ)" but 002:561 "(IIJ, NASDAQ: IJJ)"; affiliates' tickers (000:367 CWCI) are not IIJ's.
    assert built.findings("source.cover-disagrees") == [
        "002_6c0250fb9cfb6d6b.txt:561: warning [source.cover-disagrees] "
        "ticker 'IJJ' here; the dateline (line 302) prints 'IIJ'"
    ]


def test_a_curated_statement_the_release_does_not_print_is_an_error() -> None:
    document = read_document(SOURCES["001"])
    stated = Forecast(
        line=27,
        quote="IIJ expects total revenues to be between JPY10.0 billion and JPY10.5 billion",
        concept="OutlookRevenues",
        period="3Q FY2001",
        figures=Figures(lower="10.0", upper="10.6", scale="billion"),
    )
    misplaced = stated.model_copy(update={"line": 28})
    wrong_note = ProseNote(line=31, concepts=("EBITDA",))
    findings = check_narrative(Narrative(forecasts=(stated, misplaced), notes=(wrong_note,)), document)
    assert [(f.code, f.line) for f in findings] == [("source.narrative-mismatch", n) for n in (27, 28, 31)]
    assert "'10.6' is not in the quote" in findings[0].message


def test_the_bundled_narrative_matches_the_releases() -> None:
    narratives = load_narrative(sources_dir() / "narrative.yaml")
    assert set(narratives) == {SOURCES[n].name for n in ("001", "000", "002", "004")}
    for name, narrative in narratives.items():
        assert check_narrative(narrative, read_document(SOURCES[name[:3]])) == [], name
