"""Synthetic release documents for scaling runs: 001, corrected and moved back in time.

Each copy is 001 (2Q FY2001, English: statements and operating tables) with
its errata applied to the text itself (the errata file names the real
release only) and every dated heading, dateline and note moved back two
years per copy, so that each copy is a distinct release with its own period end and
instance.  The figures stay 001's, so every copy builds clean.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.resources import sources_dir
from generator.source.errata import apply_erratum, load_errata
from generator.source.text import read_lines

TEMPLATE = "001_5cc87033c547cdfb.txt"
_DATED = re.compile(
    r"\b((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*,\s*)(\d{4})\b"
    r"|\b((?:fiscal|FY)\s*)(\d{4})\b"
)


def corrected_template() -> list[str]:
    """001's lines with its errata applied to the text."""
    path = sources_dir() / TEMPLATE
    errata = load_errata(sources_dir() / "errata.yaml").get(TEMPLATE, {})
    lines = read_lines(path)
    for number, erratum in errata.items():
        raw = lines[number - 1]
        if erratum.action == "replace":
            lines[number - 1] = erratum.text or ""
        else:
            rows = apply_erratum(erratum, raw).rows
            lines[number - 1] = "\n".join("\t".join((label, *cells)) for label, cells in rows)
    return "\n".join(lines).split("\n")


def shifted(lines: list[str], years: int) -> str:
    """The text with every dated heading, dateline and fiscal year moved ``years`` back."""

    def move(match: re.Match[str]) -> str:
        prefix = match.group(1) or match.group(3)
        year = int(match.group(2) or match.group(4))
        return f"{prefix}{year - years:04d}"

    return "\n".join(_DATED.sub(move, line) for line in lines)


def write_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` synthetic releases in ``folder``, two years apart (no copy's periods meet another's)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = corrected_template()
    paths = []
    for number in range(count):
        path = folder / f"synthetic_{number:04d}.txt"
        path.write_text(shifted(lines, 2 * number), encoding="utf-8")
        paths.append(path)
    return paths
