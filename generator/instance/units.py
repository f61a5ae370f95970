"""Units: measures as (namespace, local name) pairs, interned by value."""

from __future__ import annotations

from dataclasses import dataclass

from generator import names

Measure = tuple[str, str]

JPY_MEASURE: Measure = (names.ISO4217, "JPY")
USD_MEASURE: Measure = (names.ISO4217, "USD")
SHARES_MEASURE: Measure = (names.XBRLI, "shares")
PURE_MEASURE: Measure = (names.XBRLI, "pure")
ADS_MEASURE: Measure = (names.IIJ, "ADS")
CONTRACTS_MEASURE: Measure = (names.IIJ, "Contracts")
GBPS_MEASURE: Measure = (names.IIJ, "Gbps")


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit: numerator measures, optionally divided by denominator measures."""

    id: str
    numerator: tuple[Measure, ...]
    denominator: tuple[Measure, ...] = ()


JPY = Unit("JPY", (JPY_MEASURE,))
USD = Unit("USD", (USD_MEASURE,))
SHARES = Unit("shares", (SHARES_MEASURE,))
PURE = Unit("pure", (PURE_MEASURE,))
ADS = Unit("ADS", (ADS_MEASURE,))
CONTRACTS = Unit("Contracts", (CONTRACTS_MEASURE,))
GBPS = Unit("Gbps", (GBPS_MEASURE,))


def per_share(currency: Unit) -> Unit:
    """Currency per share, e.g. ``JPYPerShare``."""
    return Unit(f"{currency.id}PerShare", currency.numerator, (SHARES_MEASURE,))


def per_ads(currency: Unit) -> Unit:
    """Currency per ADS equivalent, e.g. ``JPYPerADS``."""
    return Unit(f"{currency.id}PerADS", currency.numerator, (ADS_MEASURE,))
