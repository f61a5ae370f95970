"""What the releases state in prose: guidance, and the notes that qualify it.

Sentences are not tables, and no pattern reads "expects total revenues to be
between JPY10.0 billion and JPY10.5 billion" safely across releases.  So
``sources/narrative.yaml`` names each statement by hand: its line, a quote
the line must contain, the concept and period it speaks of and the figures
as printed (each must appear in the quote).  The reader checks all of this
against the source, so a curated entry can never state what the release
does not.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, RootModel, model_validator

from generator.findings import Finding
from generator.source.model import Document, Language
from generator.source.periods import fiscal_period
from generator.yamlfile import read_yaml

# How many units one printed unit is; "%" reads as a fraction.
SCALES: dict[str, int] = {"billion": 10**9, "億": 10**8, "million": 10**6, "%": 1}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Figures(_Strict):
    """Printed figures: a point, or a range's ends (a lower end alone: "more than 15%")."""

    point: str | None = None
    lower: str | None = None
    upper: str | None = None
    scale: Literal["billion", "億", "million", "%"]
    negative: bool = False  # "an approximate 50% decline": the change is -50%

    @model_validator(mode="after")
    def _one_shape(self) -> Figures:
        if (self.point is None) == (self.lower is None and self.upper is None):
            raise ValueError("give a point, or a lower and/or upper end")
        return self

    def printed(self) -> dict[str, str]:
        """The figures as printed, by kind (point, lower, upper)."""
        return {k: v for k, v in (("point", self.point), ("lower", self.lower), ("upper", self.upper)) if v}

    def value(self, text: str) -> tuple[Decimal, int]:
        """A printed figure as a full value, and its ``decimals``."""
        printed = Decimal(text.replace(",", ""))
        digits = -int(printed.as_tuple().exponent)
        scale = SCALES[self.scale]
        value = printed * scale
        decimals = digits - (len(str(scale)) - 1)
        if self.scale == "%":
            value, decimals = value / 100, decimals + 2
        value = value.normalize() + 0  # 10.5 billion is 10500000000, not 10500000000.0
        return (-value if self.negative else value), decimals


class JapaneseQuote(_Strict):
    """The Japanese summary's sentence on the same forecast."""

    line: int
    quote: str
    figures: Figures | None = None


class Forecast(_Strict):
    """One forecast: figures (``figures``, and ``usd`` where translated) or, without them, the quote as text."""

    line: int
    quote: str
    concept: str
    period: str
    figures: Figures | None = None
    usd: Figures | None = None
    ja: JapaneseQuote | None = None

    @model_validator(mode="after")
    def _readable_period(self) -> Forecast:
        if fiscal_period(self.period) is None:
            raise ValueError(f"period {self.period!r} is not like '3Q FY2001', '1H FY2002' or 'FY2002'")
        if self.usd is not None and self.figures is None:
            raise ValueError("usd translates figures; give the figures too")
        return self


class ProseNote(_Strict):
    """A note printed under prose, and the facts it qualifies (by concept, and period if given)."""

    line: int
    concepts: tuple[str, ...]
    period: str | None = None
    ja: int | None = None  # the line of the Japanese note with the same text


class Narrative(_Strict):
    """One release's curated prose."""

    forecasts: tuple[Forecast, ...] = ()
    notes: tuple[ProseNote, ...] = ()


class NarrativeFile(RootModel[dict[str, Narrative]]):
    """``narrative.yaml``: file name to its narrative."""


def load_narrative(path: Path) -> dict[str, Narrative]:
    """Curated prose by file name (no file: none)."""
    if not path.is_file():
        return {}
    return NarrativeFile.model_validate(read_yaml(path) or {}).root


def check_narrative(narrative: Narrative, document: Document) -> list[Finding]:
    """Every quote on its line, every figure in its quote, every note where it is named."""
    findings: list[Finding] = []
    lines = document.lines

    def mismatch(line: int, message: str) -> None:
        findings.append(Finding("source.narrative-mismatch", message, document.name, line))

    def quoted(line: int, quote: str, figures: Figures | None) -> None:
        if not 0 < line <= len(lines) or quote not in lines[line - 1]:
            mismatch(line, f"the line does not print {quote!r}")
            return
        for text in figures.printed().values() if figures else ():
            if text not in quote:
                mismatch(line, f"{text!r} is not in the quote {quote!r}")

    for forecast in narrative.forecasts:
        quoted(forecast.line, forecast.quote, forecast.figures)
        if forecast.usd:
            quoted(forecast.line, forecast.quote, forecast.usd)
        if forecast.ja:
            quoted(forecast.ja.line, forecast.ja.quote, forecast.ja.figures)
    notes = {(n.line, n.language) for n in document.notes}
    for note in narrative.notes:
        if (note.line, Language.EN) not in notes:
            mismatch(note.line, "no English note is printed on this line")
        if note.ja is not None and (note.ja, Language.JA) not in notes:
            mismatch(note.ja, "no Japanese note is printed on this line")
        if note.period is not None and fiscal_period(note.period) is None:
            mismatch(note.line, f"period {note.period!r} is not like '3Q FY2001', '1H FY2002' or 'FY2002'")
    return findings
