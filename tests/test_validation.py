"""Our own validation catches what it must, on mutated copies of real output."""

from __future__ import annotations

import pytest

from generator.taxonomy.dts import SCHEMA
from generator.taxonomy.model import Taxonomy
from generator.validation import validate_written
from tests.conftest import INSTANCES, Built


def _mutated(built: Built, release: str, *edits: tuple[str, str]) -> bytes:
    text = built.path(release).read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text.encode("utf-8")


@pytest.mark.parametrize("release", list(INSTANCES))
def test_clean_output_has_no_findings(built: Built, taxonomy: Taxonomy, release: str) -> None:
    data = built.path(release).read_bytes()
    assert validate_written(data, built.folder / SCHEMA, taxonomy, release) == []


def _codes(built: Built, taxonomy: Taxonomy, data: bytes) -> set[str]:
    return {f.code for f in validate_written(data, built.folder / SCHEMA, taxonomy, "mutant")}


def test_broken_subtotal(built: Built, taxonomy: Taxonomy) -> None:
    data = _mutated(
        built,
        "001",
        (
            'id="Revenues_D2001-07-01_2001-09-30_JPY">9528307000<',
            'id="Revenues_D2001-07-01_2001-09-30_JPY">9529307000<',
        ),
    )
    assert _codes(built, taxonomy, data) == {"calc.inconsistent"}


def test_one_thousand_of_rounding_is_consistent(built: Built, taxonomy: Taxonomy) -> None:
    # Calculations 1.1: a total of whole thousands may differ from its items' sum by rounding.
    data = _mutated(
        built,
        "001",
        (
            'id="Revenues_D2001-07-01_2001-09-30_JPY">9528307000<',
            'id="Revenues_D2001-07-01_2001-09-30_JPY">9528308000<',
        ),
    )
    assert _codes(built, taxonomy, data) == set()


def test_unbalanced_balance_sheet(built: Built, taxonomy: Taxonomy) -> None:
    # Raise total assets and one of its items alike: the sum holds, the equation does not.
    data = _mutated(
        built,
        "001",
        ('id="Assets_I2001-09-30_JPY">44635531000<', 'id="Assets_I2001-09-30_JPY">44735531000<'),
        (
            'id="OtherAssetsNoncurrent_I2001-09-30_JPY">664675000<',
            'id="OtherAssetsNoncurrent_I2001-09-30_JPY">764675000<',
        ),
    )
    assert _codes(built, taxonomy, data) == {"integrity.balance-sheet"}


def test_broken_cash_roll_forward(built: Built, taxonomy: Taxonomy) -> None:
    data = _mutated(
        built,
        "001",
        (
            'id="CashAndCashEquivalentsPeriodIncreaseDecrease_D2001-07-01_2001-09-30_JPY">-1162777000<',
            'id="CashAndCashEquivalentsPeriodIncreaseDecrease_D2001-07-01_2001-09-30_JPY">-1062777000<',
        ),
        (
            'id="EffectOfExchangeRateOnCashAndCashEquivalents_D2001-07-01_2001-09-30_JPY">-171738000<',
            'id="EffectOfExchangeRateOnCashAndCashEquivalents_D2001-07-01_2001-09-30_JPY">-71738000<',
        ),
    )
    assert _codes(built, taxonomy, data) == {"integrity.cash-roll"}


def test_schema_invalid_value(built: Built, taxonomy: Taxonomy) -> None:
    data = _mutated(
        built,
        "001",
        (
            'id="Revenues_D2001-07-01_2001-09-30_JPY">9528307000<',
            'id="Revenues_D2001-07-01_2001-09-30_JPY">about nine billion<',
        ),
    )
    assert "schema.invalid" in _codes(built, taxonomy, data)
