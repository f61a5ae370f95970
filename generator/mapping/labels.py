"""The taxonomy's wordings, indexed for matching printed row labels."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator import names
from generator.source.text import normalize_label
from generator.taxonomy.model import Node, Statement, Taxonomy

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

    @property
    def concept(self) -> str:
        """The node's concept name."""
        return self.node.concept


class LabelIndex:
    """Normalized wording -> placements, for one statement in one language."""

    def __init__(self, taxonomy: Taxonomy, statement: Statement, lang: str) -> None:
        self.statement = statement
        self.headings: dict[str, list[Placement]] = defaultdict(list)
        self.items: dict[str, list[Placement]] = defaultdict(list)
        for node, ancestors in statement.nodes():
            concept = taxonomy.concept(node.concept)
            placement = Placement(node, ancestors)
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
                target[key].append(placement)

    def heading(self, label: str) -> list[Placement]:
        """Abstract placements a figure-less row may name."""
        return self.headings.get(normalize_label(label), [])

    def item(self, label: str) -> list[Placement]:
        """Item placements a row with figures may name."""
        return self.items.get(normalize_label(label), [])


def index_for(taxonomy: Taxonomy, statement_id: str, lang: str, cache: dict[tuple[str, str], LabelIndex]) -> LabelIndex:
    """The (cached) label index of a statement in a language."""
    key = (statement_id, lang)
    if key not in cache:
        cache[key] = LabelIndex(taxonomy, taxonomy.statement(statement_id), lang)
    return cache[key]
