"""The one serializer of an inline XBRL document: layout and instance in, XHTML bytes out.

Numbers are tagged with Transformation Registry 4 formats (``num-dot-decimal``,
``fixed-zero`` for a printed dash), ``scale`` from the printed unit and
``sign="-"`` for negative facts; parentheses are printed outside the tag
where the statement shows the figure negative.  Dates read as the release
writes them (``date-monthname-day-year-en``).  English labels show; the
Japanese labels are in the document, shown by a CSS switch (no script).

The document is written as text (see ``generator.markup``), in ASCII: the
Japanese texts are held aside and written in when it is encoded.  Browsers read
the file as HTML too, where ``<td/>`` opens a cell it never closes: every
XHTML element but the void ``meta`` and ``input`` has an end tag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources

from generator import names
from generator.inline.layout import Grid, GridCell, GridRow, Layout, Shown
from generator.instance.contexts import Context
from generator.instance.model import Fact, Instance
from generator.instance.units import Unit
from generator.instance.write import NSMAP, References, context_element, unit_element
from generator.markup import DECLARATION, attribute, element, leaf, namespaces, text
from generator.taxonomy.model import ItemKind, Taxonomy
from generator.taxonomy.schema import SCHEMA

_NSMAP: dict[str | None, str] = {None: names.XHTML, "ix": names.IX, "ixt": names.IXT}
_NSMAP.update(NSMAP)  # the instance's prefixes, in XHTML
_NAMESPACES = namespaces(_NSMAP.items())
_IIJ = names.IIJ_PREFIX
_ZERO = Decimal(0)  # compared with every figure: a Decimal compares faster with a Decimal than with an int
# The taxonomy's href is written as a NUL, which no escaped text can hold (XML forbids it); the document splits there.
_HREF = "\x00"
_PROLOGUE = f"{DECLARATION}<!DOCTYPE html>\n".encode()
_SCHEMA_REF = element(5, "link:schemaRef", f' xlink:type="simple" xlink:href="{_HREF}"', [])
_MONTHS = "January February March April May June July August September October November December".split()
_META = element(2, "meta", ' http-equiv="Content-Type" content="text/html; charset=UTF-8"', [])
_CHECKBOX = '<input type="checkbox" id="show-ja"/> Show the Japanese labels and texts'
_SWITCH = element(2, "div", "", [leaf(3, "label", ' class="language" for="show-ja"', _CHECKBOX)], html=True)


@cache
def _style() -> str:
    """The stylesheet, read and escaped once per process."""
    css = resources.files("generator.inline").joinpath("release.css").read_text(encoding="utf-8")
    return leaf(2, "style", ' type="text/css"', text(css))


@dataclass(frozen=True, slots=True)
class _Writing:
    """One document being written: its figures' references, the marks of the notes linked to them, texts held aside.

    CPython stores a string at the width of its widest character: one
    Japanese label made every string it was joined into two bytes a
    character, copied level by level and encoded a character at a time.  The
    document is written in ASCII instead, each other text replaced by its
    index between two characters XML forbids (no escaped text holds them),
    and written in as UTF-8 when the document is encoded.
    """

    references: References
    marks: dict[str, str]  # by fact id
    aside: list[str] = field(default_factory=list)

    def text(self, value: str) -> str:
        """Character data, escaped; held aside unless it is ASCII."""
        escaped = text(value)
        if escaped.isascii():
            return escaped
        self.aside.append(escaped)
        return f"\x01{len(self.aside) - 1}\x02"

    def encode(self, document: str) -> bytes:
        """The document as UTF-8, the texts held aside written in."""
        parts = document.encode().split(b"\x01")
        encoded = [parts[0]]
        for part in parts[1:]:
            index, _, rest = part.partition(b"\x02")
            encoded += (self.aside[int(index)].encode(), rest)
        return b"".join(encoded)


def _languages(depth: int, name: str, english: str, japanese: str | None, writing: _Writing) -> str:
    """English shown, Japanese in the document for the switch; one text when there is no Japanese."""
    if not japanese:
        return leaf(depth, name, "", writing.text(english))
    spans = [
        leaf(depth + 1, "span", ' class="en" xml:lang="en"', writing.text(english)),
        leaf(depth + 1, "span", ' class="ja" xml:lang="ja"', writing.text(japanese)),
    ]
    return element(depth, name, "", spans, html=True)


def _attributes(fact: Fact) -> str:
    return f' name="{_IIJ}:{attribute(fact.concept)}" contextRef="{attribute(fact.context.id)}"'


def _number(shown: Shown, writing: _Writing) -> str:
    """A figure as mixed content: the tag (or a link to it), parentheses and percent sign outside it, its notes."""
    fact = shown.fact
    value = fact.value
    assert isinstance(value, Decimal) and fact.unit is not None
    figure = "-" if shown.dash else f"{abs(value).scaleb(-shown.scale):,.{shown.fraction_digits}f}"
    negative = value < _ZERO
    references = writing.references
    if shown.tagged:
        transform = "fixed-zero" if shown.dash else "num-dot-decimal"
        sign = ' sign="-"' if negative else ""
        printed = (
            f'<ix:nonFraction name="{_IIJ}:{attribute(fact.concept)}"{references.attributes(fact)}'
            f' id="{references.fact_ref(fact.id)}" format="ixt:{transform}" scale="{shown.scale}"{sign}>'
            f"{figure}</ix:nonFraction>"
        )
        marks = writing.marks.get(fact.id, "")
    else:  # another printing of a tagged fact: shown as printed, linked to the tagged one
        fact_ref = references.fact_ref(fact.id)
        printed = f'<a class="repeat" href="#{fact_ref}" title="tagged where first printed">{figure}</a>'
        marks = ""
    if value and negative != shown.negated:  # printed in parentheses
        printed = f"({printed})"
    return f"{printed}%{marks}" if shown.percent else printed + marks


def _note_marks(linked: tuple[str, ...]) -> str:
    anchors = ",".join(f'<a href="#{attribute(note)}">{text(note.removeprefix("fn"))}</a>' for note in linked)
    return f'<sup class="note">{anchors}</sup>'


def _cell(cell: GridCell, writing: _Writing) -> str:
    shown = cell.shown
    if not shown:
        return leaf(6, "td", ' class="text"', text(cell.text))
    if len(shown) == 1:  # most cells; a range prints two figures
        return leaf(6, "td", ' class="figure"', _number(shown[0], writing))
    return leaf(6, "td", ' class="figure"', " to ".join([_number(one, writing) for one in shown]))


def _row(row: GridRow, writing: _Writing) -> str:
    cells = [_languages(6, "th", row.label, row.label_ja, writing)]
    cells += [_cell(cell, writing) for cell in row.cells]
    return element(5, "tr", ' class="heading"' if row.heading else ' class="item"', cells, html=True)


def _grid(grid: Grid, writing: _Writing) -> str:
    children = [_languages(3, "h2", grid.title, grid.title_ja, writing)]
    if grid.caption:
        children.append(leaf(3, "p", ' class="caption"', text(grid.caption)))
    head = [leaf(6, "th", ' class="label"', "")] + [leaf(6, "th", "", text(column)) for column in grid.columns]
    table = [
        element(4, "thead", "", [element(5, "tr", "", head, html=True)], html=True),
        element(4, "tbody", "", [_row(row, writing) for row in grid.rows], html=True),
    ]
    children.append(element(3, "table", "", table, html=True))
    return element(2, "div", f' class="statement" id="table-{grid.line}"', children, html=True)


def _text_value(depth: int, fact: Fact, kind: ItemKind, writing: _Writing) -> str:
    attributes = _attributes(fact) + f' id="{attribute(fact.id)}"'
    value = str(fact.value)
    if kind is ItemKind.DATE:
        year, month, day = (int(part) for part in value.split("-"))
        attributes += ' format="ixt:date-monthname-day-year-en"'
        value = f"{_MONTHS[month - 1]} {day}, {year}"
    elif kind is ItemKind.BOOLEAN:
        attributes += f' format="ixt:fixed-{attribute(value)}"'
        value = "Yes" if value == "true" else "No"
    if fact.lang:
        attributes += f' xml:lang="{attribute(fact.lang)}"'
    return leaf(depth, "ix:nonNumeric", attributes, writing.text(value))


def _member(taxonomy: Taxonomy, member: str) -> str:
    label = taxonomy.concept(member).label(names.ROLE_LABEL, "en") or member
    return label.removesuffix(" [Member]")


def _stated_number(fact: Fact, kind: ItemKind, writing: _Writing) -> str:
    """A figure stated in prose or on the cover: money in millions (``JPY 12,500 million``), rates as printed."""
    decimals = fact.decimals or 0
    scale, digits, before, after = 0, max(0, decimals), "", ""
    if kind is ItemKind.MONETARY and fact.unit is not None:
        scale, digits, before, after = 6, max(0, decimals + 6), f"{fact.unit.id} ", " million"
    elif kind is ItemKind.PERCENT:
        scale, digits, after = -2, max(0, decimals - 2), "%"
    return text(before) + _number(Shown(fact, True, scale, digits), writing) + after


def _period(fact: Fact) -> str:
    period = fact.context.period
    start = getattr(period, "start", None)
    return f"{start} to {period.end}" if start else f"at {period.end}"


def _fact_list(title: str, facts: tuple[Fact, ...], taxonomy: Taxonomy, writing: _Writing) -> list[str]:
    if not facts:
        return []
    rows = []
    for fact in facts:
        concept = taxonomy.concept(fact.concept)
        english = concept.label(names.ROLE_LABEL, "en") or fact.concept
        cells = [_languages(6, "th", english, concept.label(names.ROLE_LABEL, "ja"), writing)]
        members = ", ".join(_member(taxonomy, member) for _, member in fact.context.members)
        cells.append(leaf(6, "td", ' class="text"', text(_period(fact) + (f" ({members})" if members else ""))))
        if fact.numeric:
            cells.append(leaf(6, "td", ' class="figure"', _stated_number(fact, concept.kind, writing)))
        else:
            cells.append(element(6, "td", ' class="text"', [_text_value(7, fact, concept.kind, writing)], html=True))
        rows.append(element(5, "tr", ' class="item"' if fact.lang != "ja" else ' class="item ja"', cells, html=True))
    table = element(3, "table", "", [element(4, "tbody", "", rows, html=True)], html=True)
    return [element(2, "div", ' class="facts"', [leaf(3, "h2", "", text(title)), table], html=True)]


def _notes(instance: Instance, writing: _Writing) -> list[str]:
    if not instance.footnotes:
        return []
    items = []
    for footnote in instance.footnotes:
        spans = []
        for lang, note in footnote.texts:
            held = f' id="{attribute(footnote.resource_id(lang))}" xml:lang="{attribute(lang)}"'
            holder = f' class="{attribute(lang if len(footnote.texts) > 1 else "note")}"'
            spans.append(element(5, "span", holder, [leaf(6, "ix:footnote", held, writing.text(note))], html=True))
        items.append(element(4, "li", f' id="{attribute(footnote.id)}"', spans, html=True))
    ordered = element(3, "ol", ' class="notes"', items, html=True)
    return [element(2, "div", ' class="notes"', [leaf(3, "h2", "", "Notes"), ordered], html=True)]


def _hidden(fact: Fact) -> str:
    """A fact the layout could not place (never expected): kept so that the fact sets stay equal."""
    attributes = _attributes(fact) + f' id="{attribute(fact.id)}"'
    tag = "ix:nonNumeric"
    if fact.unit is not None:
        attributes += f' unitRef="{attribute(fact.unit.id)}" decimals="{fact.decimals}"'
        tag = "ix:nonFraction"
    return leaf(5, tag, attributes, text(fact.lexical))


def _header(
    instance: Instance, hidden: tuple[Fact, ...], contexts: tuple[Context, ...], units: tuple[Unit, ...]
) -> str:
    children = [element(4, "ix:hidden", "", [_hidden(fact) for fact in hidden])] if hidden else []
    children.append(element(4, "ix:references", "", [_SCHEMA_REF]))
    held = [context_element(5, context) for context in contexts]
    held += [unit_element(5, unit) for unit in units]
    for footnote in instance.footnotes:
        to_refs = " ".join(footnote.resource_id(lang) for lang, _ in footnote.texts)
        relationship = f' fromRefs="{attribute(" ".join(footnote.fact_ids))}" toRefs="{attribute(to_refs)}"'
        held.append(element(5, "ix:relationship", relationship, []))
    children.append(element(4, "ix:resources", "", held))
    return element(2, "div", ' style="display:none"', [element(3, "ix:header", "", children)], html=True)


@dataclass(frozen=True, slots=True)
class InlineDocument:
    """The document as UTF-8 on either side of its taxonomy reference, so that one writing serves two references."""

    before: bytes
    after: bytes

    def encode(self, schema_ref: str = SCHEMA) -> bytes:
        """The document, its ``schemaRef`` pointing at ``schema_ref`` (in a report package, the taxonomy's URL)."""
        return b"".join((self.before, attribute(schema_ref).encode(), self.after))


def inline_document(layout: Layout, instance: Instance, taxonomy: Taxonomy) -> InlineDocument:
    """The inline XBRL document (XHTML, read by browsers as HTML too), deterministic."""
    notes: dict[str, tuple[str, ...]] = {}
    for footnote in instance.footnotes:
        for fact_id in footnote.fact_ids:
            notes[fact_id] = (*notes.get(fact_id, ()), footnote.id)
    marks = {linked: _note_marks(linked) for linked in set(notes.values())}  # most facts share their notes
    contexts, units = instance.contexts, instance.units
    writing = _Writing(
        References.of(instance.facts, contexts, units), {fact_id: marks[linked] for fact_id, linked in notes.items()}
    )
    head = [_META, leaf(2, "title", "", text(layout.title)), _style()]
    body = [_header(instance, layout.hidden, contexts, units), leaf(2, "h1", "", text(layout.title))]
    source = (
        f"Rendered from {layout.source}: every figure is an inline XBRL fact; "
        "a dotted figure repeats one tagged where first printed."
    )
    body += [leaf(2, "p", ' class="source"', text(source)), _SWITCH]
    body += _fact_list("Document and entity information", layout.cover, taxonomy, writing)
    body += _fact_list("Outlook, as stated in the release's text", layout.prose, taxonomy, writing)
    body += [_grid(grid, writing) for grid in layout.grids]
    body += _notes(instance, writing)
    html = element(
        0, "html", _NAMESPACES, [element(1, "head", "", head, html=True), element(1, "body", "", body, html=True)]
    )
    before, _, after = writing.encode(html).partition(_HREF.encode())
    return InlineDocument(_PROLOGUE + before, after)
