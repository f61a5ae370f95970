"""Validating XBRL 2.1 instances, ours and anyone's, offline.

Layers, in order: well-formed and safe XML (``document``); the DTS the
instance names (``dts``); XML Schema (``schema``); then the rules, each a
small function registered under its finding code: XBRL 2.1 (``xbrl21``),
Dimensions (``dimensions``), Calculations 1.1 (``calculations``), EDGAR's
filing hygiene (``edgar``), financial integrity (``integrity``).  Across
several instances, ``restatements`` reports figures that changed.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from lxml import etree

from generator import names
from generator.findings import Finding, Severity
from generator.names import clark
from generator.validation import calculations, dimensions, edgar, integrity, xbrl21  # noqa: F401 - they register rules
from generator.validation.document import Parsed, parse_xml, read_bytes
from generator.validation.dts import DTS, QName, load_dts
from generator.validation.instance import read_instance
from generator.validation.memory import fast_bins_off
from generator.validation.rules import RULES, Subject
from generator.validation.schema import Engine, schema_object, validate_schema

_XBRL = clark(names.XBRLI, "xbrl")
_SCHEMA_REF = clark(names.LINK, "schemaRef")
_LINKBASE_REF = clark(names.LINK, "linkbaseRef")
_HEAD = {_SCHEMA_REF, _LINKBASE_REF, clark(names.LINK, "roleRef"), clark(names.LINK, "arcroleRef")}
_HREF = clark(names.XLINK, "href")
_MANY_OBJECTS = 50_000  # made while the collector paused: a release makes a few thousand
AHEAD_BYTES = 1_000_000  # a smaller document is parsed and checked in a few milliseconds: nothing to overlap
_HEAD_BYTES = 16_384  # the references come first, after the root's namespace declarations

# Findings that mean the input could not be validated at all (exit 2).
INPUT_CODES = frozenset({"xml.malformed", "xml.not-xbrl", "dts.unavailable"})


@dataclass
class Report:
    """One instance's validation: its findings, and what was read."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    subject: Subject | None = None  # None when the input could not be read as an instance

    @property
    def unreadable(self) -> bool:
        """Whether the input could not be validated (not XML, not XBRL, DTS not at hand)."""
        return any(f.code in INPUT_CODES for f in self.findings)

    @property
    def errors(self) -> int:
        """How many findings are errors."""
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)


def validate_tree(tree: etree._ElementTree, location: str, file: str, engine: Engine = "libxml2") -> Report:
    """Validate a parsed instance; ``location`` is its URL, against which its references resolve."""
    with _schema_thread() as pool:
        return _validate(tree, location, file, engine, pool, None)


