"""Guidance stated in prose becomes forecast facts; prose notes find their facts.

A range's ends are facts on the range axis's ``LowerMember`` and
``UpperMember`` (a lower end alone: "more than 15%"); a point forecast has
``ForecastMember`` only.  A forecast stated twice (in the summary and in the
outlook section) is one fact; the Japanese summary's figures must equal the
English ones.  Text forecasts are facts in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal

from generator.findings import Finding
from generator.instance import units
from generator.instance.contexts import Context, Duration
from generator.instance.model import Fact, SourceRef, round_to
from generator.instance.units import Unit
from generator.mapping.dimensions import FORECAST, LOWER, UPPER, Members
from generator.mapping.facts import Draft
from generator.mapping.footnotes import ProseLink
from generator.source.model import Document, Language, Rate, add_months
from generator.source.narrative import Figures, Forecast, Narrative
from generator.source.periods import fiscal_period
from generator.taxonomy.model import ItemKind, Taxonomy

_MEMBERS: dict[str, Members] = {"point": FORECAST, "lower": LOWER, "upper": UPPER}


@dataclass(frozen=True)
class Guidance:
    """A release's prose read as facts, and the notes linked by concept."""

    facts: list[Fact]
    findings: list[Finding]


def _duration(period: str) -> Duration:
    found = fiscal_period(period)
    assert found is not None  # the narrative file's model checked it
    end, months = found
    return Duration(add_months(end + timedelta(days=1), -months), end)


def _numbers(forecast: Forecast, figures: Figures, unit: Unit, file: str) -> list[Fact]:
    period = _duration(forecast.period)
    source = (SourceRef(file, forecast.line, forecast.line),)
    facts = []
    for kind, text in figures.printed().items():
        value, decimals = figures.value(text)
        facts.append(Fact(forecast.concept, Context(period, _MEMBERS[kind]), unit, value, decimals, source))
    return facts


def _forecast_facts(forecast: Forecast, document: Document, taxonomy: Taxonomy) -> tuple[list[Fact], list[Finding]]:
    file = document.name
    concept = taxonomy.concepts.get(forecast.concept)
    expected = {None: ItemKind.TEXT, "%": ItemKind.PERCENT}.get(
        forecast.figures.scale if forecast.figures else None, ItemKind.MONETARY
    )
    if concept is None or concept.kind is not expected:
        message = f"{forecast.concept} is not a {expected} concept of the taxonomy"
        return [], [Finding("source.narrative-mismatch", message, file, forecast.line)]
    if forecast.figures is None:
        period = Context(_duration(forecast.period), FORECAST)
        facts = [
            Fact(forecast.concept, period, None, " ".join(forecast.quote.split()), None, _at(file, forecast), "en")
        ]
        if forecast.ja:
            ja_source = (SourceRef(file, forecast.ja.line, forecast.ja.line),)
            facts.append(Fact(forecast.concept, period, None, forecast.ja.quote, None, ja_source, "ja"))
        return facts, []
    unit = units.PURE if forecast.figures.scale == "%" else units.JPY
    facts = _numbers(forecast, forecast.figures, unit, file)
    if forecast.usd:
        facts += _numbers(forecast, forecast.usd, units.USD, file)
    findings = []
    if forecast.ja and forecast.ja.figures:
        english = {kind: forecast.figures.value(text)[0] for kind, text in forecast.figures.printed().items()}
        japanese = {kind: forecast.ja.figures.value(text)[0] for kind, text in forecast.ja.figures.printed().items()}
        if english != japanese:
            message = (
                f"{forecast.concept} {forecast.period}: {japanese} here, {english} in English (line {forecast.line})"
            )
            findings.append(Finding("source.japanese-disagrees", message, file, forecast.ja.line, forecast.concept))
    return facts, findings


def _at(file: str, forecast: Forecast) -> tuple[SourceRef, ...]:
    return (SourceRef(file, forecast.line, forecast.line),)


def _agrees(finer: Fact, coarser: Fact) -> bool:
    assert isinstance(finer.value, Decimal) and isinstance(coarser.value, Decimal) and coarser.decimals is not None
    return round_to(finer.value, coarser.decimals) == coarser.value


