"""``xbrlgen build``: releases in, taxonomy and validated instances out.

read (source) -> map (mapping) -> write (instance, taxonomy.dts) -> validate
-> downstream formats of each valid instance (xBRL-JSON, xBRL-CSV, inline
XBRL, report package), the taxonomy package, and the time series of all.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.coverage import COVERAGE_FILE, Entry, account, coverage_csv, prose_entries
from generator.files import write_atomic
from generator.findings import EXIT_INPUT, EXIT_INVALID, EXIT_OK, Finding, Severity, count
from generator.inline.layout import layout
from generator.inline.write import inline_bytes, inline_element, set_schema_ref
from generator.instance.model import Instance
from generator.instance.write import instance_bytes
from generator.mapping.release import MappedRelease, Release, group_releases, map_release
from generator.oim.csv import csv_report
from generator.oim.json import json_bytes, json_name
from generator.packages import SCHEMA_URL, TAXONOMY_PACKAGE, report_package, report_package_name, taxonomy_package
from generator.resources import sources_dir
from generator.source.document import read_document
from generator.source.errata import load_errata, load_exclusions
from generator.source.model import Document
from generator.source.narrative import Narrative, load_narrative
from generator.source.periods import fiscal_quarter, fiscal_year
from generator.taxonomy.dts import dts_files
from generator.taxonomy.model import Taxonomy, load_taxonomy
from generator.timeseries import (
    CSV_FILE,
    PARQUET_FILE,
    Series,
    csv_bytes,
    parquet_bytes,
    restatements,
    time_series,
)
from generator.validation import validate_written

FINDINGS_FILE = "findings.json"


def fiscal_label(end: date, months: int) -> str:
    """IIJ's fiscal naming: the year starting April 2001 is FY2001."""
    if months == 12:
        return f"FY{fiscal_year(end)}"
    return f"{fiscal_quarter(end)}Q FY{fiscal_year(end)}"


@dataclass
class ReleaseOutcome:
    """What the build did with one release."""

    sources: tuple[str, ...]
    period: str
    instance: str | None
    facts: int = 0
    contexts: int = 0
    footnotes: int = 0
    findings: list[Finding] = field(default_factory=list)
    status: str = "written"

    def tally(self) -> str:
        """``0 E / 2 W / 31 I``."""
        return " / ".join(f"{count(self.findings, s)} {s.value[0].upper()}" for s in Severity)


@dataclass
class BuildResult:
    """Every release's outcome, the coverage of every printed figure, and the build's exit code."""

    outcomes: list[ReleaseOutcome]
    findings: list[Finding]
    exit_code: int
    coverage: list[Entry] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)

    def all_findings(self) -> list[Finding]:
        """Build-level findings, then each release's."""
        return self.findings + [f for o in self.outcomes for f in o.findings]


def _read(paths: list[Path]) -> list[Document]:
    errata = load_errata(sources_dir() / "errata.yaml")
    exclusions = load_exclusions(sources_dir() / "exclusions.yaml")
    return [read_document(path, errata.get(path.name), exclusions.get(path.name)) for path in paths]


def _outcome(mapped: MappedRelease) -> ReleaseOutcome:
    release = mapped.release
    english = release.primary.english_tables
    months = min((t.months for t in english if t.months), default=3)
    return ReleaseOutcome(
        sources=tuple(d.name for d in release.documents),
        period=f"{fiscal_label(release.period_end, months)} ({release.period_end})",
        instance=release.instance_name,
        findings=list(mapped.findings),
    )


def build(
    sources: list[Path],
    out_dir: Path,
    progress: Callable[[int, int, ReleaseOutcome], None] | None = None,
    taxonomy: Taxonomy | None = None,
) -> BuildResult:
    """Build every release the sources carry into ``out_dir``."""
    taxonomy = taxonomy or load_taxonomy()
    documents = _read(sources)
    narratives = load_narrative(sources_dir() / "narrative.yaml")
    releases, findings = group_releases(documents)
    findings += [f for d in documents if d.current_period_end is None for f in d.findings]
    dts = dts_files(taxonomy)
    for name, data in dts.items():
        write_atomic(out_dir / name, data)
    write_atomic(out_dir / TAXONOMY_PACKAGE, taxonomy_package(dts))
    outcomes: list[ReleaseOutcome] = []
    mapped: dict[str, MappedRelease] = {}
    for position, release in enumerate(releases, start=1):
        outcome, mapping = _build_release(release, taxonomy, out_dir, narratives.get(release.primary.name), dts)
        outcomes.append(outcome)
        if mapping is not None:
            mapped.update({document.name: mapping for document in release.documents})
        if progress:
            progress(position, len(releases), outcome)
    entries, unexplained = account(documents, mapped)
    primaries = [m for name, m in mapped.items() if name == m.release.primary.name and m.instance is not None]
    entries += prose_entries(primaries)
    findings += unexplained
    write_atomic(out_dir / COVERAGE_FILE, coverage_csv(entries))
    valid = [m.instance for m in primaries if m.instance is not None and _status(outcomes, m) == "written"]
    series = _time_series(valid, out_dir, taxonomy)
    findings += restatements(series)
    result = BuildResult(outcomes, findings, EXIT_OK, entries, series)
    every = result.all_findings()
    if not releases or any(o.status == "input error" for o in outcomes) or count(findings, Severity.ERROR):
        result.exit_code = EXIT_INPUT
    elif any(f.severity is Severity.ERROR for f in every):
        result.exit_code = EXIT_INVALID
    write_atomic(out_dir / FINDINGS_FILE, findings_json(result))
    return result


