"""``xbrlgen build``: releases in, taxonomy and validated instances out.

read (source) -> map (mapping) -> write (instance, taxonomy.dts) -> validate
-> downstream formats of each valid instance (xBRL-JSON, xBRL-CSV, inline
XBRL, report package), the taxonomy package, and the time series of all.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyarrow as pa

from generator.coverage import (
    COVERAGE_FILE,
    Entry,
    Tally,
    account,
    coverage_csv,
    csv_chunks,
    prose_entries,
    tally_by_file,
)
from generator.files import remove_leftovers, write_atomic, write_atomic_parts
from generator.findings import EXIT_INPUT, EXIT_INVALID, EXIT_OK, Finding, Severity, count
from generator.inline.layout import layout
from generator.inline.write import inline_document
from generator.instance.model import Instance
from generator.instance.write import instance_bytes
from generator.mapping.release import MappedRelease, Release, group_carriers, map_release
from generator.oim.csv import csv_report
from generator.oim.json import json_bytes, json_name
from generator.packages import (
    SCHEMA_URL,
    TAXONOMY_PACKAGE,
    Deflated,
    report_package,
    report_package_name,
    taxonomy_entries,
    taxonomy_package,
)
from generator.resources import sources_dir
from generator.source.document import read_document, read_summary
from generator.source.errata import Erratum, Exclusion, load_errata, load_exclusions
from generator.source.model import Document, Summary
from generator.source.narrative import Narrative, load_narrative
from generator.source.periods import fiscal_quarter, fiscal_year
from generator.taxonomy.dts import dts_files
from generator.taxonomy.model import Taxonomy, load_taxonomy
from generator.timeseries import (
    CSV_FILE,
    PARQUET_FILE,
    TimeSeries,
    csv_bytes,
    parquet_bytes,
    points,
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
    coverage: dict[str, Tally] = field(default_factory=dict)  # per source file
    series: TimeSeries | None = None  # None until built

    @property
    def tally(self) -> Tally:
        """Every source's printed figures, counted."""
        return sum(self.coverage.values(), Tally())

    def all_findings(self) -> list[Finding]:
        """Build-level findings, then each release's."""
        return self.findings + [f for o in self.outcomes for f in o.findings]


@dataclass(frozen=True)
class _Sources:
    """What reading a release text needs besides the text: the curated errata, exclusions and prose."""

    errata: dict[str, dict[int, Erratum]]
    exclusions: dict[str, dict[int, Exclusion]]
    narratives: dict[str, Narrative]

    @staticmethod
    def load() -> _Sources:
        folder = sources_dir()
        return _Sources(
            load_errata(folder / "errata.yaml"),
            load_exclusions(folder / "exclusions.yaml"),
            load_narrative(folder / "narrative.yaml"),
        )

    def read(self, path: Path) -> Document:
        return read_document(path, self.errata.get(path.name), self.exclusions.get(path.name))

    def summarize(self, path: Path) -> Summary:
        return read_summary(path, self.errata.get(path.name), self.exclusions.get(path.name))


@dataclass(frozen=True)
class _Context:
    """What every release's build shares; a worker process receives it once."""

    taxonomy: Taxonomy
    sources: _Sources
    out_dir: Path
    packaged: dict[str, Deflated]  # the taxonomy as every report package carries it, compressed once


