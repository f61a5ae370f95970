"""The taxonomy as immutable objects, built from and checked against its source."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from generator import names
from generator.resources import taxonomy_source_dir
from generator.taxonomy.source import (
    ConceptEntry,
    LabelPair,
    StatementEntry,
    load_concept_table,
    load_statement_table,
)


class TaxonomyError(ValueError):
    """The taxonomy source contradicts itself."""


class ItemKind(StrEnum):
    """What a concept's facts measure; decides item type and unit."""

    MONETARY = "monetary"
    PER_SHARE = "perShare"
    PER_ADS = "perAds"
    SHARES = "shares"
    ADS = "ads"
    CONTRACTS = "contracts"
    GBPS = "gbps"
    PERCENT = "percent"
    PURE = "pure"
    TEXT = "text"
    DATE = "date"
    YEAR = "year"
    BOOLEAN = "boolean"
    ABSTRACT = "abstract"
    AXIS = "axis"
    HYPERCUBE = "hypercube"
    MEMBER = "member"

    @property
    def numeric(self) -> bool:
        """Whether facts of this kind are numbers (with a unit)."""
        return self in _NUMERIC_KINDS

    @property
    def abstract(self) -> bool:
        """Whether the concept only organises others (never has facts)."""
        return self in _ABSTRACT_KINDS


_NUMERIC_KINDS = frozenset(
    {
        ItemKind.MONETARY,
        ItemKind.PER_SHARE,
        ItemKind.PER_ADS,
        ItemKind.SHARES,
        ItemKind.ADS,
        ItemKind.CONTRACTS,
        ItemKind.GBPS,
        ItemKind.PERCENT,
        ItemKind.PURE,
    }
)
_ABSTRACT_KINDS = frozenset({ItemKind.ABSTRACT, ItemKind.AXIS, ItemKind.HYPERCUBE, ItemKind.MEMBER})


class Flag(StrEnum):
    """How a statement presents a concept (see statements.yaml)."""

    TOTAL = "total"
    NEGATED = "negated"
    START = "start"
    END = "end"


# Label roles by the source's key.
LABEL_ROLES = {
    "label": names.ROLE_LABEL,
    "terse": names.ROLE_TERSE,
    "total": names.ROLE_TOTAL,
    "negated": names.ROLE_NEGATED,
    "start": names.ROLE_PERIOD_START,
    "end": names.ROLE_PERIOD_END,
}


@dataclass(frozen=True, slots=True)
class Concept:
    """A concept with its labels, keyed by (role, language)."""

    name: str
    kind: ItemKind
    balance: str | None
    period_type: str
    us_gaap: str | None
    us_gaap_exact: bool
    labels: dict[tuple[str, str], str]
    printed: dict[str, tuple[str, ...]]
    documentation: dict[str, str] = field(default_factory=dict)

    @property
    def abstract(self) -> bool:
        """Whether the concept never carries facts (headings, axes, members)."""
        return self.kind.abstract

    @property
    def element_id(self) -> str:
        """The ``id`` of the element declaration in the schema."""
        return f"{names.IIJ_PREFIX}_{self.name}"

    def label(self, role: str, lang: str) -> str | None:
        """The label of the given role and language, if the concept has one."""
        return self.labels.get((role, lang))

    def texts(self, lang: str, roles: tuple[str, ...] | None = None) -> Iterator[str]:
        """Every wording of the concept in one language (labels, then printed)."""
        for (role, label_lang), text in self.labels.items():
            if label_lang == lang and (roles is None or role in roles):
                yield text
        if roles is None:
            yield from self.printed.get(lang, ())


@dataclass(frozen=True, slots=True)
class Node:
    """A place of a concept in a statement's presentation tree."""

    concept: str
    flags: frozenset[Flag]
    children: tuple[Node, ...]

    @property
    def negated(self) -> bool:
        """Whether the statement prints the negation of the fact."""
        return Flag.NEGATED in self.flags

    @property
    def period_edge(self) -> str | None:
        """``start`` or ``end`` for an instant shown in a duration statement."""
        if Flag.START in self.flags:
            return "start"
        if Flag.END in self.flags:
            return "end"
        return None

    def preferred_label_role(self) -> str:
        """The label role the presentation arc asks for."""
        if Flag.START in self.flags:
            return names.ROLE_PERIOD_START
        if Flag.END in self.flags:
            return names.ROLE_PERIOD_END
        if Flag.NEGATED in self.flags:
            return names.ROLE_NEGATED_TOTAL if Flag.TOTAL in self.flags else names.ROLE_NEGATED
        if Flag.TOTAL in self.flags:
            return names.ROLE_TOTAL
        return names.ROLE_TERSE

    def walk(self) -> Iterator[tuple[Node, tuple[Node, ...]]]:
        """Depth-first (node, ancestors) pairs, this node first."""
        stack: list[tuple[Node, tuple[Node, ...]]] = [(self, ())]
        while stack:
            node, ancestors = stack.pop()
            yield node, ancestors
            for child in reversed(node.children):
                stack.append((child, (*ancestors, node)))


