"""The instance as immutable values, decided before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from generator.instance.contexts import Context
from generator.instance.units import Unit


def format_decimal(value: Decimal) -> str:
    """An xs:decimal lexical form: no exponent, no negative zero."""
    if not value:
        return "0"
    lexical = str(value)  # no exponent unless it is positive or the value tiny, at a third of format()'s cost
    return lexical if "E" not in lexical else format(value, "f")


def round_to(value: Decimal, decimals: int) -> Decimal:
    """``value`` as it prints at ``decimals`` (half up; -3 is whole thousands).

    The one test of "the same figure at another precision": 726,278 thousand
    is 726 million, 2,198,668 thousand is not 2,198 million.
    """
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a figure is printed: file, line and the table it belongs to."""

    file: str
    line: int
    table_line: int


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact with its provenance.

    Numeric facts have a unit and ``decimals``; the others (text, dates,
    years, booleans: their lexical form in ``value``) have neither, and text
    may carry an ``xml:lang``.  Its ``id`` and ``lexical`` value are worked
    out once, when it is made: the instance, inline XBRL, xBRL-JSON,
    xBRL-CSV and the time series each write them.
    """

    concept: str
    context: Context
    unit: Unit | None
    value: Decimal | str
    decimals: int | None
    sources: tuple[SourceRef, ...] = ()
    lang: str | None = None
    id: str = field(
        init=False, repr=False, compare=False, default=""
    )  # stable: ``Revenues_D2001-07-01_2001-09-30_JPY``
    lexical: str = field(init=False, repr=False, compare=False, default="")  # ``value`` as written (``format_decimal``)

    def __post_init__(self) -> None:
        suffix = self.unit.id if self.unit else self.lang
        object.__setattr__(self, "id", f"{self.concept}_{self.context.id}" + (f"_{suffix}" if suffix else ""))
        value = self.value
        object.__setattr__(self, "lexical", format_decimal(value) if isinstance(value, Decimal) else value)

    @property
    def numeric(self) -> bool:
        """Whether the fact is a number with a unit."""
        return self.unit is not None

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes two facts duplicates: concept, context, unit (or language)."""
        return (self.concept, self.context.id, self.unit.id if self.unit else self.lang or "")


@dataclass(frozen=True, slots=True)
class Footnote:
    """A release note, in the languages the release prints it, and the facts it qualifies."""

    id: str
    texts: tuple[tuple[str, str], ...]  # (xml:lang, text), English first
    fact_ids: tuple[str, ...]

    def resource_id(self, lang: str) -> str:
        """The id of the note in one language: ``fn1-en`` (an XML footnote resource, an OIM note, an ix:footnote)."""
        return f"{self.id}-{lang}"


@dataclass(frozen=True)
class Instance:
    """Everything one instance document says."""

    name: str
    schema_ref: str
    facts: tuple[Fact, ...]
    footnotes: tuple[Footnote, ...] = ()
    namespaces: dict[str, str] = field(default_factory=dict)

    @cached_property  # the instance, inline XBRL and the build's outcome each ask: the facts do not change
    def contexts(self) -> tuple[Context, ...]:
        """The contexts the facts use, in a stable order."""
        unique = {fact.context.id: fact.context for fact in self.facts}
        return tuple(sorted(unique.values(), key=Context.sort_key))

    @cached_property
    def units(self) -> tuple[Unit, ...]:
        """The units the facts use, sorted by id."""
        unique = {fact.unit.id: fact.unit for fact in self.facts if fact.unit}
        return tuple(unique[key] for key in sorted(unique))
