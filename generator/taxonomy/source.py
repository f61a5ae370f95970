"""The YAML source of truth, as pydantic models that reject malformed entries."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.yamlfile import read_yaml


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class LabelPair(_Strict):
    """One label in both languages."""

    en: str
    ja: str


class Printed(_Strict):
    """Wordings the releases print for a line, beyond its labels."""

    en: list[str] = Field(default_factory=list)
    ja: list[str] = Field(default_factory=list)


class Documentation(_Strict):
    """A documentation label (English only where no Japanese text exists)."""

    en: str
    ja: str | None = None


ItemKind = Literal[
    "monetary",
    "perShare",
    "perAds",
    "shares",
    "ads",
    "contracts",
    "gbps",
    "percent",
    "pure",
    "text",
    "date",
    "year",
    "boolean",
    "abstract",
    "axis",
    "hypercube",
    "member",
]


class ConceptEntry(_Strict):
    """One row of the concept table."""

    type: ItemKind
    balance: Literal["debit", "credit"] | None = None
    period: Literal["duration", "instant"] = "duration"
    us_gaap: str | None = Field(default=None, alias="us-gaap")
    us_gaap_nearest: str | None = Field(default=None, alias="us-gaap-nearest")
    label: LabelPair
    terse: LabelPair | None = None
    total: LabelPair | None = None
    negated: LabelPair | None = None
    start: LabelPair | None = None
    end: LabelPair | None = None
    printed: Printed = Field(default_factory=Printed)
    doc: Documentation | None = None


class ConceptTable(_Strict):
    """``concepts.yaml``."""

    concepts: dict[str, ConceptEntry]


class Titles(_Strict):
    """Names of the release tables a network reads, per language."""

    en: list[str] = Field(default_factory=list)
    ja: list[str] = Field(default_factory=list)


class AxisEntry(_Strict):
    """An explicit dimension: its domain and default member."""

    axis: str
    domain: str
    default: str


class HypercubeEntry(_Strict):
    """A hypercube of explicit dimensions (XBRL Dimensions 1.0)."""

    table: str
    line_items: str = Field(alias="line-items")
    axes: list[AxisEntry]


class StatementEntry(_Strict):
    """One network of ``statements.yaml``."""

    id: str
    order: int
    title: str
    titles: Titles | None = None
    closing: str | None = None  # the line a complete statement ends with (no such line: truncated)
    hypercube: HypercubeEntry | None = None
    presentation: list[str | dict[str, list[object]]]
    calculations: list[str] = Field(default_factory=list)


class StatementTable(_Strict):
    """``statements.yaml``."""

    statements: list[StatementEntry]


def load_concept_table(path: Path) -> ConceptTable:
    """Read and validate ``concepts.yaml``."""
    return ConceptTable.model_validate(read_yaml(path))


def load_statement_table(path: Path) -> StatementTable:
    """Read and validate ``statements.yaml``."""
    return StatementTable.model_validate(read_yaml(path))
