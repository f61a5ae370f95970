"""The cover: what the instance is (a dei-like group), over the current quarter.

Values come from the release where it prints them (dateline, names, ticker,
file number) and from its statements (period end, hence fiscal year and
quarter on IIJ's April-to-March calendar).  The CIK is the entity identifier
every context already carries; nothing here amends an earlier filing.
"""

from __future__ import annotations

from datetime import date

from generator import names
from generator.instance.contexts import Context, Duration
from generator.instance.model import Fact, SourceRef
from generator.source.cover import Cover, Printed
from generator.source.model import Period
from generator.source.periods import fiscal_quarter, fiscal_year

DOCUMENT_TYPE = "Earnings release"


def cover_facts(cover: Cover, period_end: date) -> list[Fact]:
    """The cover facts of a release whose current quarter ends ``period_end``."""
    quarter = Period(period_end, 3)
    context = Context(Duration(quarter.start, quarter.end))

    def fact(concept: str, value: str, printed: Printed | None = None, lang: str | None = None) -> Fact:
        sources = (SourceRef(printed.file, printed.line, printed.line),) if printed else ()
        return Fact(concept, context, None, value, None, sources, lang)

    facts = [
        fact("DocumentType", DOCUMENT_TYPE),
        fact("DocumentPeriodEndDate", period_end.isoformat()),
        fact("DocumentFiscalYearFocus", f"{fiscal_year(period_end):04d}"),  # xs:gYear has four digits
        fact("DocumentFiscalPeriodFocus", f"Q{fiscal_quarter(period_end)}"),
        fact("AmendmentFlag", "false"),
        fact("EntityCentralIndexKey", names.IIJ_CIK),
    ]
    if cover.dateline:
        facts.insert(1, fact("DocumentReleaseDate", cover.dateline.value, cover.dateline))
    if cover.registrant:
        facts.append(fact("EntityRegistrantName", cover.registrant.value, cover.registrant, "en"))
    if cover.registrant_ja:
        facts.append(fact("EntityRegistrantName", cover.registrant_ja.value, cover.registrant_ja, "ja"))
    for concept, printed in (
        ("TradingSymbol", cover.symbol),
        ("SecurityExchangeName", cover.exchange),
        ("EntityFileNumber", cover.file_number),
    ):
        if printed:
            facts.append(fact(concept, printed.value, printed))
    return facts
