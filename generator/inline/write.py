"""The one serializer of an inline XBRL document: layout and instance in, XHTML bytes out.

Numbers are tagged with Transformation Registry 4 formats (``num-dot-decimal``,
``fixed-zero`` for a printed dash), ``scale`` from the printed unit and
``sign="-"`` for negative facts; parentheses are printed outside the tag
where the statement shows the figure negative.  Dates read as the release
writes them (``date-monthname-day-year-en``).  English labels show; the
Japanese labels are in the document, shown by a CSS switch (no script).
"""

from __future__ import annotations

from decimal import Decimal
from importlib import resources

from lxml import etree

from generator import names
from generator.inline.layout import Grid, GridCell, Layout, Shown
from generator.instance.model import Fact, Instance
from generator.instance.write import NSMAP, context_element, format_decimal, unit_element
from generator.names import clark
from generator.taxonomy.model import ItemKind, Taxonomy
from generator.taxonomy.schema import SCHEMA

_H, _IX = names.XHTML, names.IX
_NSMAP: dict[str | None, str] = {None: names.XHTML, "ix": names.IX, "ixt": names.IXT}
_NSMAP.update(NSMAP)  # the instance's prefixes, in XHTML
_XML_LANG = clark(names.XML, "lang")
_VOID = {"meta", "br", "input", "hr", "link"}
_MONTHS = "January February March April May June July August September October November December".split()


