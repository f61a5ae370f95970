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
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Reported:
    """A release's report: its name, its date, its instance."""

    name: str
    released: date
    instance: Instance

    @staticmethod
    def of(instance: Instance) -> Reported:
        """The release behind an instance, dated by its cover's release date."""
        released = next(f.value for f in instance.facts if f.concept == RELEASE_DATE_CONCEPT)
        return Reported(PurePosixPath(instance.name).stem, date.fromisoformat(str(released)), instance)


class Observation(NamedTuple):
    """One release's value of a series (a tuple: a thousand releases make hundreds of thousands)."""

    release: Reported
    fact: Fact

    @property
    def value(self) -> Decimal:
        """The value as that release reports it."""
        assert isinstance(self.fact.value, Decimal)
        return self.fact.value


@dataclass(frozen=True, slots=True)
class Series:
    """Every report of one concept x period x dimensions x unit, oldest release first."""

    observations: tuple[Observation, ...]
    label: str
    note: str
    note_release: str
    restated: bool  # whether any release reports another value than the release before it

    @property
    def first(self) -> Observation:
        """As first reported."""
        return self.observations[0]

    @property
    def latest(self) -> Observation:
        """As most recently reported."""
        return self.observations[-1]


def _same(a: Fact, b: Fact) -> bool:
    """Equal at the coarser precision: the same figure printed in thousands and in millions."""
    assert isinstance(a.value, Decimal) and isinstance(b.value, Decimal)
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


def _key(fact: Fact) -> tuple[str, str, str]:
    return (fact.concept, fact.context.id, fact.unit.id if fact.unit else "")


def time_series(instances: list[Instance], taxonomy: Taxonomy) -> list[Series]:
    """Every numeric fact of every release, grouped into series in taxonomy-then-period order."""
    releases = sorted((Reported.of(i) for i in instances), key=lambda r: (r.released, r.name))
    grouped: dict[tuple[str, str, str], list[Observation]] = {}
    notes = {release.name: _notes(release.instance) for release in releases}
    for release in releases:
        for fact in release.instance.facts:
            if fact.numeric:
                grouped.setdefault(_key(fact), []).append(Observation(release, fact))
    order = {name: index for index, name in enumerate(taxonomy.concepts)}
    labels = {name: concept.label(names.ROLE_LABEL, "en") or name for name, concept in taxonomy.concepts.items()}
    sort_keys = {key: (order[key[0]], _period_sort(found[0].fact), key) for key, found in grouped.items()}
    series = []
    for key in sorted(grouped, key=sort_keys.__getitem__):
        observations = tuple(grouped[key])
        note, note_release, restated = "", "", False
        for before, after in zip(observations, observations[1:], strict=False):
            if not _same(before.fact, after.fact):
                restated = True
                texts = notes[after.release.name].get(after.fact.id, [])
                if texts:
                    note, note_release = " ".join(texts), after.release.name
        series.append(Series(observations, labels[key[0]], note, note_release, restated))
    return series


def restatements(series: list[Series]) -> list[Finding]:
    """Every restated value, at the restating release's line: explained by its note (info) or not (warning)."""
    findings = []
    for item in series:
        if not item.restated:
            continue
        latest = item.latest
        source = latest.fact.sources[0] if latest.fact.sources else None
        change = (
            f"{latest.fact.concept} {latest.fact.context.id}: {format_decimal(item.first.value)} in "
            f"{item.first.release.name}, {format_decimal(latest.value)} in {latest.release.name}"
        )
        if item.note:
            code, message = "restatement.explained", f"{change}: {item.note[:160]}"
        else:
            code, message = "restatement.unexplained", f"{change}, and no note of the later release explains it"
        findings.append(
            Finding(
                code,
                message,
                source.file if source else None,
                source.line if source else None,
                latest.fact.concept,
                latest.fact.context.id,
                latest.fact.id,
            )
        )
    return findings


def _period_sort(fact: Fact) -> tuple[date, date]:
    period = fact.context.period
    return (period.end, period.end if isinstance(period, Instant) else period.start)


def _columns() -> tuple[str, ...]:
    return tuple(SCHEMA.names)


def _row(series: Series) -> dict[str, object]:
    fact = series.first.fact
    period = fact.context.period
    return {
        "concept": fact.concept,
        "label": series.label,
        "period_start": None if isinstance(period, Instant) else period.start,
        "period_end": period.end,
        "dimensions": ";".join(f"{axis}={member}" for axis, member in fact.context.members),
        "unit": fact.unit.id if fact.unit else "",
        "first_value": series.first.value,
        "first_decimals": series.first.fact.decimals,
        "first_release": series.first.release.name,
        "first_release_date": series.first.release.released,
        "latest_value": series.latest.value,
        "latest_decimals": series.latest.fact.decimals,
        "latest_release": series.latest.release.name,
        "latest_release_date": series.latest.release.released,
        "releases": [o.release.name for o in series.observations],
        "restated": series.restated,
        "note": series.note,
        "note_release": series.note_release,
    }


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(value)
    return str(value)


def rows(series: list[Series]) -> list[dict[str, object]]:
    """The series as rows of named columns, made once for both files."""
    return [_row(item) for item in series]


def csv_bytes(table: list[dict[str, object]]) -> bytes:
    """The time series rows as CSV (UTF-8, RFC 4180 line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = _columns()
    writer.writerow(columns)
    writer.writerows(map(_text, map(row.get, columns)) for row in table)
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


def _exact(value: Decimal) -> Decimal:
    scaled = value.quantize(Decimal(1).scaleb(-_SCALE))
    if scaled != value:
        raise ValueError(f"{value} has more than {_SCALE} fraction digits")
    return scaled


def parquet_bytes(table_rows: list[dict[str, object]]) -> bytes:
    """The time series rows as Parquet: exact decimals, dates as dates, releases as a list."""
    columns: dict[str, list[object]] = {name: [row[name] for row in table_rows] for name in _columns()}
    for name in ("first_value", "latest_value"):
        columns[name] = [_exact(value) for value in columns[name]]  # type: ignore[arg-type]
    table = pa.Table.from_pydict(columns, schema=SCHEMA)
    buffer = pa.BufferOutputStream()
    pq.write_table(table, buffer, compression="zstd")
    return bytes(buffer.getvalue().to_pybytes())
