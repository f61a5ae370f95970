"""The taxonomy's wordings, indexed for matching printed row labels."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
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
_cached: tuple[Taxonomy, _Indexes] | None = None  # one taxonomy's indexes: a build maps every release with one


def index_for(taxonomy: Taxonomy, statements: Sequence[Statement], lang: str) -> LabelIndex:
    """The label index of some networks in a language, made once per taxonomy (and process)."""
    global _cached
    if _cached is None or _cached[0] is not taxonomy:
        _cached = (taxonomy, {})
    indexes, key = _cached[1], (tuple(s.id for s in statements), lang)
    if key not in indexes:
        indexes[key] = LabelIndex(taxonomy, statements, lang)
    return indexes[key]


def networks_for(taxonomy: Taxonomy, name: str, lang: str) -> list[Statement]:
    """The networks whose titles name an operating table ("Number of Contracts")."""
    key = _key(name)
    exact = [s for s in taxonomy.statements if any(_key(t) == key for t in s.titles.get(lang, ()))]
    if exact:
        return exact
    return [s for s in taxonomy.statements if any(len(_key(t)) >= 6 and _key(t) in key for t in s.titles.get(lang, ()))]
