"""A fact as OIM sees it: core dimensions (concept, entity, period, unit, language) and explicit dimensions.

Both OIM formats write the same aspects; only the period's lexical form
differs (xBRL-JSON takes date-times, xBRL-CSV also takes inclusive dates).
"""

from __future__ import annotations

from datetime import date, timedelta

from generator import names
from generator.instance.contexts import Context, Instant, Period
from generator.instance.model import Fact, Instance
from generator.instance.units import Unit
from generator.instance.write import measure_qname

XBRL_NAMESPACE = "https://xbrl.org/2021"
NOTE_CONCEPT = "xbrl:note"
FOOTNOTE_LINK_TYPE = "footnote"
DEFAULT_LINK_GROUP = "_"
ENTITY_PREFIX = "cik"

# The prefixes every OIM document of ours declares; measures and entity identifiers use them.
NAMESPACES = {
    ENTITY_PREFIX: names.CIK_SCHEME,
    names.IIJ_PREFIX: names.IIJ,
    "iso4217": names.ISO4217,
    "xbrl": XBRL_NAMESPACE,
    "xbrli": names.XBRLI,
}
LINK_TYPES = {FOOTNOTE_LINK_TYPE: names.ARCROLE_FACT_FOOTNOTE}
LINK_GROUPS = {DEFAULT_LINK_GROUP: names.ROLE_LINK}


def document_info(document_type: str, schema_ref: str) -> dict[str, object]:
    """The ``documentInfo`` both formats share."""
    return {
        "documentType": document_type,
        "namespaces": dict(NAMESPACES),
        "linkTypes": dict(LINK_TYPES),
        "linkGroups": dict(LINK_GROUPS),
        "taxonomy": [schema_ref],
    }


def concept(fact: Fact) -> str:
    """``iij:Revenues``."""
    return f"{names.IIJ_PREFIX}:{fact.concept}"


def entity(context: Context) -> str:
    """``cik:0001090633``: the identifier under the prefix of its scheme."""
    assert context.scheme == names.CIK_SCHEME, context.scheme
    return f"{ENTITY_PREFIX}:{context.identifier}"


def _midnight(day: date) -> str:
    return f"{day.isoformat()}T00:00:00"


def json_period(period: Period) -> str:
    """OIM date-times: XBRL's end-of-day instant is the next midnight (``2001-10-01T00:00:00``)."""
    end = _midnight(period.end + timedelta(days=1))
    if isinstance(period, Instant):
        return end
    return f"{_midnight(period.start)}/{end}"


def csv_period(period: Period) -> str:
    """xBRL-CSV's readable forms: ``2001-07-01..2001-09-30`` and the instant ``2001-09-30@end``."""
    if isinstance(period, Instant):
        return f"{period.day.isoformat()}@end"
    return f"{period.start.isoformat()}..{period.end.isoformat()}"


def unit(value: Unit | None) -> str | None:
    """``iso4217:JPY``, ``iso4217:JPY/xbrli:shares``; None for pure, which OIM leaves implicit."""
    if value is None or (value.numerator == ((names.XBRLI, "pure"),) and not value.denominator):
        return None
    numerator = "*".join(measure_qname(m) for m in value.numerator)
    if not value.denominator:
        return numerator
    denominator = "*".join(measure_qname(m) for m in value.denominator)
    return f"{numerator}/{denominator}"


def dimensions(context: Context) -> dict[str, str]:
    """Explicit dimensions: ``{"iij:ResultForecastAxis": "iij:ForecastMember"}``."""
    return {f"{names.IIJ_PREFIX}:{axis}": f"{names.IIJ_PREFIX}:{member}" for axis, member in context.members}


def axes(instance: Instance) -> list[str]:
    """Every explicit dimension the instance uses, sorted."""
    return sorted({axis for fact in instance.facts for axis, _ in fact.context.members})


def footnote_links(instance: Instance) -> list[tuple[Fact, list[str]]]:
    """Each fact with notes, in instance order, and the note ids (one per language) it links to, in note order."""
    links: dict[str, list[str]] = {}
    for footnote in instance.footnotes:
        notes = [footnote.resource_id(lang) for lang, _ in footnote.texts]
        for fact_id in footnote.fact_ids:
            links.setdefault(fact_id, []).extend(notes)
    return [(fact, links[fact.id]) for fact in instance.facts if fact.id in links]
