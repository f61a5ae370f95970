"""xBRL-CSV (OIM 1.0): a metadata file and three tables, one row per fact.

Numeric facts, text facts and footnotes each get a table, so every column of
a table means the same thing on every row (``decimals`` and ``unit`` only
where facts have them).  The entity is a constant of the fact tables; periods use
xBRL-CSV's inclusive-date forms (``2001-07-01..2001-09-30``,
``2001-09-30@end``).  A fact's id is ``<table>.r_<row id>.value`` as OIM
forms it, the row id being the XML instance's fact id.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import PurePosixPath

from generator import names
from generator.instance.model import Fact, Instance
from generator.oim import aspects
from generator.taxonomy.schema import SCHEMA

DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-csv"
NUMERIC, TEXT, NOTES = "numeric", "text", "notes"
VALUE_COLUMN, NOTE_COLUMN = "value", "note"


@dataclass(frozen=True)
class CsvReport:
    """The metadata file's name and bytes, and each table's."""

    metadata: tuple[str, bytes]
    tables: tuple[tuple[str, bytes], ...]

    def files(self) -> dict[str, bytes]:
        """Every file of the report, by name."""
        return dict([self.metadata, *self.tables])


def _stem(instance: Instance) -> str:
    return PurePosixPath(instance.name).stem


def metadata_name(instance: Instance) -> str:
    """``iij-20021231-metadata.json``: the file an OIM processor opens."""
    return f"{_stem(instance)}-metadata.json"


def table_name(instance: Instance, table: str) -> str:
    """``iij-20021231-numeric.csv``."""
    return f"{_stem(instance)}-{table}.csv"


def fact_id(table: str, row_id: str, column: str = VALUE_COLUMN) -> str:
    """The id OIM gives the fact in a row's value column."""
    return f"{table}.r_{row_id}.{column}"


def _axis_column(axis: str) -> str:
    return axis  # axes are NCNames already; the column is the axis's local name


def _template(entity: str, axes: list[str], numeric: bool) -> dict[str, object]:
    columns: dict[str, object] = {"id": {}, "concept": {}, "period": {}}
    dimensions = {"concept": "$concept", "entity": entity, "period": "$period"}
    if numeric:
        columns["unit"] = {}
        dimensions["unit"] = "$unit"
    else:
        columns["language"] = {}
        dimensions["language"] = "$language"
    for axis in axes:
        columns[_axis_column(axis)] = {}
        dimensions[f"{names.IIJ_PREFIX}:{axis}"] = f"${_axis_column(axis)}"
    template: dict[str, object] = {"rowIdColumn": "id", "dimensions": dimensions}
    if numeric:
        columns["decimals"] = {}
        template["decimals"] = "$decimals"
    columns[VALUE_COLUMN] = {"dimensions": {}}
    template["columns"] = columns
    return template


def _columns(template: dict[str, object]) -> list[str]:
    columns = template["columns"]
    assert isinstance(columns, dict)
    return list(columns)


def _cell(text: str) -> str:
    """A literal cell: ``#`` starts xBRL-CSV's special values, so a leading one is doubled; empty is ``#empty``."""
    if not text:
        return "#empty"
    return "#" + text if text.startswith("#") else text


def _row(fact: Fact, axes: list[str], numeric: bool) -> list[str]:
    members = dict(fact.context.members)
    row = [fact.id, aspects.concept(fact), aspects.csv_period(fact.context.period)]
    row.append((aspects.unit(fact.unit) or "") if numeric else (fact.lang or ""))
    row += [f"{names.IIJ_PREFIX}:{members[axis]}" if axis in members else "" for axis in axes]
    if numeric:
        row.append(str(fact.decimals))
    row.append(_cell(aspects.value(fact)))
    return row


def _table(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180, as xBRL-CSV asks
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def csv_report(instance: Instance) -> CsvReport:
    """The xBRL-CSV report of an instance."""
    axes = aspects.axes(instance)
    entity = aspects.entity(instance.facts[0].context)  # one entity: a constant of the templates, not a column
    templates = {NUMERIC: _template(entity, axes, True), TEXT: _template(entity, axes, False)}
    templates[NOTES] = {
        "rowIdColumn": "id",
        "dimensions": {"language": "$language"},
        "columns": {"id": {}, "language": {}, NOTE_COLUMN: {"dimensions": {"concept": aspects.NOTE_CONCEPT}}},
    }
    bodies: dict[str, list[list[str]]] = {NUMERIC: [], TEXT: [], NOTES: []}
    table_of: dict[str, str] = {}
    for fact in instance.facts:
        table = NUMERIC if fact.numeric else TEXT
        bodies[table].append(_row(fact, axes, fact.numeric))
        table_of[fact.id] = table
    for footnote in instance.footnotes:
        for lang, text in footnote.texts:
            bodies[NOTES].append([footnote.resource_id(lang), lang, _cell(text)])
    links = {
        fact_id(table_of[source], source): [fact_id(NOTES, note, NOTE_COLUMN) for note in notes]
        for source, notes in aspects.footnote_links(instance).items()
    }
    names_ = {table: table_name(instance, table) for table in bodies}
    metadata: dict[str, object] = {
        "documentInfo": aspects.document_info(DOCUMENT_TYPE, instance.schema_ref or SCHEMA),
        "tableTemplates": templates,
        "tables": {table: {"template": table, "url": names_[table]} for table in bodies},
    }
    if links:
        metadata["links"] = {aspects.FOOTNOTE_LINK_TYPE: {aspects.DEFAULT_LINK_GROUP: links}}
    tables = tuple((names_[table], _table(_columns(templates[table]), rows)) for table, rows in bodies.items())
    text = json.dumps(metadata, ensure_ascii=False, indent=1) + "\n"
    return CsvReport((metadata_name(instance), text.encode("utf-8")), tables)
