"""Load XBRL documents with Arelle, offline, and print what it found as JSON.

    python tests/arelle_facts.py JOB.json OUT.json

JOB is a list of ``{"file": path, "packages": [zip, ...]}``.  For each
file, OUT holds Arelle's log entries and every fact it loaded, in one
canonical form whatever the format (XML, xBRL-JSON, xBRL-CSV, inline XBRL,
report package), so tests compare formats fact by fact.  One process for
many files: Arelle's start-up is most of a small file's time.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

os.environ["ARELLE_WORK_OFFLINE"] = "1"

from arelle import XbrlConst  # noqa: E402
from arelle.api.Session import Session  # noqa: E402
from arelle.RuntimeOptions import RuntimeOptions  # noqa: E402

PLUGINS = "inlineXbrlDocumentSet|loadFromOIM"


def _value(fact: Any) -> str:
    if fact.isNumeric and not fact.isNil:
        try:
            return format(Decimal(str(fact.xValue)).normalize(), "f")
        except InvalidOperation:  # a value Arelle could not read (it has logged why)
            return f"unreadable: {fact.value}"
    return str(fact.value)


def _period(context: Any) -> list[str]:
    if context.isInstantPeriod:
        return [context.instantDatetime.isoformat()]
    return [context.startDatetime.isoformat(), context.endDatetime.isoformat()]


def _unit(fact: Any) -> list[list[str]] | None:
    if fact.unit is None:
        return None
    numerator, denominator = fact.unit.measures
    return [sorted(m.clarkNotation for m in numerator), sorted(m.clarkNotation for m in denominator)]


def _fact(fact: Any, footnotes: Any) -> dict[str, Any]:
    context = fact.context
    notes = sorted(
        [rel.toModelObject.xmlLang or "", rel.toModelObject.textValue.strip()]
        for rel in footnotes.fromModelObject(fact)
    )
    return {
        "id": fact.id,
        "concept": fact.qname.clarkNotation,
        "entity": list(context.entityIdentifier),
        "period": _period(context),
        "dimensions": sorted([d.clarkNotation, m.memberQname.clarkNotation] for d, m in context.qnameDims.items()),
        "unit": _unit(fact),
        "decimals": fact.decimals,
        "language": None if fact.isNumeric else fact.xmlLang,
        "value": _value(fact),
        "footnotes": notes,
    }


class _Collector(logging.Handler):
    """Keeps Arelle's log records as plain entries."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.entries: list[dict[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        code = str(getattr(record, "messageCode", ""))
        self.entries.append({"level": record.levelname.lower(), "code": code, "text": record.getMessage()[:300]})


def load(file: str, packages: list[str]) -> dict[str, Any]:
    """Arelle's log and facts for one file."""
    options = RuntimeOptions(
        entrypointFile=file,
        packages=packages or None,
        plugins=PLUGINS,
        validate=True,
        calcs="c11r",
        validateDuplicateFacts="inconsistent",
        workOffline=True,
        disablePersistentConfig=True,
        keepOpen=True,
    )
    handler = _Collector()
    with Session() as session:
        session.run(options, logHandler=handler)
        facts = []
        for model in session.get_models():
            footnotes = model.relationshipSet(XbrlConst.factFootnote)
            facts += [_fact(fact, footnotes) for fact in model.facts if fact.qname.localName != "note"]
    return {"log": handler.entries, "facts": facts}


def main() -> None:
    """Run the job file, write the results file."""
    job = json.loads(open(sys.argv[1], encoding="utf-8").read())
    results = {entry["file"]: load(entry["file"], entry.get("packages", [])) for entry in job}
    with open(sys.argv[2], "w", encoding="utf-8") as handle:
        json.dump(results, handle, ensure_ascii=False)


if __name__ == "__main__":
    main()