@dataclass(frozen=True, slots=True)
class Summation:
    """``total = sum(weight * item)``, one calculation network entry."""

    total: str
    items: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Axis:
    """An explicit dimension; a default that is not the domain makes the domain unusable."""

    axis: str
    domain: str
    default: str


@dataclass(frozen=True, slots=True)
class Hypercube:
    """An explicit-dimension hypercube on a network's line items."""

    table: str
    line_items: str
    axes: tuple[Axis, ...]


@dataclass(frozen=True, slots=True)
class Statement:
    """One extended link role: presentation tree, calculations, dimensions."""

    id: str
    order: int
    title: str
    roots: tuple[Node, ...]
    summations: tuple[Summation, ...]
    titles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    hypercube: Hypercube | None = None
    closing: str | None = None  # the concept of a complete statement's last figures

    @property
    def role_uri(self) -> str:
        """The extended link role URI."""
        return names.IIJ_ROLE_BASE + self.id

    @property
    def definition(self) -> str:
        """``link:definition`` text, ordered as EDGAR-style viewers expect."""
        return f"{self.order:04d} - {self.title}"

    def nodes(self) -> Iterator[tuple[Node, tuple[Node, ...]]]:
        """Every (node, ancestors) pair of the tree, in presentation order."""
        for root in self.roots:
            yield from root.walk()


@dataclass(frozen=True)
class Taxonomy:
    """Concepts and statements, checked for consistency."""

    concepts: dict[str, Concept]
    statements: tuple[Statement, ...]

    def concept(self, name: str) -> Concept:
        """The concept called ``name``."""
        return self.concepts[name]

    def statement(self, statement_id: str) -> Statement:
        """The statement network with the given id."""
        for statement in self.statements:
            if statement.id == statement_id:
                return statement
        raise KeyError(statement_id)

    @cached_property
    def home_statement(self) -> dict[str, str]:
        """The first statement presenting each concept: its primary place."""
        home: dict[str, str] = {}
        for statement in sorted(self.statements, key=lambda s: s.order):
            for node, _ in statement.nodes():
                home.setdefault(node.concept, statement.id)
        return home

    @cached_property
    def nodes_of(self) -> dict[str, list[Node]]:
        """Every presentation node of each concept, across the statements."""
        found: dict[str, list[Node]] = {}
        for statement in self.statements:
            for node, _ in statement.nodes():
                found.setdefault(node.concept, []).append(node)
        return found


def _concept(name: str, entry: ConceptEntry) -> Concept:
    labels: dict[tuple[str, str], str] = {}
    for key, role in LABEL_ROLES.items():
        pair: LabelPair | None = getattr(entry, key)
        if pair is not None:
            labels[(role, "en")] = pair.en
            labels[(role, "ja")] = pair.ja
    documentation: dict[str, str] = {}
    if entry.doc is not None:
        documentation["en"] = entry.doc.en
        if entry.doc.ja:
            documentation["ja"] = entry.doc.ja
    kind = ItemKind(entry.type)
    if kind is not ItemKind.MONETARY and entry.balance is not None:
        raise TaxonomyError(f"{name}: only monetary concepts take a balance")
    if entry.us_gaap and entry.us_gaap_nearest:
        raise TaxonomyError(f"{name}: give us-gaap or us-gaap-nearest, not both")
    return Concept(
        name=name,
        kind=kind,
        balance=entry.balance,
        period_type=entry.period,
        us_gaap=entry.us_gaap or entry.us_gaap_nearest,
        us_gaap_exact=entry.us_gaap is not None,
        labels=labels,
        printed={"en": tuple(entry.printed.en), "ja": tuple(entry.printed.ja)},
        documentation=documentation,
    )


_ENTRY = re.compile(r"^\s*([A-Za-z][A-Za-z0-9]*)\s*(?:\[([a-z, ]+)\])?\s*$")


def _node(item: object, where: str) -> Node:
    children: list[object]
    if isinstance(item, str):
        spec, children = item, []
    elif isinstance(item, dict) and len(item) == 1:
        ((spec, listed),) = item.items()
        children = list(listed or [])
    else:
        raise TaxonomyError(f"{where}: a tree entry is a name or a one-key mapping, got {item!r}")
    match = _ENTRY.match(str(spec))
    if not match:
        raise TaxonomyError(f"{where}: cannot read tree entry {spec!r}")
    flags = frozenset(Flag(flag.strip()) for flag in (match.group(2) or "").split(",") if flag.strip())
    return Node(match.group(1), flags, tuple(_node(child, where) for child in children))


