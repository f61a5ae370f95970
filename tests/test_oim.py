"""xBRL-JSON and xBRL-CSV as written: layout, aspects, ids and footnotes, read back with plain json/csv."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from generator.instance import units
from generator.instance.contexts import Duration, Instant
from generator.oim import aspects
from generator.oim import csv as oim_csv
from tests.conftest import Built


def _json(built: Built, stem: str) -> dict[str, object]:
    document: dict[str, object] = json.loads((built.folder / f"{stem}.json").read_text(encoding="utf-8"))
    return document


def _rows(built: Built, name: str) -> dict[str, dict[str, str]]:
    text = (built.folder / name).read_text(encoding="utf-8")
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text, newline=""))}


def test_json_fact_is_the_xml_fact(built: Built) -> None:
    # Total revenues, three months ended 2001-09-30: JPY 9,528,307 thousand (001:255); no note on the JPY figure.
    facts = _json(built, "iij-20010930")["facts"]
    assert isinstance(facts, dict)
    assert facts["Revenues_D2001-07-01_2001-09-30_JPY"] == {
        "value": "9528307000",
        "decimals": -3,
        "dimensions": {
            "concept": "iij:Revenues",
            "entity": "cik:0001090633",
            "period": "2001-07-01T00:00:00/2001-10-01T00:00:00",
            "unit": "iso4217:JPY",
        },
    }
    usd = facts["Revenues_D2001-07-01_2001-09-30_USD"]  # $79,915 thousand, translated at Note (1)'s rate
    assert (usd["value"], usd["dimensions"]["unit"]) == ("79915000", "iso4217:USD")
    assert usd["links"] == {"footnote": {"_": ["fn1-en"]}}  # 001 prints Note (1) in English only
    assert "119.23" in facts["fn1-en"]["value"]


def test_json_carries_forecast_dimensions_and_footnotes(built: Built) -> None:
    facts = _json(built, "iij-20021231")["facts"]
    assert isinstance(facts, dict)
    restated = facts["DedicatedAccessServicesRevenue_D2001-10-01_2001-12-31_JPY"]
    assert restated["value"] == "3539924000"  # 002:579, reclassified
    notes = restated["links"]["footnote"]["_"]
    assert [facts[n]["dimensions"]["language"] for n in notes] == ["en", "ja"]
    assert "reclassified" in facts[notes[0]]["value"]  # 002:610
    assert all(facts[n]["dimensions"]["concept"] == "xbrl:note" for n in notes)
    lower = facts["OutlookRevenues_D2003-01-01_2003-03-31_ForecastMember_LowerMember_JPY"]["dimensions"]
    assert lower["iij:ResultForecastAxis"] == "iij:ForecastMember"
    assert lower["iij:ForecastRangeAxis"] == "iij:LowerMember"


@pytest.mark.parametrize(
    ("period", "json_form", "csv_form"),
    [
        (Instant(date(2001, 9, 30)), "2001-10-01T00:00:00", "2001-09-30@end"),
        (
            Duration(date(2001, 7, 1), date(2001, 9, 30)),
            "2001-07-01T00:00:00/2001-10-01T00:00:00",
            "2001-07-01..2001-09-30",
        ),
        (Instant(date(2004, 2, 29)), "2004-03-01T00:00:00", "2004-02-29@end"),
        (
            Duration(date(2003, 4, 1), date(2004, 3, 31)),
            "2003-04-01T00:00:00/2004-04-01T00:00:00",
            "2003-04-01..2004-03-31",
        ),
    ],
)
def test_periods(period: Instant | Duration, json_form: str, csv_form: str) -> None:
    assert aspects.json_period(period) == json_form
    assert aspects.csv_period(period) == csv_form


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        (units.JPY, "iso4217:JPY"),
        (units.per_share(units.JPY), "iso4217:JPY/xbrli:shares"),
        (units.per_ads(units.USD), "iso4217:USD/iij:ADS"),
        (units.CONTRACTS, "iij:Contracts"),
        (units.PURE, None),  # OIM's implicit unit of a numeric fact
    ],
)
def test_units(unit: units.Unit, expected: str | None) -> None:
    assert aspects.unit(unit) == expected


@pytest.mark.parametrize(
    ("text", "cell"),
    [("IIJ", "IIJ"), ("#1 provider", "##1 provider"), ("", "#empty"), ("a,b", "a,b")],
)
def test_csv_cells_escape_special_values(text: str, cell: str) -> None:
    assert oim_csv._cell(text) == cell


def test_csv_tables_hold_the_facts(built: Built) -> None:
    numeric = _rows(built, "iij-20010930-numeric.csv")
    revenue = numeric["Revenues_D2001-07-01_2001-09-30_JPY"]  # 001:255
    assert (revenue["period"], revenue["unit"], revenue["decimals"], revenue["value"]) == (
        "2001-07-01..2001-09-30",
        "iso4217:JPY",
        "-3",
        "9528307000",
    )
    per_ads = numeric["EarningsPerAdsEquivalentBasic_D2001-07-01_2001-09-30_JPYPerADS"]  # (68.61), 001:273
    assert (per_ads["unit"], per_ads["decimals"], per_ads["value"]) == ("iso4217:JPY/iij:ADS", "2", "-68.61")
    text = _rows(built, "iij-20021231-text.csv")
    names = {row["language"]: row["value"] for row in text.values() if row["concept"] == "iij:EntityRegistrantName"}
    assert names["en"] == "Internet Initiative Japan Inc."
    assert set(names) == {"en", "ja"}


def test_csv_metadata_links_footnotes_by_oim_fact_id(built: Built) -> None:
    metadata = json.loads((built.folder / "iij-20021231-metadata.json").read_text(encoding="utf-8"))
    links = metadata["links"]["footnote"]["_"]
    source = oim_csv.fact_id("numeric", "DedicatedAccessServicesRevenue_D2001-10-01_2001-12-31_JPY")
    assert source == "numeric.r_DedicatedAccessServicesRevenue_D2001-10-01_2001-12-31_JPY.value"
    notes = _rows(built, "iij-20021231-notes.csv")
    targets = [target.split(".r_")[1].removesuffix(".note") for target in links[source]]
    assert [notes[t]["language"] for t in targets] == ["en", "ja"]
    assert "reclassified" in notes[targets[0]]["note"]
    for table in metadata["tables"].values():
        assert (built.folder / table["url"]).is_file()
    assert Path(metadata["documentInfo"]["taxonomy"][0]).name == "iij-2004-05-14.xsd"


def test_csv_metadata_is_indented_as_json_indents(built: Built) -> None:
    # Written without json's pure-Python indenting encoder: the layout must still be exactly json.dumps(indent=1).
    text = (built.folder / "iij-20021231-metadata.json").read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("value", [{}, [], {"a": [], "b": {}}, ["x", 1, None, True], {'é"\n': ["\u2028", {"c": "#"}]}])
def test_indented_json_edge_cases(value: object) -> None:
    assert oim_csv._indented(value, "\n") == json.dumps(value, ensure_ascii=False, indent=1)
