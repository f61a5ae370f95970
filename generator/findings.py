"""Typed findings: what the pipeline noticed, with a stable code and a place.

Every code is registered in :data:`CODES` with its severity and a one-line
meaning; the README documents the same table and a test keeps them in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# Exit codes mean one thing each, for every command: never a count.
EXIT_OK, EXIT_INVALID, EXIT_INPUT = 0, 1, 2


class Severity(StrEnum):
    """How much a finding matters: errors fail the release, the rest inform."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Code:
    """A registered finding code."""

    severity: Severity
    meaning: str


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741

CODES: dict[str, Code] = {
    # Reading a release (input problems: exit 2).
    "source.unreadable-file": Code(E, "the file cannot be read or decoded as UTF-8 text"),
    "source.no-statements": Code(E, "the file holds no recognisable financial statement"),
    "source.table-unreadable": Code(E, "a statement title is not followed by a readable table"),
    "source.columns-unreadable": Code(E, "a table's USD/JPY/% column header cannot be read"),
    "source.period-unparsed": Code(E, "a table's periods cannot be read from its heading"),
    "source.period-mismatch": Code(E, "a table's dated columns disagree with its heading"),
    "source.scale-missing": Code(E, "a statement does not state its unit scale"),
    "source.unknown-label": Code(E, "a row's label maps to no concept of the taxonomy"),
    "source.unknown-table": Code(E, "a table's title names no network of the taxonomy"),
    "source.ambiguous-label": Code(E, "a row's label maps to several concepts"),
    "source.column-empty": Code(E, "a column the header declares holds no figure in any row"),
    "source.table-incomplete": Code(
        E, "a statement ends before its closing line (net income, total liabilities and equity, cash at end)"
    ),
    "source.statement-missing": Code(
        E, "a release prints no statement of operations, balance sheet or cash flows in English"
    ),
    "source.total-missing": Code(E, "a total prints no figure in a column where all its items do"),
    "source.cell-unreadable": Code(E, "a cell holds no readable figure"),
    "source.row-misfit": Code(E, "a row has figures outside the table's columns"),
    "source.heading-with-figures": Code(
        E, "a heading line (no line item, or a label ending in a colon) prints figures"
    ),
    "source.rate-missing": Code(E, "USD figures are printed but no Note (1) states the rate"),
    "source.rate-conflict": Code(E, "two notes of one release state different rates"),
    "source.figure-conflict": Code(E, "one figure is printed twice with different values"),
    "source.erratum-mismatch": Code(E, "an erratum does not match the line it names"),
    "source.duplicate-release": Code(E, "two documents carry the same release and neither is clearly the primary"),
    "source.narrative-mismatch": Code(E, "a curated prose statement is not printed where narrative.yaml says"),
    "source.cover-missing": Code(E, "the release prints no dateline naming the registrant, date, exchange and ticker"),
    "coverage.unexplained": Code(E, "a printed figure is neither a fact nor excluded with a reason"),
    # Source observations that do not stop a build.
    "source.erratum-applied": Code(I, "a known OCR defect was corrected as the errata file states"),
    "source.dot-leader": Code(I, "a cell printed only dot leaders and is read as blank"),
    "source.printed-twice": Code(
        W, "one fact is printed twice with different values; the primary statement's value is used"
    ),
    "source.corroboration-unreadable": Code(W, "a corroborating copy has an unreadable table, row or cell"),
    "source.corroboration-disagrees": Code(W, "a corroborating copy prints a different figure"),
    "source.japanese-disagrees": Code(W, "the Japanese table prints a different figure than the English one"),
    "source.japanese-unreadable": Code(W, "a row or cell of a Japanese table cannot be read"),
    "source.ocr-noise": Code(
        I, "a corroborating copy prints the same figure through OCR noise (separators, stray marks)"
    ),
    "source.cover-disagrees": Code(W, "the release prints another ticker than its dateline's"),
    "source.same-release": Code(I, "a document carries the same release as another and only corroborates it"),
    "audit.percentage": Code(W, "a printed percentage differs from the one its row's amounts give"),
    "audit.percentage-rounding": Code(I, "a printed percentage is one unit of its last digit off its row's amounts"),
    "usd.rounding-plug": Code(I, "a USD figure differs from JPY / rate by one unit of rounding (the release's plug)"),
    "usd.mismatch": Code(W, "a USD figure differs from JPY / rate by more than rounding"),
    "footnote.marker-mismatch": Code(W, "a USD column cites a note that is not the translation note"),
    "footnote.untranslated": Code(I, "a note has no Japanese text in the release; its footnote is English only"),
    "footnote.japanese-only": Code(I, "a note is printed under the Japanese table only; its footnote is Japanese only"),
    "footnote.borrowed": Code(I, "a table prints no translation note of its own; the release's note is linked"),
    # Validating an instance (ours or anyone's): input that cannot be validated (exit 2) ...
    "xml.malformed": Code(E, "the file is not readable, well-formed XML, or declares a DTD"),
    "xml.not-xbrl": Code(E, "the root element is not xbrli:xbrl"),
    "dts.unavailable": Code(E, "a schema or linkbase of the instance's DTS cannot be had offline"),
    # ... and what it finds (exit 1 on errors).
    "schema.invalid": Code(E, "the instance is not valid against the XBRL 2.1 schemas and its taxonomy"),
    "xbrl.context-missing": Code(E, "a fact's contextRef names no context"),
    "xbrl.unit-missing": Code(E, "a numeric fact has no unitRef, or it names no unit"),
    "xbrl.period-type": Code(E, "a fact's context is an instant for a duration concept, or the reverse"),
    "xbrl.period-invalid": Code(E, "a duration ends before it starts, or has an unreadable date"),
    "xbrl.monetary-unit": Code(E, "a monetary fact's unit is not one ISO 4217 currency"),
    "xbrl.shares-unit": Code(E, "a shares fact's unit is not xbrli:shares"),
    "xbrl.decimals-missing": Code(E, "a numeric fact states neither decimals nor precision"),
    "xbrl.precision-used": Code(E, "a numeric fact states precision; EDGAR requires decimals"),
    "xbrl.duplicate-inconsistent": Code(E, "duplicate facts (concept, context, unit, language) disagree"),
    "xbrl.footnote-dangling": Code(E, "a footnote arc names a label or fact that is not in the instance"),
    "dimensions.unknown-dimension": Code(E, "a context names a dimension the DTS does not declare"),
    "dimensions.unknown-member": Code(E, "an explicit member is not a concept of the DTS"),
    "dimensions.default-member": Code(E, "a context writes a dimension's default member"),
    "dimensions.invalid": Code(E, "a fact's context is not valid for its concept's hypercubes"),
    "calc.inconsistent": Code(E, "a summation is inconsistent under Calculations 1.1 rounding"),
    "edgar.pure-unit": Code(E, "a pure fact's unit is not xbrli:pure"),
    "edgar.unused-context": Code(E, "a context is used by no fact"),
    "edgar.unused-unit": Code(E, "a unit is used by no fact"),
    "edgar.equivalent-contexts": Code(E, "two contexts have the same entity, period and dimensions"),
    "edgar.entity-scheme": Code(
        E, "a context's entity is not a ten-digit CIK in the SEC's scheme, or there are several"
    ),
    "edgar.scenario-used": Code(E, "a context has a scenario (EDGAR puts dimensions in the segment)"),
    "edgar.cover-missing": Code(
        E, "a required cover fact (document type, period end, registrant, CIK, amendment) is absent"
    ),
    "edgar.footnote-unlinked": Code(E, "a footnote is linked from no fact"),
    "integrity.balance-sheet": Code(E, "total assets differ from liabilities, minority interest and equity"),
    "integrity.cash-roll": Code(E, "cash at beginning plus net change differs from cash at end"),
    "integrity.usd-translation": Code(
        E, "a USD fact differs from its JPY fact at the stated rate by more than rounding"
    ),
    "integrity.per-share": Code(E, "earnings per share (or ADS) differ from net income over the weighted count"),
    # Across releases.
    "restatement.explained": Code(I, "a figure changed between releases and a note linked to it says why"),
    "restatement.unexplained": Code(W, "a figure changed between releases and no linked note explains it"),
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation, tied to where it was made."""

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    concept: str | None = None
    context: str | None = None
    fact: str | None = None  # the fact's id, where the finding concerns one

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise KeyError(f"unregistered finding code {self.code!r}")

    def __reduce__(self) -> tuple[type[Finding], tuple[str | int | None, ...]]:
        """Pickled as its fields: a worker sends a release's findings back, and slots' default state is slower."""
        return Finding, (self.code, self.message, self.file, self.line, self.concept, self.context, self.fact)

    @property
    def severity(self) -> Severity:
        """The registered severity of this finding's code."""
        return CODES[self.code].severity

    def where(self) -> str:
        """``file:line`` (or what is known of it)."""
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file or "-"

    def render(self) -> str:
        """One line for humans: place, severity, code, message."""
        return f"{self.where()}: {self.severity} [{self.code}] {self.message}"

    def as_json(self) -> dict[str, str | int | None]:
        """The finding as a JSON object, for machines."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "concept": self.concept,
            "context": self.context,
            "fact": self.fact,
            "message": self.message,
        }


def count(findings: list[Finding] | tuple[Finding, ...], severity: Severity) -> int:
    """How many findings have the given severity."""
    return sum(1 for f in findings if f.severity is severity)
