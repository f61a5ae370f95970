"""The taxonomy source: consistent on load, complete for the releases, fresh on disk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import names
from generator.resources import bundled_sources, sources_dir, taxonomy_source_dir
from generator.source.document import read_document
from generator.source.errata import load_errata
from generator.source.model import Language
from generator.source.text import normalize_label
from generator.taxonomy.dts import dts_files
from generator.taxonomy.model import ItemKind, Taxonomy, TaxonomyError, load_taxonomy
from tests.conftest import Built

REPO = Path(__file__).resolve().parents[1]


def test_committed_taxonomy_files_are_generated_from_the_source(taxonomy: Taxonomy) -> None:
    for name, data in dts_files(taxonomy).items():
        assert (REPO / "taxonomy" / name).read_bytes() == data, f"taxonomy/{name} is stale: run `xbrlgen taxonomy`"


def test_every_concept_has_english_and_japanese_labels(taxonomy: Taxonomy) -> None:
    for concept in taxonomy.concepts.values():
        assert concept.label(names.ROLE_LABEL, "en") and concept.label(names.ROLE_LABEL, "ja"), concept.name


def test_us_gaap_names_are_given_for_every_monetary_line_item(taxonomy: Taxonomy) -> None:
    # Operating statistics, ratios and cover facts have no US-GAAP counterpart.
    monetary = [c for c in taxonomy.concepts.values() if c.kind is ItemKind.MONETARY]
    missing = [c.name for c in monetary if not c.us_gaap]
    assert missing == []


def test_every_printed_row_maps_to_a_concept(built: Built) -> None:
    # An unknown label in a primary statement would be an error; in a
    # corroborating copy only 003's two OCR-damaged lines remain unmapped.
    unknown = [
        f for f in built.result.all_findings() if "unknown-label" in f.message or f.code == "source.unknown-label"
    ]
    assert [(f.file, f.line) for f in unknown] == [("003_c8d0bee379711840.txt", 379), ("003_c8d0bee379711840.txt", 386)]


def _broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "source"
    shutil.copytree(taxonomy_source_dir(), folder)
    statements = folder / "statements.yaml"
    text = statements.read_text(encoding="utf-8")
    assert old in text
    statements.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def test_a_weight_against_the_balances_is_rejected(tmp_path: Path) -> None:
    folder = _broken_copy(
        tmp_path,
        "OperatingIncomeLoss = Revenues - CostsAndExpenses",
        "OperatingIncomeLoss = Revenues + CostsAndExpenses",
    )
    with pytest.raises(TaxonomyError, match="needs weight -1"):
        load_taxonomy(folder)


def test_an_unknown_concept_in_a_tree_is_rejected(tmp_path: Path) -> None:
    folder = _broken_copy(tmp_path, "- InventoryNet\n", "- InventoryNett\n")
    with pytest.raises(TaxonomyError, match="unknown concept InventoryNett"):
        load_taxonomy(folder)


def test_japanese_labels_come_from_the_releases_where_they_print_the_line(taxonomy: Taxonomy) -> None:
    # Wherever a Japanese table prints a line, its Japanese label is that
    # wording. The rest are translations, pinned here so a new one is a
    # deliberate decision.
    errata = load_errata(sources_dir() / "errata.yaml")
    printed = {
        normalize_label(row.label)
        for path in bundled_sources()
        for table in read_document(path, errata.get(path.name)).tables
        if table.language is Language.JA
        for row in table.rows
    }
    authored = {
        concept.name
        for concept in taxonomy.concepts.values()
        if not concept.abstract and not {normalize_label(text) for text in concept.texts("ja")} & printed
    }
    statements = {
        # Only 001 (English only) prints these lines; the rate is a note, not a line.
        "PaymentsToAcquireShortTermInvestments",
        "ProceedsFromIssuanceOfCommonStockOfSubsidiary",
        "ConvenienceTranslationExchangeRate",
    }
    english_only_tables = {
        # 004's reconciliations and the cross-selling table have no Japanese twin.
        "IncomeLossFromEquityMethodInvestmentsIncludingImpairment",
        "CapitalLeaseAcquisitions",
        "CrossSellingRateDedicatedAccessToValueAddedServices",
        "CrossSellingRateDedicatedAccessToSystemsIntegration",
        "CrossSellingRateDedicatedAccessToDataCenterServices",
    }
    prose = {
        # Guidance is read from sentences, not table lines.
        "OutlookRevenues",
        "OutlookRevenuesGrowthRate",
        "OutlookOperatingIncomeLoss",
        "OutlookInternationalBackboneCostsChangeRate",
        "OutlookOperatingIncomeLossDescription",
        "OutlookNetIncomeLossDescription",
        "OutlookEBITDADescription",
        "OutlookCostsDescription",
    }
    cover = {c.name for c in taxonomy.concepts.values() if c.name.startswith(("Document", "Entity"))} | {
        "AmendmentFlag",
        "TradingSymbol",
        "SecurityExchangeName",
    }
    assert authored == statements | english_only_tables | prose | cover
