"""Release notes become footnotes linked to the facts they qualify.

* The convenience-translation note (the one stating the rate) qualifies every
  USD fact, and the rate fact; a table that prints no such note of its own
  borrows the release's note covering the same span.
* A note marked on a row (``Dedicated access services (2)``, ``IIJ DSL/F
  ^(*3)``) qualifies the facts that row prints: a statement's own numbered
  notes, or an operating table's nearest following note with that marker.  A
  note saying which period it restates ("The 3rd quarter of FY2001 presented
  has been reclassified") qualifies only the row's facts of that period.
* A note under prose (the EBITDA definition) qualifies facts by concept, as
  ``sources/narrative.yaml`` says.
* The Japanese text is the Japanese table's note of the same number, or the
  note the Japanese row of the same concept marks (the two languages number
  them differently).  A note only the Japanese table prints becomes a
  Japanese-only footnote on the English row's facts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.findings import Finding
from generator.instance.model import Footnote
from generator.mapping.facts import Draft
from generator.mapping.rows import Resolved
from generator.source.document import is_translation_note
from generator.source.model import ColumnRole, Document, Language, Note, Row, StatementKind, Table
from generator.source.periods import restated_period_end


@dataclass(frozen=True)
class ProseLink:
    """A note linked by concept rather than by a row's marker."""

    note: Note
    japanese: Note | None
    fact_ids: tuple[str, ...]


@dataclass
class _Links:
    order: list[Note] = field(default_factory=list)
    facts: dict[Note, list[str]] = field(default_factory=dict)
    concepts: dict[Note, str] = field(default_factory=dict)  # the concept of the first row marking the note

    def link(self, note: Note, fact_id: str, concept: str | None = None) -> None:
        ids = self.facts.get(note)
        if ids is None:
            self.order.append(note)
            ids = self.facts[note] = []
            if concept:
                self.concepts[note] = concept
        if fact_id not in ids:
            ids.append(fact_id)


def translation_notes(tables: Iterable[Table]) -> tuple[dict[int, Note], list[Finding]]:
    """The translation note each English table links its USD facts to, by title line."""
    tables = [t for t in tables if t.language is Language.EN]
    own = {t.title_line: next((n for n in t.notes if is_translation_note(n)), None) for t in tables}
    chosen: dict[int, Note] = {}
    findings: list[Finding] = []
    for table in tables:
        note = own[table.title_line]
        if note is None and any(c.role is ColumnRole.USD for c in table.columns):
            same_span = [own[t.title_line] for t in tables if t.months == table.months and own[t.title_line]]
            anywhere = [n for n in own.values() if n]
            candidates = same_span or anywhere
            note = next((n for n in candidates if n is not None), None)
            if note is None:
                continue
            findings.append(
                Finding(
                    "footnote.borrowed",
                    f"{table.describe()} prints no translation note; its USD facts link to Note (1) "
                    f"at line {note.line}",
                    table.file,
                    table.title_line,
                )
            )
        if note is not None:
            chosen[table.title_line] = note
            findings += _check_usd_marker(table, note)
    return chosen, findings


def _check_usd_marker(table: Table, translation: Note) -> list[Finding]:
    findings = []
    for column in table.columns:
        if column.role is not ColumnRole.USD:
            continue
        for marker in column.markers:
            cited = next((n for n in table.notes if n.number == marker), None)
            if cited is not None and cited is not translation:
                findings.append(
                    Finding(
                        "footnote.marker-mismatch",
                        f"the USD column cites Note ({marker}), which is not the translation note; "
                        f"Note ({translation.number}) is linked",
                        table.file,
                        table.first_line,
                    )
                )
    return findings


def row_note(table: Table, row: Row, marker: str, notes: tuple[Note, ...]) -> Note | None:
    """The note a row's marker cites: the table's own, else the nearest following one."""
    own = next((n for n in table.notes if n.number == marker), None)
    if own is not None or table.kind is not StatementKind.OPERATING:
        return own
    return next((n for n in notes if n.number == marker and n.language is table.language and n.line > row.line), None)