def merge_facts(facts: list[Fact], file: str) -> tuple[list[Fact], list[Finding]]:
    """One fact per key: equal figures merge at the finer precision, others conflict."""
    merged: dict[tuple[str, str, str], Fact] = {}
    findings: list[Finding] = []
    for fact in facts:
        seen = merged.get(fact.key)
        if seen is None:
            merged[fact.key] = fact
            continue
        if fact.numeric:
            finer, coarser = sorted((seen, fact), key=lambda f: -(f.decimals or 0))
            agree = _agrees(finer, coarser)
        else:
            finer, agree = seen, seen.value == fact.value
        if not agree:
            lines = ", ".join(f"{s.file}:{s.line}" for s in (*seen.sources, *fact.sources))
            message = f"{fact.concept} {fact.context.id}: {seen.value} and {fact.value} ({lines})"
            findings.append(Finding("source.figure-conflict", message, file, fact.sources[0].line, fact.concept))
            continue
        sources = tuple(dict.fromkeys((*seen.sources, *fact.sources)))
        merged[fact.key] = replace(finer, sources=sources)
    return list(merged.values()), findings


def guidance(narrative: Narrative, document: Document, taxonomy: Taxonomy) -> Guidance:
    """The forecast facts a release's prose states (merged where stated twice)."""
    facts: list[Fact] = []
    findings: list[Finding] = []
    for forecast in narrative.forecasts:
        more, problems = _forecast_facts(forecast, document, taxonomy)
        facts += more
        findings += problems
    merged, conflicts = merge_facts(facts, document.name)
    return Guidance(merged, findings + conflicts)


def absorb(drafts: list[Draft], facts: list[Fact], file: str) -> tuple[list[Draft], list[Fact], list[Finding]]:
    """Prose facts a table also prints join that table's fact; the rest stand alone."""
    drafts = list(drafts)
    if not facts:
        return drafts, [], []  # no prose: no need to index the drafts
    by_key = {d.fact.key: i for i, d in enumerate(drafts)}
    alone: list[Fact] = []
    findings: list[Finding] = []
    for fact in facts:
        index = by_key.get(fact.key)
        if index is None:
            alone.append(fact)
            continue
        table_fact = drafts[index].fact
        merged, conflicts = merge_facts([table_fact, fact], file)
        findings += conflicts
        if not conflicts:
            drafts[index] = drafts[index]._replace(fact=merged[0])
    return drafts, alone, findings


def check_usd(facts: list[Fact], rate: Rate, file: str) -> list[Finding]:
    """A prose USD figure must be its yen figure at the release's rate, at the printed precision."""
    findings = []
    yen = {(f.concept, f.context.id): f for f in facts if f.unit == units.JPY}
    for usd in facts:
        partner = yen.get((usd.concept, usd.context.id))
        if usd.unit != units.USD or partner is None:
            continue
        assert isinstance(partner.value, Decimal) and usd.decimals is not None
        converted = partner.value / rate.value
        if round_to(converted, usd.decimals) != usd.value:
            message = f"{usd.concept}: USD {usd.value} where JPY {partner.value} / {rate.value} = {converted:.0f}"
            findings.append(Finding("usd.mismatch", message, file, usd.sources[0].line, usd.concept, usd.context.id))
    return findings


def prose_links(narrative: Narrative, document: Document, facts: list[Fact]) -> list[ProseLink]:
    """Each prose note with the facts of its concepts (and period, where named)."""
    notes = {(n.line, n.language): n for n in document.notes}
    links = []
    for entry in narrative.notes:
        note = notes.get((entry.line, Language.EN))
        if note is None:
            continue  # reported by check_narrative
        period = _duration(entry.period) if entry.period else None
        ids = tuple(
            f.id for f in facts if f.concept in entry.concepts and (period is None or f.context.period == period)
        )
        japanese = notes.get((entry.ja, Language.JA)) if entry.ja is not None else None
        links.append(ProseLink(note, japanese, ids))
    return links
