"""Facts pinned to figures printed in the releases (file:line in each comment)."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import Built

Q_2001_09 = "D2001-07-01_2001-09-30"
Q_2001_12 = "D2001-10-01_2001-12-31"
Q_2002_12 = "D2002-10-01_2002-12-31"
FY_2002_03 = "D2001-04-01_2002-03-31"
FY_2004_03 = "D2003-04-01_2004-03-31"
Q_2003_03 = "D2003-01-01_2003-03-31"


def test_issue_examples(built: Built) -> None:
    # 001:255 Total revenues 79,915 (USD) 9,528,307 (JPY); rate 119.23 at 001:277.
    assert built.value("001", "Revenues", Q_2001_09) == Decimal("9528307000")
    assert built.value("001", "Revenues", Q_2001_09, "USD") == Decimal("79915000")
    assert built.value("001", "ConvenienceTranslationExchangeRate", "I2001-09-28", "pure") == Decimal("119.23")
    # 000:628 Total assets 45,262,783 at Mar 31, 2002.
    assert built.value("000", "Assets", "I2002-03-31") == Decimal("45262783000")
    # 002:579 (reclassified) versus 000:529 (as first reported).
    assert built.value("002", "DedicatedAccessServicesRevenue", Q_2001_12) == Decimal("3539924000")
    assert built.value("000", "DedicatedAccessServicesRevenue", Q_2001_12) == Decimal("3338370000")
    # 000:599 Net loss (7,446,135) for the year ended Mar 31, 2002.
    assert built.value("000", "NetIncomeLoss", FY_2002_03) == Decimal("-7446135000")


def test_facts_carry_the_concepts_sign_not_the_printed_parentheses(built: Built) -> None:
    # 001:345 Purchase of property and equipment (393,770): a payment, positive.
    assert built.value("001", "PaymentsToAcquirePropertyPlantAndEquipment", Q_2001_09) == Decimal("393770000")
    # 001:269 Minority interests (5,533) in the statement of operations and
    # 001:337 5,533 in cash flows: the minority's share of income, 5,533.
    assert built.value("001", "MinorityInterestInNetIncomeLossOfConsolidatedSubsidiaries", Q_2001_09) == Decimal(
        "5533000"
    )
    # 001:270 Equity in net loss (1,398,509); 001:336 prints 1,398,509 as an add-back.
    assert built.value("001", "IncomeLossFromEquityMethodInvestments", Q_2001_09) == Decimal("-1398509000")
    # 001:338 Foreign exchange losses (gains) 178,577: a loss.
    assert built.value("001", "ForeignCurrencyTransactionGainLossBeforeTax", Q_2001_09) == Decimal("-178577000")
    # 001:339 Decrease (increase) in accounts receivable (566,601): receivables rose.
    assert built.value("001", "IncreaseDecreaseInAccountsReceivable", Q_2001_09) == Decimal("566601000")
    # 004:734 Treasury stock (44,000).
    assert built.value("004", "TreasuryStockValue", "I2004-03-31") == Decimal("44000000")
    # 004:637 Impairment (7,153,087) for 4Q02 in the statement of operations; 004:754 adds it back.
    assert built.value("004", "ImpairmentLossOnInvestmentInAndDepositsForCrosswave", Q_2003_03) == Decimal("7153087000")


def test_cash_at_the_beginning_is_the_previous_period_end(built: Built) -> None:
    # 001:362 Cash, Beginning of Period 12,574,744 is the balance sheet's Jun 30, 2001 cash (001:285).
    assert built.value("001", "CashAndCashEquivalentsAtCarryingValue", "I2001-06-30") == Decimal("12574744000")
    # 004:783 Dec 31, 2003 column: beginning cash 11,782,935 at Sep 30, 2003.
    assert built.value("004", "CashAndCashEquivalentsAtCarryingValue", "I2003-09-30") == Decimal("11782935000")


def test_per_share_and_share_counts_are_not_scaled(built: Built) -> None:
    # 001:273 Basic Net Loss Per ADS Equivalent (68.61); 001:272 per share (137,222); 001:274 22,480 shares.
    ads = built.fact("001", "EarningsPerAdsEquivalentBasic", Q_2001_09, "JPYPerADS")
    assert (ads.text, ads.get("decimals")) == ("-68.61", "2")
    share = built.fact("001", "EarningsPerShareBasic", Q_2001_09, "JPYPerShare")
    assert (share.text, share.get("decimals")) == ("-137222", "0")
    assert built.value("001", "WeightedAverageNumberOfSharesOutstandingBasic", Q_2001_09, "shares") == Decimal(22480)
    assert built.value("004", "WeightedAverageNumberOfAdsEquivalentsOutstandingBasic", FY_2004_03, "ADS") == Decimal(
        63421571
    )


def test_a_dash_is_zero_and_dot_leaders_are_nothing(built: Built) -> None:
    # 001:347 Purchase of short-term investments "-" in the current quarter.
    assert built.value("001", "PaymentsToAcquireShortTermInvestments", Q_2001_09) == 0
    # 001:346 prints only dot leaders for the quarter ended Jun 30, 2001.
    root = built.tree("001").getroot()
    assert not [
        e
        for e in root.iter()
        if e.get("id") == "PaymentsForInvestmentsInAndAdvancesToAffiliatedCompanies_D2001-04-01_2001-06-30_JPY"
    ]
    assert any("001_5cc87033c547cdfb.txt:346" in f for f in built.findings("source.dot-leader"))


def test_figure_printed_twice_keeps_the_primary_statement_and_reports_both(built: Built) -> None:
    # 002:602 Net loss (19,082) USD in the statement of operations, 002:719 (19,083) in cash flows.
    assert built.value("002", "NetIncomeLoss", Q_2002_12, "USD") == Decimal("-19082000")
    [conflict] = [f for f in built.findings("source.printed-twice") if "] NetIncomeLoss " in f]
    assert "002_6c0250fb9cfb6d6b.txt:602" in conflict and "002_6c0250fb9cfb6d6b.txt:719" in conflict
    # 004:682 2,264 versus 004:804 (2,263): the minority interest for FY2003, in USD.
    assert built.value(
        "004", "MinorityInterestInNetIncomeLossOfConsolidatedSubsidiaries", FY_2004_03, "USD"
    ) == Decimal("-2264000")


def test_errata_recover_displaced_figures_and_exclude_ghosts(built: Built) -> None:
    # 004:715 prints no Dec 31, 2003 figure; OCR put 6,764,410 on the ghost line 714 (and 004:235 agrees).
    assert built.value("004", "ShortTermBorrowings", "I2003-12-31") == Decimal("6764410000")
    # 004:734 prints a ghost 220,200 for treasury stock at Mar 31, 2003: no fact.
    root = built.tree("004").getroot()
    assert not [e for e in root.iter() if e.get("id") == "TreasuryStockValue_I2003-03-31_JPY"]


def test_the_6k_corroborates_and_makes_no_second_instance(built: Built) -> None:
    written = sorted(p.name for p in built.folder.glob("iij-*.xml") if "_" not in p.name)
    assert written == ["iij-20010930.xml", "iij-20020331.xml", "iij-20021231.xml", "iij-20040331.xml"]
    assert any("003_c8d0bee379711840.txt" in f for f in built.findings("source.same-release"))
    scrambled = [f for f in built.findings("source.corroboration-unreadable") if ":345:" in f or ":359:" in f]
    assert len(scrambled) == 2
    # 003:381 prints 05,240 for short-term investments in USD where 000:616 prints 0.
    assert any("003_c8d0bee379711840.txt:381" in f for f in built.findings("source.corroboration-disagrees"))


def test_japanese_tables_are_cross_checked(built: Built) -> None:
    # 000:136 prints (4.2)% where the English 000:549 prints (4.3)%.
    disagreements = built.findings("source.japanese-disagrees")
    assert any("000_92f25fc58723c5bd.txt:136" in f and "(4.2)" in f for f in disagreements)
    # 000:115 reads 844.279 for 844,279: OCR noise, not a disagreement.
    assert any("000_92f25fc58723c5bd.txt:115" in f for f in built.findings("source.ocr-noise"))
    assert not any(":115:" in f for f in disagreements)


def test_usd_figures_are_checked_against_the_rate(built: Built) -> None:
    # 001:248 4,251 where 506,775 / 119.23 = 4,250.40: the release's rounding plug.
    assert any("001_5cc87033c547cdfb.txt:248" in f for f in built.findings("usd.rounding-plug"))
    assert built.findings("usd.mismatch") == []
