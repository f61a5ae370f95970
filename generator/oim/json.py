"""xBRL-JSON (OIM 1.0): one object per fact, keyed by the fact's id; footnotes are ``xbrl:note`` facts."""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from generator.instance.contexts import Context
from generator.instance.model import Fact, Instance
from generator.oim import aspects
from generator.taxonomy.schema import SCHEMA

DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-json"


def json_name(instance: Instance) -> str:
    """``iij-20021231.json`` beside ``iij-20021231.xml``."""
    return str(PurePosixPath(instance.name).with_suffix(".json"))


def _fact(fact: Fact, links: list[str] | None, contexts: dict[str, dict[str, str]]) -> dict[str, object]:
    entity, period, *members = contexts[fact.context.id].items()
    dimensions: dict[str, str] = {"concept": aspects.concept(fact), entity[0]: entity[1], period[0]: period[1]}
    unit = aspects.unit(fact.unit)
    if unit is not None:
        dimensions["unit"] = unit
    if fact.lang:
        dimensions["language"] = fact.lang
    dimensions.update(members)
    entry: dict[str, object] = {"value": aspects.value(fact)}
    if fact.decimals is not None:
        entry["decimals"] = fact.decimals
    entry["dimensions"] = dimensions
    if links:
        entry["links"] = {aspects.FOOTNOTE_LINK_TYPE: {aspects.DEFAULT_LINK_GROUP: links}}
    return entry


def _context(context: Context) -> dict[str, str]:
    """Entity, period and explicit dimensions, in the order a fact lists them."""
    return {"entity": aspects.entity(context), "period": aspects.json_period(context.period)} | aspects.dimensions(
        context
    )


def json_document(instance: Instance) -> dict[str, object]:
    """The xBRL-JSON report as plain data: facts in instance order, then the notes."""
    links = aspects.footnote_links(instance)
    contexts = {context.id: _context(context) for context in instance.contexts}  # each context's aspects once
    facts: dict[str, object] = {fact.id: _fact(fact, links.get(fact.id), contexts) for fact in instance.facts}
    for footnote in instance.footnotes:
        for lang, text in footnote.texts:
            note_id = footnote.resource_id(lang)
            facts[note_id] = {
                "value": text,
                "dimensions": {"concept": aspects.NOTE_CONCEPT, "noteId": note_id, "language": lang},
            }
    return {
        "documentInfo": aspects.document_info(DOCUMENT_TYPE, instance.schema_ref or SCHEMA),
        "facts": facts,
    }


def json_bytes(instance: Instance) -> bytes:
    """The xBRL-JSON report as deterministic UTF-8, one fact per line.

    Each fact is encoded compactly (json's C encoder; with ``indent`` it falls
    back to pure Python, several times slower), the document around them
    indented, so a diff still shows one changed fact as one changed line.
    """
    document = json_document(instance)
    facts = document.pop("facts")
    assert isinstance(facts, dict)

    dump = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode  # one encoder, not one per call

    lines = [f" {dump(key)}: {dump(value)}" for key, value in document.items()]
    entries = ",\n".join(f"  {dump(key)}: {dump(value)}" for key, value in facts.items())
    lines.append(f' "facts": {{\n{entries}\n }}')
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode("utf-8")
