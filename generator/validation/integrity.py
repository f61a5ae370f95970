"""Financial integrity: equalities between concepts and periods no summation arc states.

Concepts are matched by local name, so the rules hold for this taxonomy and
for US-GAAP-named ones alike; each compares intervals (Calculations 1.1
rounding), so printed rounding never counts as an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

from generator import names
from generator.findings import Finding
from generator.validation.instance import Fact
from generator.validation.rules import Subject, interval, rule, unit_of

_RATE = "ConvenienceTranslationExchangeRate"
_PER_UNIT = (
    ("EarningsPerShareBasic", "WeightedAverageNumberOfSharesOutstandingBasic"),
    ("EarningsPerShareDiluted", "WeightedAverageNumberOfDilutedSharesOutstanding"),
    ("EarningsPerAdsEquivalentBasic", "WeightedAverageNumberOfAdsEquivalentsOutstandingBasic"),
)

Interval = tuple[Decimal, Decimal]


def _meet(a: Interval, b: Interval) -> bool:
    return max(a[0], b[0]) <= min(a[1], b[1])


def _keyed(subject: Subject, name: str) -> dict[tuple[str, str], Fact]:
    """Facts of a local name by (context, unit)."""
    return {(f.context, f.unit or ""): f for f in subject.by_local_name.get(name, [])}


@rule("integrity.balance-sheet")
def balance_sheet(subject: Subject) -> Iterator[Finding]:
    """Total assets equal liabilities, minority interest and equity."""
    other = _keyed(subject, "LiabilitiesAndStockholdersEquity")
    for key, assets in _keyed(subject, "Assets").items():
        total = other.get(key)
        if total is not None and not _meet(interval(assets), interval(total)):
            message = (
                f"total assets {assets.value} but liabilities, minority interest and equity total {total.value}"
                f" ({key[1]})"
            )
            yield subject.finding("integrity.balance-sheet", message, assets)


@rule("integrity.cash-roll")
def cash_roll(subject: Subject) -> Iterator[Finding]:
    """Cash at the beginning plus the period's change is cash at the end."""
    contexts = subject.instance.contexts
    cash = {
        (context.end, fact.unit): fact
        for fact in subject.by_local_name.get("CashAndCashEquivalentsAtCarryingValue", [])
        if (context := contexts[fact.context]).instant
    }
    for change in subject.by_local_name.get("CashAndCashEquivalentsPeriodIncreaseDecrease", []):
        period = contexts[change.context]
        if period.start is None or period.start == date.min:
            continue
        start = cash.get((period.start - timedelta(days=1), change.unit))
        end = cash.get((period.end, change.unit))
        if start is None or end is None:
            continue
        low = interval(start)[0] + interval(change)[0]
        high = interval(start)[1] + interval(change)[1]
        if not _meet((low, high), interval(end)):
            message = f"cash {start.value} at the start plus change {change.value} is not cash {end.value} at the end"
            yield subject.finding("integrity.cash-roll", message, change)


def _currency(subject: Subject, unit_id: str | None) -> str | None:
    unit = subject.instance.units.get(unit_id or "")
    if unit is None or unit.denominator or len(unit.numerator) != 1 or unit.numerator[0][0] != names.ISO4217:
        return None
    return unit.numerator[0][1]


@rule("integrity.usd-translation")
def usd_translation(subject: Subject) -> Iterator[Finding]:
    """A USD fact is its JPY fact at the stated rate, within rounding and a one-unit plug."""
    rates = subject.by_local_name.get(_RATE, [])
    if len(rates) != 1 or not rates[0].value:
        return
    rate = rates[0].value
    assert rate is not None
    yen: dict[tuple[object, str], Fact] = {}
    dollars = []
    currencies = {unit_id: _currency(subject, unit_id) for unit_id in subject.instance.units}
    for (concept, context, unit_id), fact in subject.index.items():
        currency = currencies.get(unit_id)
        if currency == "JPY":
            yen[(concept, context)] = fact
        elif currency == "USD":
            dollars.append(fact)
    for usd in dollars:
        jpy = yen.get((usd.concept, usd.context))
        decimals = usd.decimals_value
        if jpy is None or jpy.value is None or decimals is None or usd.value is None:
            continue
        unit = unit_of(decimals)
        jpy_low, jpy_high = interval(jpy)
        low, high = jpy_low / rate, jpy_high / rate
        if not _meet((low - unit, high + unit), interval(usd)):
            message = f"USD {usd.value} where JPY {jpy.value} / {rate} = {jpy.value / rate:.0f}"
            yield subject.finding("integrity.usd-translation", message, usd)


@rule("integrity.per-share")
def per_share(subject: Subject) -> Iterator[Finding]:
    """Earnings per share (and per ADS) are net income over the weighted count, within rounding."""
    incomes = {}
    for fact in subject.by_local_name.get("NetIncomeLoss", []):
        currency = _currency(subject, fact.unit)
        if currency:
            incomes[(fact.context, currency)] = fact
    for earnings_name, count_name in _PER_UNIT:
        counts = {f.context: f for f in subject.by_local_name.get(count_name, [])}
        for earnings in subject.by_local_name.get(earnings_name, []):
            unit = subject.instance.units[earnings.unit or ""]
            currency = unit.numerator[0][1] if len(unit.numerator) == 1 else ""
            income = incomes.get((earnings.context, currency))
            count = counts.get(earnings.context)
            if income is None or count is None or not count.value:
                continue
            shares = count.value
            low, high = (bound / shares for bound in interval(income))
            if not _meet((min(low, high), max(low, high)), interval(earnings)):
                quotient = (income.value or Decimal(0)) / shares
                message = f"{earnings_name} {earnings.value} but net income {income.value} / {shares} = {quotient:.2f}"
                yield subject.finding("integrity.per-share", message, earnings)
