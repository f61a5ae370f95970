"""Across releases: a figure that changed is a restatement, explained by a note or not.

Two instances report the same figure when concept, entity, period,
dimensions and unit measures agree (context and unit ids may differ).  When
the values differ beyond their rounding, the later release's figure is a
restatement (or reclassification): explained when a footnote linked to it,
or to the earlier figure, says it was reclassified or restated, and flagged
otherwise.  Releases are ordered by their ``DocumentPeriodEndDate`` fact
(else as given).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from generator.findings import Finding
from generator.validation.instance import Fact
from generator.validation.rules import Subject, consistent

_EXPLAINS = re.compile(r"reclassif|restat|組替|組み替え|遡及|変更", re.IGNORECASE)

Key = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class _Reported:
    subject: Subject
    fact: Fact


def _key(subject: Subject, fact: Fact) -> Key:
    context = subject.instance.contexts[fact.context]
    unit = subject.instance.units[fact.unit or ""]
    period = (context.start, context.end, context.instant)
    return (fact.concept, context.scheme, context.identifier, period, context.segment, unit.numerator, unit.denominator)


def _period_end(subject: Subject) -> date | None:
    for fact in subject.instance.facts:
        if fact.concept[1] == "DocumentPeriodEndDate":
            try:
                return date.fromisoformat(fact.text.strip())
            except ValueError:
                return None
    return None


def _notes(subject: Subject) -> dict[str, list[str]]:
    """Footnote texts by the id of each fact they are linked from (English first)."""
    texts: dict[tuple[int, str], list[str]] = {}
    for footnote in sorted(subject.instance.footnotes, key=lambda f: f.lang != "en"):
        texts.setdefault((footnote.link, footnote.label), []).append(footnote.text)
    linked: dict[str, list[str]] = {}
    for arc in subject.instance.footnote_arcs:
        for fact_id in arc.sources:
            linked.setdefault(fact_id, []).extend(texts.get((arc.link, arc.to_label), []))
    return linked


def compare_releases(subjects: Iterable[Subject]) -> list[Finding]:
    """Restatements between instances, each reported once, at the later release's fact."""
    ordered = sorted(enumerate(subjects), key=lambda pair: (_period_end(pair[1]) or date.max, pair[0]))
    notes_of = {id(subject): _notes(subject) for _, subject in ordered}
    first: dict[Key, _Reported] = {}
    findings = []
    for _, subject in ordered:
        notes = notes_of[id(subject)]
        for fact in subject.index.values():
            key = _key(subject, fact)
            earlier = first.get(key)
            if earlier is None:
                first[key] = _Reported(subject, fact)
                continue
            if consistent([earlier.fact, fact]):
                continue
            explanation = next(
                (text for text in notes.get(fact.id or "", []) if _EXPLAINS.search(text)),
                next(
                    (t for t in notes_of[id(earlier.subject)].get(earlier.fact.id or "", []) if _EXPLAINS.search(t)),
                    None,
                ),
            )
            was = f"{earlier.fact.value} in {earlier.subject.file} (line {earlier.fact.line})"
            if explanation:
                message = f"{fact.concept[1]} is {fact.value}, was {was}: {explanation[:160]}"
                findings.append(subject.finding("restatement.explained", message, fact))
            else:
                message = f"{fact.concept[1]} is {fact.value}, was {was}; no linked note explains the change"
                findings.append(subject.finding("restatement.unexplained", message, fact))
            first[key] = _Reported(subject, fact)
    return findings
