"""One release, end to end: its documents become one instance model.

Documents whose statements share a current period end carry the same
release (003 is the SEC 6-K copy of 000).  The document with the fewest
unreadable statements is the primary; the others only corroborate it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, TypeVar

from generator import names
from generator.findings import Finding, Severity
from generator.instance import units
from generator.instance.contexts import Context, Instant
from generator.instance.model import Fact, Instance, SourceRef
from generator.mapping.completeness import check_completeness
from generator.mapping.corroboration import compare_tables
from generator.mapping.cover import cover_facts
from generator.mapping.facts import Draft, assemble, check_translation
from generator.mapping.figures import Figure, figures_of, matrix_rows
from generator.mapping.footnotes import ProseLink, build_footnotes, translation_notes
from generator.mapping.guidance import absorb, check_usd, guidance, prose_links
from generator.mapping.labels import index_for, networks_for
from generator.mapping.rows import Resolved, resolve_rows
from generator.source.cover import read_cover
from generator.source.model import ColumnRole, Document, Language, Rate, StatementKind, Table
from generator.source.narrative import Narrative, check_narrative
from generator.taxonomy.model import Statement, Taxonomy
from generator.validation.audit import audit_percentages

RATE_CONCEPT = "ConvenienceTranslationExchangeRate"

# Problems of a corroborating copy are reported, not fatal: the primary carries the figures.
_COPY_CODE = {Language.JA: "source.japanese-unreadable", Language.EN: "source.corroboration-unreadable"}


@dataclass(frozen=True)
class Release:
    """A release: its primary document and any corroborating copies."""

    primary: Document
    copies: tuple[Document, ...] = ()

    @property
    def period_end(self) -> date:
        """The current period's end, which names the instance."""
        end = self.primary.current_period_end
        assert end is not None
        return end

    @property
    def instance_name(self) -> str:
        """``iij-YYYYMMDD.xml``."""
        return f"iij-{self.period_end.isoformat().replace('-', '')}.xml"  # %Y does not pad years before 1000

    @property
    def documents(self) -> tuple[Document, ...]:
        """Primary first, then copies."""
        return (self.primary, *self.copies)


@dataclass
class MappedRelease:
    """The instance model of a release, or the reasons it has none."""

    release: Release
    instance: Instance | None
    findings: list[Finding] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)  # every figure read, kept in a draft or not
    prose: list[Fact] = field(default_factory=list)  # the facts curated prose states alone

    @property
    def errors(self) -> list[Finding]:
        """Findings of error severity."""
        return [f for f in self.findings if f.severity is Severity.ERROR]


class Carrier(Protocol):
    """What grouping needs of a document (a read document, or a summary of one)."""

    @property
    def name(self) -> str: ...  # noqa: D102

    @property
    def current_period_end(self) -> date | None: ...  # noqa: D102

    @property
    def unreadable(self) -> tuple[object, ...]: ...  # noqa: D102

    @property
    def form_6k(self) -> bool: ...  # noqa: D102

    @property
    def findings(self) -> tuple[Finding, ...]: ...  # noqa: D102


C = TypeVar("C", bound=Carrier)


def group_carriers(documents: list[C]) -> tuple[list[tuple[C, tuple[C, ...]]], list[Finding]]:
    """Group documents by the release they carry: (primary, copies); unreadable ones become findings.

    Documents whose statements share a current period end carry one
    release; the one with the fewest unreadable statements (not a 6-K) is
    its primary.
    """
    by_end: dict[date, list[C]] = {}
    findings: list[Finding] = []
    for document in documents:
        end = document.current_period_end
        if end is None:
            if not any(f.severity is Severity.ERROR for f in document.findings):
                findings.append(Finding("source.no-statements", "no readable English statement", document.name))
            continue
        by_end.setdefault(end, []).append(document)
    groups = []
    for end in sorted(by_end):
        ranked = sorted(by_end[end], key=lambda d: (len(d.unreadable), d.form_6k, d.name))
        if len(ranked) > 1 and (len(ranked[0].unreadable), ranked[0].form_6k) == (
            len(ranked[1].unreadable),
            ranked[1].form_6k,
        ):
            names_ = ", ".join(d.name for d in ranked)
            findings.append(
                Finding("source.duplicate-release", f"{names_} all carry the release for {end}", ranked[0].name)
            )
            continue
        for copy in ranked[1:]:
            findings.append(
                Finding(
                    "source.same-release",
                    f"carries the release for {end} that {ranked[0].name} carries; used to corroborate it",
                    copy.name,
                )
            )
        groups.append((ranked[0], tuple(ranked[1:])))
    return groups, findings


