"""XBRL Dimensions 1.0: contexts checked against the definition linkbase.

A primary item's hypercubes come from ``all``/``notAll`` arcs, inherited by
its domain-member descendants in the same role.  A fact is dimensionally
valid when, in some role, its context satisfies every ``all`` hypercube and
no ``notAll`` one: each dimension of the cube has a usable member of its
domain (written, or the default), and a closed cube admits no other
dimension in its context element.  A primary item with no hypercube is valid
in any context.  Typed dimensions are accepted without checking their content.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from generator import names
from generator.findings import Finding
from generator.validation.dts import DTS, Arc, QName
from generator.validation.instance import Context
from generator.validation.rules import Subject, rule

_NOT_ALL = "http://xbrl.org/int/dim/arcrole/notAll"


@dataclass(frozen=True, slots=True)
class Cube:
    """A hypercube as one primary item has it in one role."""

    hypercube: QName
    positive: bool  # all (True) or notAll (False)
    element: str  # "segment" or "scenario"
    closed: bool
    dimensions: tuple[tuple[QName, frozenset[QName] | None], ...]  # usable members; None: typed


@dataclass
class Model:
    """The DTS's dimensional relationships, indexed for checking contexts."""

    dts: DTS
    cubes: dict[QName, dict[str, list[Cube]]] = field(default_factory=dict)  # primary -> role -> cubes
    defaults: dict[QName, QName] = field(default_factory=dict)
    dimensions: set[QName] = field(default_factory=set)

    def valid(self, primary: QName, context: Context) -> bool:
        """Whether a fact of ``primary`` may have this context."""
        by_role = self.cubes.get(primary)
        if not by_role:
            return True
        return any(self._base_set(cubes, context) for cubes in by_role.values())

    def _base_set(self, cubes: list[Cube], context: Context) -> bool:
        positives = [c for c in cubes if c.positive]
        return (
            bool(positives)
            and all(self._cube(c, context) for c in positives)
            and not any(self._cube(c, context) for c in cubes if not c.positive)
        )

    def _cube(self, cube: Cube, context: Context) -> bool:
        written = dict(context.segment if cube.element == "segment" else context.scenario)
        dimensions = {dimension for dimension, _ in cube.dimensions}
        if cube.closed and set(written) - dimensions:
            return False
        for dimension, usable in cube.dimensions:
            member = written.get(dimension, self.defaults.get(dimension))
            if member is None:
                return False
            if usable is not None and (not isinstance(member, tuple) or member not in usable):
                if member != self.defaults.get(dimension):
                    return False
        return True


def _children(arcs: list[Arc], arcrole: str) -> dict[tuple[str, QName], list[Arc]]:
    found: dict[tuple[str, QName], list[Arc]] = {}
    for arc in arcs:
        if arc.arcrole == arcrole:
            found.setdefault((arc.role, arc.source), []).append(arc)
    return found


def _domain(members: dict[tuple[str, QName], list[Arc]], top: Arc) -> frozenset[QName]:
    """The usable members below a dimension-domain arc, following domain-member arcs."""
    usable: set[QName] = set()
    pending = [top]
    seen: set[tuple[str, QName]] = set()
    while pending:
        arc = pending.pop()
        if arc.attribute("usable", "true") != "false":
            usable.add(arc.target)
        role = arc.attribute("targetRole") or arc.role
        if (role, arc.target) in seen:
            continue
        seen.add((role, arc.target))
        pending.extend(members.get((role, arc.target), []))
    return frozenset(usable)


