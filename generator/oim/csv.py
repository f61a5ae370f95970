"""xBRL-CSV (OIM 1.0): a metadata file and three tables, one row per fact.

Numeric facts, text facts and footnotes each get a table, so every column of
a table means the same thing on every row (``decimals`` and ``unit`` only
where facts have them).  The entity is a constant of the fact tables; periods use
xBRL-CSV's inclusive-date forms (``2001-07-01..2001-09-30``,
``2001-09-30@end``).  A fact's id is ``<table>.r_<row id>.value`` as OIM
forms it, the row id being the XML instance's fact id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from json.encoder import encode_basestring
from pathlib import PurePosixPath

from generator import names
from generator.csvtext import csv_lines, plain_field
from generator.instance.model import Fact, Instance
from generator.oim import aspects
from generator.taxonomy.schema import SCHEMA

DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-csv"
NUMERIC, TEXT, NOTES = "numeric", "text", "notes"
VALUE_COLUMN, NOTE_COLUMN = "value", "note"
_END = "\r\n"  # RFC 4180's line terminator, as xBRL-CSV asks


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


def _shared_cells(fact: Fact, axes: list[str], numeric: bool) -> tuple[str, ...]:
    """Period, unit (numeric) or language (text), and one cell per axis: what a context and unit give every fact."""
    members = dict(fact.context.members)
    unit_or_language = (aspects.unit(fact.unit) or "") if numeric else (fact.lang or "")
    dimensions = [f"{names.IIJ_PREFIX}:{members[axis]}" if axis in members else "" for axis in axes]
    return (aspects.csv_period(fact.context.period), unit_or_language, *dimensions)


def _rows(instance: Instance, axes: list[str]) -> tuple[list[str], list[str]]:
    """The numeric and the text table's rows, in instance order, as CSV lines (without terminators).

    A release has ~420 facts over ~15 contexts and ~8 units: the cells
    facts share are made and written once per context, unit and language
    (ids name contexts and units in the instance).  A fact's own cells (id,
    concept, decimals, value) are joined as they are unless one needs quoting.
    """
    numeric_rows: list[str] = []
    text_rows: list[str] = []
    shared: dict[tuple[str, str, str | None], tuple[tuple[str, ...], str]] = {}
    for fact in instance.facts:
        numeric = fact.numeric
        key = (fact.context.id, fact.unit.id if fact.unit else "", fact.lang)
        found = shared.get(key)
        if found is None:
            cells = _shared_cells(fact, axes, numeric)
            found = shared[key] = (cells, csv_lines([cells], _END)[0])
        cells, written = found
        concept, value = aspects.concept(fact), _cell(fact.lexical)
        if not plain_field(f"{fact.id}{concept}{value}"):
            decimals = [str(fact.decimals)] if numeric else []
            line = csv_lines([[fact.id, concept, *cells, *decimals, value]], _END)[0]
        elif numeric:  # decimals, an integer, is never quoted
            line = f"{fact.id},{concept},{written},{fact.decimals},{value}"
        else:
            line = f"{fact.id},{concept},{written},{value}"
        (numeric_rows if numeric else text_rows).append(line)
    return numeric_rows, text_rows


def _table(header: list[str], lines: list[str]) -> bytes:
    return _END.join([*csv_lines([header], _END), *lines, ""]).encode("utf-8")


_leaf = json.JSONEncoder(ensure_ascii=False).encode  # a number or an empty container


def _indented(value: object, newline: str) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=1)`` writes it.

    With ``indent`` json encodes in pure Python, a generator per container;
    here containers are joined and strings (most of a report's metadata:
    its links name every noted fact) are encoded in C, without a call of
    this function each.
    """
    if isinstance(value, str):
        return encode_basestring(value)
    inner = newline + " "
    if isinstance(value, dict) and value:
        members = [
            f"{encode_basestring(key)}: {encode_basestring(item) if isinstance(item, str) else _indented(item, inner)}"
            for key, item in value.items()
        ]
        return "{" + inner + ("," + inner).join(members) + newline + "}"
    if isinstance(value, list | tuple) and value:
        items = [encode_basestring(item) if isinstance(item, str) else _indented(item, inner) for item in value]
        return "[" + inner + ("," + inner).join(items) + newline + "]"
    return _leaf(value)


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
    numeric_rows, text_rows = _rows(instance, axes)
    note_cells = [
        [footnote.resource_id(lang), lang, _cell(text)]
        for footnote in instance.footnotes
        for lang, text in footnote.texts
    ]
    note_rows = csv_lines(note_cells, _END)
    bodies = {NUMERIC: numeric_rows, TEXT: text_rows, NOTES: note_rows}
    links = {
        fact_id(NUMERIC if fact.numeric else TEXT, fact.id): [fact_id(NOTES, note, NOTE_COLUMN) for note in notes]
        for fact, notes in aspects.footnote_links(instance)
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
    text = _indented(metadata, "\n") + "\n"
    return CsvReport((metadata_name(instance), text.encode("utf-8")), tables)
