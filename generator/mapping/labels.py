"""The taxonomy's wordings, indexed for matching printed row labels."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from generator import names
from generator.source.text import normalize_label
from generator.taxonomy.model import Node, Statement, Taxonomy

# Releases print the same few hundred labels and titles again and again: normalize each once.
_key = lru_cache(maxsize=4096)(normalize_label)

_EDGE_ROLES = {"start": (names.ROLE_PERIOD_START,), "end": (names.ROLE_PERIOD_END,)}
_PLAIN_ROLES = (
    names.ROLE_LABEL,
    names.ROLE_TERSE,
    names.ROLE_TOTAL,
    names.ROLE_NEGATED,
)


@dataclass(frozen=True, slots=True)
class Placement:
    """A node and its ancestors in one statement's tree."""

    node: Node
    ancestors: tuple[Node, ...]
    statement: str = ""
    # The node's flags as its rows read them: worked out once per taxonomy, not once per row.
    negated: bool = field(init=False, repr=False, compare=False, default=False)
    period_edge: str | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "negated", self.node.negated)
        object.__setattr__(self, "period_edge", self.node.period_edge)

    @property
    def concept(self) -> str:
        """The node's concept name."""
        return self.node.concept


class LabelIndex:
    """Normalized wording -> placements, for some networks in one language."""

    def __init__(self, taxonomy: Taxonomy, statements: Sequence[Statement], lang: str) -> None:
        self.name = " + ".join(statement.id for statement in statements)
        self.headings: dict[str, list[Placement]] = defaultdict(list)
        self.items: dict[str, list[Placement]] = defaultdict(list)
        for statement, node, ancestors in ((s, n, a) for s in statements for n, a in s.nodes()):
            concept = taxonomy.concept(node.concept)
            placement = Placement(node, ancestors, statement.id)
            if concept.abstract:
                texts = set(concept.texts(lang))
                target = self.headings
            elif node.period_edge:
                texts = set(concept.texts(lang, _EDGE_ROLES[node.period_edge]))
                target = self.items
            else:
                texts = set(concept.texts(lang, _PLAIN_ROLES)) | set(concept.printed.get(lang, ()))
                target = self.items
            for key in {normalize_label(text) for text in texts}:
                # A concept presented alike in two networks read together is one candidate.
                if not any(p.concept == placement.concept and p.node.flags == node.flags for p in target[key]):
                    target[key].append(placement)

    def heading(self, label: str) -> list[Placement]:
        """Abstract placements a figure-less row may name."""
        return self.headings.get(_key(label), [])

    def item(self, label: str) -> list[Placement]:
        """Item placements a row with figures may name."""
        return self.items.get(_key(label), [])


_Indexes = dict[tuple[tuple[str, ...], str], LabelIndex]
_Titles = dict[str, dict[str, list[Statement]]]  # language -> normalized title -> the networks so titled
_cached: tuple[Taxonomy, _Indexes, _Titles] | None = None  # one taxonomy's indexes: a build maps every release with one


def _indexes(taxonomy: Taxonomy) -> tuple[_Indexes, _Titles]:
    global _cached
    if _cached is None or _cached[0] is not taxonomy:
        _cached = (taxonomy, {}, {})
    return _cached[1], _cached[2]


def index_for(taxonomy: Taxonomy, statements: Sequence[Statement], lang: str) -> LabelIndex:
    """The label index of some networks in a language, made once per taxonomy (and process)."""
    indexes, key = _indexes(taxonomy)[0], (tuple(s.id for s in statements), lang)
    if key not in indexes:
        indexes[key] = LabelIndex(taxonomy, statements, lang)
    return indexes[key]


def _titled(taxonomy: Taxonomy, lang: str) -> dict[str, list[Statement]]:
    """The networks by normalized title in a language, in the taxonomy's order (made once per taxonomy)."""
    titles = _indexes(taxonomy)[1]
    if lang not in titles:
        by_title: dict[str, list[Statement]] = {}
        for statement in taxonomy.statements:
            for key in dict.fromkeys(_key(t) for t in statement.titles.get(lang, ())):
                by_title.setdefault(key, []).append(statement)
        titles[lang] = by_title
    return titles[lang]


def networks_for(taxonomy: Taxonomy, name: str, lang: str) -> list[Statement]:
    """The networks whose titles name an operating table ("Number of Contracts")."""
    key = _key(name)
    exact = _titled(taxonomy, lang).get(key)
    if exact:
        return list(exact)
    return [s for s in taxonomy.statements if any(len(_key(t)) >= 6 and _key(t) in key for t in s.titles.get(lang, ()))]