def _as_copy_problem(finding: Finding, language: Language) -> Finding:
    if finding.severity is not Severity.ERROR:
        return finding
    return Finding(
        _COPY_CODE[language], f"[{finding.code}] {finding.message}", finding.file, finding.line, finding.concept
    )


def _release_rate(release: Release, findings: list[Finding]) -> Rate | None:
    """The rate the release's notes state; a note stating another is an error."""
    rates = release.primary.rates  # what reading found its statements' notes state
    if not rates:
        if any(c.role is ColumnRole.USD for t in release.primary.english_tables for c in t.columns):
            findings.append(
                Finding(
                    "source.rate-missing", "USD columns are printed but no note states the rate", release.primary.name
                )
            )
        return None
    votes = Counter((rate.value, rate.day) for rate in rates)
    (value, day), _ = votes.most_common(1)[0]
    for rate in rates:
        if (rate.value, rate.day) != (value, day):
            agreeing = ", ".join(str(r.line) for r in rates if (r.value, r.day) == (value, day))
            findings.append(
                Finding(
                    "source.rate-conflict",
                    f"JPY {rate.value} on {rate.day} here; the notes at lines {agreeing} state JPY {value} on {day}",
                    release.primary.name,
                    rate.line,
                )
            )
    return next(rate for rate in rates if (rate.value, rate.day) == (value, day))


def map_release(release: Release, taxonomy: Taxonomy, narrative: Narrative | None = None) -> MappedRelease:
    """Decide a release's instance.

    Every figure of the primary's English tables becomes a fact, checked
    against the Japanese tables and the corroborating copies; the curated
    prose adds guidance, the release's own words its cover.
    """
    primary = release.primary
    findings: list[Finding] = [f for d in release.documents for f in d.findings]
    for missing in primary.unreadable:
        code = "source.table-unreadable" if missing.language is Language.EN else "source.japanese-unreadable"
        findings.append(Finding(code, f"{missing.kind} {missing.reason}", primary.name, missing.line))
    for copy in release.copies:
        for missing in copy.unreadable:
            findings.append(
                Finding("source.corroboration-unreadable", f"{missing.kind} {missing.reason}", copy.name, missing.line)
            )

    resolved: dict[int, tuple[Table, list[Resolved]]] = {}
    figures: list[Figure] = []
    for table in primary.english_tables:
        findings += table.problems
        reading = _read_table(table, taxonomy)
        if reading is None:
            findings.append(
                Finding(
                    "source.unknown-table",
                    f"no network of the taxonomy reads {table.describe()}",
                    table.file,
                    table.title_line,
                )
            )
            continue
        rows, problems = reading
        findings += problems
        resolved[table.title_line] = (table, rows)
        table_figures, problems = figures_of(table, rows, taxonomy)
        figures += table_figures
        findings += problems
        findings += audit_percentages(table, table_figures)

    findings += check_completeness(primary, list(resolved.values()), figures, taxonomy)
    rate = _release_rate(release, findings)
    drafts, conflicts = assemble(figures, taxonomy)
    findings += conflicts
    if rate is not None:
        findings += check_translation(figures, rate)
    corroboration, japanese_rows = _corroborate(release, resolved, taxonomy)
    findings += corroboration

    narrative = narrative or Narrative()
    findings += check_narrative(narrative, primary)
    stated = guidance(narrative, primary, taxonomy)
    findings += stated.findings
    drafts, prose_facts, conflicts = absorb(drafts, stated.facts, primary.name)
    findings += conflicts
    cover, cover_findings = read_cover(release.documents)
    findings += cover_findings

    rate_fact = None
    rate_link = None
    translation = translation_notes(primary.english_tables)
    if rate is not None:
        findings += check_usd(prose_facts, rate, primary.name)
        rate_fact = _rate_fact(rate, primary.name)
        rate_note = next(iter(translation[0].values()), None)
        if rate_note is not None:
            rate_link = ProseLink(rate_note, None, (rate_fact.id, *(f.id for f in prose_facts if f.unit == units.USD)))
    facts = [
        *cover_facts(cover, release.period_end),
        *([rate_fact] if rate_fact else []),
        *(d.fact for d in drafts),
        *prose_facts,
    ]
    links = ([rate_link] if rate_link else []) + prose_links(narrative, primary, facts)
    footnotes, notes_findings = build_footnotes(drafts, primary, japanese_rows, links, translation)
    findings += notes_findings

    mapped = MappedRelease(release, None, findings, drafts, figures, prose_facts)
    if mapped.errors:
        return mapped
    mapped.instance = Instance(
        name=release.instance_name,
        schema_ref="",
        facts=tuple(facts),
        footnotes=tuple(footnotes),
        namespaces={names.IIJ_PREFIX: names.IIJ},
    )
    return mapped


