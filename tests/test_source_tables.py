"""Reading the releases' statements: periods, columns, scale, notes, rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from generator.resources import sources_dir
from generator.source.document import read_document
from generator.source.errata import load_errata
from generator.source.model import ColumnRole, Language, StatementKind
from generator.source.tables import _role_row
from tests.conftest import SOURCES


def _document(number: str):
    errata = load_errata(sources_dir() / "errata.yaml")
    path = SOURCES[number]
    return read_document(path, errata.get(path.name))


def test_001_statement_of_operations_heading() -> None:
    table = _document("001").english_statements[0]
    assert (table.kind, table.months, table.title_line) == (StatementKind.INCOME, 3, 232)
    assert [p.end for p in table.periods] == [date(2001, 9, 30), date(2000, 9, 30), date(2001, 6, 30)]
    assert [c.role for c in table.columns][:3] == [ColumnRole.USD, ColumnRole.JPY, ColumnRole.PERCENT]
    assert table.columns[0].period == table.columns[1].period  # USD translates the current period
    assert table.scale == 1000 and table.per_unit_exempt


def test_every_release_states_one_rate() -> None:
    rates = {n: {(r.value, r.day) for r in _document(n).rates} for n in ("001", "000", "002", "004")}
    assert rates == {
        "001": {(Decimal("119.23"), date(2001, 9, 28))},  # 001:277
        "000": {(Decimal("132.70"), date(2002, 3, 29))},  # 000:605, and 注記(1) 000:165
        "002": {(Decimal("118.75"), date(2002, 12, 31))},  # 002:608
        "004": {(Decimal("104.18"), date(2004, 3, 31))},  # 004:645
    }


def test_6k_statements_of_operations_are_unreadable_but_found() -> None:
    document = _document("003")
    assert document.form_6k
    assert [(u.kind, u.line) for u in document.unreadable] == [(StatementKind.INCOME, 345), (StatementKind.INCOME, 359)]
    assert {t.kind for t in document.statements} == {StatementKind.BALANCE, StatementKind.CASH_FLOW}


def test_japanese_tables_are_read_as_japanese() -> None:
    document = _document("002")
    japanese = [t for t in document.statements if t.language is Language.JA]
    assert [(t.kind, t.months) for t in japanese] == [
        (StatementKind.INCOME, 3),
        (StatementKind.INCOME, 9),  # 四半期累計 (002:149)
        (StatementKind.BALANCE, 0),
        (StatementKind.CASH_FLOW, 3),
    ]


def test_notes_are_attached_to_their_table_and_run_on() -> None:
    nine_months = [t for t in _document("002").english_statements if t.months == 9][0]
    note = {n.number: n for n in nine_months.notes}["2"]
    # 002:654 continues into the paragraph at 002:656.
    assert note.line == 654 and note.text.endswith("as compared to the previous classification method.")
    assert "Y503,763" in note.text


def test_merged_rows_are_split_by_the_errata() -> None:
    balance = [t for t in _document("000").english_tables if t.kind is StatementKind.BALANCE][0]
    rows = {r.label: r for r in balance.rows if r.line == 640}
    assert set(rows) == {"Long-term Borrowings", "Convertible Notes"}
    assert rows["Convertible Notes"].cells[1].value == Decimal(15000000)  # 000:640


def test_an_erratum_that_no_longer_matches_is_an_error(tmp_path: Path) -> None:
    lines = SOURCES["000"].read_text(encoding="utf-8").split("\n")
    lines[626] = lines[626].replace("Celler Fishers", "Cellar Fishers")  # line 627 changed
    copy = tmp_path / SOURCES["000"].name
    copy.write_text("\n".join(lines), encoding="utf-8")
    errata = load_errata(sources_dir() / "errata.yaml")
    document = read_document(copy, errata.get(copy.name))
    problems = [f for t in document.tables for f in t.problems] + list(document.findings)
    assert any(f.code == "source.erratum-mismatch" and f.line == 627 for f in problems)


@pytest.mark.parametrize(
    "jpy",
    # As printed, as OCR reads it (a Cyrillic Р), in full width, marked up, with a footnote marker.
    ["JPY", "JРY", "ＪＰＹ", "<b>JPY</b>", "JPY^(1)"],
)
def test_the_column_role_row_is_found_among_figures(jpy: str) -> None:
    rows = [
        ["", "Three Months Ended", "", "", "Six Months Ended"],
        ["Revenues:", "28,778", "3,431,156", "36.0%", "(19.3)"],  # figures name no currency
        ["", "USD", jpy, "%", jpy, "%"],
        ["Total revenues", "28,778", "3,431,156", "36.0%", "3,145,493", "38.8%"],
    ]
    assert _role_row(rows) == 2