def _h(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, clark(_H, tag), {k.rstrip("_"): v for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


def _languages(parent: etree._Element, english: str, japanese: str | None) -> None:
    """English shown, Japanese in the document for the switch; one text when there is no Japanese."""
    if not japanese:
        parent.text = (parent.text or "") + english
        return
    _h(parent, "span", english, class_="en", **{_XML_LANG: "en"})
    _h(parent, "span", japanese, class_="ja", **{_XML_LANG: "ja"})


def _append_text(parent: etree._Element, text: str) -> None:
    """Text after whatever ``parent`` holds so far."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _attributes(fact: Fact) -> dict[str, str]:
    return {"name": f"{names.IIJ_PREFIX}:{fact.concept}", "contextRef": fact.context.id}


def _number(parent: etree._Element, shown: Shown, notes: dict[str, list[str]]) -> None:
    fact = shown.fact
    value = fact.value
    assert isinstance(value, Decimal) and fact.unit is not None
    magnitude = abs(value).scaleb(-shown.scale)
    text = "-" if shown.dash else f"{magnitude:,.{shown.fraction_digits}f}"
    if shown.printed_negative:
        _append_text(parent, "(")
    if shown.tagged:
        attributes = _attributes(fact) | {"unitRef": fact.unit.id, "decimals": str(fact.decimals), "id": fact.id}
        attributes["format"] = "ixt:fixed-zero" if shown.dash else "ixt:num-dot-decimal"
        attributes["scale"] = str(shown.scale)
        if value < 0:
            attributes["sign"] = "-"
        element = etree.SubElement(parent, clark(_IX, "nonFraction"), attributes)
    else:  # another printing of a tagged fact: shown as printed, linked to the tagged one
        element = _h(parent, "a", None, class_="repeat", href=f"#{fact.id}", title="tagged where first printed")
    element.text = text
    element.tail = (")" if shown.printed_negative else "") + ("%" if shown.percent else "")
    linked = notes.get(fact.id, []) if shown.tagged else []
    if linked:
        sup = _h(parent, "sup", None, class_="note")
        for position, note in enumerate(linked):
            if position:
                _append_text(sup, ",")
            _h(sup, "a", note.removeprefix("fn"), href=f"#{note}")


def _cell(row: etree._Element, cell: GridCell, notes: dict[str, list[str]]) -> None:
    td = _h(row, "td", None, class_="figure" if cell.shown else "text")
    for position, shown in enumerate(cell.shown):
        if position:
            _append_text(td, " to ")
        _number(td, shown, notes)
    if not cell.shown:
        td.text = cell.text


def _grid(body: etree._Element, grid: Grid, notes: dict[str, list[str]]) -> None:
    section = _h(body, "div", None, class_="statement", id=f"table-{grid.line}")
    _languages(_h(section, "h2"), grid.title, grid.title_ja)
    if grid.caption:
        _h(section, "p", grid.caption, class_="caption")
    table = _h(section, "table")
    head = _h(_h(table, "thead"), "tr")
    _h(head, "th", "", class_="label")
    for column in grid.columns:
        _h(head, "th", column)
    tbody = _h(table, "tbody")
    for row in grid.rows:
        tr = _h(tbody, "tr", None, class_="heading" if row.heading else "item")
        _languages(_h(tr, "th"), row.label, row.label_ja)
        for cell in row.cells:
            _cell(tr, cell, notes)


def _text_value(parent: etree._Element, fact: Fact, kind: ItemKind) -> None:
    attributes = _attributes(fact) | {"id": fact.id}
    text = str(fact.value)
    if kind is ItemKind.DATE:
        year, month, day = (int(part) for part in text.split("-"))
        attributes["format"] = "ixt:date-monthname-day-year-en"
        text = f"{_MONTHS[month - 1]} {day}, {year}"
    elif kind is ItemKind.BOOLEAN:
        attributes["format"] = f"ixt:fixed-{text}"
        text = "Yes" if text == "true" else "No"
    if fact.lang:
        attributes[_XML_LANG] = fact.lang
    etree.SubElement(parent, clark(_IX, "nonNumeric"), attributes).text = text


def _member(taxonomy: Taxonomy, member: str) -> str:
    label = taxonomy.concept(member).label(names.ROLE_LABEL, "en") or member
    return label.removesuffix(" [Member]")


def _stated_number(parent: etree._Element, fact: Fact, kind: ItemKind, notes: dict[str, list[str]]) -> None:
    """A figure stated in prose or on the cover: money in millions (``JPY 12,500 million``), rates as printed."""
    decimals = fact.decimals or 0
    scale, digits, before, after = 0, max(0, decimals), "", ""
    if kind is ItemKind.MONETARY and fact.unit is not None:
        scale, digits, before, after = 6, max(0, decimals + 6), f"{fact.unit.id} ", " million"
    elif kind is ItemKind.PERCENT:
        scale, digits, after = -2, max(0, decimals - 2), "%"
    _append_text(parent, before)
    _number(parent, Shown(fact, True, scale, digits), notes)
    _append_text(parent, after)


def _period(fact: Fact) -> str:
    period = fact.context.period
    start = getattr(period, "start", None)
    return f"{start} to {period.end}" if start else f"at {period.end}"


def _fact_list(
    body: etree._Element, title: str, facts: tuple[Fact, ...], taxonomy: Taxonomy, notes: dict[str, list[str]]
) -> None:
    if not facts:
        return
    section = _h(body, "div", None, class_="facts")
    _h(section, "h2", title)
    tbody = _h(_h(section, "table"), "tbody")
    for fact in facts:
        concept = taxonomy.concept(fact.concept)
        tr = _h(tbody, "tr", None, class_="item" if fact.lang != "ja" else "item ja")
        english = concept.label(names.ROLE_LABEL, "en") or fact.concept
        _languages(_h(tr, "th"), english, concept.label(names.ROLE_LABEL, "ja"))
        members = ", ".join(_member(taxonomy, member) for _, member in fact.context.members)
        _h(tr, "td", _period(fact) + (f" ({members})" if members else ""), class_="text")
        if fact.numeric:
            _stated_number(_h(tr, "td", None, class_="figure"), fact, concept.kind, notes)
        else:
            _text_value(_h(tr, "td", None, class_="text"), fact, concept.kind)


def _notes(body: etree._Element, instance: Instance) -> None:
    if not instance.footnotes:
        return
    section = _h(body, "div", None, class_="notes")
    _h(section, "h2", "Notes")
    ordered = _h(section, "ol", None, class_="notes")
    for footnote in instance.footnotes:
        item = _h(ordered, "li", None, id=footnote.id)
        for lang, text in footnote.texts:
            holder = _h(item, "span", None, class_=lang if len(footnote.texts) > 1 else "note")
            etree.SubElement(
                holder, clark(_IX, "footnote"), {"id": footnote.resource_id(lang), _XML_LANG: lang}
            ).text = text


def _header(body: etree._Element, instance: Instance, schema_ref: str, hidden: tuple[Fact, ...]) -> None:
    header = etree.SubElement(_h(body, "div", None, style="display:none"), clark(_IX, "header"))
    if hidden:
        holder = etree.SubElement(header, clark(_IX, "hidden"))
        for fact in hidden:  # never expected: a fact the layout could not place keeps the fact sets equal
            attributes = _attributes(fact) | {"id": fact.id}
            tag = "nonNumeric"
            if fact.unit is not None:
                attributes |= {"unitRef": fact.unit.id, "decimals": str(fact.decimals)}
                tag = "nonFraction"
            value = format_decimal(fact.value) if isinstance(fact.value, Decimal) else fact.value
            etree.SubElement(holder, clark(_IX, tag), attributes).text = value
    references = etree.SubElement(header, clark(_IX, "references"))
    etree.SubElement(
        references,
        clark(names.LINK, "schemaRef"),
        {clark(names.XLINK, "type"): "simple", clark(names.XLINK, "href"): schema_ref},
    )
    resources_ = etree.SubElement(header, clark(_IX, "resources"))
    for context in instance.contexts:
        context_element(resources_, context)
    for unit in instance.units:
        unit_element(resources_, unit)
    for footnote in instance.footnotes:
        etree.SubElement(
            resources_,
            clark(_IX, "relationship"),
            {
                "fromRefs": " ".join(footnote.fact_ids),
                "toRefs": " ".join(footnote.resource_id(lang) for lang, _ in footnote.texts),
            },
        )


def set_schema_ref(root: etree._Element, href: str) -> None:
    """Point the document's taxonomy elsewhere (a report package resolves the taxonomy by URL)."""
    reference = root.find(f".//{clark(names.LINK, 'schemaRef')}")
    assert reference is not None
    reference.set(clark(names.XLINK, "href"), href)


def _close_empty(root: etree._Element) -> None:
    """Browsers read the file as HTML, where ``<td/>`` opens a cell it never closes."""
    for element in root.iter(clark(_H, "*")):
        if element.text is None and len(element) == 0 and etree.QName(element).localname not in _VOID:
            element.text = ""


def inline_element(layout: Layout, instance: Instance, taxonomy: Taxonomy, schema_ref: str = SCHEMA) -> etree._Element:
    """The inline XBRL document as an lxml tree."""
    html = etree.Element(clark(_H, "html"), nsmap=_NSMAP)  # type: ignore[arg-type]
    head = _h(html, "head")
    _h(head, "meta", None, **{"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"})
    _h(head, "title", layout.title)
    _h(
        head,
        "style",
        resources.files("generator.inline").joinpath("release.css").read_text(encoding="utf-8"),
        type="text/css",
    )
    body = _h(html, "body")
    _header(body, instance, schema_ref, layout.hidden)
    _h(body, "h1", layout.title)
    _h(
        body,
        "p",
        f"Rendered from {layout.source}: every figure is an inline XBRL fact; "
        "a dotted figure repeats one tagged where first printed.",
        class_="source",
    )
    switch = _h(_h(body, "div"), "label", None, class_="language", **{"for": "show-ja"})
    _h(switch, "input", None, type="checkbox", id="show-ja").tail = " Show the Japanese labels and texts"
    notes: dict[str, list[str]] = {}
    for footnote in instance.footnotes:
        for fact_id in footnote.fact_ids:
            notes.setdefault(fact_id, []).append(footnote.id)
    _fact_list(body, "Document and entity information", layout.cover, taxonomy, notes)
    _fact_list(body, "Outlook, as stated in the release's text", layout.prose, taxonomy, notes)
    for grid in layout.grids:
        _grid(body, grid, notes)
    _notes(body, instance)
    _close_empty(html)
    return html


def inline_bytes(root: etree._Element) -> bytes:
    """The inline XBRL document as deterministic UTF-8 (XHTML, read by browsers as HTML too)."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", doctype="<!DOCTYPE html>", pretty_print=True)
