"""The point-in-time time series: first and latest values, the releases, the note explaining a restatement."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pyarrow.parquet as pq
import pytest

from generator.timeseries import same_figure
from tests.conftest import Built


def _rows(built: Built) -> list[dict[str, str]]:
    text = (built.folder / "timeseries.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _row(built: Built, concept: str, start: str, end: str, unit: str = "JPY") -> dict[str, str]:
    found = [
        r
        for r in _rows(built)
        if (r["concept"], r["period_start"], r["period_end"], r["unit"], r["dimensions"])
        == (concept, start, end, unit, "")
    ]
    assert len(found) == 1
    return found[0]


def test_the_fy2002_reclassification_is_a_restatement_with_its_note(built: Built) -> None:
    # Dedicated access services, three months ended 2001-12-31: 3,338,370 thousand first reported
    # by 000 (000:529), reclassified to 3,539,924 thousand by 002 (002:579), Note (2) at 002:610.
    row = _row(built, "DedicatedAccessServicesRevenue", "2001-10-01", "2001-12-31")
    assert (row["first_value"], row["first_release"], row["first_release_date"]) == (
        "3338370000",
        "iij-20020331",
        "2002-05-21",
    )
    assert (row["latest_value"], row["latest_release"], row["latest_release_date"]) == (
        "3539924000",
        "iij-20021231",
        "2003-02-13",
    )
    assert row["releases"] == "iij-20020331 iij-20021231"
    assert row["restated"] == "true"
    assert row["note"].startswith("IJL datacenter connectivity services revenues have been reclassified")
    assert "increase of dedicated access services revenue by Y201,554" in row["note"]
    assert row["note_release"] == "iij-20021231"


def test_a_value_reported_alike_twice_is_not_restated(built: Built) -> None:
    # Total revenues, three months ended 2001-12-31: 9,933,634 thousand in 000 (000:539) and in 002 (002:586);
    # the reclassification moved revenue between lines, not the total.
    row = _row(built, "Revenues", "2001-10-01", "2001-12-31")
    assert row["releases"] == "iij-20020331 iij-20021231"
    assert row["first_value"] == row["latest_value"] == "9933634000"
    assert (row["restated"], row["note"]) == ("false", "")


def test_a_restatement_no_note_explains_is_reported(built: Built) -> None:
    # Dedicated access contracts at 2001-12-31: 3,138 in 000 (000:426), 3,238 in 002 (002:465), no note.
    row = _row(built, "DedicatedAccessServicesContracts", "", "2001-12-31", "Contracts")
    assert (row["first_value"], row["latest_value"], row["restated"]) == ("3138", "3238", "true")
    assert (row["note"], row["note_release"]) == ("", "")
    found = built.findings("restatement.unexplained")
    assert found == [
        "002_6c0250fb9cfb6d6b.txt:465: warning [restatement.unexplained] DedicatedAccessServicesContracts "
        "I2001-12-31: 3138 in iij-20020331, 3238 in iij-20021231, and no note of the later release explains it"
    ]
    # 002's reclassification (Note 2) explains the 3Q FY2001 revenue it restates (002:579).
    explained = built.findings("restatement.explained")
    assert len(explained) == 2 and explained[0].startswith("002_6c0250fb9cfb6d6b.txt:579: info [restatement.explained]")


def test_one_row_per_concept_period_dimensions_unit(built: Built) -> None:
    rows = _rows(built)
    keys = [(r["concept"], r["period_start"], r["period_end"], r["dimensions"], r["unit"]) for r in rows]
    assert len(keys) == len(set(keys))
    facts = sum(
        1 for release in ("001", "000", "002", "004") for e in built.tree(release).getroot() if e.get("unitRef")
    )
    assert sum(len(r["releases"].split()) for r in rows) == facts


def test_parquet_holds_the_same_rows_as_exact_decimals(built: Built) -> None:
    table = pq.read_table(built.folder / "timeseries.parquet")
    assert table.num_rows == len(_rows(built))
    rows = table.to_pylist()
    restated = [r for r in rows if r["restated"]]
    assert {(r["concept"], r["first_value"], r["latest_value"]) for r in restated} >= {
        ("DedicatedAccessServicesRevenue", Decimal("3338370000"), Decimal("3539924000"))
    }
    per_ads = [
        r for r in rows if r["concept"] == "EarningsPerAdsEquivalentBasic" and r["period_end"] == date(2001, 9, 30)
    ]
    assert [r["first_value"] for r in per_ads if r["period_start"] == date(2001, 7, 1)] == [Decimal("-68.61")]
    assert rows[0]["releases"] and isinstance(rows[0]["releases"], list)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("726278000", -3), ("726000000", -6), True),  # thousands and millions print one figure
        (("2198668000", -3), ("2198000000", -6), False),  # 004's millions table truncates: not the same
        (("3338370000", -3), ("3539924000", -3), False),  # the reclassification
        (("-68.61", 2), ("-68.61", 2), True),
    ],
)
def test_values_compare_at_the_coarser_precision(a: tuple[str, int], b: tuple[str, int], same: bool) -> None:
    assert same_figure(Decimal(a[0]), a[1], Decimal(b[0]), b[1]) is same