def _schema_thread() -> ThreadPoolExecutor:
    """The validation's own thread (not a shared pool: a build forks workers, and a pool's thread does not survive)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="xbrlgen-schema")


def _validate(
    tree: etree._ElementTree,
    location: str,
    file: str,
    engine: Engine,
    pool: ThreadPoolExecutor | None,
    ahead: _Ahead | None,
) -> Report:
    report = Report(file)
    root = tree.getroot()
    if root.tag != _XBRL:
        report.findings.append(Finding("xml.not-xbrl", f"the root element is {root.tag}, not xbrli:xbrl", file, 1))
        return report
    schema_refs, linkbase_refs = references(root)
    if not schema_refs:
        report.findings.append(Finding("dts.unavailable", "the instance has no link:schemaRef", file, 1))
        return report
    entries = _entries(location, schema_refs, linkbase_refs)
    dts = ahead.dts(entries) if ahead is not None else None
    if dts is None:
        dts = load_dts(entries)
    if dts.problems:  # reported at the instance that names the DTS
        report.findings += [Finding(p.code, p.message, file) for p in dts.problems]
        return report
    with _collector_paused():
        schema_findings = _schema_check(pool, tree, dts, file, engine)
        report.subject = Subject(file, read_instance(tree, dts.derived("names", _names)), dts)
        rule_findings = [finding for check in RULES.values() for finding in check(report.subject)]
        report.findings += schema_findings() + rule_findings
    return report


def _schema_check(
    pool: ThreadPoolExecutor | None, tree: etree._ElementTree, dts: DTS, file: str, engine: Engine
) -> Callable[[], list[Finding]]:
    """The schema findings, asked for after the rules: made on the pool's thread if there is one, else now.

    libxml2 validates without the GIL, so a large document's schema check runs beside the reading
    and the rules.  A release-sized one is checked in about a millisecond: a thread started for it
    costs more than it overlaps, and in a build every core already has a worker.
    """
    if pool is None:
        findings = validate_schema(tree, dts, file, engine)
        return lambda: findings
    return pool.submit(validate_schema, tree, dts, file, engine).result


def _names(dts: DTS) -> dict[QName, QName]:
    """Each concept name of a DTS, to itself (the reader makes facts' concepts these very tuples)."""
    return {name: name for name in dts.concepts}


def _entries(location: str, schema_refs: list[str], linkbase_refs: list[str]) -> tuple[str, ...]:
    return tuple(urljoin(location, href) for href in [*schema_refs, *linkbase_refs])


@dataclass
class _Ahead:
    """The DTS and its schema object, prepared on the schema thread while the main thread parses.

    Parsing releases the GIL and building a schema object mostly holds it: done side by side,
    neither waits for the other.  The entry points come from the document's first bytes; what is
    prepared is used only if the parsed document names the same ones.
    """

    entries: tuple[str, ...]
    future: Future[DTS]

    def dts(self, entries: tuple[str, ...]) -> DTS | None:
        """The prepared DTS if it is the one these entry points name (waits for it)."""
        if self.future.exception() is not None or entries != self.entries:
            return None  # whatever failed is done again, and reported, on the ordinary path
        return self.future.result()


def _prepare_ahead(pool: ThreadPoolExecutor, data: bytes, location: str, engine: Engine) -> _Ahead | None:
    head = head_references(data)
    if head is None or not head[0]:
        return None
    entries = _entries(location, *head)
    return _Ahead(entries, pool.submit(_prepare, entries, engine))


def _prepare(entries: tuple[str, ...], engine: Engine) -> DTS:
    dts = load_dts(entries)
    if not dts.problems:
        schema_object(dts, engine)
    return dts


def _validate_bytes(data: bytes, location: str, file: str, engine: Engine) -> Report:
    """Parse and validate.

    Only a large document gets a thread beside: its DTS is prepared while it is parsed and its
    schema checked while it is read; it is freed with care.
    """
    if len(data) < AHEAD_BYTES:  # parsed and checked in a few milliseconds: no thread beside
        return _validate_parsed(parse_xml(data, file, base_url=location), location, file, engine, None, None)
    with _schema_thread() as pool:
        ahead = _prepare_ahead(pool, data, location, engine)
        parsed = parse_xml(data, file, base_url=location)
        report = _validate_parsed(parsed, location, file, engine, pool, ahead)
    with fast_bins_off(len(data)):
        del parsed  # the last reference: the document is freed here
    return report


def _validate_parsed(
    parsed: Parsed, location: str, file: str, engine: Engine, pool: ThreadPoolExecutor | None, ahead: _Ahead | None
) -> Report:
    if parsed.tree is None:
        assert parsed.problem is not None
        return Report(file, [parsed.problem])
    return _validate(parsed.tree, location, file, engine, pool, ahead)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while an instance is read and checked.

    The facts, values and indexes are a few objects per fact, none in a cycle; the collector
    would walk them over and over as they pile up (a quarter of the time on 60,000 facts) and
    free nothing.  When it resumes after a large instance, what was made meanwhile joins the
    oldest generation (freeze, then unfreeze) instead of being walked at once by the next
    collection: reference counting frees it when the report goes.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            if gc.get_count()[0] > _MANY_OBJECTS:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def head_references(data: bytes) -> tuple[list[str], list[str]] | None:
    """The schemaRef and linkbaseRef hrefs read off a document's first bytes; None unless all are there.

    Read as safely as the whole document is (no DTD, entity or fetch), and only that far.
    """
    parser = etree.XMLPullParser(
        events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    schemas, linkbases = [], []
    depth = 0
    try:
        parser.feed(data[:_HEAD_BYTES])
        for event, element in parser.read_events():
            depth += 1 if event == "start" else -1
            if event == "end" or depth > 2 or not isinstance(element, etree._Element):
                continue
            if depth == 1 and element.tag != _XBRL:
                return None
            if element.tag == _SCHEMA_REF:
                schemas.append(element.get(_HREF, ""))
            elif element.tag == _LINKBASE_REF:
                linkbases.append(element.get(_HREF, ""))
            elif depth == 2 and element.tag not in _HEAD:
                return schemas, linkbases
    except etree.XMLSyntaxError:
        return None
    return None


def references(root: etree._Element) -> tuple[list[str], list[str]]:
    """The schemaRef and linkbaseRef hrefs, which XBRL 2.1 puts before any context or fact."""
    schemas, linkbases = [], []
    for child in root:
        if child.tag == _SCHEMA_REF:
            schemas.append(child.get(_HREF, ""))
        elif child.tag == _LINKBASE_REF:
            linkbases.append(child.get(_HREF, ""))
        elif child.tag not in _HEAD and isinstance(child.tag, str):
            break
    return schemas, linkbases


def validate_path(path: Path, engine: Engine = "libxml2") -> Report:
    """Validate an instance file."""
    data = read_bytes(path)
    if isinstance(data, Finding):
        return Report(path.name, [data])
    return _validate_bytes(data, path.resolve().as_uri(), path.name, engine)


def validate_written(data: bytes, location: Path, file: str) -> Report:
    """Validate instance bytes about to be written at ``location`` (its taxonomy already beside it)."""
    return _validate_bytes(data, location.resolve().as_uri(), file, "libxml2")


__all__ = ["INPUT_CODES", "Report", "validate_path", "validate_tree", "validate_written"]