def build_model(dts: DTS) -> Model:
    """Index the DTS's dimensional arcs."""
    arcs = dts.arcs
    model = Model(dts)
    members = _children(arcs, names.ARCROLE_DOMAIN_MEMBER)
    cube_dimensions = _children(arcs, names.ARCROLE_HYPERCUBE_DIMENSION)
    domains = _children(arcs, names.ARCROLE_DIMENSION_DOMAIN)
    for arc in arcs:
        if arc.arcrole == names.ARCROLE_DIMENSION_DEFAULT:
            model.defaults[arc.source] = arc.target
    model.dimensions = {name for name, concept in dts.concepts.items() if concept.dimension}
    for arc in arcs:
        if arc.arcrole not in (names.ARCROLE_ALL, _NOT_ALL):
            continue
        role = arc.attribute("targetRole") or arc.role
        dimensions = []
        for link in cube_dimensions.get((role, arc.target), []):
            dimension_role = link.attribute("targetRole") or link.role
            tops = domains.get((dimension_role, link.target), [])
            usable = frozenset().union(*(_domain(members, top) for top in tops)) if tops else None
            dimensions.append((link.target, usable))
        cube = Cube(
            arc.target,
            arc.arcrole == names.ARCROLE_ALL,
            arc.attribute("contextElement", "segment"),
            arc.attribute("closed", "false") == "true",
            tuple(dimensions),
        )
        for primary in _primaries(members, arc):
            model.cubes.setdefault(primary, {}).setdefault(arc.role, []).append(cube)
    return model


def _primaries(members: dict[tuple[str, QName], list[Arc]], has_hypercube: Arc) -> set[QName]:
    """The primary item and its domain-member descendants in the arc's role (they inherit the cube)."""
    found = {has_hypercube.source}
    pending = [(has_hypercube.role, has_hypercube.source)]
    while pending:
        role, source = pending.pop()
        for arc in members.get((role, source), []):
            if arc.target not in found:
                found.add(arc.target)
                pending.append((arc.attribute("targetRole") or role, arc.target))
    return found


def _model(subject: Subject) -> Model:
    return subject.dts.derived("dimensions", build_model)


def _members_of(context: Context) -> Iterator[tuple[QName, QName | str]]:
    yield from context.segment
    yield from context.scenario


@rule("dimensions.unknown-dimension")
def unknown_dimension(subject: Subject) -> Iterator[Finding]:
    """A context's dimension is a dimension the DTS declares."""
    model = _model(subject)
    for context in subject.instance.contexts.values():
        for dimension, _ in _members_of(context):
            if dimension not in model.dimensions:
                message = f"{dimension[1]} is not a dimension of the DTS"
                yield subject.finding("dimensions.unknown-dimension", message, context=context)


@rule("dimensions.unknown-member")
def unknown_member(subject: Subject) -> Iterator[Finding]:
    """An explicit member is a concept the DTS declares."""
    concepts = subject.dts.concepts
    for context in subject.instance.contexts.values():
        for dimension, member in _members_of(context):
            if isinstance(member, tuple) and member not in concepts:
                message = f"{member[1]} (on {dimension[1]}) is not a concept of the DTS"
                yield subject.finding("dimensions.unknown-member", message, context=context)


@rule("dimensions.default-member")
def default_member(subject: Subject) -> Iterator[Finding]:
    """A dimension's default member is never written (2.7.1): leaving the dimension out means it."""
    defaults = _model(subject).defaults
    for context in subject.instance.contexts.values():
        for dimension, member in _members_of(context):
            if defaults.get(dimension) == member:
                message = f"{member[1]} is the default of {dimension[1]}, which must be left out instead"
                yield subject.finding("dimensions.default-member", message, context=context)


@rule("dimensions.invalid")
def invalid(subject: Subject) -> Iterator[Finding]:
    """Each fact's context is valid for its primary item's hypercubes."""
    model = _model(subject)
    contexts = subject.instance.contexts
    verdicts: dict[tuple[QName, str], bool] = {}
    for fact, _ in subject.items:
        if fact.concept not in model.cubes:  # a primary item with no hypercube is valid in any context
            continue
        context = contexts.get(fact.context)
        if context is None:
            continue
        key = (fact.concept, context.id)
        if key not in verdicts:
            verdicts[key] = model.valid(fact.concept, context)
        if not verdicts[key]:
            message = f"context {context.id} is not valid for {fact.concept[1]}'s hypercubes"
            yield subject.finding("dimensions.invalid", message, fact)