_TERM = re.compile(r"([+-])\s*([A-Za-z][A-Za-z0-9]*)")


def _summation(text: str, where: str) -> Summation:
    total, _, expression = (part.strip() for part in text.partition("="))
    if not expression:
        raise TaxonomyError(f"{where}: calculation {text!r} has no '='")
    expression = expression if expression[0] in "+-" else "+ " + expression
    items = tuple((name, 1 if sign == "+" else -1) for sign, name in _TERM.findall(expression))
    if _TERM.sub("", expression).strip():
        raise TaxonomyError(f"{where}: cannot read calculation {text!r}")
    return Summation(total, items)


def _statement(entry: StatementEntry) -> Statement:
    where = f"statement {entry.id}"
    cube = entry.hypercube
    return Statement(
        id=entry.id,
        order=entry.order,
        title=entry.title,
        roots=tuple(_node(item, where) for item in entry.presentation),
        summations=tuple(_summation(text, where) for text in entry.calculations),
        titles={"en": tuple(entry.titles.en), "ja": tuple(entry.titles.ja)} if entry.titles else {},
        closing=entry.closing,
        hypercube=Hypercube(cube.table, cube.line_items, tuple(Axis(a.axis, a.domain, a.default) for a in cube.axes))
        if cube
        else None,
    )


def _check(taxonomy: Taxonomy) -> None:
    concepts = taxonomy.concepts
    presented_anywhere = {node.concept for s in taxonomy.statements for node, _ in s.nodes()}
    for statement in taxonomy.statements:
        for node, _ in statement.nodes():
            concept = concepts.get(node.concept)
            if concept is None:
                raise TaxonomyError(f"{statement.id}: unknown concept {node.concept}")
            if node.period_edge and concept.period_type != "instant":
                raise TaxonomyError(f"{statement.id}: {node.concept} [{node.period_edge}] is not an instant")
            if Flag.TOTAL in node.flags and (names.ROLE_TOTAL, "en") not in concept.labels:
                raise TaxonomyError(f"{statement.id}: {node.concept} [total] has no total label")
        for summation in statement.summations:
            _check_summation(taxonomy, statement, summation, presented_anywhere)
        if statement.closing and statement.closing not in {node.concept for node, _ in statement.nodes()}:
            raise TaxonomyError(f"{statement.id}: closing line {statement.closing} is not presented there")
        if statement.hypercube:
            cube = statement.hypercube
            parts = [(cube.table, ItemKind.HYPERCUBE), (cube.line_items, ItemKind.ABSTRACT)]
            for axis in cube.axes:
                parts += [(axis.axis, ItemKind.AXIS), (axis.domain, ItemKind.MEMBER), (axis.default, ItemKind.MEMBER)]
            for name, kind in parts:
                if name not in concepts or concepts[name].kind is not kind:
                    raise TaxonomyError(f"{statement.id}: hypercube part {name} must be a {kind} concept")
    unused = set(concepts) - presented_anywhere
    if unused:
        raise TaxonomyError(f"concepts no statement presents: {', '.join(sorted(unused))}")


def _check_summation(taxonomy: Taxonomy, statement: Statement, summation: Summation, presented: set[str]) -> None:
    concepts = taxonomy.concepts
    total = concepts.get(summation.total)
    for name, weight in ((summation.total, 1), *summation.items):
        item = concepts.get(name)
        if item is None or name not in presented:
            raise TaxonomyError(f"{statement.id}: calculation names {name}, which no statement presents")
        if not item.kind.numeric or total is None or item.kind is not total.kind:
            raise TaxonomyError(f"{statement.id}: calculation mixes {name} ({item.kind}) into {summation.total}")
        if item is not total and total.balance and item.balance:
            expected = 1 if total.balance == item.balance else -1
            if weight != expected:
                raise TaxonomyError(
                    f"{statement.id}: {summation.total} ({total.balance}) -> {name} "
                    f"({item.balance}) needs weight {expected:+d} (XBRL 2.1 5.1.1.2)"
                )


def load_taxonomy(source_dir: Path | None = None) -> Taxonomy:
    """Load the taxonomy from its YAML source and check it."""
    source_dir = source_dir or taxonomy_source_dir()
    table = load_concept_table(source_dir / "concepts.yaml")
    statements = load_statement_table(source_dir / "statements.yaml")
    taxonomy = Taxonomy(
        concepts={name: _concept(name, entry) for name, entry in table.concepts.items()},
        statements=tuple(sorted((_statement(e) for e in statements.statements), key=lambda s: s.order)),
    )
    _check(taxonomy)
    return taxonomy