def _status(outcomes: list[ReleaseOutcome], mapped: MappedRelease) -> str:
    return next(o.status for o in outcomes if o.instance == mapped.release.instance_name)


def _time_series(instances: list[Instance], out_dir: Path, taxonomy: Taxonomy) -> list[Series]:
    """The point-in-time series of every valid release, written as CSV and Parquet."""
    series = time_series(instances, taxonomy)
    write_atomic(out_dir / CSV_FILE, csv_bytes(series))
    write_atomic(out_dir / PARQUET_FILE, parquet_bytes(series))
    return series


def _downstream(mapped: MappedRelease, taxonomy: Taxonomy, out_dir: Path, dts: dict[str, bytes]) -> None:
    """The other formats of a valid instance: xBRL-JSON, xBRL-CSV, inline XBRL, its report package."""
    instance = mapped.instance
    assert instance is not None
    write_atomic(out_dir / json_name(instance), json_bytes(instance))
    for name, data in csv_report(instance).files().items():
        write_atomic(out_dir / name, data)
    document = inline_element(layout(mapped, instance, taxonomy), instance, taxonomy)
    report = str(Path(instance.name).with_suffix(".html"))
    write_atomic(out_dir / report, inline_bytes(document))
    set_schema_ref(document, SCHEMA_URL)  # in the package, the taxonomy is found by URL through its catalog
    write_atomic(out_dir / report_package_name(report), report_package(report, inline_bytes(document), dts))


def _build_release(
    release: Release, taxonomy: Taxonomy, out_dir: Path, narrative: Narrative | None, dts: dict[str, bytes]
) -> tuple[ReleaseOutcome, MappedRelease | None]:
    try:
        mapped = map_release(release, taxonomy, narrative)
    except Exception as error:  # an input we failed to anticipate must not crash the build
        if os.environ.get("XBRLGEN_DEBUG"):
            raise
        finding = Finding(
            "source.unreadable-file", f"cannot map the release: {type(error).__name__}: {error}", release.primary.name
        )
        outcome = ReleaseOutcome(
            tuple(d.name for d in release.documents),
            str(release.period_end),
            None,
            findings=[finding],
            status="input error",
        )
        return outcome, None
    outcome = _outcome(mapped)
    if mapped.instance is None:
        outcome.status = "input error"
        outcome.instance = None
        return outcome, mapped
    data = instance_bytes(mapped.instance)
    report = validate_written(data, out_dir / mapped.instance.name, mapped.instance.name)
    problems = report.findings
    outcome.findings += problems
    outcome.facts = len(mapped.instance.facts)
    outcome.contexts = len(mapped.instance.contexts)
    outcome.footnotes = len(mapped.instance.footnotes)
    write_atomic(out_dir / mapped.instance.name, data)
    if any(f.severity is Severity.ERROR for f in problems):
        outcome.status = "invalid"  # an invalid instance gets no other format: nothing downstream inherits it
    else:
        _downstream(mapped, taxonomy, out_dir, dts)
    return outcome, mapped


def findings_json(result: BuildResult) -> bytes:
    """Every finding as JSON, for machines (``findings.json``)."""
    payload = {
        "exit_code": result.exit_code,
        "releases": [
            {
                "sources": list(o.sources),
                "period": o.period,
                "instance": o.instance,
                "status": o.status,
                "facts": o.facts,
                "contexts": o.contexts,
                "footnotes": o.footnotes,
            }
            for o in result.outcomes
        ],
        "findings": [f.as_json() for f in result.all_findings()],
    }
    return (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