@dataclass
class _Built:
    """One release built: its outcome, the coverage of its documents (CSV rows, counts), its time series points.

    Points only if the instance is valid; plain values, as a worker sends them back.
    """

    outcome: ReleaseOutcome
    coverage: dict[str, bytes]
    tally: dict[str, Tally]
    points: pa.RecordBatch | None

    @staticmethod
    def of(outcome: ReleaseOutcome, entries: list[Entry], instance: Instance | None) -> _Built:
        return _Built(outcome, csv_chunks(entries), tally_by_file(entries), points(instance) if instance else None)


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
    jobs: int = 1,
) -> BuildResult:
    """Build every release the sources carry into ``out_dir``, in ``jobs`` processes."""
    taxonomy = taxonomy or load_taxonomy()
    # Arrow's default allocator, mimalloc, asks for huge pages and faults them in: measured here, it
    # doubled the time series' cost in system time. The C library's allocator has no such habit.
    pa.set_memory_pool(pa.system_memory_pool())
    remove_leftovers(out_dir)
    dts = dts_files(taxonomy)
    for name, data in dts.items():
        write_atomic(out_dir / name, data)
    packaged = taxonomy_entries(dts)
    write_atomic(out_dir / TAXONOMY_PACKAGE, taxonomy_package(packaged))
    context = _Context(taxonomy, _Sources.load(), out_dir, packaged)
    with _collecting_less():
        if jobs > 1:
            built, findings, alone = _build_in_pool(sources, context, jobs, progress)
        else:
            built, findings, alone = _build_here(sources, context, progress)
        # Arrow orders and writes the series without holding the GIL: the coverage is written meanwhile.
        with ThreadPoolExecutor(2, thread_name_prefix="xbrlgen-series") as threads:
            reports = [b.points for b in built if b.points is not None]
            writing = threads.submit(_time_series, reports, out_dir, taxonomy, threads)
            tallies, unexplained = _write_coverage(built, alone, out_dir)
            series = writing.result()
    findings += unexplained + restatements(series)
    outcomes = [b.outcome for b in built]
    result = BuildResult(outcomes, findings, EXIT_OK, tallies, series)
    if not built or any(o.status == "input error" for o in outcomes) or count(findings, Severity.ERROR):
        result.exit_code = EXIT_INPUT
    elif any(f.severity is Severity.ERROR for f in result.all_findings()):
        result.exit_code = EXIT_INVALID
    write_atomic(out_dir / FINDINGS_FILE, findings_json(result))
    return result