def _rate_fact(rate: Rate, file: str) -> Fact:
    """The stated rate, yen per dollar, at the day the note names."""
    source = (SourceRef(file, rate.line, rate.line),)
    return Fact(RATE_CONCEPT, Context(Instant(rate.day)), units.PURE, rate.value, rate.fraction_digits, source)


def _networks(table: Table, taxonomy: Taxonomy) -> list[Statement]:
    if table.kind is StatementKind.OPERATING:
        return networks_for(taxonomy, table.name, table.language.value)
    return [taxonomy.statement(table.kind.value)]


def _read_table(table: Table, taxonomy: Taxonomy) -> tuple[list[Resolved], list[Finding]] | None:
    """A table's rows resolved to placements (per cell for a matrix); None if no network reads it."""
    networks = _networks(table, taxonomy)
    if not networks:
        return None
    index = index_for(taxonomy, networks, table.language.value)
    if any(c.role is ColumnRole.CATEGORY for c in table.columns):
        return matrix_rows(table, index)
    resolution = resolve_rows(table, index)
    return resolution.rows, resolution.problems


def _twin(
    copy: Table, primaries: list[tuple[Table, list[Resolved]]], taxonomy: Taxonomy
) -> tuple[Table, list[Resolved]] | None:
    """The primary table a corroborating copy repeats."""
    if copy.kind is not StatementKind.OPERATING:
        return next(((t, r) for t, r in primaries if t.key == copy.key), None)
    ids = {s.id for s in _networks(copy, taxonomy)}
    for table, rows in primaries:
        if (
            table.kind is StatementKind.OPERATING
            and table.periods == copy.periods
            and ids & {s.id for s in _networks(table, taxonomy)}
        ):
            return table, rows
    return None


def _corroborate(
    release: Release,
    resolved: dict[int, tuple[Table, list[Resolved]]],
    taxonomy: Taxonomy,
) -> tuple[list[Finding], list[tuple[Table, list[Resolved]]]]:
    """Compare every copy with its English table; also return the Japanese tables' rows."""
    findings: list[Finding] = []
    japanese: list[tuple[Table, list[Resolved]]] = []
    primaries = list(resolved.values())
    copies = [t for t in release.primary.tables if t.language is Language.JA]
    copies += [t for d in release.copies for t in d.tables]
    for copy in copies:
        findings += [_as_copy_problem(f, copy.language) for f in copy.problems]
        match = _twin(copy, primaries, taxonomy)
        reading = _read_table(copy, taxonomy)
        if match is None or reading is None:
            findings.append(
                Finding(
                    _COPY_CODE[copy.language],
                    f"{copy.describe()} has no English counterpart in {release.primary.name}",
                    copy.file,
                    copy.title_line,
                )
            )
            continue
        rows, problems = reading
        findings += [_as_copy_problem(f, copy.language) for f in problems]
        findings += compare_tables(match[0], match[1], copy, rows)
        if copy.file == release.primary.name and copy.language is Language.JA:
            japanese.append((copy, rows))
    return findings, japanese
