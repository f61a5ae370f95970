"""The facts of every release as one point-in-time time series.

One row per concept x period x dimensions x unit: the value as first
reported, the latest value, every release that reported it, and, where a
later release reports a different value (beyond the coarser printing's
rounding: 726 million repeats 726,278 thousand), the note that release
links to the restated fact (002's reclassification of 3Q FY2001).  Releases
are ordered by release date, the date a vendor's user could first know a
value.  Numeric facts only: text and cover facts describe a release, not a
period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any, Literal, NamedTuple, cast

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from generator import names
from generator.findings import Finding
from generator.instance.contexts import Instant
from generator.instance.model import Instance, round_to
from generator.taxonomy.model import Taxonomy

CSV_FILE = "timeseries.csv"
PARQUET_FILE = "timeseries.parquet"
RELEASE_DATE_CONCEPT = "DocumentReleaseDate"
_SCALE = 6  # fraction digits of the Parquet decimal columns: more than any release prints


_POINT_FIELDS: list[
    pa.Field[Any]
] = [  # one release's report of its numeric facts, a row each: what a worker sends back
    pa.field("concept", pa.string()),
    pa.field("context", pa.string()),  # the context's id
    pa.field("unit", pa.string()),  # the unit's id
    pa.field("start", pa.date32()),  # null for an instant
    pa.field("end", pa.date32()),
    pa.field("dimensions", pa.string()),  # ``axis=member;...``
    pa.field("value", pa.string()),  # the xs:decimal lexical form: exact, and printed as is
    pa.field("decimals", pa.int32()),
    pa.field("release", pa.string()),  # the instance's name, without ``.xml``
    pa.field("released", pa.date32()),  # the release's date: when a reader could first know the value
    pa.field("fact", pa.string()),  # the fact's id
    pa.field("file", pa.string()),  # where the release prints it
    pa.field("line", pa.int32()),
    pa.field("note", pa.string()),  # the English text of the footnotes linked to the fact
]
_POINTS = pa.schema(_POINT_FIELDS)
_KEY = ("concept", "context", "unit")  # one series per concept x period x dimensions x unit
_REPORT = ("value", "decimals", "release", "released")
_FIRST = (*_KEY, "rank", "start", "end", "dimensions", *_REPORT)  # what a series' first report gives the files
_LATEST = (*_KEY, *_REPORT, "fact", "file", "line")  # and its latest; with where a restatement is reported


def points(instance: Instance) -> pa.RecordBatch:
    """A valid instance's numeric facts, dated by its cover's release date, as columns.

    Columns, not objects: a thousand releases' 400,000 points cross from the
    workers as a few buffers each, and are ordered and grouped by Arrow.
    """
    released = date.fromisoformat(str(next(f.value for f in instance.facts if f.concept == RELEASE_DATE_CONCEPT)))
    release, notes = PurePosixPath(instance.name).stem, _notes(instance)
    facts = [f for f in instance.facts if f.numeric]
    periods = [f.context.period for f in facts]
    sources = [f.sources[0] if f.sources else None for f in facts]
    # Per set of members, not per fact: a release has ~400 numeric facts over ~15 contexts.
    members = [f.context.members for f in facts]
    dimensions = {pairs: ";".join(f"{axis}={member}" for axis, member in pairs) for pairs in set(members)}
    columns: dict[str, list[Any]] = {
        "concept": [f.concept for f in facts],
        "context": [f.context.id for f in facts],
        "unit": [f.unit.id if f.unit else "" for f in facts],
        "start": [None if isinstance(p, Instant) else p.start for p in periods],
        "end": [p.end for p in periods],
        "dimensions": [dimensions[pairs] for pairs in members],
        "value": [f.lexical for f in facts],
        "decimals": [f.decimals for f in facts],
        "release": [release] * len(facts),
        "released": [released] * len(facts),
        "fact": [f.id for f in facts],
        "file": [s.file if s else None for s in sources],
        "line": [s.line if s else None for s in sources],
        "note": [notes.get(f.id, "") for f in facts],
    }
    return pa.RecordBatch.from_pydict(columns, schema=_POINTS)


def _notes(instance: Instance) -> dict[str, str]:
    """Fact id -> the English text of each footnote linked to it, joined by spaces."""
    linked: dict[str, list[str]] = {}
    for footnote in instance.footnotes:
        text = next((t for lang, t in footnote.texts if lang == "en"), footnote.texts[0][1])
        for fact_id in footnote.fact_ids:
            linked.setdefault(fact_id, []).append(text)
    return {fact_id: " ".join(texts) for fact_id, texts in linked.items()}


def same_figure(a: Decimal, a_decimals: int | None, b: Decimal, b_decimals: int | None) -> bool:
    """Equal at the coarser precision: the same figure printed in thousands and in millions."""
    coarser = min(a_decimals or 0, b_decimals or 0)
    return round_to(a, coarser) == round_to(b, coarser)


class Restatement(NamedTuple):
    """A series whose value changed: where it was first reported and where last."""

    concept: str
    context: str
    fact: str  # the latest report's fact
    file: str | None  # where the latest release prints it
    line: int | None
    first_value: str
    first_release: str
    latest_value: str
    latest_release: str
    note: str  # the note of the last release that changed it, if that release links one


@dataclass(frozen=True)
class TimeSeries:
    """Every series, a row each (the columns of both files), and the restated ones."""

    table: pa.Table
    restatements: tuple[Restatement, ...]

    def __len__(self) -> int:
        return self.table.num_rows


def time_series(reports: list[pa.RecordBatch], taxonomy: Taxonomy) -> TimeSeries:
    """Every numeric fact of every release, as series in taxonomy-then-period order, oldest report first."""
    found = pa.Table.from_batches(reports, schema=_POINTS).combine_chunks()  # one run of each column: takes gather fast
    concepts = pa.array(list(taxonomy.concepts), pa.string())
    rank = pc.index_in(found["concept"], value_set=concepts)
    found = found.append_column("rank", rank).append_column("from", pc.coalesce(found["start"], found["end"]))
    ascending: Literal["ascending"] = "ascending"
    order = [(name, ascending) for name in ("rank", "end", "from", *_KEY, "released", "release")]
    position = pc.sort_indices(found, sort_keys=order)  # a stable sort
    # What grouping and comparing need, in order; the other columns only of each series' first and latest row.
    ordered = found.select([*_KEY, "value", "decimals", "note", "release"]).take(position).combine_chunks()
    opens = _opens(ordered)
    bounds = pa.concat_arrays([pc.indices_nonzero(opens), pa.array([found.num_rows], pa.uint64())])
    starts, ends = bounds[:-1], pc.subtract(bounds[1:], 1)  # each series' first and last row
    restated, notes, note_releases = _restated(ordered, opens)
    first, latest = (
        found.select(columns).take(position.take(rows)) for columns, rows in ((_FIRST, starts), (_LATEST, ends))
    )
    labels = [concept.label(names.ROLE_LABEL, "en") or name for name, concept in taxonomy.concepts.items()]
    offsets = cast(pa.Int32Array, bounds.cast(pa.int32()))
    table = pa.Table.from_pydict(
        {
            "concept": first["concept"],
            "label": pa.array(labels, pa.string()).take(first["rank"]),
            "period_start": first["start"],
            "period_end": first["end"],
            "dimensions": first["dimensions"],
            "unit": first["unit"],
            "first_value": first["value"],
            "first_decimals": first["decimals"],
            "first_release": first["release"],
            "first_release_date": first["released"],
            "latest_value": latest["value"],
            "latest_decimals": latest["decimals"],
            "latest_release": latest["release"],
            "latest_release_date": latest["released"],
            "releases": pa.ListArray.from_arrays(offsets, ordered["release"].combine_chunks()),
            "restated": pa.array(restated, pa.bool_()),
            "note": pa.array(notes, pa.string()),
            "note_release": pa.array(note_releases, pa.string()),
        }
    )
    changed = [series for series, flag in enumerate(restated) if flag]
    return TimeSeries(table, tuple(_restatement(first, latest, series, notes[series]) for series in changed))


def _opens(found: pa.Table) -> pa.BooleanArray:
    """Whether each row of the sorted points opens a series: its key differs from the row before."""
    rows = found.num_rows
    if rows == 0:
        return pa.array([], pa.bool_())
    changed = None
    for name in _KEY:
        column = found[name]
        differs = pc.not_equal(column.slice(1), column.slice(0, rows - 1))
        changed = differs if changed is None else pc.or_(changed, differs)
    return cast(pa.BooleanArray, pa.concat_arrays([pa.array([True]), *cast("pa.ChunkedArray[Any]", changed).chunks]))


def _restated(found: pa.Table, opens: pa.BooleanArray) -> tuple[list[bool], list[str], list[str]]:
    """Per series (``opens`` marks each one's first row): restated or not, the restating note, its release.

    A series is restated where a release reports another value than the release before it (at the
    coarser precision); the note is the last such release's, if it links one.  Only the rows that
    continue a series with another lexical value are compared in Python: most series have one report.
    """
    count = opens.true_count
    restated, notes, note_releases = [False] * count, [""] * count, [""] * count
    series = pc.subtract(pc.cumulative_sum(opens.cast(pa.int64())), 1)  # each row's series
    later = pc.indices_nonzero(pc.invert(opens))  # each row that continues a series
    values = found["value"]
    differs = pc.not_equal(values.take(later), values.take(pc.subtract(later, 1)))
    rows = later.filter(differs)
    before = found.select(["value", "decimals"]).take(pc.subtract(rows, 1)).to_pydict()
    after = found.select(["value", "decimals", "note", "release"]).take(rows).to_pydict()
    pairs = zip(series.take(rows).to_pylist(), before["value"], before["decimals"], *after.values(), strict=True)
    for position, old, old_decimals, value, decimals, note, release in pairs:
        if same_figure(Decimal(old), old_decimals, Decimal(value), decimals):
            continue
        restated[position] = True
        if note:
            notes[position], note_releases[position] = note, release
    return restated, notes, note_releases


def _restatement(first: pa.Table, latest: pa.Table, series: int, note: str) -> Restatement:
    before, after = first.slice(series, 1).to_pylist()[0], latest.slice(series, 1).to_pylist()[0]
    return Restatement(
        after["concept"],
        after["context"],
        after["fact"],
        after["file"],
        after["line"],
        before["value"],
        before["release"],
        after["value"],
        after["release"],
        note,
    )


def restatements(series: TimeSeries) -> list[Finding]:
    """Every restated value, at the restating release's line: explained by its note (info) or not (warning)."""
    findings = []
    for item in series.restatements:
        change = (
            f"{item.concept} {item.context}: {item.first_value} in "
            f"{item.first_release}, {item.latest_value} in {item.latest_release}"
        )
        if item.note:
            code, message = "restatement.explained", f"{change}: {item.note[:160]}"
        else:
            code, message = "restatement.unexplained", f"{change}, and no note of the later release explains it"
        findings.append(Finding(code, message, item.file, item.line, item.concept, item.context, item.fact))
    return findings


def csv_bytes(series: TimeSeries) -> memoryview:
    """The time series as CSV (UTF-8, RFC 4180 line ends; Arrow quotes every text), values as reported."""
    releases = cast("pa.ChunkedArray[Any]", pc.binary_join(series.table["releases"], " "))
    table = series.table.set_column(series.table.schema.get_field_index("releases"), "releases", releases)
    buffer = pa.BufferOutputStream()
    pa_csv.write_csv(table, buffer, pa_csv.WriteOptions(eol="\r\n"))  # type: ignore[call-arg]  # stubs predate eol
    return _view(buffer.getvalue())


_DECIMAL = pa.decimal128(38, _SCALE)


def parquet_bytes(series: TimeSeries) -> memoryview:
    """The time series as Parquet: exact decimals (Arrow refuses to round one), dates, releases as a list."""
    table = series.table
    for name in ("first_value", "latest_value"):
        table = table.set_column(table.schema.get_field_index(name), name, pc.cast(table[name], _DECIMAL))
    buffer = pa.BufferOutputStream()
    pq.write_table(table, buffer, compression="zstd")
    return _view(buffer.getvalue())


def _view(buffer: pa.Buffer) -> memoryview:
    """Arrow's bytes without copying them (a thousand releases' CSV is 70 MB), as unsigned bytes: equal to ``bytes``."""
    return memoryview(buffer).cast("B")
