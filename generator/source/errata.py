"""Known OCR defects of the bundled sources, corrected line by line.

``sources/errata.yaml`` names each defective line, quotes text the line must
contain (so a changed source cannot be "corrected" blindly), says what to do
and why: ``ignore`` an OCR ghost line, ``drop-cells`` printed on a heading,
``split`` a line holding two rows, ``fix`` a label or cells (columns are
counted from 1 after the label), or ``replace`` a line's whole text (a note
whose superscript OCR turned into LaTeX).  Every correction is reported as an info finding, and an erratum
that matches nothing is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, RootModel, model_validator

from generator.source.cells import has_digit
from generator.yamlfile import read_yaml


class Erratum(BaseModel):
    """One correction of one line."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    line: int
    expect: str
    action: Literal["ignore", "drop-cells", "split", "fix", "replace"]
    reason: str
    rows: tuple[str, ...] | None = None
    single: int | None = None
    label: str | None = None
    cells: dict[int, str] | None = None
    text: str | None = None

    @model_validator(mode="after")
    def _complete(self) -> Erratum:
        if self.action == "split" and not self.rows:
            raise ValueError("split needs rows")
        if self.action == "fix" and self.label is None and not self.cells:
            raise ValueError("fix needs a label or cells")
        if self.action == "replace" and self.text is None:
            raise ValueError("replace needs text")
        return self


class ErrataFile(RootModel[dict[str, list[Erratum]]]):
    """``errata.yaml``: file name to its errata."""


class Exclusion(BaseModel):
    """A table deliberately left out: its title line, quoted, and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    line: int
    expect: str
    reason: str


class ExclusionsFile(RootModel[dict[str, list[Exclusion]]]):
    """``exclusions.yaml``: file name to its excluded tables."""


def load_exclusions(path: Path) -> dict[str, dict[int, Exclusion]]:
    """Excluded tables by file name and title line (no file: none)."""
    if not path.is_file():
        return {}
    parsed = ExclusionsFile.model_validate(read_yaml(path) or {})
    return {name: {entry.line: entry for entry in entries} for name, entries in parsed.root.items()}


def load_errata(path: Path) -> dict[str, dict[int, Erratum]]:
    """Errata by file name and line number (no file: no errata)."""
    if not path.is_file():
        return {}
    parsed = ErrataFile.model_validate(read_yaml(path) or {})
    table: dict[str, dict[int, Erratum]] = {}
    for name, entries in parsed.root.items():
        by_line: dict[int, Erratum] = {}
        for entry in entries:
            if entry.line in by_line:
                raise ValueError(f"{path.name}: two errata for {name}:{entry.line}")
            by_line[entry.line] = entry
        table[name] = by_line
    return table


def split_cells(erratum: Erratum, cells: list[str]) -> list[list[str]]:
    """Distribute a merged row's cells over the erratum's rows.

    A cell holding one token per row is split in order; a cell holding a
    single token goes to row ``single``; an empty cell stays empty everywhere.
    """
    rows = erratum.rows or ()
    out = [[""] * len(cells) for _ in rows]
    for index, cell in enumerate(cells):
        tokens = cell.split()
        if not tokens:
            continue
        if len(tokens) == len(rows):
            for row, token in zip(out, tokens, strict=True):
                row[index] = token
        elif len(tokens) == 1 and erratum.single is not None:
            out[erratum.single][index] = tokens[0]
        else:
            raise ValueError(f"cell {index + 1} {cell!r} does not split over {len(rows)} rows")
    return out


@dataclass(frozen=True)
class Applied:
    """A table line after its erratum: the rows it yields and the cells it drops."""

    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (label text, cell texts from column 1)
    dropped: tuple[tuple[int, str], ...]  # (column, text) of figures no row keeps


def apply_erratum(erratum: Erratum | None, raw: str) -> Applied:
    """The rows a table line yields once its erratum (if any) is applied."""
    parts = raw.split("\t")
    label, cells = parts[0], parts[1:]
    if erratum is None:
        return Applied(((label, tuple(cells)),), ())
    figures = [(column, text) for column, text in enumerate(parts) if has_digit(text)]
    if erratum.action == "ignore":
        return Applied((), tuple(figures))
    if erratum.action == "drop-cells":
        return Applied(((label, ()),), tuple((c, t) for c, t in figures if c > 0))
    if erratum.action == "split":
        return Applied(tuple(zip(erratum.rows or (), (tuple(p) for p in split_cells(erratum, cells)), strict=True)), ())
    fixed = list(cells)
    dropped = []
    for column, text in (erratum.cells or {}).items():
        fixed += [""] * max(0, column - len(fixed))
        if has_digit(fixed[column - 1]) and fixed[column - 1].strip() != text:
            dropped.append((column, fixed[column - 1]))
        fixed[column - 1] = text
    return Applied(((erratum.label if erratum.label is not None else label, tuple(fixed)),), tuple(dropped))
