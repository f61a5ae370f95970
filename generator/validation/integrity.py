"""Financial integrity beyond calculations.

Equalities between concepts and across periods that a summation-item arc
cannot state.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal

from generator import names
from generator.findings import Finding
from generator.validation.calculations import index_facts, interval
from generator.validation.reader import ParsedContext, ParsedFact

_ASSETS = (names.IIJ, "Assets")
_LIABILITIES_AND_EQUITY = (names.IIJ, "LiabilitiesAndStockholdersEquity")
_CASH = (names.IIJ, "CashAndCashEquivalentsAtCarryingValue")
_CASH_CHANGE = (names.IIJ, "CashAndCashEquivalentsPeriodIncreaseDecrease")


def _meet(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    return max(a[0], b[0]) <= min(a[1], b[1])


def check_integrity(facts: Iterable[ParsedFact], contexts: dict[str, ParsedContext], file: str) -> list[Finding]:
    """Balance sheet equation and cash roll-forward, per context and unit."""
    index = index_facts(facts)
    findings = []
    for (concept, context, unit), assets in index.items():
        if concept != _ASSETS:
            continue
        other = index.get((_LIABILITIES_AND_EQUITY, context, unit))
        if other is not None and not _meet(interval(assets), interval(other)):
            findings.append(
                Finding(
                    "integrity.balance-sheet",
                    f"total assets {assets.value} but liabilities, minority interest and equity "
                    f"total {other.value} ({unit})",
                    file,
                    assets.line,
                    "Assets",
                    context,
                )
            )
    by_instant = {
        (c.end, u): f
        for (concept, cid, u), f in index.items()
        if concept == _CASH and (c := contexts.get(cid)) and c.start is None
    }
    for (concept, context, unit), change in index.items():
        period = contexts.get(context)
        if concept != _CASH_CHANGE or period is None or period.start is None:
            continue
        start = by_instant.get((period.start - timedelta(days=1), unit))
        end = by_instant.get((period.end, unit))
        if start is None or end is None:
            continue
        low = interval(start)[0] + interval(change)[0]
        high = interval(start)[1] + interval(change)[1]
        if not _meet((low, high), interval(end)):
            findings.append(
                Finding(
                    "integrity.cash-roll",
                    f"cash {start.value} at the start plus change {change.value} "
                    f"is not cash {end.value} at the end ({unit})",
                    file,
                    change.line,
                    "CashAndCashEquivalentsPeriodIncreaseDecrease",
                    context,
                )
            )
    return findings
