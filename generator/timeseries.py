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

import csv
import io
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any, NamedTuple

import pyarrow as pa
import pyarrow.parquet as pq

from generator import names
from generator.findings import Finding
from generator.instance.contexts import Instant
from generator.instance.model import Fact, Instance, round_to
from generator.instance.write import format_decimal
from generator.taxonomy.model import Taxonomy

CSV_FILE = "timeseries.csv"
PARQUET_FILE = "timeseries.parquet"
RELEASE_DATE_CONCEPT = "DocumentReleaseDate"
_SCALE = 6  # fraction digits of the Parquet decimal columns: more than any release prints


class Point(NamedTuple):
    """One release's report of one numeric fact.

    Plain values: cheap to send from a worker process and to hold by the hundred thousand.
    """

    concept: str
    context: str  # the context's id
    unit: str
    start: date | None  # None for an instant
    end: date
    dimensions: str  # ``axis=member;...``
    value: Decimal
    decimals: int | None
    release: str  # the instance's name, without ``.xml``
    released: date  # the release's date: when a reader could first know the value
    fact: str  # the fact's id
    file: str | None  # where the release prints it
    line: int | None
    note: str  # the English text of the footnotes linked to the fact

    @staticmethod
    def of(fact: Fact, release: str = "", released: date = date.min, note: str = "") -> Point:
        """A numeric fact's point."""
        assert fact.unit is not None and isinstance(fact.value, Decimal)
        period, source = fact.context.period, fact.sources[0] if fact.sources else None
        return Point(
            fact.concept,
            fact.context.id,
            fact.unit.id,
            None if isinstance(period, Instant) else period.start,
            period.end,
            ";".join(f"{axis}={member}" for axis, member in fact.context.members),
            fact.value,
            fact.decimals,
            release,
            released,
            fact.id,
            source.file if source else None,
            source.line if source else None,
            note,
        )


def points(instance: Instance) -> list[Point]:
    """A valid instance's numeric facts, dated by its cover's release date."""
    released = date.fromisoformat(str(next(f.value for f in instance.facts if f.concept == RELEASE_DATE_CONCEPT)))
    release, notes = PurePosixPath(instance.name).stem, _notes(instance)
    return [Point.of(f, release, released, " ".join(notes.get(f.id, ()))) for f in instance.facts if f.numeric]


class Series(NamedTuple):
    """Every report of one concept x period x dimensions x unit, oldest release first."""

    points: list[Point]
    label: str
    note: str
    note_release: str
    restated: bool  # whether any release reports another value than the release before it

    @property
    def first(self) -> Point:
        """As first reported."""
        return self.points[0]

    @property
    def latest(self) -> Point:
        """As most recently reported."""
        return self.points[-1]


def _same(a: Point, b: Point) -> bool:
    """Equal at the coarser precision: the same figure printed in thousands and in millions."""
    coarser = min(a.decimals or 0, b.decimals or 0)
    return round_to(a.value, coarser) == round_to(b.value, coarser)


def _notes(instance: Instance) -> dict[str, list[str]]:
    """Fact id -> the English text of each footnote linked to it."""
    linked: dict[str, list[str]] = {}
    for footnote in instance.footnotes:
        text = next((t for lang, t in footnote.texts if lang == "en"), footnote.texts[0][1])
        for fact_id in footnote.fact_ids:
            linked.setdefault(fact_id, []).append(text)
    return linked


def time_series(reports: list[list[Point]], taxonomy: Taxonomy) -> list[Series]:
    """Every numeric fact of every release (a list of points each), as series in taxonomy-then-period order."""
    grouped: dict[tuple[str, str, str], list[Point]] = {}
    for report in sorted(filter(None, reports), key=lambda r: (r[0].released, r[0].release)):
        for point in report:
            grouped.setdefault(point[:3], []).append(point)  # concept, context, unit
    order = {name: index for index, name in enumerate(taxonomy.concepts)}
    labels = {name: concept.label(names.ROLE_LABEL, "en") or name for name, concept in taxonomy.concepts.items()}
    ranked = sorted((order[k[0]], p[0].end, p[0].start or p[0].end, k, p) for k, p in grouped.items())
    return [_series(found, labels[key[0]]) for _, _, _, key, found in ranked]