@contextmanager
def _collecting_less() -> Iterator[None]:
    """Spare the garbage collector the objects that live for the whole build, and let it run less often.

    A build makes millions of short-lived objects and few cycles; a default collector rescans the
    taxonomy and every finished release again and again (a third of the time series' cost), and, in
    forked workers, touches the shared context's pages.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _build_here(
    sources: list[Path], context: _Context, progress: Callable[[int, int, ReleaseOutcome], None] | None
) -> tuple[list[_Built], list[Finding], list[Document]]:
    """Read every document once, group, build each release in this process."""
    documents = [context.sources.read(path) for path in sources]
    groups, findings = group_carriers(documents)
    findings += [f for d in documents if d.current_period_end is None for f in d.findings]
    built = []
    for position, (primary, copies) in enumerate(groups, start=1):
        built.append(_build_release(Release(primary, copies), context))
        if progress:
            progress(position, len(groups), built[-1].outcome)
    grouped = {d.name for primary, copies in groups for d in (primary, *copies)}
    return built, findings, [d for d in documents if d.name not in grouped]


_WORKER: _Context | None = None  # a pool process's shared context, set once when it starts


def _start_worker(context: _Context) -> None:
    global _WORKER
    _WORKER = context


def _summarize(path: Path) -> Summary:
    assert _WORKER is not None
    return _WORKER.sources.summarize(path)


def _build_group(paths: tuple[Path, ...]) -> _Built:
    assert _WORKER is not None
    documents = [_WORKER.sources.read(path) for path in paths]
    return _build_release(Release(documents[0], tuple(documents[1:])), _WORKER)


def _build_in_pool(
    sources: list[Path], context: _Context, jobs: int, progress: Callable[[int, int, ReleaseOutcome], None] | None
) -> tuple[list[_Built], list[Finding], list[Document]]:
    """Summarize documents, group them, build releases: each step spread over ``jobs`` processes.

    A worker re-reads a release's documents rather than receive them: reading
    costs less than sending a read document between processes.  Results come
    back in release order, so the output is the same whatever ``jobs`` is.
    """
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(
        jobs, mp_context=multiprocessing.get_context(method), initializer=_start_worker, initargs=(context,)
    ) as pool:
        chunk = max(1, len(sources) // (jobs * 8))
        summaries = list(pool.map(_summarize, sources, chunksize=chunk))
        groups, findings = group_carriers(summaries)
        findings += [f for s in summaries if s.current_period_end is None for f in s.findings]
        paths = [(primary.path, *(copy.path for copy in copies)) for primary, copies in groups]
        built = []
        for position, result in enumerate(pool.map(_build_group, paths, chunksize=chunk), start=1):
            built.append(result)
            if progress:
                progress(position, len(groups), result.outcome)
    grouped = {path for group in paths for path in group}
    alone = [context.sources.read(s.path) for s in summaries if s.path not in grouped]
    return built, findings, alone


def _time_series(
    reports: list[pa.RecordBatch], out_dir: Path, taxonomy: Taxonomy, threads: ThreadPoolExecutor
) -> TimeSeries:
    """The point-in-time series of every valid release, written as CSV and Parquet.

    The two files are encoded side by side: ``threads`` has a second thread free for the Parquet.
    """
    series = time_series(reports, taxonomy)
    parquet = threads.submit(parquet_bytes, series)
    write_atomic(out_dir / CSV_FILE, csv_bytes(series))
    write_atomic(out_dir / PARQUET_FILE, parquet.result())
    return series


def _write_coverage(
    built: list[_Built], alone: list[Document], out_dir: Path
) -> tuple[dict[str, Tally], list[Finding]]:
    """``coverage.csv``: the rows of documents that carry no release, then every release's.

    Returns every document's tally, and the figures of those documents that nothing explains.
    """
    unread, unexplained = account(alone, {})
    chunks = csv_chunks(unread)
    tallies = tally_by_file(unread)
    for release in built:
        chunks.update(release.coverage)
        tallies.update(release.tally)
    write_atomic_parts(out_dir / COVERAGE_FILE, coverage_csv(chunks))
    return tallies, unexplained


def _downstream(mapped: MappedRelease, context: _Context) -> None:
    """The other formats of a valid instance: xBRL-JSON, xBRL-CSV, inline XBRL, its report package."""
    instance, out_dir = mapped.instance, context.out_dir
    assert instance is not None
    write_atomic(out_dir / json_name(instance), json_bytes(instance))
    for name, data in csv_report(instance).files().items():
        write_atomic(out_dir / name, data)
    document = inline_document(layout(mapped, instance, context.taxonomy), instance, context.taxonomy)
    report = str(Path(instance.name).with_suffix(".html"))
    write_atomic(out_dir / report, document.encode())
    packaged = document.encode(SCHEMA_URL)  # in the package, the taxonomy is found by URL through its catalog
    write_atomic(out_dir / report_package_name(report), report_package(report, packaged, context.packaged))


def _build_release(release: Release, context: _Context) -> _Built:
    """Map, write, validate one release; then its other formats and the coverage of its documents."""
    try:
        mapped = map_release(release, context.taxonomy, context.sources.narratives.get(release.primary.name))
    except Exception as error:  # an input we failed to anticipate must not crash the build
        if os.environ.get("XBRLGEN_DEBUG"):
            raise
        finding = Finding(
            "source.unreadable-file", f"cannot map the release: {type(error).__name__}: {error}", release.primary.name
        )
        names = tuple(d.name for d in release.documents)
        outcome = ReleaseOutcome(names, str(release.period_end), None, findings=[finding], status="input error")
        coverage, _ = account(list(release.documents), {})
        return _Built.of(outcome, coverage, None)
    outcome = _outcome(mapped)
    coverage, unexplained = account(list(release.documents), {d.name: mapped for d in release.documents})
    outcome.findings += unexplained
    if mapped.instance is None or unexplained:  # a figure nobody accounts for is bad input: nothing is written
        outcome.status, outcome.instance = "input error", None
        return _Built.of(outcome, coverage, None)
    coverage += prose_entries([mapped])
    data = instance_bytes(mapped.instance)
    problems = validate_written(data, context.out_dir / mapped.instance.name, mapped.instance.name).findings
    outcome.findings += problems
    outcome.facts = len(mapped.instance.facts)
    outcome.contexts = len(mapped.instance.contexts)
    outcome.footnotes = len(mapped.instance.footnotes)
    write_atomic(context.out_dir / mapped.instance.name, data)
    if any(f.severity is Severity.ERROR for f in problems):
        outcome.status = "invalid"  # an invalid instance gets no other format: nothing downstream inherits it
        return _Built.of(outcome, coverage, None)
    _downstream(mapped, context)
    return _Built.of(outcome, coverage, mapped.instance)


def findings_json(result: BuildResult) -> bytes:
    """Every finding as JSON, for machines (``findings.json``): one release or finding per line.

    Each line encoded compactly by json's C encoder (``indent`` falls back to
    pure Python: seconds for a thousand releases' findings).
    """
    dump = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    releases = [
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
    ]
    findings = [f.as_json() for f in result.all_findings()]
    return (
        f'{{\n "exit_code": {result.exit_code},\n "releases": {_lines(map(dump, releases))},\n'
        f' "findings": {_lines(map(dump, findings))}\n}}\n'
    ).encode()


def _lines(items: Iterable[str]) -> str:
    """A JSON array, one item per line."""
    body = ",\n".join(f"  {item}" for item in items)
    return f"[\n{body}\n ]" if body else "[]"