@dataclass(frozen=True)
class _Japanese:
    """Where Japanese note texts come from."""

    english: list[Table]
    tables: list[Table]
    rows: list[tuple[Table, list[Resolved]]]  # the Japanese tables' rows, resolved
    notes: tuple[Note, ...]

    def by_number(self, note: Note) -> Note | None:
        home = next((t for t in self.english if note in t.notes), None)
        twin = next((t for t in self.tables if home and t.key == home.key), None)
        return next((n for n in twin.notes if n.number == note.number), None) if twin else None

    def by_concept(self, concept: str) -> Note | None:
        for table, rows in self.rows:
            for resolved in rows:
                if resolved.placement.concept != concept:
                    continue
                for marker in resolved.row.markers:
                    found = row_note(table, resolved.row, marker, self.notes)
                    if found is not None:
                        return found
        return None

    def marked(self) -> list[tuple[Table, str, Note]]:
        """Every Japanese row's note: table, concept, note."""
        found = []
        for table, rows in self.rows:
            for resolved in rows:
                for marker in resolved.row.markers:
                    note = row_note(table, resolved.row, marker, self.notes)
                    if note is not None:
                        found.append((table, resolved.placement.concept, note))
        return found


def _link_rows(drafts: list[Draft], translation: dict[int, Note], notes: tuple[Note, ...], links: _Links) -> None:
    usd = ColumnRole.USD  # a local name: a member look-up on 3.11's EnumType is slow, and this runs per figure
    for draft in drafts:
        for figure in draft.figures:
            table = figure.table
            if figure.column.role is usd and table.title_line in translation:
                links.link(translation[table.title_line], draft.fact.id)
            for marker in figure.resolved.row.markers:
                note = row_note(table, figure.resolved.row, marker, notes)
                if note is None or note is translation.get(table.title_line):
                    continue
                restated = restated_period_end(note.text)
                if restated is None or (figure.column.period and figure.column.period.end == restated):
                    links.link(note, draft.fact.id, figure.concept)


def _japanese_only(
    drafts: list[Draft], japanese: _Japanese, used: set[Note], file: str
) -> tuple[list[tuple[Note, list[str]]], list[Finding]]:
    """Notes only a Japanese row marks, linked to the facts of the English rows of that concept."""
    found: list[tuple[Note, list[str]]] = []
    findings: list[Finding] = []
    for table, concept, note in japanese.marked():
        if note in used or any(n is note for n, _ in found):
            continue
        ids = [
            d.fact.id
            for d in drafts
            if d.fact.concept == concept and any(f.table.periods == table.periods for f in d.figures)
        ]
        if ids:
            found.append((note, ids))
            findings.append(
                Finding(
                    "footnote.japanese-only",
                    f"note ({note.number}) is printed under the Japanese table only; linked to {concept}",
                    file,
                    note.line,
                    concept,
                )
            )
    return found, findings


def build_footnotes(
    drafts: list[Draft],
    document: Document,
    japanese_rows: list[tuple[Table, list[Resolved]]],
    prose: list[ProseLink],
    translations: tuple[dict[int, Note], list[Finding]],
) -> tuple[list[Footnote], list[Finding]]:
    """Footnotes for one release's facts: notes linked by concept first, then by row.

    ``translations`` is what :func:`translation_notes` says of the document's English tables (the caller has it).
    """
    english = list(document.english_tables)
    japanese = _Japanese(
        english, [t for t in document.tables if t.language is Language.JA], japanese_rows, document.notes
    )
    translation, findings = translations[0], list(translations[1])
    links = _Links()
    texts_ja: dict[Note, Note] = {}
    for link in prose:
        for fact_id in link.fact_ids:
            links.link(link.note, fact_id)
        if link.japanese is not None:
            texts_ja[link.note] = link.japanese
    _link_rows(drafts, translation, document.notes, links)
    for note in links.order:
        if note not in texts_ja:
            concept = links.concepts.get(note)
            found = japanese.by_number(note) or (japanese.by_concept(concept) if concept else None)
            if found is not None:
                texts_ja[note] = found
    only, problems = _japanese_only(drafts, japanese, set(texts_ja.values()), document.name)
    findings += problems
    footnotes = []
    for number, note in enumerate(links.order, start=1):
        texts = [("en", note.text)]
        if note in texts_ja:
            texts.append(("ja", texts_ja[note].text))
        else:
            findings.append(
                Finding(
                    "footnote.untranslated",
                    f"Note ({note.number}) has no Japanese text in the release",
                    document.name,
                    note.line,
                )
            )
        footnotes.append(Footnote(f"fn{number}", tuple(texts), tuple(links.facts[note])))
    for number, (note, ids) in enumerate(only, start=len(footnotes) + 1):
        footnotes.append(Footnote(f"fn{number}", (("ja", note.text),), tuple(ids)))
    return footnotes, findings