def _series(found: list[Point], label: str) -> Series:
    if len(found) == 1:  # most series: one release reports the period
        return Series(found, label, "", "", False)
    note, note_release, restated = "", "", False
    for before, after in zip(found, found[1:], strict=False):
        if not _same(before, after):
            restated = True
            if after.note:
                note, note_release = after.note, after.release
    return Series(found, label, note, note_release, restated)


def restatements(series: list[Series]) -> list[Finding]:
    """Every restated value, at the restating release's line: explained by its note (info) or not (warning)."""
    findings = []
    for item in series:
        if not item.restated:
            continue
        first, latest = item.first, item.latest
        change = (
            f"{latest.concept} {latest.context}: {format_decimal(first.value)} in "
            f"{first.release}, {format_decimal(latest.value)} in {latest.release}"
        )
        if item.note:
            code, message = "restatement.explained", f"{change}: {item.note[:160]}"
        else:
            code, message = "restatement.unexplained", f"{change}, and no note of the later release explains it"
        findings.append(Finding(code, message, latest.file, latest.line, latest.concept, latest.context, latest.fact))
    return findings


Columns = dict[str, list[Any]]


def _fields(points: Iterable[Point]) -> dict[str, list[Any]]:
    """Points as columns, one per field."""
    transposed = [list(column) for column in zip(*points, strict=True)] or [[] for _ in Point._fields]
    return dict(zip(Point._fields, transposed, strict=True))


def columns(series: list[Series]) -> Columns:
    """The series as named columns, made once for both files (a thousand releases make 300,000 rows)."""
    first, latest = _fields(item.points[0] for item in series), _fields(item.points[-1] for item in series)
    return {
        "concept": first["concept"],
        "label": [item.label for item in series],
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
        "releases": [[point.release for point in item.points] for item in series],
        "restated": [item.restated for item in series],
        "note": [item.note for item in series],
        "note_release": [item.note_release for item in series],
    }


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _texts(values: list[Any], kind: pa.DataType) -> list[Any]:
    """A column as CSV text, by its type.

    Strings as they are; dates, integers and flags, few and repeated, each formatted once; decimals
    each one (1.10 and 1.1 are equal but print differently).
    """
    if kind == pa.string():
        return values
    if kind == _DECIMAL:
        return [format_decimal(value) for value in values]
    if isinstance(kind, pa.ListType):
        return [" ".join(value) for value in values]
    texts = {value: _text(value) for value in set(values)}
    return [texts[value] for value in values]


def csv_bytes(table: Columns) -> bytes:
    """The time series as CSV (UTF-8, RFC 4180 line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(SCHEMA.names)
    writer.writerows(zip(*(_texts(table[f.name], f.type) for f in SCHEMA), strict=True))
    return buffer.getvalue().encode("utf-8")


_DECIMAL = pa.decimal128(38, _SCALE)
_FIELDS: list[pa.Field[Any]] = [  # the columns of both files, in order
    pa.field("concept", pa.string()),
    pa.field("label", pa.string()),
    pa.field("period_start", pa.date32()),
    pa.field("period_end", pa.date32()),
    pa.field("dimensions", pa.string()),
    pa.field("unit", pa.string()),
    pa.field("first_value", _DECIMAL),
    pa.field("first_decimals", pa.int32()),
    pa.field("first_release", pa.string()),
    pa.field("first_release_date", pa.date32()),
    pa.field("latest_value", _DECIMAL),
    pa.field("latest_decimals", pa.int32()),
    pa.field("latest_release", pa.string()),
    pa.field("latest_release_date", pa.date32()),
    pa.field("releases", pa.list_(pa.string())),
    pa.field("restated", pa.bool_()),
    pa.field("note", pa.string()),
    pa.field("note_release", pa.string()),
]
SCHEMA = pa.schema(_FIELDS)


def parquet_bytes(table: Columns) -> bytes:
    """The time series as Parquet: exact decimals (Arrow refuses to round one), dates, releases as a list."""
    buffer = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pydict(table, schema=SCHEMA), buffer, compression="zstd")
    return bytes(buffer.getvalue().to_pybytes())
