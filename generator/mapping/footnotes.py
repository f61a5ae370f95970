"""Release notes become footnotes linked to the facts they qualify.

* The convenience-translation note (the one stating the rate) qualifies every
  USD fact, and the rate fact; a table that prints no such note of its own
  borrows the release's note covering the same span.
* A note marked on a row (``Dedicated access services (2)``) qualifies the
  facts that row prints; a note saying which period it restates ("The 3rd
  quarter of FY2001 presented has been reclassified") qualifies only the
  row's facts of that period.
* The Japanese table of the same statement supplies the note's Japanese text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.findings import Finding
from generator.instance.model import Footnote
from generator.mapping.facts import Draft
from generator.source.document import is_translation_note
from generator.source.model import ColumnRole, Language, Note, Table
from generator.source.periods import restated_period_end


@dataclass
class _Links:
    order: list[Note] = field(default_factory=list)
    facts: dict[Note, list[str]] = field(default_factory=dict)

    def link(self, note: Note, fact_id: str) -> None:
        if note not in self.facts:
            self.order.append(note)
            self.facts[note] = []
        if fact_id not in self.facts[note]:
            self.facts[note].append(fact_id)


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


def _japanese_text(note: Note, english: list[Table], japanese: list[Table]) -> str | None:
    home = next((t for t in english if note in t.notes), None)
    if home is None:
        return None
    twin = next((t for t in japanese if t.key == home.key), None)
    if twin is None:
        return None
    return next((n.text for n in twin.notes if n.number == note.number), None)


def build_footnotes(
    drafts: list[Draft],
    tables: list[Table],
    rate_fact_id: str | None,
    rate_note: Note | None,
) -> tuple[list[Footnote], list[Finding]]:
    """Footnotes for one release's facts, in order of first use."""
    english = [t for t in tables if t.language is Language.EN]
    japanese = [t for t in tables if t.language is Language.JA]
    translation, findings = translation_notes(english)
    links = _Links()
    if rate_fact_id and rate_note:
        links.link(rate_note, rate_fact_id)
    for draft in drafts:
        for figure in draft.figures:
            table = figure.table
            if figure.column.role is ColumnRole.USD and table.title_line in translation:
                links.link(translation[table.title_line], draft.fact.id)
            for marker in figure.resolved.row.markers:
                note = next((n for n in table.notes if n.number == marker), None)
                if note is None or note is translation.get(table.title_line):
                    continue
                restated = restated_period_end(note.text)
                if restated is None or (figure.column.period and figure.column.period.end == restated):
                    links.link(note, draft.fact.id)
    footnotes = []
    for number, note in enumerate(links.order, start=1):
        texts = [("en", note.text)]
        ja = _japanese_text(note, english, japanese)
        if ja:
            texts.append(("ja", ja))
        else:
            findings.append(
                Finding(
                    "footnote.untranslated",
                    f"Note ({note.number}) has no Japanese text in the release",
                    english[0].file if english else None,
                    note.line,
                )
            )
        footnotes.append(Footnote(f"fn{number}", tuple(texts), tuple(links.facts[note])))
    return footnotes, findings
