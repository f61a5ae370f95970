"""xBRL-JSON (OIM 1.0): one object per fact, keyed by the fact's id; footnotes are ``xbrl:note`` facts."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from pathlib import PurePosixPath

from generator.instance.model import Fact, Instance
from generator.oim import aspects
from generator.taxonomy.schema import SCHEMA

DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-json"

# Compact, not ASCII-escaped; stateless, so one for every document. With ``indent`` json falls back to pure Python.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
_string = encode_basestring  # what that encoder runs for a str (C), without its method's type checks


def json_name(instance: Instance) -> str:
    """``iij-20021231.json`` beside ``iij-20021231.xml``."""
    return str(PurePosixPath(instance.name).with_suffix(".json"))


def _members(pairs: dict[str, str]) -> str:
    """``"key": "value", ...``: a JSON object of strings without its braces (a string encodes at C speed)."""
    return ", ".join([f"{_string(key)}: {_string(value)}" for key, value in pairs.items()])


def _shared_dimensions(fact: Fact) -> str:
    """The dimensions after the concept, as JSON members: entity, period, unit, language, explicit dimensions."""
    context = fact.context
    dimensions = {"entity": aspects.entity(context), "period": aspects.json_period(context.period)}
    unit = aspects.unit(fact.unit)
    if unit is not None:
        dimensions["unit"] = unit
    if fact.lang:
        dimensions["language"] = fact.lang
    return _members(dimensions | aspects.dimensions(context))


def _links(instance: Instance) -> dict[str, str]:
    """Each linked fact's ``links`` object; facts linked to the same notes share one encoding."""
    encoded: dict[tuple[str, ...], str] = {}
    links = {}
    for fact, notes in aspects.footnote_links(instance):
        if notes:
            key = tuple(notes)
            if key not in encoded:
                encoded[key] = _encode({aspects.FOOTNOTE_LINK_TYPE: {aspects.DEFAULT_LINK_GROUP: notes}})
            links[fact.id] = encoded[key]
    return links


def _fact(fact: Fact, dimensions: str, links: str | None) -> str:
    """A fact's member of ``facts``: its id; its value, decimals and concept, the dimensions it shares, its links."""
    fact_id, value, concept = _string(fact.id), _string(fact.lexical), _string(aspects.concept(fact))
    decimals = "" if fact.decimals is None else f', "decimals": {fact.decimals}'
    links_member = f', "links": {links}' if links else ""
    return (
        f'{fact_id}: {{"value": {value}{decimals}, "dimensions": {{"concept": {concept}, {dimensions}}}{links_member}}}'
    )


def _facts(instance: Instance) -> dict[str, str]:
    """Each fact's member of ``facts`` by its id, in instance order.

    A release has ~420 facts over ~15 contexts and ~8 units: the dimensions
    facts share are encoded once per context, unit and language (ids name
    contexts and units in the instance).
    """
    links = _links(instance)
    shared: dict[tuple[str, str, str | None], str] = {}
    facts: dict[str, str] = {}
    for fact in instance.facts:
        key = (fact.context.id, fact.unit.id if fact.unit else "", fact.lang)
        dimensions = shared.get(key)
        if dimensions is None:
            dimensions = shared[key] = _shared_dimensions(fact)
        facts[fact.id] = _fact(fact, dimensions, links.get(fact.id))
    return facts


def _notes(instance: Instance) -> dict[str, str]:
    """Each footnote in each of its languages, as an ``xbrl:note`` fact: its id and its member of ``facts``."""
    notes: dict[str, str] = {}
    for footnote in instance.footnotes:
        for lang, text in footnote.texts:
            note_id = footnote.resource_id(lang)
            dimensions = {"concept": aspects.NOTE_CONCEPT, "noteId": note_id, "language": lang}
            notes[note_id] = f"{_string(note_id)}: {_encode({'value': text, 'dimensions': dimensions})}"
    return notes


def json_bytes(instance: Instance) -> bytes:
    """The xBRL-JSON report as deterministic UTF-8, one fact per line.

    Each fact is encoded compactly, the document around them indented, so a
    diff still shows one changed fact as one changed line.
    """
    info = _encode(aspects.document_info(DOCUMENT_TYPE, instance.schema_ref or SCHEMA))
    members = (_facts(instance) | _notes(instance)).values()
    facts = "  " + ",\n  ".join(members) if members else ""
    return f'{{\n "documentInfo": {info},\n "facts": {{\n{facts}\n }}\n}}\n'.encode()
